import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { ValidationError } from '../../domain/errors.js';
import type { App } from '../app.js';
import { mustSignIn, requireActor } from '../auth.js';
import { FormBody, PageQuery, RowIdText, Text, rowId, sendHtml } from '../kit.js';
import { viewOf } from '../views/context.js';
import type { Lang } from '../i18n/index.js';
import { href } from '../views/layout.js';
import { proposalsPage, type ReviewDone } from '../views/proposals.js';

const IdParams = Type.Object({ id: RowIdText });
const DONE = ['accepted', 'rejected', 'all', 'schedule'] as const;
const ReviewQuery = PageQuery({
  kind: Type.Optional(Text(20)),
  done: Type.Optional(Type.Union(DONE.map((d) => Type.Literal(d)))),
  n: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  failed: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
});
const KindBody = FormBody({ kind: Text(20) });
const ScheduleBody = FormBody({ on: Type.Union([Type.Literal('0'), Type.Literal('1')]) });

/** The review of what the Wikidata sync proposes (site admins, and editors for what they edit). */
export function proposalRoutes(app: App, ctx: AppContext): void {
  const { sync } = ctx;
  const signedIn = { preHandler: mustSignIn };
  const back = (lang: Lang, kind: string | undefined, params: Record<string, string | undefined>) =>
    href('/admin/proposals', lang, { kind: kind || undefined, ...params });

  app.get('/admin/proposals', { ...signedIn, schema: { querystring: ReviewQuery } }, async (req, reply) => {
    const { kind, done, n, failed } = req.query;
    const view = await sync.review(requireActor(req), kind ?? null);
    return sendHtml(
      reply,
      proposalsPage(viewOf(req, reply), view, done && { what: done as ReviewDone, n, failed }),
    );
  });

  for (const action of ['accept', 'reject'] as const) {
    app.post(
      `/admin/proposals/:id/${action}`,
      { ...signedIn, schema: { params: IdParams, body: KindBody } },
      async (req, reply) => {
        const id = rowId(req.params.id) ?? 0;
        const actor = requireActor(req);
        if (action === 'accept') await sync.accept(actor, id);
        else await sync.reject(actor, id);
        return reply.redirect(
          back(req.lang, req.body.kind, { done: action === 'accept' ? 'accepted' : 'rejected' }),
          303,
        );
      },
    );
  }

  app.post('/admin/proposals/accept-all', { ...signedIn, schema: { body: KindBody } }, async (req, reply) => {
    const kind = req.body.kind ?? '';
    const r = await sync.acceptAll(requireActor(req), kind);
    return reply.redirect(
      back(req.lang, kind, { done: 'all', n: String(r.accepted), failed: String(r.failed) }),
      303,
    );
  });

  app.post(
    '/admin/proposals/schedule',
    { ...signedIn, schema: { body: ScheduleBody } },
    async (req, reply) => {
      if (!req.body.on) throw new ValidationError('Say whether the daily sync is to run: on=0|1.');
      await sync.setSchedule(requireActor(req), req.body.on === '1');
      return reply.redirect(back(req.lang, undefined, { done: 'schedule' }), 303);
    },
  );
}
