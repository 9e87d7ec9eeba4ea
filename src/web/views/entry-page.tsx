import type { ComponentChildren } from 'preact';
import type { Entry } from '../../domain/entries.js';
import type { EntryPageView } from '../../services/entry-views.js';
import type { ViewContext } from './context.js';
import { CommentsSection } from './comments.js';
import type { FormProblems } from '../errors.js';
import { Gallery, SubjectList, entryDatetime, entryWhen, money } from './entry-view.js';
import { href, renderPage } from './layout.js';
import { renderMarkdown } from './markdown.js';
import { EditLink } from './post-form.js';
import { PhotoForm, subjectLink } from './program.js';

/** One of the organization's people or institutions among an activity's participants. */
function Participant(p: { entry: Entry }) {
  const r = p.entry;
  if (r.type === 'person') return <>{r.data.position ? `${r.title}, ${String(r.data.position)}` : r.title}</>;
  return r.data.url ? (
    <a href={String(r.data.url)} rel="external nofollow">
      {r.title}
    </a>
  ) : (
    <>{r.title}</>
  );
}

/** A fact of the entry's card: its name and value, when there is a value. */
function Fact(p: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{p.label}</dt>
      <dd>{p.children}</dd>
    </>
  );
}

/** A post (with its comments), an event or an activity: when, where, what about, who took part, the text. */
export function entryPage(
  v: ViewContext,
  m: EntryPageView,
  /** under a post: what became of a comment (`?comment=`), or a refused one's problems and text */
  p: { notice?: string | undefined; problems?: FormProblems; draft?: string | undefined } = {},
): string {
  const { entry, org } = m;
  const t = v.t.entries;
  const d = entry.data;
  const type = entry.type;
  const about = entry.subjects.flatMap((s) => {
    const ref = m.subjects.get(`${s.type}:${s.id}`);
    return ref ? [subjectLink(ref, v.lang)] : [];
  });
  const body = type === 'post' ? d.body : type === 'event' ? d.description : d.summary;
  const others = Array.isArray(d.participants) ? d.participants : [];
  return renderPage(v, {
    title: entry.title,
    description: type === 'post' && typeof d.summary === 'string' ? d.summary : undefined,
    children: (
      <>
        <article>
          <p class="muted">
            {type === 'post' ? v.t.posts.news : t.types[type].many} ·{' '}
            <a href={href(`/orgs/${org.slug}`, v.lang)}>{org.name}</a>
          </p>
          <h1>{entry.title}</h1>
          {m.mayEdit && (
            <EditLink href={href(`/entries/${entry.id}/edit`, v.lang)} label={t.edit(entry.title)} />
          )}
          <dl class="facts card">
            <Fact label={type === 'post' ? t.published : t.when}>
              <time datetime={entryDatetime(entry)}>{entryWhen(entry, v.t)}</time>
              {type === 'event' && (
                <>
                  {' · '}
                  <a href={`/events/${entry.id}.ics`}>{v.t.events.addToCalendar}</a>
                </>
              )}
            </Fact>
            {type === 'activity' && d.kind && (
              <Fact label={t.types.activity.fields.kind!.label}>{t.choices[String(d.kind)]}</Fact>
            )}
            {d.venue && <Fact label={t.venue}>{String(d.venue)}</Fact>}
            {about.length > 0 && (
              <Fact label={t.about}>
                <SubjectList links={about} lang={v.lang} />
              </Fact>
            )}
            {m.participants.length + others.length > 0 && (
              <Fact label={t.participants}>
                <ul>
                  {m.participants.map((r) => (
                    <li>
                      <Participant entry={r} />
                    </li>
                  ))}
                  {others.map((x) => (
                    <li>{x}</li>
                  ))}
                </ul>
              </Fact>
            )}
            {d.outcome && <Fact label={t.outcome}>{String(d.outcome)}</Fact>}
            {typeof d.amount === 'number' && d.currency && (
              <Fact label={t.amount}>{money(d.amount, String(d.currency), v.t)}</Fact>
            )}
          </dl>
          {d.seeking && (
            <p class="notice">
              <strong>{t.seeking}</strong> {t.contactTo(String(d.contact ?? ''))}
            </p>
          )}
          {typeof body === 'string' && body && (
            <div class="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(body) }} />
          )}
          <Gallery photos={m.photos} />
          {m.mayEdit && <PhotoForm v={v} subject={`entry:${entry.id}`} />}
        </article>
        {m.comments && <CommentsSection v={v} comments={m.comments} {...p} />}
      </>
    ),
  });
}
