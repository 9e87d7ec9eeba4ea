import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../app.js';
import { SESSION_COOKIE, mustSignIn, requireActor } from '../auth.js';
import type { FormProblems } from '../errors.js';
import { FormBody, PageQuery, Text, sendHtml } from '../kit.js';
import { accountPage, type AccountDone } from '../views/account.js';
import { linkPage, signInPage } from '../views/signin.js';
import { viewOf } from '../views/context.js';
import { href, secretLinkHtml } from '../views/layout.js';

const DONE: readonly AccountDone[] = [
  'signup',
  'confirmed',
  'confirm-sent',
  'password',
  'name',
  'email-sent',
  'email-changed',
];
const AccountQuery = PageQuery({ done: Type.Optional(Text(20)) });
const NameBody = FormBody({ name: Text(200), lang: Text(10) });
const PasswordBody = FormBody({ current: Text(1000), password: Text(1000) });
const EmailBody = FormBody({ email: Text(254), current: Text(1000) });
const DeleteBody = FormBody({ current: Text(1000) });
const TokenParams = Type.Object({ token: Text(200) });

/** The account page and its forms: name and mail language, password, address, confirmation, deletion. */
export function accountRoutes(app: App, ctx: AppContext): void {
  const { accounts } = ctx;
  const baseUrl = ctx.config.publicUrl;

  /** The account page again with what was refused (every form of the page posts elsewhere and comes back). */
  async function again(req: FastifyRequest, reply: FastifyReply, problems: FormProblems) {
    const v = viewOf(req, reply);
    // refused before the sign-in check ran (a malformed form): the way in is the sign-in form
    if (!req.actor) return signInPage(v, { next: '/account' }, { problems });
    return accountPage(v, await accounts.accountView(req.actor), { problems });
  }
  const form = { preHandler: mustSignIn, config: { form: again } };
  const done = (req: FastifyRequest, reply: FastifyReply, what: AccountDone) =>
    reply.redirect(href('/account', req.lang, { done: what }), 303);

  app.get(
    '/account',
    { schema: { querystring: AccountQuery }, preHandler: mustSignIn },
    async (req, reply) => {
      const view = await accounts.accountView(requireActor(req));
      const what = DONE.find((d) => d === req.query.done);
      return sendHtml(reply, accountPage(viewOf(req, reply), view, { done: what }));
    },
  );

  app.post('/account/name', { ...form, schema: { body: NameBody } }, async (req, reply) => {
    await accounts.rename(requireActor(req).user, req.body.name ?? '', req.body.lang || undefined);
    return done(req, reply, 'name');
  });

  app.post('/account/password', { ...form, schema: { body: PasswordBody } }, async (req, reply) => {
    const { current, password } = req.body;
    await accounts.changePassword(requireActor(req).user, current ?? '', password ?? '', req.sessionToken!);
    return done(req, reply, 'password');
  });

  app.post('/account/confirm', form, async (req, reply) => {
    await accounts.resendConfirmation(requireActor(req).user, baseUrl);
    return done(req, reply, 'confirm-sent');
  });

  app.post('/account/email', { ...form, schema: { body: EmailBody } }, async (req, reply) => {
    const input = { email: req.body.email ?? '', password: req.body.current ?? '' };
    await accounts.requestEmailChange(requireActor(req).user, input, baseUrl);
    return done(req, reply, 'email-sent');
  });

  app.post('/account/delete', { ...form, schema: { body: DeleteBody } }, async (req, reply) => {
    await accounts.deleteAccount(requireActor(req).user, req.body.current ?? '');
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect(href('/signin', req.lang, { deleted: '1' }), 303);
  });

  // Like the confirmation link: the mailed link shows a page, and a person's click moves the account.
  const secretLink = async (_req: FastifyRequest, reply: FastifyReply) => {
    secretLinkHtml(reply);
  };
  const emailLinkPage = (req: FastifyRequest, reply: FastifyReply, change?: { from: string; to: string }) => {
    const v = viewOf(req, reply);
    const t = v.t.account;
    return (problems?: FormProblems) =>
      linkPage(v, {
        title: t.changeEmail,
        text: change ? t.emailAsk(change.from, change.to) : '',
        action: req.url,
        button: t.emailButton,
        problems,
      });
  };

  app.get(
    '/account/email/:token',
    { schema: { params: TokenParams, querystring: PageQuery({}) }, preHandler: secretLink },
    async (req, reply) => {
      const { user, email } = await accounts.emailLink(req.params.token);
      return sendHtml(reply, emailLinkPage(req, reply, { from: user.email, to: email })());
    },
  );

  // the address may have been taken since the link was sent (409): said on the link's page
  app.post(
    '/account/email/:token',
    {
      schema: { params: TokenParams },
      preHandler: secretLink,
      config: { form: (req, reply, problems) => emailLinkPage(req, reply)(problems) },
    },
    async (req, reply) => {
      const user = await accounts.changeEmail(req.params.token);
      if (req.user?.id === user.id) return done(req, reply, 'email-changed');
      return reply.redirect(href('/signin', req.lang, { changed: '1' }), 303);
    },
  );
}
