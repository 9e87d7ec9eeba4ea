import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { ValidationError } from '../../domain/errors.js';
import type { App } from '../app.js';
import { mustSignIn, requireActor } from '../auth.js';
import { FormBody, PageQuery, RowIdText, Text, rowId, sendHtml, sentField } from '../kit.js';
import {
  adminHomePage,
  auditPage,
  deleteUserPage,
  editsPage,
  mailPage,
  orgsPage,
  outboxPage,
  usersPage,
} from '../views/admin.js';
import { viewOf } from '../views/context.js';
import { href } from '../views/layout.js';
import { OrgBody, orgInput, orgValues } from './org-form.js';

const IdParams = Type.Object({ id: RowIdText });
const Flag = Type.Union([Type.Literal('0'), Type.Literal('1')]);
const UserBody = FormBody({ admin: Flag, disabled: Flag });
const DeleteBody = FormBody({ confirm: Text(254) });

/** The admin area: accounts, organizations, the mail outbox, the audit log and the recent edits. */
export function adminRoutes(app: App, ctx: AppContext): void {
  const { admin, orgs } = ctx;
  const signedIn = { preHandler: mustSignIn };
  const page = { ...signedIn, schema: { querystring: PageQuery({}) } };
  const idOf = (text: string) => rowId(text) ?? 0;

  app.get('/admin', page, async (req, reply) =>
    sendHtml(reply, adminHomePage(viewOf(req, reply), await admin.overview(requireActor(req)))),
  );

  app.get(
    '/admin/users',
    { ...signedIn, schema: { querystring: PageQuery({ done: Type.Optional(Text(10)) }) } },
    async (req, reply) =>
      sendHtml(reply, usersPage(viewOf(req, reply), await admin.users(requireActor(req)), !!req.query.done)),
  );

  app.post(
    '/admin/users/:id',
    { ...signedIn, schema: { params: IdParams, body: UserBody } },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = idOf(req.params.id);
      const { admin: isAdmin, disabled } = req.body;
      if (isAdmin) await orgs.setAdmin(actor, id, isAdmin === '1');
      else if (disabled) await orgs.setDisabled(actor, id, disabled === '1');
      else throw new ValidationError('Say what to change: admin=0|1 or disabled=0|1.');
      return reply.redirect(href('/admin/users', req.lang, { done: '1' }), 303);
    },
  );

  app.get(
    '/admin/users/:id/delete',
    { ...signedIn, schema: { params: IdParams, querystring: PageQuery({}) } },
    async (req, reply) =>
      sendHtml(
        reply,
        deleteUserPage(viewOf(req, reply), await admin.user(requireActor(req), idOf(req.params.id))),
      ),
  );

  app.post(
    '/admin/users/:id/delete',
    {
      ...signedIn,
      schema: { params: IdParams, body: DeleteBody },
      config: {
        form: async (req, reply, problems) => {
          const user = await admin.user(requireActor(req), idOf((req.params as { id: string }).id));
          return deleteUserPage(viewOf(req, reply), user, problems);
        },
      },
    },
    async (req, reply) => {
      await orgs.deleteUser(requireActor(req), idOf(req.params.id), req.body.confirm ?? '');
      return reply.redirect(href('/admin/users', req.lang, { done: '1' }), 303);
    },
  );

  app.get('/admin/orgs', page, async (req, reply) =>
    sendHtml(reply, orgsPage(viewOf(req, reply), await admin.orgs(requireActor(req)))),
  );

  app.post(
    '/admin/orgs',
    {
      ...signedIn,
      schema: { body: OrgBody },
      config: {
        form: async (req, reply, problems) => {
          const list = await admin.orgs(requireActor(req));
          // a home name several places fit: those places to choose from
          const home = problems.fields.homeId ? (sentField(req.body, 'homeId') ?? '') : '';
          const choices = await orgs.homeChoices(home);
          return orgsPage(viewOf(req, reply), list, { values: orgValues(req.body), problems, choices });
        },
      },
    },
    async (req, reply) => {
      const org = await orgs.create(requireActor(req), orgInput(req.body));
      return reply.redirect(href(`/orgs/${org.slug}/manage`, req.lang), 303);
    },
  );

  app.get('/admin/outbox', page, async (req, reply) =>
    sendHtml(reply, outboxPage(viewOf(req, reply), await admin.outbox(requireActor(req)))),
  );

  app.get(
    '/admin/outbox/:id',
    { ...signedIn, schema: { params: IdParams, querystring: PageQuery({}) } },
    async (req, reply) =>
      sendHtml(
        reply,
        mailPage(viewOf(req, reply), await admin.mailView(requireActor(req), idOf(req.params.id))),
      ),
  );

  app.post('/admin/outbox/:id/retry', { ...signedIn, schema: { params: IdParams } }, async (req, reply) => {
    await admin.retryMail(requireActor(req), idOf(req.params.id));
    return reply.redirect(href(`/admin/outbox/${req.params.id}`, req.lang), 303);
  });

  app.get('/admin/audit', page, async (req, reply) =>
    sendHtml(reply, auditPage(viewOf(req, reply), await admin.audit(requireActor(req)))),
  );

  app.get('/admin/edits', page, async (req, reply) =>
    sendHtml(reply, editsPage(viewOf(req, reply), await admin.edits(requireActor(req)))),
  );
}
