import type { CommentNode, CommentsView, ModerationView } from '../../services/comments.js';
import { personName } from '../i18n/index.js';
import type { ViewContext } from './context.js';
import type { FormProblems } from '../errors.js';
import { href, renderPage } from './layout.js';
import { Notice, PostForm, Problems } from './post-form.js';

function Thread(p: { v: ViewContext; postId: number; nodes: CommentNode[] }) {
  const { v } = p;
  const t = v.t.community;
  if (!p.nodes.length) return null;
  return (
    <ol class="comments">
      {p.nodes.map(({ comment: c, ...n }) => (
        <li id={`comment-${c.id}`}>
          {n.removed ? (
            <p class="muted">
              <em>{t.removed}</em>
            </p>
          ) : (
            <>
              <p class="muted">
                <strong>{personName(c.userName, v.lang)}</strong> ·{' '}
                <time datetime={c.createdAt}>{v.t.time(c.createdAt)}</time>
                {n.waiting && <em> · {t.yours}</em>}
              </p>
              <p class="pre">{c.body}</p>
            </>
          )}
          {n.mayRemove && (
            <PostForm action={href(`/comments/${c.id}/remove`, v.lang)} csrf={v.csrf()} class="inline">
              <button type="submit" class="link">
                {c.userId === v.user?.id ? t.removeOwn : t.removeOther}
              </button>
            </PostForm>
          )}
          {n.mayReply && (
            <details>
              <summary>{t.reply}</summary>
              <PostForm action={href(`/news/${p.postId}/comments`, v.lang)} csrf={v.csrf()}>
                <input type="hidden" name="parent" value={String(c.id)} />
                <label>
                  {t.replyTo(personName(c.userName, v.lang))}
                  <textarea name="body" rows={3} maxLength={5000} required />
                </label>
                <button type="submit">{t.send}</button>
              </PostForm>
            </details>
          )}
          <Thread v={v} postId={p.postId} nodes={n.replies} />
        </li>
      ))}
    </ol>
  );
}

/**
 * The comments under a post: the thread, what just happened (`notice`: pending, published or removed), and the
 * form to write one (or to sign in); a refused comment's problems above it, its text kept in the box.
 */
export function CommentsSection(p: {
  v: ViewContext;
  comments: CommentsView;
  notice?: string | undefined;
  problems?: FormProblems | undefined;
  draft?: string | undefined;
}) {
  const { v, comments: c } = p;
  const t = v.t.community;
  const notices: Record<string, string> = {
    pending: t.waiting,
    published: t.published,
    removed: t.removedDone,
  };
  const notice = p.notice && Object.hasOwn(notices, p.notice) ? notices[p.notice] : undefined;
  return (
    <section aria-labelledby="h-comments">
      <h2 id="h-comments">{t.comments}</h2>
      {notice && <Notice>{notice}</Notice>}
      {p.problems && <Problems title={t.cannot} messages={p.problems.messages} />}
      {c.thread.length ? <Thread v={v} postId={c.postId} nodes={c.thread} /> : <p>{t.noComments}</p>}
      {!c.reader ? (
        <p>
          <a href={href('/signin', v.lang, { next: `/news/${c.postId}` })}>{t.signInToComment}</a>
        </p>
      ) : c.reader.blocked ? (
        <p>{t.blocked}</p>
      ) : (
        <PostForm action={href(`/news/${c.postId}/comments`, v.lang)} csrf={v.csrf()}>
          <label>
            {t.write}
            <textarea name="body" rows={5} maxLength={5000} required>
              {p.draft ?? ''}
            </textarea>
          </label>
          <label class="check">
            <input type="checkbox" name="follow" checked /> {t.followReplies}
          </label>
          <button type="submit">{t.send}</button>
        </PostForm>
      )}
    </section>
  );
}

/** Comments waiting for the editor's decision, and the writers their organizations keep out. */
export function moderationPage(v: ViewContext, m: ModerationView, p: { done: boolean }): string {
  const t = v.t.community;
  const csrf = v.csrf();
  return renderPage(v, {
    title: t.moderation,
    children: (
      <>
        <h1>{t.moderation}</h1>
        <p>{t.moderationIntro}</p>
        {p.done && <Notice>{t.done}</Notice>}
        {m.waiting.length ? (
          <ol class="log">
            {m.waiting.map((c) => (
              <li>
                <p class="muted">
                  <strong>{personName(c.userName, v.lang)}</strong> · {v.t.time(c.createdAt)} · {t.on}{' '}
                  <a href={href(`/news/${c.entryId}`, v.lang)}>{c.entryTitle}</a>
                </p>
                <p class="pre">{c.body}</p>
                <PostForm action={href(`/comments/${c.id}/moderate`, v.lang)} csrf={csrf} class="inline">
                  <button type="submit" name="decision" value="approve">
                    {t.approve}
                  </button>{' '}
                  <button type="submit" name="decision" value="reject" class="secondary">
                    {t.reject}
                  </button>{' '}
                  <button type="submit" name="decision" value="block" class="secondary">
                    {t.block}
                  </button>
                </PostForm>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t.nothing}</p>
        )}
        {m.blocked.length > 0 && (
          <>
            <h2>{t.blockedList}</h2>
            <ul>
              {m.blocked.flatMap((b) =>
                b.users.map((u) => (
                  <li>
                    {u.name} ({u.email}) · {b.org.name}{' '}
                    <PostForm action={href(`/orgs/${b.org.slug}/unblock`, v.lang)} csrf={csrf} class="inline">
                      <input type="hidden" name="user" value={String(u.userId)} />
                      <button type="submit" class="link">
                        {t.unblock}
                      </button>
                    </PostForm>
                  </li>
                )),
              )}
            </ul>
          </>
        )}
      </>
    ),
  });
}
