import type { EntryListView, EventsView } from '../../services/entry-views.js';
import type { ViewContext } from './context.js';
import { EntryLog } from './entry-view.js';
import { Pager, href, renderPage } from './layout.js';
import { subjectLink, subjectLinks } from './program.js';

/** News or activities, newest first, a page at a time: of every program, or about a place, tie or country. */
export function entryListPage(v: ViewContext, m: EntryListView): string {
  const t = v.t.entries;
  const news = m.type === 'post';
  const about = m.about && subjectLink(m.about.ref, v.lang);
  const title = about
    ? news
      ? v.t.posts.newsAbout(about.label)
      : t.activitiesAbout(about.label)
    : news
      ? v.t.posts.allNews
      : t.allActivities;
  const query = { about: m.about?.key };
  return renderPage(v, {
    title,
    children: (
      <>
        <h1>{title}</h1>
        {about ? (
          <p>
            <a href={href(about.path, v.lang)}>{t.backTo(about.label)}</a>
          </p>
        ) : (
          <p>{news ? v.t.posts.newsIntro : t.activitiesIntro}</p>
        )}
        {news && (
          <p class="downloads">
            <a href={href('/news.atom', 'en', query)} type="application/atom+xml">
              {v.t.posts.feed}
            </a>
          </p>
        )}
        <p class="muted">{news ? v.t.posts.postCount(m.total) : t.activityCount(m.total)}</p>
        {m.entries.length ? (
          <EntryLog
            entries={m.entries}
            orgs={m.orgs}
            lang={v.lang}
            subjects={subjectLinks(m, v.lang)}
            aboutLabel={t.about}
          />
        ) : (
          <p>{t.none}</p>
        )}
        <Pager
          lang={v.lang}
          path={news ? '/news' : '/activities'}
          query={query}
          page={m.page}
          hasNext={m.page * m.perPage < m.total}
          prev={t.newer}
          next={t.older}
        />
      </>
    ),
  });
}

/** Events of every program that have not ended, soonest first, with the calendar feed. */
export function eventsPage(v: ViewContext, m: EventsView): string {
  const t = v.t.events;
  return renderPage(v, {
    title: t.title,
    children: (
      <>
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
        <p class="downloads">
          <a href="/events.ics" type="text/calendar">
            {t.calendar}
          </a>
        </p>
        {m.entries.length ? (
          <EntryLog
            entries={m.entries}
            orgs={m.orgs}
            lang={v.lang}
            subjects={subjectLinks(m, v.lang)}
            aboutLabel={v.t.entries.about}
          />
        ) : (
          <p>{v.t.entries.none}</p>
        )}
      </>
    ),
  });
}
