import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MIN_PASSWORD } from '../../domain/accounts.js';
import { TooManyError, ValidationError } from '../../domain/errors.js';
import type { AccountsService } from '../../services/accounts.js';
import type { Store } from '../../store/store.js';
import {
  SESSION_COOKIE,
  csrfToken,
  deviceOf,
  setDeviceCookie,
  setSessionCookie,
  signInFirst,
} from '../auth.js';
import { safeLocalPath } from '../site.js';
import type { Lang } from '../views/i18n.js';
import { href, html, pageFor, secretLinkHtml, sendLinkPage } from '../views/layout.js';
import { Field, Notice, PostForm, Problems, formText } from '../views/post-form.js';
import { followsOf } from './community.js';

const T = {
  en: {
    signIn: 'Sign in',
    signInIntro: 'Sign in to edit your program’s pages, comment and follow news.',
    email: 'E-mail address',
    password: 'Password',
    name: 'Your name',
    nameHint: 'Shown with your comments and edits.',
    passwordHint: `At least ${MIN_PASSWORD} characters.`,
    wrong: 'The e-mail address or the password is not right.',
    cannot: 'That did not work',
    noAccount: 'No account yet?',
    signUp: 'Create an account',
    signUpIntro:
      'An account lets you comment and follow places and news. Editors of a program are added by their organization.',
    forgot: 'Forgot your password?',
    signOut: 'Sign out',
    reset: 'Choose a new password',
    resetIntro: 'Give the address of your account; we will mail you a link to choose a new password.',
    send: 'Send the link',
    resetSent: (e: string) =>
      `If ${e} has an account, a link to choose a new password is on its way. It works for one hour.`,
    newPassword: 'New password',
    save: 'Save the new password',
    resetDone: 'Your password was changed. Sign in with the new one.',
    resetGone: 'This link has expired or was used already.',
    askAgain: 'Ask for a new link',
    account: 'Your account',
    roles: 'Your roles',
    noRoles: 'You hold no role in an organization yet. An editor of your organization can add you.',
    admin: 'You are a site admin.',
    adminArea: 'Admin area',
    signedIn: 'You are signed in.',
    alreadyIn: 'You are already signed in.',
    editor: 'editor',
    member: 'member',
    moderation: 'Comments to moderate',
    following: 'What you follow',
    followNothing: 'You follow nothing yet: use "Follow" on a place, an organization or a post.',
    unfollow: 'Stop following',
    settings: 'Name, language, password and address',
    saveName: 'Save',
    mailLang: 'Language of the mail we send you',
    currentPassword: 'Current password',
    changePassword: 'Change the password',
    passwordChanged: 'Your password was changed; you were signed out everywhere else.',
    nameChanged: 'Saved.',
    deleteTitle: 'Delete the account',
    deleteIntro:
      'Your name, address and password are removed, you stop following everything and you are signed out everywhere. Your comments and edits stay, shown as by a former member.',
    deleteButton: 'Delete my account',
    deleted: 'Your account was deleted.',
    changeEmail: 'Change the e-mail address',
    newEmail: 'New e-mail address',
    newEmailHint: 'We mail a link there; the address changes when you open it.',
    emailSent:
      'A link is on its way to the new address: your account moves there when you open it (within a day). Until then it keeps this address.',
    emailAsk: (from: string, to: string) => `Move your account from ${from} to ${to}?`,
    emailButton: 'Use the new address',
    emailChanged: 'Your account has its new e-mail address.',
    emailGone: 'This link has expired or was used already. Sign in and ask again on your account page.',
    welcome: 'Welcome! Your account is ready.',
    confirmNeeded: (e: string) =>
      `Please confirm your address: we sent a link to ${e}. Until you open it, we send you no notifications.`,
    confirmResend: 'Send the link again',
    confirmSent: (e: string) => `A new link is on its way to ${e}.`,
    confirmTitle: 'Confirm your e-mail address',
    confirmAsk: (e: string) => `Confirm that ${e} is your address, so that we may mail you what you follow.`,
    confirmButton: 'Confirm the address',
    confirmed: 'Thank you: your address is confirmed.',
    confirmGone:
      'This link has expired or was used already. Sign in: your account page sends a new one if the address is not confirmed yet.',
  },
  zh: {
    signIn: '登录',
    signInIntro: '登录后可编辑本机构的页面、发表评论、关注新闻。',
    email: '电子邮箱',
    password: '密码',
    name: '您的姓名',
    nameHint: '显示在您的评论和编辑记录旁。',
    passwordHint: `至少${MIN_PASSWORD}个字符。`,
    wrong: '电子邮箱或密码不正确。',
    cannot: '未能完成',
    noAccount: '还没有账户？',
    signUp: '注册账户',
    signUpIntro: '有了账户即可评论、关注城市和新闻。机构的编辑由其机构添加。',
    forgot: '忘记密码？',
    signOut: '退出登录',
    reset: '设置新密码',
    resetIntro: '请填写账户的电子邮箱，我们会发送设置新密码的链接。',
    send: '发送链接',
    resetSent: (e: string) => `如果${e}有账户，设置新密码的链接已发出，一小时内有效。`,
    newPassword: '新密码',
    save: '保存新密码',
    resetDone: '密码已更改，请用新密码登录。',
    resetGone: '此链接已过期或已使用。',
    askAgain: '重新获取链接',
    account: '我的账户',
    roles: '我的角色',
    noRoles: '您尚未在任何机构担任角色，可请所在机构的编辑添加您。',
    admin: '您是网站管理员。',
    adminArea: '管理后台',
    signedIn: '您已登录。',
    alreadyIn: '您已登录。',
    editor: '编辑',
    member: '成员',
    moderation: '待审评论',
    following: '我的关注',
    followNothing: '您尚未关注任何内容：在地方、机构或文章页面点击“关注”。',
    unfollow: '取消关注',
    settings: '姓名、语言、密码与邮箱',
    saveName: '保存',
    mailLang: '邮件语言',
    currentPassword: '当前密码',
    changePassword: '修改密码',
    passwordChanged: '密码已修改，其他设备上的登录已退出。',
    nameChanged: '已保存。',
    deleteTitle: '删除账户',
    deleteIntro:
      '您的姓名、邮箱和密码将被删除，所有关注随之取消，各处的登录都会退出。您的评论和编辑记录会保留，显示为“前成员”。',
    deleteButton: '删除我的账户',
    deleted: '您的账户已删除。',
    changeEmail: '更改电子邮箱',
    newEmail: '新的电子邮箱',
    newEmailHint: '我们会向新邮箱发送链接，打开链接后才会更改。',
    emailSent: '链接已发送到新邮箱：在一天内打开链接后，账户即改用新邮箱；在此之前仍使用原邮箱。',
    emailAsk: (from: string, to: string) => `把账户邮箱从 ${from} 改为 ${to}？`,
    emailButton: '使用新邮箱',
    emailChanged: '账户已改用新的电子邮箱。',
    emailGone: '此链接已过期或已使用。请登录后在账户页面重新申请。',
    welcome: '欢迎！您的账户已建好。',
    confirmNeeded: (e: string) =>
      `请确认您的邮箱：确认链接已发送到 ${e}。打开链接之前，我们不会向您发送任何通知。`,
    confirmResend: '重新发送链接',
    confirmSent: (e: string) => `新的链接已发送到 ${e}。`,
    confirmTitle: '确认电子邮箱',
    confirmAsk: (e: string) => `请确认 ${e} 是您的邮箱，以便我们把您关注的内容发给您。`,
    confirmButton: '确认邮箱',
    confirmed: '谢谢，您的邮箱已确认。',
    confirmGone: '此链接已过期或已使用。请登录：如邮箱尚未确认，可在账户页面重新获取链接。',
  },
};

