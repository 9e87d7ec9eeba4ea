import type { PartialDate } from '../../domain/dates.js';
import type { Entry } from '../../domain/entries.js';
import type { EntryManageView } from '../../services/entry-views.js';
import type { Revision } from '../../store/revisions-repo.js';
import type { ViewContext } from './context.js';
import { entryDatetime, entryWhen } from './entry-view.js';
import { historyPage } from './history.js';
import { href, renderPage } from './layout.js';
import { Notice, PostForm } from './post-form.js';

/** The editors' list of one type of an organization's entries, each with a button to delete it. */
export function entryManagePage(v: ViewContext, m: EntryManageView, p: { deleted: boolean }): string {
  const t = v.t.entries;
  const l = t.types[m.type];
  const title = t.listTitle(l.many, m.org.name);
  const csrf = v.csrf();
  return renderPage(v, {
    title,
    children: (
      <>
        <p>
          <a href={href(`/orgs/${m.org.slug}/manage`, v.lang)}>{t.manage(m.org.name)}</a>
        </p>
        <h1>{title}</h1>
        {p.deleted && <Notice>{t.deleted}</Notice>}
        <p>
          <a class="button" href={href(`/orgs/${m.org.slug}/entries/${m.type}/new`, v.lang)}>
            {l.add}
          </a>
        </p>
        {m.entries.length ? (
          <ul class="log">
            {m.entries.map((e) => (
              <li>
                {e.startsAt && <time datetime={entryDatetime(e)}>{entryWhen(e, v.t)}</time>}{' '}
                <a href={href(`/entries/${e.id}/edit`, v.lang)}>{e.title}</a>{' '}
                <PostForm action={href(`/entries/${e.id}/delete`, v.lang)} csrf={csrf} class="inline">
                  <button type="submit" class="link">
                    {t.del}
                    <span class="visually-hidden"> {e.title}</span>
                  </button>
                </PostForm>
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

/** A stored value of an entry as the history shows it. */
function shown(value: unknown): string {
  if (Array.isArray(value)) return value.join('\n');
  if (value && typeof value === 'object' && 'date' in value) return String((value as PartialDate).date);
  return String(value);
}

/** An entry's history: every version with what it held, each older one to restore. */
export function entryHistoryPage(v: ViewContext, h: { entry: Entry; revisions: Revision[] }): string {
  const t = v.t.entries;
  const { entry } = h;
  const labels = t.types[entry.type].fields;
  return historyPage(v, {
    title: t.historyTitle(entry.title),
    back: { label: t.edit(entry.title), path: `/entries/${entry.id}/edit` },
    revisions: h.revisions,
    restorePath: (r) => `/entries/restore/${r.id}`,
    change: (r) => {
      const snap = JSON.parse(r.data) as { title: string; data: Record<string, unknown> };
      return (
        <details>
          <summary>{snap.title}</summary>
          <dl class="facts">
            {Object.entries(snap.data)
              .filter(([, x]) => x !== null && x !== '' && x !== false)
              .map(([k, x]) => (
                <>
                  <dt>{labels[k]?.label ?? k}</dt>
                  <dd class="pre">{shown(x)}</dd>
                </>
              ))}
          </dl>
        </details>
      );
    },
  });
}
