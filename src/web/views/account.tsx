import type { AccountView, FollowView } from '../../services/accounts.js';
import type { FormProblems } from '../errors.js';
import { MAIL_LANGS } from '../../services/mail-text.js';
import { htmlLang, isLang, localName } from '../i18n/index.js';
import type { ViewContext } from './context.js';
import { href, renderPage } from './layout.js';
import { Field, Notice, PostForm, Problems } from './post-form.js';
import { NewPasswordField } from './signin.js';

// The account page: who one is, one's roles and follows, and the forms that change the account.

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

/** The languages the site's mail is written in, each named in itself ("English", "中文"). */
const MAIL_LANG_NAMES = MAIL_LANGS.map(
  (code) => [code, new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code] as const,
);

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
                  <option
                    value={code}
                    selected={user.lang === code}
                    lang={isLang(code) ? htmlLang(code) : code}
                  >
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
