import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../app.js';
import { CACHED, PageQuery, RowIdText, rowIdOr404, sendHtml } from '../kit.js';
import { viewOf } from '../views/context.js';
import { entryListPage } from '../views/entry-lists.js';
import { entryPage } from '../views/entry-page.js';
import { ListQuery } from './posts.js';

/** Activities of every program (or about a place, tie or country), a page at a time, and one activity. */
export function activityRoutes(app: App, ctx: AppContext): void {
  app.get('/activities', { ...CACHED, schema: { querystring: ListQuery } }, async (req, reply) =>
    sendHtml(
      reply,
      entryListPage(
        viewOf(req, reply),
        await ctx.entryViews.list('activity', req.query.about, req.query.page ?? 1),
      ),
    ),
  );

  app.get(
    '/activities/:id',
    { ...CACHED, schema: { params: Type.Object({ id: RowIdText }), querystring: PageQuery({}) } },
    async (req, reply) => {
      const m = await ctx.entryViews.entry('activity', rowIdOr404(req.params.id, 'activity'), req.actor);
      return sendHtml(reply, entryPage(viewOf(req, reply), m));
    },
  );
}
