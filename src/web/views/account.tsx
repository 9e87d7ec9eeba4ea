import { MIN_PASSWORD } from '../../domain/accounts.js';
import type { AccountView, FollowView } from '../../services/accounts.js';
import type { FormProblems } from '../errors.js';
import { localName, type Lang } from '../i18n/index.js';
import type { ViewContext } from './context.js';
import { href, renderPage } from './layout.js';
import { Field, Notice, PostForm, Problems } from './post-form.js';

// The signed-out side (sign in, sign up, password reset, the pages mailed links open) and the account page.

/** The field for a password being chosen (sign-up, reset, change): the length rule, said and checked. */
function NewPasswordField(p: { v: ViewContext; label: string; id?: string }) {
  return (
    <Field
      label={p.label}
      name="password"
      id={p.id}
      type="password"
      hint={p.v.t.account.passwordHint(MIN_PASSWORD)}
      required
      minLength={MIN_PASSWORD}
      autocomplete="new-password"
    />
  );
}

export function signInPage(
  v: ViewContext,
  values: { email?: string; next: string },
  opts: { problems?: FormProblems; notice?: string; wrongPassword?: boolean } = {},
): string {
  const t = v.t.account;
  // a wrong address or password is said in the reader's language; other refusals as the service words them
  const problems = opts.wrongPassword ? [t.wrong] : (opts.problems?.messages ?? []);
  return renderPage(v, {
    title: t.signIn,
    children: (
      <>
        <h1>{t.signIn}</h1>
        {opts.notice && <Notice>{opts.notice}</Notice>}
        <p>{t.signInIntro}</p>
        <Problems title={t.cannot} messages={problems} />
        <PostForm action={href('/signin', v.lang)} csrf={v.csrf()}>
          <input type="hidden" name="next" value={values.next} />
          <Field
            label={t.email}
            name="email"
            type="email"
            value={values.email}
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
          <a href={href('/reset', v.lang)}>{t.forgot}</a>
        </p>
        <p>
          {t.noAccount} <a href={href('/signup', v.lang)}>{t.signUp}</a>
        </p>
      </>
    ),
  });
}

export function signUpPage(
  v: ViewContext,
  values: { email?: string; name?: string },
  problems?: FormProblems,
): string {
  const t = v.t.account;
  return renderPage(v, {
    title: t.signUp,
    children: (
      <>
        <h1>{t.signUp}</h1>
        <p>{t.signUpIntro}</p>
        <Problems title={t.cannot} messages={problems?.messages ?? []} />
        <PostForm action={href('/signup', v.lang)} csrf={v.csrf()}>
          <Field
            label={t.email}
            name="email"
            type="email"
            value={values.email}
            required
            autocomplete="email"
          />
          <Field
            label={t.name}
            name="name"
            value={values.name}
            hint={t.nameHint}
            autocomplete="name"
            maxLength={100}
          />
          <NewPasswordField v={v} label={t.password} />
          <button type="submit">{t.signUp}</button>
        </PostForm>
      </>
    ),
  });
}

/** The form that asks for a reset link, or (`sent`) what happens next. */
export function resetRequestPage(
  v: ViewContext,
  values: { email?: string },
  opts: { problems?: FormProblems; sent?: boolean } = {},
): string {
  const t = v.t.account;
  return renderPage(v, {
    title: t.reset,
    children: (
      <>
        <h1>{t.reset}</h1>
        {opts.sent ? (
          <Notice>{t.resetSent(values.email ?? '')}</Notice>
        ) : (
          <>
            <p>{t.resetIntro}</p>
            <Problems title={t.cannot} messages={opts.problems?.messages ?? []} />
            <PostForm action={href('/reset', v.lang)} csrf={v.csrf()}>
              <Field
                label={t.email}
                name="email"
                type="email"
                value={values.email}
                required
                autocomplete="email"
              />
              <button type="submit">{t.send}</button>
            </PostForm>
          </>
        )}
      </>
    ),
  });
}

/** The page a reset link opens: the new password. */
export function newPasswordPage(v: ViewContext, token: string, problems?: FormProblems): string {
  const t = v.t.account;
  return renderPage(v, {
    title: t.reset,
    children: (
      <>
        <h1>{t.reset}</h1>
        <Problems title={t.cannot} messages={problems?.messages ?? []} />
        <PostForm action={href(`/reset/${token}`, v.lang)} csrf={v.csrf()}>
          <NewPasswordField v={v} label={t.newPassword} />
          <button type="submit">{t.save}</button>
        </PostForm>
      </>
    ),
  });
}

/**
 * The page a mailed link opens (confirm an address, move the account): what it will do and the button that
 * does it, so that it takes a person's click and not a mail scanner's visit.
 */
