import type { Entry } from '../../domain/entries.js';
import type { Organization } from '../../domain/organizations.js';
import type { OrgView } from '../../services/entry-views.js';
import { localName } from '../i18n/index.js';
import type { ViewContext } from './context.js';
import { EntryLog, type SubjectLink } from './entry-view.js';
import { href, renderPage } from './layout.js';
import { placePath } from './links.js';
import { EditLink } from './post-form.js';
import { committeeAnchor } from './our-program.js';
import { FollowForm, subjectLinks } from './program.js';
import { ListingTerms } from './seeking.js';

/** Every organization, by name. */
export function orgsPage(v: ViewContext, orgs: Organization[]): string {
  const t = v.t.orgs;
  return renderPage(v, {
    title: t.title,
    children: (
      <>
        <h1>{t.title}</h1>
        {orgs.length ? (
          <ul class="cards">
            {orgs.map((o) => (
              <li>
                <a class="title" href={href(`/orgs/${o.slug}`, v.lang)}>
                  {o.name}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t.none}</p>
        )}
      </>
    ),
  });
}

/** One of the organization's dated lists, with its feed. */
function Log(p: {
  v: ViewContext;
  id: string;
  title: string;
  entries: Entry[];
  m: OrgView;
  subjects: Map<string, SubjectLink>;
  feed?: { href: string; type: string; label: string };
}) {
  const { v } = p;
  return (
    <section aria-labelledby={p.id}>
      <h2 id={p.id}>{p.title}</h2>
      {p.entries.length ? (
        <EntryLog
          entries={p.entries}
          orgs={p.m.orgs}
          lang={v.lang}
          subjects={p.subjects}
          aboutLabel={v.t.entries.about}
        />
      ) : (
        <p>{v.t.orgs.nothing}</p>
      )}
      {p.feed && (
        <p class="downloads">
          <a href={p.feed.href} type={p.feed.type}>
            {p.feed.label}
          </a>
        </p>
      )}
    </section>
  );
}

/** A person's role and position, and contact details where they are public. */
function Person(p: { v: ViewContext; person: Entry }) {
  const d = p.person.data;
  const role = [p.v.t.entries.choices[String(d.role)], d.position].filter(Boolean).join(', ');
  return (
    <li>
      <span class="title">{p.person.title}</span>
      {role}
      {d.public && (d.email || d.phone) ? (
        <span class="contact">
          {d.email && (
            <>
              <br />
              <a href={`mailto:${String(d.email)}`}>{String(d.email)}</a>
            </>
          )}
          {d.phone && (
            <>
              <br />
              <a href={`tel:${String(d.phone).replace(/[^+\d]/g, '')}`}>{String(d.phone)}</a>
            </>
          )}
        </span>
      ) : null}
    </li>
  );
}

/**
 * The committees, each with the country it looks after and its people, then the people of no committee: what a
 * reader comes to an organization's page for, so it comes first.
 */
function Contacts(p: { v: ViewContext; m: OrgView }) {
  const { v, m } = p;
  const t = v.t.orgs;
  if (!m.committees.length && !m.people.length) return null;
  const ids = new Set(m.committees.map((c) => c.id));
  const of = (id: number) => m.people.filter((x) => x.data.committee === id);
  const others = m.people.filter((x) => typeof x.data.committee !== 'number' || !ids.has(x.data.committee));
  const countryOf = (c: Entry) => {
    const place = typeof c.data.country === 'string' ? m.places.get(c.data.country) : undefined;
    return place && <a href={href(placePath(place), v.lang)}>{localName(place, v.lang)}</a>;
  };
  return (
    <section aria-labelledby="h-contacts" class="org-contacts">
      <h2 id="h-contacts">{m.committees.length ? t.contacts : t.people}</h2>
      {m.committees.map((c) => {
        const country = countryOf(c);
        const people = of(c.id);
        return (
          <>
            <h3 id={committeeAnchor(c.id)}>
              {c.title}
              {country && <span class="muted"> · {country}</span>}
            </h3>
            {c.data.about && <p>{String(c.data.about)}</p>}
            {people.length > 0 && (
              <ul class="cards">
                {people.map((x) => (
                  <Person v={v} person={x} />
                ))}
              </ul>
            )}
          </>
        );
      })}
      {others.length > 0 && (
        <>
          {m.committees.length > 0 && <h3>{t.office}</h3>}
          <ul class="cards">
            {others.map((x) => (
              <Person v={v} person={x} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A link to a website where the entry has one, else its title. */
function Named(p: { entry: Entry }) {
  return p.entry.data.url ? (
    <a href={String(p.entry.data.url)} rel="external nofollow">
      {p.entry.title}
    </a>
  ) : (
    <>{p.entry.title}</>
  );
}

/**
 * An organization's page: its home, its committees and contacts, news and events with their feeds, activities,
 * institutions and memberships, and "Follow".
 */
export function orgPage(v: ViewContext, m: OrgView): string {
  const t = v.t.orgs;
  const { org } = m;
  const subjects = subjectLinks(m, v.lang);
  const placeLink = (id: unknown) => {
    const place = typeof id === 'string' ? m.places.get(id) : undefined;
    return place && <a href={href(placePath(place), v.lang)}>{localName(place, v.lang)}</a>;
  };
  const log = { v, m, subjects };
  return renderPage(v, {
    title: org.name,
    children: (
      <>
        <h1>{org.name}</h1>
        <p class="lead">
          {m.home && (
            <>
              {t.home} <a href={href(placePath(m.home), v.lang)}>{localName(m.home, v.lang)}</a>
            </>
          )}
        </p>
        {m.mayManage && <EditLink href={href(`/orgs/${org.slug}/manage`, v.lang)} label={t.manage} />}
        {org.about && <p class="prose">{org.about}</p>}
        <FollowForm v={v} targetType="org" targetId={String(org.id)} following={m.following} />
        {m.listing && (
          <section class="card" aria-labelledby="h-seeking">
            <h2 id="h-seeking">{v.t.seeking.title}</h2>
            <dl class="facts">
              <ListingTerms v={v} listing={m.listing} />
            </dl>
            {m.listing.note && <p class="note">{m.listing.note}</p>}
            <p>
              <a href={`${href('/seeking', v.lang)}#listing-${m.listing.id}`}>{v.t.seeking.seeListing}</a>
            </p>
          </section>
        )}
        <Contacts v={v} m={m} />
        <div class="grid2">
          <Log
            {...log}
            id="h-news"
            title={t.news}
            entries={m.news}
            feed={{ href: `/orgs/${org.slug}.atom`, type: 'application/atom+xml', label: v.t.posts.feed }}
          />
          <Log
            {...log}
            id="h-events"
            title={t.events}
            entries={m.events}
            feed={{ href: `/orgs/${org.slug}.ics`, type: 'text/calendar', label: v.t.events.calendar }}
          />
        </div>
        <Log {...log} id="h-activities" title={t.activities} entries={m.activities} />
        {m.institutions.length > 0 && (
          <section aria-labelledby="h-inst">
            <h2 id="h-inst">{t.institutions}</h2>
            <ul>
              {m.institutions.map((i) => {
                const place = placeLink(i.data.place);
                return (
                  <li>
                    <Named entry={i} /> ({v.t.entries.choices[String(i.data.kind)]}
                    {place && <>, {place}</>})
                  </li>
                );
              })}
            </ul>
          </section>
        )}
        {m.memberships.length > 0 && (
          <section aria-labelledby="h-memberships">
            <h2 id="h-memberships">{t.memberships}</h2>
            <ul>
              {m.memberships.map((x) => (
                <li>
                  <Named entry={x} />, {t.since(String(x.data.since))}
                </li>
              ))}
            </ul>
          </section>
        )}
      </>
    ),
  });
}