type Body = Record<string, unknown>;

/** The field for a password being chosen (sign-up, reset, change): the length rule, said and checked. */
function NewPasswordField(p: { lang: Lang; label: string }) {
  return (
    <Field
      label={p.label}
      name="password"
      type="password"
      hint={T[p.lang].passwordHint}
      required
      minLength={MIN_PASSWORD}
      autocomplete="new-password"
    />
  );
}

/** The messages of a refused form: each problem of a validation error, or the error's own message. */
export function problemsOf(e: unknown): string[] {
  if (e instanceof ValidationError && e.problems.length) return e.problems.map((p) => p.message);
  return [(e as Error).message];
}

/** Sign in, sign up, sign out, password reset and the account page. */
export function accountPages(
  app: FastifyInstance,
  deps: { store: Store; accounts: AccountsService; publicUrl: string; secure: boolean },
): void {
  const { accounts } = deps;

  function signInPage(
    req: FastifyRequest,
    reply: FastifyReply,
    v: { email?: string; next?: string; problems?: string[]; notice?: string },
  ) {
    const t = T[req.lang];
    const next = safeLocalPath(v.next ?? '/account');
    return html(reply).send(
      pageFor(req, {
        title: t.signIn,
        children: (
          <>
            <h1>{t.signIn}</h1>
            {v.notice && <Notice>{v.notice}</Notice>}
            <p>{t.signInIntro}</p>
            <Problems title={t.cannot} messages={v.problems ?? []} />
            <PostForm action={href('/signin', req.lang)} csrf={csrfToken(req, reply)}>
              <input type="hidden" name="next" value={next} />
              <Field
                label={t.email}
                name="email"
                type="email"
                value={v.email}
                required
                autocomplete="username"
              />
              <Field
                label={t.password}
                name="password"
                type="password"
                required
                autocomplete="current-password"
              />
              <button type="submit">{t.signIn}</button>
            </PostForm>
            <p>
              <a href={href('/reset', req.lang)}>{t.forgot}</a>
            </p>
            <p>
              {t.noAccount} <a href={href('/signup', req.lang)}>{t.signUp}</a>
            </p>
          </>
        ),
      }),
    );
  }

  app.get<{
    Querystring: { next?: string; reset?: string; confirmed?: string; changed?: string; deleted?: string };
  }>('/signin', async (req, reply) => {
    if (req.user) return reply.redirect(href('/account', req.lang), 303);
    const t = T[req.lang];
    return signInPage(req, reply, {
      next: req.query.next,
      notice:
        req.query.reset === '1'
          ? t.resetDone
          : req.query.confirmed === '1'
            ? t.confirmed
            : req.query.changed === '1'
              ? t.emailChanged
              : req.query.deleted === '1'
                ? t.deleted
                : undefined,
    });
  });

  app.post<{ Body: Body }>('/signin', async (req, reply) => {
    const email = formText(req.body, 'email');
    const next = safeLocalPath(formText(req.body, 'next') || '/account');
    let result;
    try {
      result = await accounts.signIn(
        email,
        formText(req.body, 'password'),
        req.ip,
        new Date(),
        deviceOf(req),
      );
    } catch (e) {
      if (!(e instanceof TooManyError)) throw e;
      reply.code(429).header('retry-after', String(e.retryAfterSeconds));
      return signInPage(req, reply, { email, next, problems: [e.message] });
    }
    if (!result) {
      reply.code(401);
      return signInPage(req, reply, { email, next, problems: [T[req.lang].wrong] });
    }
    setSessionCookie(reply, result.session.token, deps.secure);
    setDeviceCookie(reply, result.device, deps.secure);
    return reply.redirect(next, 303);
  });

  function signUpPage(
    req: FastifyRequest,
    reply: FastifyReply,
    v: { email?: string; name?: string; problems?: string[] },
  ) {
    const t = T[req.lang];
    return html(reply).send(
      pageFor(req, {
        title: t.signUp,
        children: (
          <>
            <h1>{t.signUp}</h1>
            <p>{t.signUpIntro}</p>
            <Problems title={t.cannot} messages={v.problems ?? []} />
            <PostForm action={href('/signup', req.lang)} csrf={csrfToken(req, reply)}>
              <Field
                label={t.email}
                name="email"
                type="email"
                value={v.email}
                required
                autocomplete="email"
              />
              <Field
                label={t.name}
                name="name"
                value={v.name}
                hint={t.nameHint}
                autocomplete="name"
                maxLength={100}
              />
              <NewPasswordField lang={req.lang} label={t.password} />
              <button type="submit">{t.signUp}</button>
            </PostForm>
          </>
        ),
      }),
    );
  }

  // an invitation links here with the invited address filled in
  app.get<{ Querystring: { email?: string } }>('/signup', async (req, reply) => {
    if (req.user) return reply.redirect(href('/account', req.lang), 303);
    const email = typeof req.query.email === 'string' ? req.query.email.slice(0, 254) : undefined;
    return signUpPage(req, reply, { email });
  });

  app.post<{ Body: Body }>('/signup', async (req, reply) => {
    const input = {
      email: formText(req.body, 'email'),
      name: formText(req.body, 'name'),
      password: formText(req.body, 'password'),
    };
    try {
      await accounts.signUp({ ...input, lang: req.lang }, req.ip, deps.publicUrl);
    } catch (e) {
      if (!(e instanceof ValidationError || e instanceof TooManyError)) throw e;
      reply.code(e instanceof TooManyError ? 429 : 400);
      return signUpPage(req, reply, { email: input.email, name: input.name, problems: problemsOf(e) });
    }
    const result = await accounts.signIn(input.email, input.password, req.ip);
    if (result) {
      setSessionCookie(reply, result.session.token, deps.secure);
      setDeviceCookie(reply, result.device, deps.secure);
    }
    return reply.redirect(href('/account', req.lang, { done: 'signup' }), 303);
  });

  app.post('/signout', async (req, reply) => {
    if (req.sessionToken) await accounts.endSession(req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect(href('/', req.lang), 303);
  });

  function resetRequestPage(
    req: FastifyRequest,
    reply: FastifyReply,
    v: { email?: string; problems?: string[]; sent?: boolean },
  ) {
    const t = T[req.lang];
    return html(reply).send(
      pageFor(req, {
        title: t.reset,
        children: (
          <>
            <h1>{t.reset}</h1>
            {v.sent ? (
              <Notice>{t.resetSent(v.email ?? '')}</Notice>
            ) : (
              <>
                <p>{t.resetIntro}</p>
                <Problems title={t.cannot} messages={v.problems ?? []} />
                <PostForm action={href('/reset', req.lang)} csrf={csrfToken(req, reply)}>
                  <Field
                    label={t.email}
                    name="email"
                    type="email"
                    value={v.email}
                    required
                    autocomplete="email"
                  />
                  <button type="submit">{t.send}</button>
                </PostForm>
              </>
            )}
          </>
        ),
      }),
    );
  }

  app.get('/reset', async (req, reply) => resetRequestPage(req, reply, {}));

  app.post<{ Body: Body }>('/reset', async (req, reply) => {
    const email = formText(req.body, 'email').trim();
    if (!email) {
      reply.code(400);
      return resetRequestPage(req, reply, {
        problems: [T[req.lang].email + ': ' + (req.lang === 'zh' ? '必填' : 'required')],
      });
    }
    try {
      await accounts.requestReset(email, req.ip, deps.publicUrl);
    } catch (e) {
      if (!(e instanceof TooManyError)) throw e;
      reply.code(429).header('retry-after', String(e.retryAfterSeconds));
      return resetRequestPage(req, reply, { email, problems: [e.message] });
    }
    return resetRequestPage(req, reply, { email, sent: true });
  });

  function newPasswordPage(
    req: FastifyRequest<{ Params: { token: string } }>,
    reply: FastifyReply,
    problems: string[] = [],
  ) {
    const t = T[req.lang];
    return secretLinkHtml(reply).send(
      pageFor(req, {
        title: t.reset,
        children: (
          <>
            <h1>{t.reset}</h1>
            <Problems title={t.cannot} messages={problems} />
            <PostForm action={href(`/reset/${req.params.token}`, req.lang)} csrf={csrfToken(req, reply)}>
              <NewPasswordField lang={req.lang} label={t.newPassword} />
              <button type="submit">{t.save}</button>
            </PostForm>
          </>
        ),
      }),
    );
  }

  /** A one-time link that is no good any more: what it was for, and where to get a new one. */
  function goneLinkPage(
    req: FastifyRequest,
    reply: FastifyReply,
    kind: 'reset' | 'confirm' | 'email' = 'reset',
  ) {
    const t = T[req.lang];
    const title = { reset: t.reset, confirm: t.confirmTitle, email: t.changeEmail }[kind];
    return reply
      .code(410)
      .type('text/html; charset=utf-8')
      .send(
        pageFor(req, {
          title,
          children: (
            <>
              <h1>{title}</h1>
              <p>{{ reset: t.resetGone, confirm: t.confirmGone, email: t.emailGone }[kind]}</p>
              <p>
                {kind === 'reset' ? (
                  <a href={href('/reset', req.lang)}>{t.askAgain}</a>
                ) : (
                  <a href={href('/account', req.lang)}>{t.account}</a>
                )}
              </p>
            </>
          ),
        }),
      );
  }

  app.get<{ Params: { token: string } }>('/reset/:token', async (req, reply) => {
    if (!(await accounts.resetTokenValid(req.params.token))) return goneLinkPage(req, reply);
    return newPasswordPage(req, reply);
  });

  app.post<{ Params: { token: string }; Body: Body }>('/reset/:token', async (req, reply) => {
    try {
      await accounts.resetPassword(req.params.token, formText(req.body, 'password'));
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      if (!(await accounts.resetTokenValid(req.params.token))) return goneLinkPage(req, reply);
      reply.code(400);
      return newPasswordPage(req, reply, problemsOf(e));
    }
    if (req.sessionToken) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect(href('/signin', req.lang, { reset: '1' }), 303);
  });

  // The link in the mail shows a page with a button: confirming takes a person's click, not a mail scanner's visit.
  app.get<{ Params: { token: string } }>('/confirm/:token', async (req, reply) => {
    const user = await accounts.confirmationUser(req.params.token);
    if (!user) return goneLinkPage(req, reply, 'confirm');
    const t = T[req.lang];
    return sendLinkPage(req, reply, {
      title: t.confirmTitle,
      text: t.confirmAsk(user.email),
      action: `/confirm/${req.params.token}`,
      button: t.confirmButton,
      csrf: csrfToken(req, reply),
    });
  });

  app.post<{ Params: { token: string } }>('/confirm/:token', async (req, reply) => {
    let user;
    try {
      user = await accounts.confirmEmail(req.params.token);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return goneLinkPage(req, reply, 'confirm');
    }
    if (req.user?.id === user.id)
      return reply.redirect(href('/account', req.lang, { done: 'confirmed' }), 303);
    return reply.redirect(href('/signin', req.lang, { confirmed: '1' }), 303);
  });

  app.post('/account/confirm', async (req, reply) => {
    const actor = signInFirst(req, reply);
    if (!actor) return reply;
    try {
      await accounts.resendConfirmation(actor.user, deps.publicUrl);
    } catch (e) {
      if (!(e instanceof TooManyError)) throw e;
      reply.code(429).header('retry-after', String(e.retryAfterSeconds));
      return accountPage(req, reply, problemsOf(e));
    }
    return reply.redirect(href('/account', req.lang, { done: 'confirm-sent' }), 303);
  });

  app.post<{ Body: Body }>('/account/email', async (req, reply) => {
    const actor = signInFirst(req, reply);
    if (!actor) return reply;
    try {
      await accounts.requestEmailChange(
        actor.user,
        { email: formText(req.body, 'email'), password: formText(req.body, 'current') },
        deps.publicUrl,
      );
    } catch (e) {
      if (!(e instanceof ValidationError || e instanceof TooManyError)) throw e;
      reply.code(e instanceof TooManyError ? 429 : 400);
      return accountPage(req, reply, problemsOf(e));
    }
    return reply.redirect(href('/account', req.lang, { done: 'email-sent' }), 303);
  });

  // Like the confirmation link: the mailed link shows a page, and a person's click moves the account.
  app.get<{ Params: { token: string } }>('/account/email/:token', async (req, reply) => {
    const change = await accounts.emailChangeOf(req.params.token);
    if (!change) return goneLinkPage(req, reply, 'email');
    const t = T[req.lang];
    return sendLinkPage(req, reply, {
      title: t.changeEmail,
      text: t.emailAsk(change.user.email, change.email),
      action: `/account/email/${req.params.token}`,
      button: t.emailButton,
      csrf: csrfToken(req, reply),
    });
  });

  app.post<{ Params: { token: string } }>('/account/email/:token', async (req, reply) => {
    let user;
    try {
      user = await accounts.changeEmail(req.params.token);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      if (!(await accounts.emailChangeOf(req.params.token))) return goneLinkPage(req, reply, 'email');
      reply.code(409);
      return html(reply).send(
        pageFor(req, {
          title: T[req.lang].changeEmail,
          children: (
            <>
              <h1>{T[req.lang].changeEmail}</h1>
              <Problems title={T[req.lang].cannot} messages={[e.message]} />
            </>
          ),
        }),
      );
    }
    if (req.user?.id === user.id)
      return reply.redirect(href('/account', req.lang, { done: 'email-changed' }), 303);
    return reply.redirect(href('/signin', req.lang, { changed: '1' }), 303);
  });

  app.post<{ Body: Body }>('/account/delete', async (req, reply) => {
    const actor = signInFirst(req, reply);
    if (!actor) return reply;
    try {
      await accounts.deleteAccount(actor.user, formText(req.body, 'current'));
    } catch (e) {
      if (!(e instanceof ValidationError || e instanceof TooManyError)) throw e;
      reply.code(e instanceof TooManyError ? 429 : 400);
      return accountPage(req, reply, problemsOf(e));
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect(href('/signin', req.lang, { deleted: '1' }), 303);
  });

  app.get<{ Querystring: { done?: string } }>('/account', async (req, reply) => accountPage(req, reply, []));

  app.post<{ Body: Body }>('/account/password', async (req, reply) => {
    const actor = signInFirst(req, reply);
    if (!actor) return reply;
    try {
      await accounts.changePassword(
        actor.user,
        formText(req.body, 'current'),
        formText(req.body, 'password'),
        req.sessionToken!,
      );
    } catch (e) {
      if (!(e instanceof ValidationError || e instanceof TooManyError)) throw e;
      reply.code(400);
      return accountPage(req, reply, problemsOf(e));
    }
    return reply.redirect(href('/account', req.lang, { done: 'password' }), 303);
  });

  app.post<{ Body: Body }>('/account/name', async (req, reply) => {
    const actor = signInFirst(req, reply);
    if (!actor) return reply;
    try {
      await accounts.rename(actor.user, formText(req.body, 'name'), formText(req.body, 'lang') || undefined);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      reply.code(400);
      return accountPage(req, reply, problemsOf(e));
    }
    return reply.redirect(href('/account', req.lang, { done: 'name' }), 303);
  });

  async function accountPage(req: FastifyRequest, reply: FastifyReply, problems: string[]) {
    const actor = signInFirst(req, reply);
    if (!actor) return reply;
    const done = (req.query as { done?: string }).done;
    const t = T[req.lang];
    const orgs = await Promise.all(
      [...actor.roles].map(async ([id, role]) => ({ org: await deps.store.orgs.byId(id), role })),
    );
    const csrf = csrfToken(req, reply);
    const follows = await followsOf(deps.store, actor.user.id, req.lang);
    return html(reply).send(
      pageFor(req, {
        title: t.account,
        children: (
          <>
            <h1>{t.account}</h1>
            {done === 'signup' && <Notice>{t.welcome}</Notice>}
            {done === 'confirmed' && <Notice>{t.confirmed}</Notice>}
            {done === 'confirm-sent' && <Notice>{t.confirmSent(actor.user.email)}</Notice>}
            {!actor.user.emailConfirmedAt && (
              <div class="attention" role="status">
                <p>{t.confirmNeeded(actor.user.email)}</p>
                <PostForm action={href('/account/confirm', req.lang)} csrf={csrf}>
                  <button type="submit" class="secondary">
                    {t.confirmResend}
                  </button>
                </PostForm>
              </div>
            )}
            <dl class="facts card">
              <dt>{t.name}</dt>
              <dd>{actor.user.name}</dd>
              <dt>{t.email}</dt>
              <dd>{actor.user.email}</dd>
            </dl>
            <h2>{t.roles}</h2>
            {actor.user.isAdmin && (
              <p>
                {t.admin} <a href={href('/admin', req.lang)}>{t.adminArea}</a>
              </p>
            )}
            {orgs.length ? (
              <ul>
                {orgs.map(({ org, role }) =>
                  org ? (
                    <li>
                      <a href={href(`/orgs/${org.slug}`, req.lang)}>{org.name}</a>:{' '}
                      {role === 'editor' ? t.editor : t.member}
                    </li>
                  ) : null,
                )}
              </ul>
            ) : (
              <p>{t.noRoles}</p>
            )}
            {(actor.user.isAdmin || [...actor.roles.values()].includes('editor')) && (
              <p>
                <a href={href('/moderation', req.lang)}>{t.moderation}</a>
              </p>
            )}
            <h2>{t.following}</h2>
            {follows.length ? (
              <ul>
                {follows.map((f) => (
                  <li>
                    {f.label} ({f.modeLabel}){' '}
                    <PostForm action={href('/unfollow', req.lang)} csrf={csrf} class="inline">
                      <input type="hidden" name="type" value={f.targetType} />
                      <input type="hidden" name="id" value={f.targetId} />
                      <input type="hidden" name="next" value="/account" />
                      <button type="submit" class="link">
                        {t.unfollow}
                      </button>
                    </PostForm>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t.followNothing}</p>
            )}
            <h2>{t.settings}</h2>
            {done === 'password' && <Notice>{t.passwordChanged}</Notice>}
            {done === 'name' && <Notice>{t.nameChanged}</Notice>}
            {done === 'email-sent' && <Notice>{t.emailSent}</Notice>}
            {done === 'email-changed' && <Notice>{t.emailChanged}</Notice>}
            <Problems title={t.cannot} messages={problems} />
            <div class="grid2">
              <PostForm action={href('/account/name', req.lang)} csrf={csrf}>
                <Field
                  label={t.name}
                  name="name"
                  value={actor.user.name}
                  hint={t.nameHint}
                  required
                  maxLength={100}
                  autocomplete="name"
                />
                <div class="field">
                  <label for="field-lang">{t.mailLang}</label>
                  <select id="field-lang" name="lang">
                    <option value="en" selected={actor.user.lang !== 'zh'}>
                      English
                    </option>
                    <option value="zh" selected={actor.user.lang === 'zh'} lang="zh-Hans">
                      中文
                    </option>
                  </select>
                </div>
                <button type="submit">{t.saveName}</button>
              </PostForm>
              <PostForm action={href('/account/password', req.lang)} csrf={csrf}>
                <Field
                  label={t.currentPassword}
                  name="current"
                  type="password"
                  required
                  autocomplete="current-password"
                />
                <NewPasswordField lang={req.lang} label={t.newPassword} />
                <button type="submit">{t.changePassword}</button>
              </PostForm>
              <PostForm action={href('/account/email', req.lang)} csrf={csrf}>
                <Field
                  label={t.newEmail}
                  name="email"
                  type="email"
                  hint={t.newEmailHint}
                  required
                  autocomplete="email"
                />
                <Field
                  label={t.currentPassword}
                  name="current"
                  id="field-email-current"
                  type="password"
                  required
                  autocomplete="current-password"
                />
                <button type="submit">{t.changeEmail}</button>
              </PostForm>
            </div>
            <h2>{t.signOut}</h2>
            <PostForm action={href('/signout', req.lang)} csrf={csrf}>
              <button type="submit">{t.signOut}</button>
            </PostForm>
            <h2>{t.deleteTitle}</h2>
            <p>{t.deleteIntro}</p>
            <PostForm action={href('/account/delete', req.lang)} csrf={csrf}>
              <Field
                label={t.currentPassword}
                name="current"
                id="field-delete-current"
                type="password"
                required
                autocomplete="current-password"
              />
              <button type="submit" class="secondary">
                {t.deleteButton}
              </button>
            </PostForm>
          </>
        ),
      }),
    );
  }
}
