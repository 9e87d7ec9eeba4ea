import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { requireActor, signInFirst } from '../auth.js';
import type { App } from '../app.js';
import { FormBody, PageQuery, RowIdText, Slug, Text, rowIdOr404, sendHtml } from '../kit.js';
import { moderationPage } from '../views/comments.js';
import { viewOf } from '../views/context.js';
import { href } from '../views/layout.js';

/** Comments waiting for editors: approve, reject, block the writer; and unblock. */
export function moderationRoutes(app: App, ctx: AppContext): void {
  const done = (lang: Parameters<typeof href>[1]) => href('/moderation', lang, { done: '1' });

  app.get(
    '/moderation',
    { schema: { querystring: PageQuery({ done: Type.Optional(Text(10)) }) } },
    async (req, reply) => {
      const actor = signInFirst(req, reply);
      if (!actor) return reply;
      const m = await ctx.comments.moderation(actor);
      return sendHtml(reply, moderationPage(viewOf(req, reply), m, { done: !!req.query.done }));
    },
  );

  app.post(
    '/comments/:id/moderate',
    { schema: { params: Type.Object({ id: RowIdText }), body: FormBody({ decision: Text(20) }) } },
    async (req, reply) => {
      const id = rowIdOr404(req.params.id, 'comment');
      await ctx.comments.decide(requireActor(req), id, req.body.decision ?? '');
      return reply.redirect(done(req.lang), 303);
    },
  );

  app.post(
    '/orgs/:slug/unblock',
    { schema: { params: Type.Object({ slug: Slug }), body: FormBody({ user: RowIdText }) } },
    async (req, reply) => {
      const user = rowIdOr404(req.body.user ?? '', 'user');
      await ctx.comments.unblock(requireActor(req), req.params.slug, user);
      return reply.redirect(done(req.lang), 303);
    },
  );
}
