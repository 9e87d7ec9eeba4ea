import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../app.js';
import { SESSION_COOKIE, deviceOf, setDeviceCookie, setSessionCookie } from '../auth.js';
import { FormBody, PageQuery, Text, sendHtml, sentField } from '../kit.js';
import { safeLocalPath } from '../site.js';
import { linkPage, newPasswordPage, resetRequestPage, signInPage, signUpPage } from '../views/signin.js';
import { viewOf } from '../views/context.js';
import { href, secretLinkHtml } from '../views/layout.js';

const SignInBody = FormBody({ email: Text(254), password: Text(1000), next: Text(2000) });
const SignUpBody = FormBody({ email: Text(254), name: Text(200), password: Text(1000) });
const EmailBody = FormBody({ email: Text(254) });
const PasswordBody = FormBody({ password: Text(1000) });
const TokenParams = Type.Object({ token: Text(200) });
const SignInQuery = PageQuery({
  next: Type.Optional(Text(2000)),
  reset: Type.Optional(Text(10)),
  confirmed: Type.Optional(Text(10)),
  changed: Type.Optional(Text(10)),
  deleted: Type.Optional(Text(10)),
});

/** Where a sign-in goes: back to the page that asked for it, never to another site. */
const nextOf = (next: string | undefined) => safeLocalPath(next || '/account');

/** Sign in, sign up, sign out, password reset, and the page that confirms a new account's address. */
export function signInRoutes(app: App, ctx: AppContext): void {
  const { accounts } = ctx;
  const baseUrl = ctx.config.publicUrl;
  const secure = baseUrl.startsWith('https:');

  app.get('/signin', { schema: { querystring: SignInQuery } }, async (req, reply) => {
    if (req.user) return reply.redirect(href('/account', req.lang), 303);
    const q = req.query;
    const t = viewOf(req, reply).t.account;
    const notice =
      q.reset === '1'
        ? t.resetDone
        : q.confirmed === '1'
          ? t.confirmed
          : q.changed === '1'
            ? t.emailChanged
            : q.deleted === '1'
              ? t.deleted
              : undefined;
    return sendHtml(reply, signInPage(viewOf(req, reply), { next: nextOf(q.next) }, { notice }));
  });

  app.post(
    '/signin',
    {
      schema: { body: SignInBody },
      config: {
        form: (req, reply, problems) =>
          signInPage(
            viewOf(req, reply),
            { email: sentField(req.body, 'email'), next: nextOf(sentField(req.body, 'next')) },
            { problems, wrongPassword: reply.statusCode === 401 },
          ),
      },
    },
    async (req, reply) => {
      const b = req.body;
      const r = await accounts.signIn(b.email ?? '', b.password ?? '', req.ip, new Date(), deviceOf(req));
      setSessionCookie(reply, r.session.token, secure);
      setDeviceCookie(reply, r.device, secure);
      return reply.redirect(nextOf(b.next), 303);
    },
  );

  // an invitation links here with the invited address filled in
  app.get(
    '/signup',
    { schema: { querystring: PageQuery({ email: Type.Optional(Text(254)) }) } },
    async (req, reply) => {
      if (req.user) return reply.redirect(href('/account', req.lang), 303);
      return sendHtml(reply, signUpPage(viewOf(req, reply), { email: req.query.email }));
    },
  );

  app.post(
    '/signup',
    {
      schema: { body: SignUpBody },
      config: {
        form: (req, reply, problems) =>
          signUpPage(
            viewOf(req, reply),
            { email: sentField(req.body, 'email'), name: sentField(req.body, 'name') },
            problems,
          ),
      },
    },
    async (req, reply) => {
      const b = req.body;
      const input = { email: b.email ?? '', name: b.name, password: b.password ?? '', lang: req.lang };
      const r = await accounts.register(input, req.ip, baseUrl);
      setSessionCookie(reply, r.session.token, secure);
      setDeviceCookie(reply, r.device, secure);
      return reply.redirect(href('/account', req.lang, { done: 'signup' }), 303);
    },
  );

  app.post('/signout', async (req, reply) => {
    if (req.sessionToken) await accounts.endSession(req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect(href('/', req.lang), 303);
  });

  app.get('/reset', { schema: { querystring: PageQuery({}) } }, async (req, reply) =>
    sendHtml(reply, resetRequestPage(viewOf(req, reply), {})),
  );

  app.post(
    '/reset',
    {
      schema: { body: EmailBody },
      config: {
        form: (req, reply, problems) =>
          resetRequestPage(viewOf(req, reply), { email: sentField(req.body, 'email') }, { problems }),
      },
    },
    async (req, reply) => {
      const email = (req.body.email ?? '').trim();
      await accounts.requestReset(email, req.ip, baseUrl);
      return sendHtml(reply, resetRequestPage(viewOf(req, reply), { email }, { sent: true }));
    },
  );

  // The pages mailed links open hold a secret in their address: no referrer, no index, even when refused.
  const secretLink = async (_req: FastifyRequest, reply: FastifyReply) => {
    secretLinkHtml(reply);
  };

  app.get(
    '/reset/:token',
    { schema: { params: TokenParams, querystring: PageQuery({}) }, preHandler: secretLink },
    async (req, reply) => {
      await accounts.resetLink(req.params.token);
      return sendHtml(reply, newPasswordPage(viewOf(req, reply), req.params.token));
    },
  );

  app.post(
    '/reset/:token',
    {
      schema: { params: TokenParams, body: PasswordBody },
      preHandler: secretLink,
      config: {
        form: (req, reply, problems) =>
          newPasswordPage(viewOf(req, reply), (req.params as { token: string }).token, problems),
      },
    },
    async (req, reply) => {
      await accounts.resetPassword(req.params.token, req.body.password ?? '');
      if (req.sessionToken) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect(href('/signin', req.lang, { reset: '1' }), 303);
    },
  );

  // The link in the mail shows a page with a button: confirming takes a person's click, not a mail scanner's visit.
  app.get(
    '/confirm/:token',
    { schema: { params: TokenParams, querystring: PageQuery({}) }, preHandler: secretLink },
    async (req, reply) => {
      const user = await accounts.confirmLink(req.params.token);
      const v = viewOf(req, reply);
      const t = v.t.account;
      return sendHtml(
        reply,
        linkPage(v, {
          title: t.confirmTitle,
          text: t.confirmAsk(user.email),
          action: `/confirm/${req.params.token}`,
          button: t.confirmButton,
        }),
      );
    },
  );

  app.post(
    '/confirm/:token',
    { schema: { params: TokenParams }, preHandler: secretLink },
    async (req, reply) => {
      const user = await accounts.confirmEmail(req.params.token);
      if (req.user?.id === user.id)
        return reply.redirect(href('/account', req.lang, { done: 'confirmed' }), 303);
      return reply.redirect(href('/signin', req.lang, { confirmed: '1' }), 303);
    },
  );
}
