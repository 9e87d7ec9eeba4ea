import type { NotifyMode } from '../../store/notify-repo.js';
import type { EntryRefs, ProgramView, SubjectRef } from '../../services/program.js';
import { localName, type Lang } from '../i18n/index.js';
import type { ViewContext } from './context.js';
import { EntryLog, Gallery, type SubjectLink } from './entry-view.js';
import { href } from './layout.js';
import { placePath } from './links.js';
import { PostForm, Problems } from './post-form.js';

/** What an entry is about as a link: a place or country by its name, a tie by its two places. */
export function subjectLink(ref: SubjectRef, lang: Lang): SubjectLink {
  if (ref.type === 'twinning') {
    return { label: `${localName(ref.a, lang)} – ${localName(ref.b, lang)}`, path: `/ties/${ref.id}` };
  }
  return { label: localName(ref.place, lang), path: placePath(ref.place) };
}

/** The links of every subject in `refs`, keyed as EntryLog looks them up. */
export function subjectLinks(refs: EntryRefs, lang: Lang): Map<string, SubjectLink> {
  return new Map([...refs.subjects].map(([k, ref]) => [k, subjectLink(ref, lang)]));
}

/**
 * What programs did and publish about a place, a tie or a country: the dated log of activities (newest first),
 * news, upcoming events, a photo gallery and "Follow" (places).
 */
export function ProgramPanels(p: {
  v: ViewContext;
  program: ProgramView;
  /** the same subjects for the full lists: `place:ID`, `twinning:ID` or `country:CODE` */
  about: string;
  /** places get a gallery and a follow button; `headerPhoto` is the photo the page shows at its top already */
  place?: { id: string; mayEdit: boolean; headerPhoto?: number };
  /** show nothing at all when nothing was recorded (countries) */
  quiet?: boolean;
}) {
  const { v, program: g } = p;
  const t = v.t.program;
  const subjects = subjectLinks(g, v.lang);
  // (a photo at the top of the page is not shown again below it)
  const gallery = g.photos.filter((ph) => ph.id !== p.place?.headerPhoto);
  return (
    <>
      {p.place && <FollowForm v={v} targetType="place" targetId={p.place.id} following={g.following} />}
      {(g.activities.length > 0 || !p.quiet) && (
        <section aria-labelledby="h-activities">
          <h2 id="h-activities">{t.activities}</h2>
          {g.activities.length ? (
            <EntryLog
              entries={g.activities}
              orgs={g.orgs}
              lang={v.lang}
              subjects={subjects}
              aboutLabel={t.about}
            />
          ) : (
            <p class="muted">{t.noActivities}</p>
          )}
          {g.activityTotal > 0 && (
            <p>
              <a href={href('/activities', v.lang, { about: p.about })}>{t.allActivities(g.activityTotal)}</a>
            </p>
          )}
        </section>
      )}
      {(g.news.length > 0 || g.upcoming.length > 0) && (
        <div class="grid2">
          {g.news.length > 0 && (
            <section aria-labelledby="h-news">
              <h2 id="h-news">{t.news}</h2>
              <EntryLog entries={g.news} orgs={g.orgs} lang={v.lang} />
              <p>
                <a href={href('/news', v.lang, { about: p.about })}>{t.allNews}</a>
              </p>
            </section>
          )}
          {g.upcoming.length > 0 && (
            <section aria-labelledby="h-events">
              <h2 id="h-events">{t.events}</h2>
              <EntryLog entries={g.upcoming} orgs={g.orgs} lang={v.lang} />
            </section>
          )}
        </div>
      )}
      {p.place && (gallery.length > 0 || p.place.mayEdit) && (
        <section aria-labelledby="h-photos">
          <h2 id="h-photos">{t.photos}</h2>
          {gallery.length > 0 && <Gallery photos={gallery} />}
          {p.place.mayEdit && <PhotoForm v={v} subject={`place:${p.place.id}`} />}
        </section>
      )}
    </>
  );
}

/** "Follow" for signed-in readers (their pages are their own); a sign-in link on the shared pages. */
export function FollowForm(p: {
  v: ViewContext;
  targetType: 'place' | 'org' | 'replies';
  targetId: string;
  following: NotifyMode | null;
}) {
  const { v } = p;
  const t = v.t.community;
  if (!v.user)
    return (
      <p class="follow">
        <a href={href('/signin', v.lang, { next: v.path })}>{t.signInToFollow}</a>{' '}
        <span class="muted">{t.followHint}</span>
      </p>
    );
  const csrf = v.csrf();
  const unconfirmed = !v.user.emailConfirmed && (
    <p class="muted">
      {t.confirmFirst} <a href={href('/account', v.lang)}>{t.yourAccount}</a>
    </p>
  );
  const fields = (
    <>
      <input type="hidden" name="type" value={p.targetType} />
      <input type="hidden" name="id" value={p.targetId} />
      <input type="hidden" name="next" value={v.path} />
    </>
  );
  if (p.following)
    return (
      <div class="follow">
        <PostForm action={href('/unfollow', v.lang)} csrf={csrf} class="inline">
          {fields}
          {t.following(p.following === 'daily' ? t.daily : t.instant)}{' '}
          <button type="submit" class="secondary">
            {t.unfollow}
          </button>
        </PostForm>
        {unconfirmed}
      </div>
    );
  return (
    <div class="follow">
      <PostForm action={href('/follow', v.lang)} csrf={csrf} class="filters">
        {fields}
        <label>
          {t.how}
          <select name="mode">
            <option value="instant">{t.instant}</option>
            <option value="daily">{t.daily}</option>
          </select>
        </label>
        <button type="submit">{t.follow}</button>
      </PostForm>
      {unconfirmed}
    </div>
  );
}

/** The upload form of a gallery, for those who may add photos to it. */
export function PhotoForm(p: { v: ViewContext; subject: string; problems?: string[] }) {
  const { v } = p;
  const t = v.t.community;
  return (
    <details class="card">
      <summary>{t.addPhoto}</summary>
      <Problems title={t.cannot} messages={p.problems ?? []} />
      <form method="post" action={href('/photos', v.lang)} enctype="multipart/form-data" class="stack">
        <input type="hidden" name="_csrf" value={v.csrf()} />
        <input type="hidden" name="subject" value={p.subject} />
        <input type="hidden" name="next" value={v.path} />
        <label>
          {t.file}
          <input
            type="file"
            name="file"
            accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
            required
          />
        </label>
        <label>
          {t.caption}
          <input name="caption" maxLength={300} required />
        </label>
        <button type="submit">{t.upload}</button>
      </form>
    </details>
  );
}
