import type { Bulletin, ChangedTie } from '../../../services/home-views.js';
import type { SeedLoad } from '../../../services/seed.js';
import { localName } from '../../i18n/index.js';
import type { ViewContext } from '../context.js';
import { EntryLog } from '../entry-view.js';
import { href } from '../layout.js';
import { placePath } from '../links.js';

// What both kinds of home page show: the latest news and events, and the ties changed last.

/** The latest news and the next events, each with a link to the whole list. */
export function BulletinPanels(p: { v: ViewContext; bulletin: Bulletin | null }) {
  const { v, bulletin: b } = p;
  if (!b) return null;
  const t = v.t.home;
  return (
    <div class="grid2">
      <section aria-labelledby="h-news">
        <h2 id="h-news">{t.news}</h2>
        {b.news.length ? <EntryLog entries={b.news} orgs={b.orgs} lang={v.lang} /> : <p>{t.noNews}</p>}
        <p>
          <a href={href('/news', v.lang)}>{t.allNews}</a>
        </p>
      </section>
      <section aria-labelledby="h-events">
        <h2 id="h-events">{t.events}</h2>
        {b.events.length ? <EntryLog entries={b.events} orgs={b.orgs} lang={v.lang} /> : <p>{t.noEvents}</p>}
        <p>
          <a href={href('/events', v.lang)}>{t.allEvents}</a>
        </p>
      </section>
    </div>
  );
}

/**
 * The ties changed last, as a dated log; the load of the bundled data, older than any of them, is its last line
 * (one line, not thousands of ties that only arrived).
 */
export function RecentChanges(p: { v: ViewContext; recent: ChangedTie[]; seeded: SeedLoad | null }) {
  const { v } = p;
  const { lang } = v;
  const t = v.t.home;
  const labels = v.t.labels;
  const name = (place: ChangedTie['a'], id: string) => (place ? localName(place, lang) : id);
  const link = (place: ChangedTie['a'], id: string) => (
    <a href={href(place ? placePath(place) : `/places/${encodeURIComponent(id)}`, lang)}>{name(place, id)}</a>
  );
  return (
    <section aria-labelledby="h-recent">
      <h2 id="h-recent">{t.recent}</h2>
      {p.recent.length === 0 && !p.seeded ? (
        <p>{t.recentNone}</p>
      ) : (
        <ul class="log">
          {p.recent.map(({ tie, a, b }) => (
            <li>
              <time datetime={tie.updatedAt}>
                {v.t.date({ date: tie.updatedAt.slice(0, 10), precision: 'day' })}
              </time>
              {link(a, tie.a)} – {link(b, tie.b)}{' '}
              <span class="muted">
                {[
                  labels.tieKinds[tie.kind],
                  tie.signed ? v.t.date(tie.signed) : '',
                  tie.status !== 'active' ? labels.statuses[tie.status] : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>{' '}
              <a href={href(`/ties/${tie.id}`, lang)} aria-label={t.tieLink(name(a, tie.a), name(b, tie.b))}>
                ›
              </a>
            </li>
          ))}
          {p.seeded && (
            <li class="seeded">
              <time datetime={p.seeded.at}>
                {v.t.date({ date: p.seeded.at.slice(0, 10), precision: 'day' })}
              </time>
              {t.seeded(p.seeded.places, p.seeded.ties)}{' '}
              <a href={href('/about', lang)} aria-label={t.seededLink}>
                ›
              </a>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