export function linkPage(
  v: ViewContext,
  p: { title: string; text: string; action: string; button: string; problems?: FormProblems },
): string {
  return renderPage(v, {
    title: p.title,
    children: (
      <>
        <h1>{p.title}</h1>
        <Problems title={v.t.account.cannot} messages={p.problems?.messages ?? []} />
        {!p.problems && (
          <>
            <p>{p.text}</p>
            <PostForm action={href(p.action, v.lang)} csrf={v.csrf()}>
              <button type="submit">{p.button}</button>
            </PostForm>
          </>
        )}
      </>
    ),
  });
}

/** What `?done=` on the account page says after a change. */
export type AccountDone =
  'signup' | 'confirmed' | 'confirm-sent' | 'password' | 'name' | 'email-sent' | 'email-changed';

function followLabel(v: ViewContext, f: FollowView): string {
  const t = v.t.account;
  const s = f.subject;
  const what =
    s.kind === 'place'
      ? localName(s.place, v.lang)
      : s.kind === 'org'
        ? s.name
        : s.kind === 'replies'
          ? t.repliesTo(s.title)
          : t.followGone(f.targetId);
  return t.followed(what, f.mode === 'daily' ? t.daily : t.instant);
}

const MAIL_LANG_NAMES: [Lang, string][] = [
  ['en', 'English'],
  ['zh', '中文'],
];

export function accountPage(
  v: ViewContext,
  a: AccountView,
  opts: { done?: AccountDone | undefined; problems?: FormProblems } = {},
): string {
  const t = v.t.account;
  const { user } = a;
  const { done } = opts;
  const csrf = v.csrf();
  return renderPage(v, {
    title: t.account,
    children: (
      <>
        <h1>{t.account}</h1>
        {done === 'signup' && <Notice>{t.welcome}</Notice>}
        {done === 'confirmed' && <Notice>{t.confirmed}</Notice>}
        {done === 'confirm-sent' && <Notice>{t.confirmSent(user.email)}</Notice>}
        {!user.emailConfirmedAt && (
          <div class="attention" role="status">
            <p>{t.confirmNeeded(user.email)}</p>
            <PostForm action={href('/account/confirm', v.lang)} csrf={csrf}>
              <button type="submit" class="secondary">
                {t.confirmResend}
              </button>
            </PostForm>
          </div>
        )}
        <dl class="facts card">
          <dt>{t.name}</dt>
          <dd>{user.name}</dd>
          <dt>{t.email}</dt>
          <dd>{user.email}</dd>
        </dl>
        <h2>{t.roles}</h2>
        {user.isAdmin && (
          <p>
            {t.admin} <a href={href('/admin', v.lang)}>{t.adminArea}</a>
          </p>
        )}
        {a.roles.length ? (
          <ul>
            {a.roles.map(({ org, role }) => (
              <li>
                {t.roleIn(
                  <a href={href(`/orgs/${org.slug}`, v.lang)}>{org.name}</a>,
                  t.roleNames[role] ?? role,
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t.noRoles}</p>
        )}
        {a.moderates && (
          <p>
            <a href={href('/moderation', v.lang)}>{t.moderation}</a>
          </p>
        )}
        <h2>{t.following}</h2>
        {a.follows.length ? (
          <ul>
            {a.follows.map((f) => (
              <li>
                {followLabel(v, f)}{' '}
                <PostForm action={href('/unfollow', v.lang)} csrf={csrf} class="inline">
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
        <Problems title={t.cannot} messages={opts.problems?.messages ?? []} />
        <div class="grid2">
          <PostForm action={href('/account/name', v.lang)} csrf={csrf}>
            <Field
              label={t.name}
              name="name"
              value={user.name}
              hint={t.nameHint}
              required
              maxLength={100}
              autocomplete="name"
            />
            <div class="field">
              <label for="field-lang">{t.mailLang}</label>
              <select id="field-lang" name="lang">
                {MAIL_LANG_NAMES.map(([code, name]) => (
                  <option value={code} selected={user.lang === code} lang={code === 'zh' ? 'zh-Hans' : code}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit">{t.saveName}</button>
          </PostForm>
          <PostForm action={href('/account/password', v.lang)} csrf={csrf}>
            <Field
              label={t.currentPassword}
              name="current"
              type="password"
              required
              autocomplete="current-password"
            />
            <NewPasswordField v={v} label={t.newPassword} />
            <button type="submit">{t.changePassword}</button>
          </PostForm>
          <PostForm action={href('/account/email', v.lang)} csrf={csrf}>
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
        <PostForm action={href('/signout', v.lang)} csrf={csrf}>
          <button type="submit">{t.signOut}</button>
        </PostForm>
        <h2>{t.deleteTitle}</h2>
        <p>{t.deleteIntro}</p>
        <PostForm action={href('/account/delete', v.lang)} csrf={csrf}>
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
  });
}
