import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Entry } from '../../domain/entries.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.js';
import type { CommentsService } from '../../services/comments.js';
import type { NotifyService } from '../../services/notify.js';
import type { OrgsService } from '../../services/orgs.js';
import { MAX_UPLOAD_BYTES, type PhotosService } from '../../services/photos.js';
import type { Comment } from '../../store/comments-repo.js';
import type { NotifyMode } from '../../store/notify-repo.js';
import type { Store } from '../../store/store.js';
import { csrfToken, requireActor, signInFirst } from '../auth.js';
import { idParam, safeLocalPath } from '../site.js';
import { formatTime, localName, personName, type Lang } from '../views/i18n.js';
import { href, html, pageFor, secretLinkHtml, sendLinkPage } from '../views/layout.js';
import { Notice, PostForm, Problems, formText } from '../views/post-form.js';

const T = {
  en: {
    comments: 'Comments',
    noComments: 'No comments yet.',
    write: 'Write a comment',
    reply: 'Reply',
    replyTo: (name: string) => `Reply to ${name}`,
    send: 'Send',
    followReplies: 'Notify me of replies by e-mail',
    signInToComment: 'Sign in to comment',
    waiting: 'Thank you. Your comment will appear once an editor has read it.',
    published: 'Your comment is published.',
    yours: 'Your comment is waiting for an editor.',
    blocked: 'You may not comment on this organization’s posts.',
    moderation: 'Comments to moderate',
    moderationIntro:
      'Comments on your organizations’ posts wait here until an editor approves or rejects them.',
    nothing: 'Nothing is waiting.',
    approve: 'Approve',
    reject: 'Reject',
    block: 'Block the writer',
    on: 'on',
    done: 'Done.',
    follow: 'Follow',
    following: (mode: string) => `You follow this (${mode}).`,
    unfollow: 'Stop following',
    instant: 'a mail each time',
    daily: 'a daily digest',
    how: 'How to hear of news',
    signInToFollow: 'Sign in to follow',
    followHint: 'Hear of new posts, events and activities by e-mail.',
    confirmFirst: 'Mail starts once you have confirmed your e-mail address:',
    removed: 'This comment was removed.',
    removedDone: 'The comment is removed.',
    removeOwn: 'Delete my comment',
    removeOther: 'Remove',
    repliesTo: 'Replies to',
    settingsTitle: 'Your notifications',
    settingsIntro: (e: string) => `What the site mails to ${e}.`,
    followNothing: 'You follow nothing: no notifications are sent to you.',
    stop: 'Stop',
    stopAll: 'Stop all notifications',
    stopAsk: (e: string) => `Stop every notification to ${e}? You can follow again from any page.`,
    stopped: 'Done: you will get no more notifications. Follow again from any page when you like.',
    unfollowed: 'Done: that no longer reaches you.',
    changeMode: 'To choose between a mail each time and a daily digest, sign in:',
    yourAccount: 'your account',
    photos: 'Photos',
    addPhoto: 'Add a photo',
    file: 'Photo (JPEG, PNG, WebP, GIF or AVIF; up to 15 MB)',
    caption: 'Caption (what it shows)',
    upload: 'Upload',
    remove: 'Remove',
    cannot: 'That did not work',
    blockedList: 'Blocked from commenting',
    unblock: 'Unblock',
  },
  zh: {
    comments: '评论',
    noComments: '暂无评论。',
    write: '发表评论',
    reply: '回复',
    replyTo: (name: string) => `回复${name}`,
    send: '发送',
    followReplies: '有回复时发邮件通知我',
    signInToComment: '登录后评论',
    waiting: '谢谢。编辑审阅后，您的评论即会显示。',
    published: '您的评论已发表。',
    yours: '您的评论正在等待编辑审阅。',
    blocked: '您不能评论该机构的文章。',
    moderation: '待审评论',
    moderationIntro: '对本机构文章的评论在编辑批准或拒绝前会留在这里。',
    nothing: '没有待审评论。',
    approve: '批准',
    reject: '拒绝',
    block: '禁止此人评论',
    on: '评论于',
    done: '已完成。',
    follow: '关注',
    following: (mode: string) => `您已关注（${mode}）。`,
    unfollow: '取消关注',
    instant: '每次发邮件',
    daily: '每日摘要',
    how: '通知方式',
    signInToFollow: '登录后关注',
    followHint: '通过电子邮件获知新的文章、日程和交流活动。',
    confirmFirst: '确认电子邮箱之后才会发送邮件：',
    removed: '此评论已删除。',
    removedDone: '评论已删除。',
    removeOwn: '删除我的评论',
    removeOther: '删除',
    repliesTo: '回复：',
    settingsTitle: '我的邮件通知',
    settingsIntro: (e: string) => `本站发送到 ${e} 的邮件。`,
    followNothing: '您没有关注任何内容，不会收到通知。',
    stop: '停止',
    stopAll: '停止全部通知',
    stopAsk: (e: string) => `停止发送到 ${e} 的全部通知？之后可在任何页面重新关注。`,
    stopped: '已完成：您将不再收到通知。需要时可在任何页面重新关注。',
    unfollowed: '已完成：此项不再通知您。',
    changeMode: '如需在“每次发邮件”和“每日摘要”之间切换，请登录：',
    yourAccount: '我的账户',
    photos: '照片',
    addPhoto: '添加照片',
    file: '照片（JPEG、PNG、WebP、GIF 或 AVIF，最大 15 MB）',
    caption: '说明（照片内容）',
    upload: '上传',
    remove: '删除',
    cannot: '未能完成',
    blockedList: '已禁止评论',
    unblock: '解除禁止',
  },
};

