import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../app.js';
import { mustSignIn, requireActor } from '../auth.js';
import type { FormProblems } from '../errors.js';
import { FormBody, PageQuery, RowIdText, Slug, Text, rowId, sendHtml, sentField } from '../kit.js';
import { viewOf } from '../views/context.js';
import { href } from '../views/layout.js';
import { managePage, orgHistoryPage, type ManageState } from '../views/manage.js';
import { OrgBody, orgInput, orgValues } from './org-form.js';

const SlugParams = Type.Object({ slug: Slug });
const ManageQuery = PageQuery({
  saved: Type.Optional(Text(10)),
  invited: Type.Optional(Text(254)),
  withdrawn: Type.Optional(Text(10)),
});
const MemberBody = FormBody({ email: Text(254), role: Text(50) });
const EmailBody = FormBody({ email: Text(254) });

/** An organization's page for its editors: its details and their history, its people and invitations. */
export function manageRoutes(app: App, ctx: AppContext): void {
  const { orgs } = ctx;
  const signedIn = { preHandler: mustSignIn };
  const slugOf = (req: FastifyRequest) => (req.params as { slug: string }).slug;
  const back = (req: FastifyRequest, reply: FastifyReply, query: Record<string, string> = { saved: '1' }) =>
    reply.redirect(href(`/orgs/${slugOf(req)}/manage`, req.lang, query), 303);

  /** The page again with what one of its forms was refused. */
  async function again(req: FastifyRequest, reply: FastifyReply, state: ManageState) {
    const view = await orgs.manageView(requireActor(req), slugOf(req));
    return managePage(viewOf(req, reply), view, state);
  }

  app.get(
    '/orgs/:slug/manage',
    { ...signedIn, schema: { params: SlugParams, querystring: ManageQuery } },
    async (req, reply) => {
      const view = await orgs.manageView(requireActor(req), req.params.slug);
      const t = viewOf(req, reply).t.admin;
      const q = req.query;
      const notice = q.invited ? t.invited(q.invited) : q.withdrawn === '1' ? t.withdrawn : undefined;
      return sendHtml(reply, managePage(viewOf(req, reply), view, { saved: q.saved === '1', notice }));
    },
  );

  app.post(
    '/orgs/:slug/manage',
    {
      ...signedIn,
      schema: { params: SlugParams, body: OrgBody },
      config: {
        form: async (req, reply, problems: FormProblems) => {
          const home = problems.fields.homeId ? (sentField(req.body, 'homeId') ?? '') : '';
          const choices = await orgs.homeChoices(home);
          return again(req, reply, { details: { values: orgValues(req.body), problems, choices } });
        },
      },
    },
    async (req, reply) => {
      const org = await orgs.updateAt(requireActor(req), req.params.slug, orgInput(req.body));
      return reply.redirect(href(`/orgs/${org.slug}/manage`, req.lang, { saved: '1' }), 303);
    },
  );

  app.post(
    '/orgs/:slug/members',
    {
      ...signedIn,
      schema: { params: SlugParams, body: MemberBody },
      config: {
        form: (req, reply, problems) =>
          again(req, reply, { member: { email: sentField(req.body, 'email'), problems } }),
      },
    },
    async (req, reply) => {
      const { email = '', role = '' } = req.body;
      const done = await orgs.grant(requireActor(req), req.params.slug, email, role);
      return back(req, reply, done === 'invited' ? { invited: email.trim().toLowerCase() } : { saved: '1' });
    },
  );

  app.post(
    '/orgs/:slug/invites/withdraw',
    { ...signedIn, schema: { params: SlugParams, body: EmailBody } },
    async (req, reply) => {
      await orgs.withdrawInvite(requireActor(req), req.params.slug, req.body.email ?? '');
      return back(req, reply, { withdrawn: '1' });
    },
  );

  app.post(
    '/orgs/:slug/members/:userId/remove',
    { ...signedIn, schema: { params: Type.Object({ slug: Slug, userId: RowIdText }) } },
    async (req, reply) => {
      await orgs.revoke(requireActor(req), req.params.slug, rowId(req.params.userId) ?? 0);
      return back(req, reply);
    },
  );

  app.get(
    '/orgs/:slug/history',
    { ...signedIn, schema: { params: SlugParams, querystring: PageQuery({}) } },
    async (req, reply) =>
      sendHtml(
        reply,
        orgHistoryPage(viewOf(req, reply), await orgs.historyView(requireActor(req), req.params.slug)),
      ),
  );

  app.post(
    '/orgs/restore/:rev',
    { ...signedIn, schema: { params: Type.Object({ rev: RowIdText }) } },
    async (req, reply) => {
      const org = await orgs.restore(requireActor(req), rowId(req.params.rev) ?? 0);
      return reply.redirect(href(`/orgs/${org.slug}/manage`, req.lang, { saved: '1' }), 303);
    },
  );
}
