import type { FollowView, NotifySettingsView } from '../../services/notify.js';
import { localName } from '../i18n/index.js';
import type { ViewContext } from './context.js';
import { href, renderPage } from './layout.js';
import { Notice, PostForm } from './post-form.js';

/** What a follow is of, as a reader names it: the place, the organization, or the replies to a post. */
export function followLabel(v: ViewContext, f: FollowView): string {
  if (f.place) return localName(f.place, v.lang);
  if (f.org) return f.org.name;
  if (f.targetType === 'replies') return `${v.t.community.repliesTo} "${f.post?.title ?? f.targetId}"`;
  return f.targetId;
}

/** How a follow is told: a mail each time or a daily digest. */
export function followMode(v: ViewContext, f: Pick<FollowView, 'mode'>): string {
  return f.mode === 'daily' ? v.t.community.daily : v.t.community.instant;
}

/** What the site mails a user, opened from the link in a notification: stop one follow, or all of them. */
export function notificationSettingsPage(
  v: ViewContext,
  m: NotifySettingsView,
  p: { token: string; notice?: 'unfollowed' | 'stopped' },
): string {
  const t = v.t.community;
  const base = `/notifications/${p.token}`;
  const csrf = v.csrf();
  return renderPage(v, {
    title: t.settingsTitle,
    children: (
      <>
        <h1>{t.settingsTitle}</h1>
        {p.notice && <Notice>{p.notice === 'stopped' ? t.stopped : t.unfollowed}</Notice>}
        <p>{t.settingsIntro(m.email)}</p>
        {m.follows.length ? (
          <>
            <ul>
              {m.follows.map((f) => (
                <li>
                  {followLabel(v, f)} ({followMode(v, f)}){' '}
                  <PostForm action={href(`${base}/unfollow`, v.lang)} csrf={csrf} class="inline">
                    <input type="hidden" name="type" value={f.targetType} />
                    <input type="hidden" name="id" value={f.targetId} />
                    <button type="submit" class="link">
                      {t.stop}
                    </button>
                  </PostForm>
                </li>
              ))}
            </ul>
            <PostForm action={href(`${base}/stop`, v.lang)} csrf={csrf}>
              <button type="submit">{t.stopAll}</button>
            </PostForm>
          </>
        ) : (
          <p>{t.followNothing}</p>
        )}
        <p class="muted">
          {t.changeMode} <a href={href('/account', v.lang)}>{t.yourAccount}</a>
        </p>
      </>
    ),
  });
}

/**
 * The page the List-Unsubscribe address shows a person: what the button does. Mail programs post to the same
 * address without it (and without a token: the secret in the address is the key).
 */
export function stopNotificationsPage(v: ViewContext, p: { token: string; email: string }): string {
  const t = v.t.community;
  return renderPage(v, {
    title: t.stopAll,
    children: (
      <>
        <h1>{t.stopAll}</h1>
        <p>{t.stopAsk(p.email)}</p>
        <PostForm action={href(`/notifications/${p.token}/stop`, v.lang)} csrf="">
          <button type="submit">{t.stopAll}</button>
        </PostForm>
      </>
    ),
  });
}