type Body = Record<string, unknown>;

/** "Follow" for signed-in readers (their pages are their own); a sign-in link on the shared pages. */
export function FollowForm(p: {
  req: FastifyRequest;
  reply: FastifyReply;
  targetType: 'place' | 'org' | 'replies';
  targetId: string;
  following: NotifyMode | null;
}) {
  const t = T[p.req.lang];
  if (!p.req.actor)
    return (
      <p class="follow">
        <a href={href('/signin', p.req.lang, { next: p.req.url })}>{t.signInToFollow}</a>{' '}
        <span class="muted">{t.followHint}</span>
      </p>
    );
  const csrf = csrfToken(p.req, p.reply);
  const unconfirmed = !p.req.actor.user.emailConfirmedAt && (
    <p class="muted">
      {t.confirmFirst} <a href={href('/account', p.req.lang)}>{t.yourAccount}</a>
    </p>
  );
  const fields = (
    <>
      <input type="hidden" name="type" value={p.targetType} />
      <input type="hidden" name="id" value={p.targetId} />
      <input type="hidden" name="next" value={p.req.url} />
    </>
  );
  if (p.following)
    return (
      <div class="follow">
        <PostForm action={href('/unfollow', p.req.lang)} csrf={csrf} class="inline">
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
      <PostForm action={href('/follow', p.req.lang)} csrf={csrf} class="filters">
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

/** What a user follows, each with a label a person can read (the place's or organization's name, the post). */
export async function followsOf(store: Store, userId: number, lang: Lang) {
  const t = T[lang];
  return Promise.all(
    (await store.notify.ofUser(userId)).map(async (f) => {
      let label = f.targetId;
      if (f.targetType === 'place') {
        const p = await store.places.get(f.targetId);
        if (p) label = localName(p, lang);
      } else if (f.targetType === 'org') label = (await store.orgs.byId(Number(f.targetId)))?.name ?? label;
      else label = `${t.repliesTo} "${(await store.entries.get(Number(f.targetId)))?.title ?? f.targetId}"`;
      return { ...f, label, modeLabel: f.mode === 'daily' ? t.daily : t.instant };
    }),
  );
}

/** Comments, moderation, following, and photos. */
export async function communityPages(
  app: FastifyInstance,
  deps: {
    store: Store;
    comments: CommentsService;
    notify: NotifyService;
    orgs: OrgsService;
    photos: PhotosService;
  },
): Promise<{ commentsSection: (req: FastifyRequest, reply: FastifyReply, post: Entry) => Promise<unknown> }> {
  const { store, comments, notify } = deps;

  /** The comments under a post: approved ones threaded, the reader's own waiting ones marked, and the form. */
  async function commentsSection(req: FastifyRequest, reply: FastifyReply, post: Entry) {
    const t = T[req.lang];
    const all = await store.comments.ofEntry(post.id);
    const visible = (c: Comment) =>
      c.status === 'approved' || (req.user && c.userId === req.user.id && c.status === 'pending');
    // a removed comment keeps its place (as "removed") while replies to it are shown
    const answered = new Set(all.filter(visible).map((c) => c.parentId));
    const shown = all.filter((c) => visible(c) || (c.status === 'removed' && answered.has(c.id)));
    const mayRemove = (c: Comment) =>
      !!req.actor &&
      c.status !== 'removed' &&
      (c.userId === req.actor.user.id ||
        req.actor.user.isAdmin ||
        req.actor.roles.get(post.orgId) === 'editor');
    const children = new Map<number | null, Comment[]>();
    for (const c of shown) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
    const csrf = req.actor ? csrfToken(req, reply) : '';
    const q = req.query as { comment?: string };
    const thread = (parent: number | null, depth: number): unknown => {
      const list = children.get(parent) ?? [];
      if (!list.length) return null;
      return (
        <ol class="comments">
          {list.map((c) => (
            <li id={`comment-${c.id}`}>
              {c.status === 'removed' ? (
                <p class="muted">
                  <em>{t.removed}</em>
                </p>
              ) : (
                <>
                  <p class="muted">
                    <strong>{personName(c.userName, req.lang)}</strong> ·{' '}
                    <time datetime={c.createdAt}>{formatTime(c.createdAt, req.lang)}</time>
                    {c.status === 'pending' && <em> · {t.yours}</em>}
                  </p>
                  <p class="pre">{c.body}</p>
                </>
              )}
              {mayRemove(c) && (
                <PostForm action={href(`/comments/${c.id}/remove`, req.lang)} csrf={csrf} class="inline">
                  <button type="submit" class="link">
                    {c.userId === req.actor!.user.id ? t.removeOwn : t.removeOther}
                  </button>
                </PostForm>
              )}
              {req.actor && c.status === 'approved' && depth < 4 && (
                <details>
                  <summary>{t.reply}</summary>
                  <PostForm action={href(`/news/${post.id}/comments`, req.lang)} csrf={csrf}>
                    <input type="hidden" name="parent" value={String(c.id)} />
                    <label>
                      {t.replyTo(personName(c.userName, req.lang))}
                      <textarea name="body" rows={3} maxLength={5000} required />
                    </label>
                    <button type="submit">{t.send}</button>
                  </PostForm>
                </details>
              )}
              {thread(c.id, depth + 1)}
            </li>
          ))}
        </ol>
      );
    };
    return (
      <section aria-labelledby="h-comments">
        <h2 id="h-comments">{t.comments}</h2>
        {q.comment === 'pending' && <Notice>{t.waiting}</Notice>}
        {q.comment === 'published' && <Notice>{t.published}</Notice>}
        {q.comment === 'removed' && <Notice>{t.removedDone}</Notice>}
        {shown.length ? thread(null, 0) : <p>{t.noComments}</p>}
        {req.actor ? (
          (await store.comments.isBlocked(post.orgId, req.actor.user.id)) ? (
            <p>{t.blocked}</p>
          ) : (
            <PostForm action={href(`/news/${post.id}/comments`, req.lang)} csrf={csrf}>
              <label>
                {t.write}
                <textarea name="body" rows={5} maxLength={5000} required />
              </label>
              <label class="check">
                <input type="checkbox" name="follow" checked /> {t.followReplies}
              </label>
              <button type="submit">{t.send}</button>
            </PostForm>
          )
        ) : (
          <p>
            <a href={href('/signin', req.lang, { next: `/news/${post.id}` })}>{t.signInToComment}</a>
          </p>
        )}
      </section>
    );
  }

  app.post<{ Params: { id: string }; Body: Body }>('/news/:id/comments', async (req, reply) => {
    const actor = signInFirst(req, reply);
    if (!actor) return reply;
    const postId = idParam(req.params.id, `There is no post ${req.params.id}.`);
    const parent = formText(req.body, 'parent');
    const c = await comments.add(actor, postId, {
      body: formText(req.body, 'body'),
      parentId: /^\d{1,12}$/.test(parent) ? Number(parent) : null,
      followReplies: formText(req.body, 'follow') === 'on',
    });
    const state = c.status === 'approved' ? 'published' : 'pending';
    return reply.redirect(
      `${href(`/news/${req.params.id}`, req.lang, { comment: state })}#comment-${c.id}`,
      303,
    );
  });

  app.get<{ Querystring: { done?: string } }>('/moderation', async (req, reply) => {
    const actor = signInFirst(req, reply);
    if (!actor) return reply;
    const t = T[req.lang];
    const waiting = await comments.queue(actor);
    const csrf = csrfToken(req, reply);
    const edited = actor.user.isAdmin
      ? await store.orgs.list()
      : (await store.orgs.list()).filter((o) => actor.roles.get(o.id) === 'editor');
    const blocked = await Promise.all(
      edited.map(async (o) => ({ org: o, users: await store.comments.blocked(o.id) })),
    );
    return html(reply).send(
      pageFor(req, {
        title: t.moderation,
        children: (
          <>
            <h1>{t.moderation}</h1>
            <p>{t.moderationIntro}</p>
            {req.query.done && <Notice>{t.done}</Notice>}
            {waiting.length ? (
              <ol class="log">
                {waiting.map((c) => (
                  <li>
                    <p class="muted">
                      <strong>{personName(c.userName, req.lang)}</strong> ·{' '}
                      {formatTime(c.createdAt, req.lang)} · {t.on}{' '}
                      <a href={href(`/news/${c.entryId}`, req.lang)}>{c.entryTitle}</a>
                    </p>
                    <p class="pre">{c.body}</p>
                    <PostForm
                      action={href(`/comments/${c.id}/moderate`, req.lang)}
                      csrf={csrf}
                      class="inline"
                    >
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
            {blocked.some((b) => b.users.length) && (
              <>
                <h2>{t.blockedList}</h2>
                <ul>
                  {blocked.flatMap((b) =>
                    b.users.map((u) => (
                      <li>
                        {u.name} ({u.email}) · {b.org.name}{' '}
                        <PostForm
                          action={href(`/orgs/${b.org.slug}/unblock`, req.lang)}
                          csrf={csrf}
                          class="inline"
                        >
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
      }),
    );
  });

  app.post<{ Params: { id: string } }>('/comments/:id/remove', async (req, reply) => {
    const actor = signInFirst(req, reply);
    if (!actor) return reply;
    const c = await comments.remove(actor, idParam(req.params.id, `There is no comment ${req.params.id}.`));
    return reply.redirect(`${href(`/news/${c.entryId}`, req.lang, { comment: 'removed' })}#h-comments`, 303);
  });

  app.post<{ Params: { id: string }; Body: Body }>('/comments/:id/moderate', async (req, reply) => {
    const actor = signInFirst(req, reply);
    if (!actor) return reply;
    const id = idParam(req.params.id, `There is no comment ${req.params.id}.`);
    const decision = formText(req.body, 'decision');
    if (decision === 'block') await comments.block(actor, id);
    else if (decision === 'approve' || decision === 'reject') await comments.moderate(actor, id, decision);
    else throw new ValidationError('Choose approve, reject or block.');
    return reply.redirect(href('/moderation', req.lang, { done: '1' }), 303);
  });

  app.post<{ Params: { slug: string }; Body: Body }>('/orgs/:slug/unblock', async (req, reply) => {
    const actor = signInFirst(req, reply);
    if (!actor) return reply;
    const org = await deps.orgs.get(req.params.slug);
    const user = formText(req.body, 'user');
    if (!/^\d{1,12}$/.test(user)) throw new ValidationError('Say whom to unblock.');
    await comments.unblock(actor, org.id, Number(user));
    return reply.redirect(href('/moderation', req.lang, { done: '1' }), 303);
  });

  app.post<{ Body: Body }>('/follow', async (req, reply) => {
    const actor = signInFirst(req, reply);
    if (!actor) return reply;
    await notify.follow(
      actor,
      formText(req.body, 'type'),
      formText(req.body, 'id'),
      formText(req.body, 'mode'),
    );
    return reply.redirect(safeLocalPath(formText(req.body, 'next') || '/account'), 303);
  });

  app.post<{ Body: Body }>('/unfollow', async (req, reply) => {
    const actor = signInFirst(req, reply);
    if (!actor) return reply;
    await notify.unfollow(actor, formText(req.body, 'type'), formText(req.body, 'id'));
    return reply.redirect(safeLocalPath(formText(req.body, 'next') || '/account'), 303);
  });

  // ---- Notification settings from the link in every notification (no sign-in: the link's secret is the key) ----

  async function settingsPage(
    req: FastifyRequest<{ Params: { token: string } }>,
    reply: FastifyReply,
    notice?: string,
  ) {
    const t = T[req.lang];
    const user = await notify.byToken(req.params.token);
    const follows = await followsOf(store, user.id, req.lang);
    const base = `/notifications/${req.params.token}`;
    const csrf = csrfToken(req, reply);
    return secretLinkHtml(reply).send(
      pageFor(req, {
        title: t.settingsTitle,
        children: (
          <>
            <h1>{t.settingsTitle}</h1>
            {notice && <Notice>{notice}</Notice>}
            <p>{t.settingsIntro(user.email)}</p>
            {follows.length ? (
              <>
                <ul>
                  {follows.map((f) => (
                    <li>
                      {f.label} ({f.modeLabel}){' '}
                      <PostForm action={href(`${base}/unfollow`, req.lang)} csrf={csrf} class="inline">
                        <input type="hidden" name="type" value={f.targetType} />
                        <input type="hidden" name="id" value={f.targetId} />
                        <button type="submit" class="link">
                          {t.stop}
                        </button>
                      </PostForm>
                    </li>
                  ))}
                </ul>
                <PostForm action={href(`${base}/stop`, req.lang)} csrf={csrf}>
                  <button type="submit">{t.stopAll}</button>
                </PostForm>
              </>
            ) : (
              <p>{t.followNothing}</p>
            )}
            <p class="muted">
              {t.changeMode} <a href={href('/account', req.lang)}>{t.yourAccount}</a>
            </p>
          </>
        ),
      }),
    );
  }

  app.get<{ Params: { token: string } }>('/notifications/:token', async (req, reply) =>
    settingsPage(req, reply),
  );

  app.post<{ Params: { token: string }; Body: Body }>(
    '/notifications/:token/unfollow',
    async (req, reply) => {
      const user = await notify.byToken(req.params.token);
      await notify.unfollow({ user }, formText(req.body, 'type'), formText(req.body, 'id'));
      return settingsPage(req, reply, T[req.lang].unfollowed);
    },
  );

  // The List-Unsubscribe address: a page with a button for people, and the one-click POST of RFC 8058 for mail
  // programs, which carries no cookie and no CSRF token (the route says `csrf: false`; the secret is the key).
  app.get<{ Params: { token: string } }>('/notifications/:token/stop', async (req, reply) => {
    const t = T[req.lang];
    const user = await notify.byToken(req.params.token);
    return sendLinkPage(req, reply, {
      title: t.stopAll,
      text: t.stopAsk(user.email),
      action: `/notifications/${req.params.token}/stop`,
      button: t.stopAll,
      csrf: '',
    });
  });
  await app.register(async (scope) => {
    // some mail programs send the one-click POST as multipart/form-data: its content does not matter
    scope.addContentTypeParser('multipart/form-data', { bodyLimit: 4096 }, (_req, payload, done) => {
      payload.resume();
      payload.on('end', () => done(null, {}));
      payload.on('error', done);
    });
    scope.post<{ Params: { token: string } }>(
      '/notifications/:token/stop',
      { config: { csrf: false } },
      async (req, reply) => {
        await notify.stopAll(req.params.token);
        return settingsPage(req, reply, T[req.lang].stopped);
      },
    );
  });

  // ---- Photos ----
  // Uploads are read only here, and only from signed-in users: nobody else makes the server buffer a file.
  await app.register(async (scope) => {
    scope.addHook('onRequest', async (req) => {
      if (!req.actor) throw new ForbiddenError('Please sign in first.');
    });
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 10_000 },
      throwFileSizeLimit: true,
    });
    scope.post<{ Body: Body }>('/photos', async (req, reply) => {
      const actor = requireActor(req);
      const b = req.body ?? {};
      const file = b.file;
      if (!Buffer.isBuffer(file) || !file.length) throw new ValidationError('Choose a photo to upload.');
      const subject = formText(b, 'subject');
      const m = /^(place|entry):([A-Za-z0-9][A-Za-z0-9_.-]{0,99})$/.exec(subject);
      if (!m) throw new ValidationError('Say what the photo is of.');
      await deps.photos.add(actor, {
        subjectType: m[1]!,
        subjectId: m[2]!,
        caption: formText(b, 'caption'),
        bytes: file,
        org: formText(b, 'org') || undefined,
      });
      return reply.redirect(safeLocalPath(formText(b, 'next') || '/'), 303);
    });
  });

  app.get<{ Params: { id: string; variant: string } }>('/photos/:id/:variant', async (req, reply) => {
    const m = /^(large|thumb)\.webp$/.exec(req.params.variant);
    if (!m) throw new NotFoundError('There is no such photo.');
    const f = await store.photos.file(idParam(req.params.id, 'There is no such photo.'), m[1]!);
    if (!f) throw new NotFoundError('There is no such photo.');
    // a photo never changes under its id: it is replaced by a new one
    return reply.type(f.mime).header('cache-control', 'public, max-age=31536000, immutable').send(f.bytes);
  });

  app.post<{ Params: { id: string }; Body: Body }>('/photos/:id/delete', async (req, reply) => {
    const actor = signInFirst(req, reply);
    if (!actor) return reply;
    await deps.photos.remove(actor, idParam(req.params.id, 'There is no such photo.'));
    return reply.redirect(safeLocalPath(formText(req.body, 'next') || '/'), 303);
  });

  return { commentsSection };
}

/** The photo upload form, for those who may add photos here. */
export function PhotoForm(p: {
  req: FastifyRequest;
  reply: FastifyReply;
  subject: string;
  problems?: string[];
}) {
  const t = T[p.req.lang];
  const csrf = csrfToken(p.req, p.reply);
  return (
    <details class="card">
      <summary>{t.addPhoto}</summary>
      <Problems title={t.cannot} messages={p.problems ?? []} />
      <form method="post" action={href('/photos', p.req.lang)} enctype="multipart/form-data" class="stack">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="subject" value={p.subject} />
        <input type="hidden" name="next" value={p.req.url} />
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
