import type { HomeProgram, ProgramContact } from '../../services/home-program.js';
import { countryName } from '../i18n/index.js';
import type { ViewContext } from './context.js';
import { href } from './layout.js';

// Home mode: who runs the program, which committee looks after a partner's country and whom to ask. Contact
// details arrive only where the person is marked public (HomeProgramService drops the others).

/** A person of the program: name, role and position, and their public address and phone. */
export function Contact(p: { v: ViewContext; person: ProgramContact }) {
  const { v, person: c } = p;
  const role = [v.t.entries.choices[c.role] ?? c.role, c.position].filter(Boolean).join(', ');
  return (
    <li>
      <span class="title">{c.name}</span>
      {role}
      {(c.email || c.phone) && (
        <span class="contact">
          {c.email && (
            <>
              <br />
              <a href={`mailto:${c.email}`}>{c.email}</a>
            </>
          )}
          {c.phone && (
            <>
              <br />
              <a href={`tel:${c.phone.replace(/[^+\d]/g, '')}`}>{c.phone}</a>
            </>
          )}
        </span>
      )}
    </li>
  );
}

/** The anchor of a committee on its organization's page. */
export const committeeAnchor = (id: number) => `committee-${id}`;

/**
 * "Our program with X" on a partner's page (`committee` is the one for the partner's country, or none), or
 * "Our program" on the home's own page and the home page (every committee). Nothing without an organization.
 */
export function OurProgram(p: {
  v: ViewContext;
  title: string;
  programs: HomeProgram[];
  /** a partner's page: only the committee for its country is named, and its people are whom to ask */
  partner?: boolean;
}) {
  const { v } = p;
  const t = v.t.places;
  if (!p.programs.length) return null;
  return (
    <section class="card our-program" aria-labelledby="h-our-program">
      <h2 id="h-our-program">{p.title}</h2>
      {p.programs.map(({ org, committees, people }) => {
        const orgPath = `/orgs/${org.slug}`;
        // on a partner's page the committee's people are whom to ask; the office's only without them
        const ask = p.partner ? (committees[0]?.people.length ? committees[0].people : people) : people;
        return [
          <dl class="facts">
            <dt>{t.runBy}</dt>
            <dd>
              <a href={href(orgPath, v.lang)}>{org.name}</a>
            </dd>
            {committees.length > 0 && (
              <>
                <dt>{p.partner ? t.committee : t.committees}</dt>
                <dd>
                  <ul class="plain">
                    {committees.map((c) => (
                      <li>
                        <a href={`${href(orgPath, v.lang)}#${committeeAnchor(c.id)}`}>{c.title}</a>
                        {!p.partner && c.country && (
                          <span class="muted"> · {countryName(v.lang, c.country)}</span>
                        )}
                        {p.partner && c.about && (
                          <>
                            <br />
                            <span class="muted">{c.about}</span>
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {ask.length > 0 && (
              <>
                <dt>{t.whomToAsk}</dt>
                <dd>
                  <ul class="plain contacts">
                    {ask.map((c) => (
                      <Contact v={v} person={c} />
                    ))}
                  </ul>
                </dd>
              </>
            )}
          </dl>,
          <p>
            <a href={href(orgPath, v.lang)}>{t.allContacts(org.name)}</a>
          </p>,
        ];
      })}
    </section>
  );
}
