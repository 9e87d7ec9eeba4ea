import { MIN_PASSWORD } from '../../domain/accounts.js';
import type { FormProblems } from '../errors.js';
import type { ViewContext } from './context.js';
import { href, renderPage } from './layout.js';
import { Field, Notice, PostForm, Problems } from './post-form.js';

// The signed-out side: sign in, sign up, password reset, and the pages mailed links open.

/** The field for a password being chosen (sign-up, reset, change): the length rule, said and checked. */
export function NewPasswordField(p: { v: ViewContext; label: string; id?: string }) {
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
