import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../app.js';
import { CACHED, PageQuery, Text, sendHtml } from '../kit.js';
import { viewOf } from '../views/context.js';
import { rankingsPage } from '../views/rankings.js';

const RankingsQuery = PageQuery({
  continent: Type.Optional(Text(20)),
  from: Type.Optional(Text(10)),
  to: Type.Optional(Text(10)),
});

/** The places and countries with the most ties. */
export function rankingRoutes(app: App, ctx: AppContext): void {
  app.get('/rankings', { ...CACHED, schema: { querystring: RankingsQuery } }, async (req, reply) =>
    sendHtml(reply, rankingsPage(viewOf(req, reply), await ctx.rankings.page(req.query))),
  );
}
