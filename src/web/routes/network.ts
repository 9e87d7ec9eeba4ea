import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { ValidationError } from '../../domain/errors.js';
import type { App } from '../app.js';
import { keepOutOfCache } from '../cache.js';
import { CACHED, PageQuery, Text, sendHtml } from '../kit.js';
import { viewOf } from '../views/context.js';
import { aroundPage, networkPage, pathPage, qualityPage } from '../views/network/pages.js';

/** The network as a whole: chains of ties between two places, groups and central places, a place's surroundings, data quality. */
export function networkRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/path',
    {
      ...CACHED,
      schema: { querystring: PageQuery({ from: Type.Optional(Text(200)), to: Type.Optional(Text(200)) }) },
    },
    async (req, reply) => {
      const v = viewOf(req, reply);
      const { from, to } = req.query;
      if (!from?.trim() !== !to?.trim()) throw new ValidationError(v.t.network.bothEnds);
      return sendHtml(reply, pathPage(v, await ctx.networkViews.path({ from, to })));
    },
  );

  app.get('/network', { ...CACHED, schema: { querystring: PageQuery({}) } }, async (req, reply) => {
    const state = await ctx.networkViews.overview(20);
    // not the page of this version of the data: kept out of the response cache, and browsers ask again
    if (state.status !== 'ready') keepOutOfCache(req, reply, state.retryAfterSeconds);
    return sendHtml(reply, networkPage(viewOf(req, reply), state));
  });

  app.get(
    '/places/:id/network',
    { ...CACHED, schema: { params: Type.Object({ id: Text(100) }), querystring: PageQuery({}) } },
    async (req, reply) =>
      sendHtml(reply, aroundPage(viewOf(req, reply), await ctx.networkViews.around(req.params.id))),
  );

  app.get('/quality', { ...CACHED, schema: { querystring: PageQuery({}) } }, async (req, reply) =>
    sendHtml(reply, qualityPage(viewOf(req, reply), await ctx.networkViews.quality())),
  );
}
