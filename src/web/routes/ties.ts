import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../app.js';
import { CACHED, PageNo, PageQuery, Text, sendHtml, viewerOf } from '../kit.js';
import { viewOf } from '../views/context.js';
import { tiesPage } from '../views/ties/explore.js';
import { tiePage } from '../views/ties/tie.js';

const ExploreQuery = PageQuery({
  a: Type.Optional(Text(10)),
  b: Type.Optional(Text(10)),
  kind: Type.Optional(Text(20)),
  status: Type.Optional(Text(20)),
  decade: Type.Optional(Text(10)),
  page: Type.Optional(PageNo),
});

/** The ties explorer and a tie's page. */
export function tieRoutes(app: App, ctx: AppContext): void {
  app.get('/ties', { ...CACHED, schema: { querystring: ExploreQuery } }, async (req, reply) =>
    sendHtml(reply, tiesPage(viewOf(req, reply), await ctx.tieViews.explore(req.query))),
  );

  // the id as text: anything that cannot be a tie's id is "not found", like an id no tie has
  app.get(
    '/ties/:id',
    { ...CACHED, schema: { params: Type.Object({ id: Text(30) }), querystring: PageQuery({}) } },
    async (req, reply) =>
      sendHtml(reply, tiePage(viewOf(req, reply), await ctx.tieViews.tie(req.params.id, viewerOf(req)))),
  );
}
