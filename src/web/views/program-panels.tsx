import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ContentIndex } from '../../services/content-index.js';
import type { Subjects } from '../../store/entries-repo.js';
import type { Store } from '../../store/store.js';
import { FollowForm, PhotoForm } from '../pages/community.js';
import { EntryLog, Gallery, orgsOf, subjectLinks } from './entry-view.js';
import { numberFormat } from './format.js';
import type { Lang } from './i18n.js';
import { href } from './layout.js';

/** how many activities a page shows before linking to the whole log */
const SHOWN = 50;

const T = {
  en: {
    activities: 'Activities',
    news: 'News',
    events: 'Upcoming events',
    photos: 'Photos',
    about: 'about',
    follow: 'Follow',
    noActivities: 'No activity recorded yet.',
    allNews: 'All news about it',
    allActivities: (n: string) => `All ${n} activities`,
    removePhoto: 'Remove',
  },
  zh: {
    activities: '交流活动',
    news: '新闻',
    events: '近期日程',
    photos: '照片',
    about: '相关',
    follow: '关注',
    noActivities: '尚无交流活动记录。',
    allNews: '全部相关新闻',
    allActivities: (n: string) => `全部${n}项交流活动`,
    removePhoto: '删除',
  },
} satisfies Record<Lang, Record<string, unknown>>;

/**
 * What programs did and publish about a place or a tie: the dated log of activities (newest first), news,
 * upcoming events, a photo gallery (places) and "Follow" (places).
 */
export async function ProgramPanels(p: {
  req: FastifyRequest;
  reply: FastifyReply;
  store: Store;
  /** which subjects have entries or photos at all */
  index: ContentIndex;
  subjects: Subjects;
  /** the same subjects for the full lists: `place:ID`, `twinning:ID` or `country:CODE` */
  about: string;
  /** places get a gallery and a follow button */
  place?: { id: string; mayEdit: boolean };
  following?: 'instant' | 'daily' | null;
  /** show nothing at all when nothing was recorded (countries) */
  quiet?: boolean;
}) {
  const t = T[p.req.lang];
  const lang = p.req.lang;
  // most places have no entries at all: the index says so without a query
  const about = { about: p.subjects };
  const [latestActivities, news, upcoming] = (await p.index.hasEntries(p.subjects))
    ? await Promise.all([
        p.store.entries.latest(['activity'], { limit: SHOWN + 1, ...about }),
        p.store.entries.latest(['post'], { limit: 10, ...about }),
        p.store.entries.upcoming(new Date().toISOString(), { limit: 10, ...about }),
      ])
    : [[], [], []];
  const activities = latestActivities.slice(0, SHOWN);
  // a long log links to the whole of it
  const allActivities =
    latestActivities.length > SHOWN ? await p.store.entries.count(['activity'], p.subjects) : 0;
  const all = [...activities, ...news, ...upcoming];
  const orgs = await orgsOf(p.store, all);
  const subjects = await subjectLinks(
    p.store,
    all.flatMap((e) => e.subjects),
    lang,
  );
  const photos =
    p.place && (await p.index.hasPhotos('place', p.place.id))
      ? await p.store.photos.of('place', [p.place.id])
      : [];
  return (
    <>
      {p.place && (
        <FollowForm
          req={p.req}
          reply={p.reply}
          targetType="place"
          targetId={p.place.id}
          following={p.following ?? null}
        />
      )}
      {(activities.length > 0 || !p.quiet) && (
        <section aria-labelledby="h-activities">
          <h2 id="h-activities">{t.activities}</h2>
          {activities.length ? (
            <EntryLog entries={activities} orgs={orgs} lang={lang} subjects={subjects} aboutLabel={t.about} />
          ) : (
            <p class="muted">{t.noActivities}</p>
          )}
          {allActivities > 0 && (
            <p>
              <a href={href('/activities', lang, { about: p.about })}>
                {t.allActivities(numberFormat(lang).format(allActivities))}
              </a>
            </p>
          )}
        </section>
      )}
      {(news.length > 0 || upcoming.length > 0) && (
        <div class="grid2">
          {news.length > 0 && (
            <section aria-labelledby="h-news">
              <h2 id="h-news">{t.news}</h2>
              <EntryLog entries={news} orgs={orgs} lang={lang} />
              <p>
                <a href={href('/news', lang, { about: p.about })}>{t.allNews}</a>
              </p>
            </section>
          )}
          {upcoming.length > 0 && (
            <section aria-labelledby="h-events">
              <h2 id="h-events">{t.events}</h2>
              <EntryLog entries={upcoming} orgs={orgs} lang={lang} />
            </section>
          )}
        </div>
      )}
      {p.place && (photos.length > 0 || p.place.mayEdit) && (
        <section aria-labelledby="h-photos">
          <h2 id="h-photos">{t.photos}</h2>
          <Gallery photos={photos} />
          {p.place.mayEdit && <PhotoForm req={p.req} reply={p.reply} subject={`place:${p.place.id}`} />}
        </section>
      )}
    </>
  );
}
