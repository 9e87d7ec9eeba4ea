import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../../context.js';
import { keepOutOfCache } from '../../cache.js';
import { Limit, PlaceId, PlaceRef } from '../../schemas.js';
import { errors, placeErrors } from './common.js';
import { EXAMPLES } from './examples.js';

/** The network: chains of ties, a place's surroundings, the whole network's figures, data quality. */
export function networkApi(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/path',
      {
        config: { cache: true },
        schema: {
          tags: ['network'],
          summary: 'The shortest chain of ties between two places',
          description:
            'Over ties that are not ended or merely proposed. `path` is null when no chain links them.',
          querystring: Type.Object({
            from: { ...PlaceId, examples: ['Q1490'] },
            to: { ...PlaceId, examples: ['Q64'] },
          }),
          response: {
            200: Type.Object(
              { path: Type.Union([Type.Array(PlaceRef), Type.Null()]) },
              { examples: [EXAMPLES.path] },
            ),
            ...placeErrors,
          },
        },
      },
      async (req) => ctx.network.path(req.query.from, req.query.to),
    );

    app.get(
      '/places/:id/network',
      {
        config: { cache: true },
        schema: {
          tags: ['network'],
          summary: "A place's cousins (partners of partners) and open triangles",
          description:
            'Cousins are places that share a partner with the place but have no tie with it; an open ' +
            "triangle is a pair of the place's partners not tied to each other. Ties in force only.",
          params: Type.Object({ id: PlaceId }),
          querystring: Type.Object({ limit: Type.Optional(Limit) }),
          response: {
            200: Type.Object(
              {
                place: PlaceRef,
                cousins: Type.Array(Type.Object({ ...PlaceRef.properties, via: Type.Array(PlaceRef) }), {
                  description: 'Places sharing a partner but not tied, most shared partners first',
                }),
                openTriangles: Type.Array(Type.Array(PlaceRef), {
                  description: 'Pairs of partners not tied to each other: candidates for a trilateral tie',
                }),
                componentSize: Type.Integer({ description: 'Places reachable through chains of ties' }),
              },
              { examples: [EXAMPLES.around] },
            ),
            ...placeErrors,
          },
        },
      },
      async (req) => ctx.network.around(req.params.id, req.query.limit ?? 20),
    );

    app.get(
      '/network',
      {
        config: { cache: true },
        schema: {
          tags: ['network'],
          summary: 'The whole network: components, most connected and most central places',
          description:
            'The figures are computed in the background after every change of the places or ties (seconds on ' +
            'the whole network). Meanwhile `status` is `computing`, the answer carries `Retry-After` and is not ' +
            'cached, and the figures are the previous ones, computed at `computedAt`; before the first figures ' +
            'are ready the answer is 503 with `status: "computing"`.',
          querystring: Type.Object({ limit: Type.Optional(Limit) }),
          response: {
            200: Type.Object(
              {
                status: Type.Union([Type.Literal('ready'), Type.Literal('computing')], {
                  description: '`computing`: newer figures are on their way; these are older',
                }),
                computedAt: Type.String({
                  format: 'date-time',
                  description: 'When these figures were computed',
                }),
                places: Type.Integer(),
                ties: Type.Integer(),
                components: Type.Integer(),
                largestComponents: Type.Array(Type.Object({ size: Type.Integer(), hub: PlaceRef })),
                mostConnected: Type.Array(PlaceRef),
                mostCentral: Type.Array(Type.Object({ ...PlaceRef.properties, betweenness: Type.Integer() })),
              },
              { examples: [EXAMPLES.network] },
            ),
            400: errors[400],
            503: Type.Object(
              {
                status: Type.Optional(Type.Literal('computing')),
                error: Type.String(),
                message: Type.String(),
              },
              {
                description:
                  'The first figures are still being computed (`status: "computing"`), or the database cannot ' +
                  'be reached just now; `Retry-After` says when to ask again',
                examples: [EXAMPLES.computing],
              },
            ),
          },
        },
      },
      async (req, reply) => {
        const o = await ctx.network.overview(req.query.limit ?? 20);
        if (o.status === 'ready' && o.figures && o.computedAt)
          return { status: o.status, computedAt: o.computedAt, ...o.figures };
        // not the answer for this version of the data: keep it out of the response cache
        keepOutOfCache(req, reply, o.retryAfterSeconds);
        if (o.figures && o.computedAt) return { status: o.status, computedAt: o.computedAt, ...o.figures };
        return reply.code(503).send({
          status: 'computing' as const,
          error: 'Service Unavailable',
          message: `The network figures are being computed. Ask again in ${o.retryAfterSeconds} seconds.`,
        });
      },
    );

    app.get(
      '/quality',
      {
        config: { cache: true },
        schema: {
          tags: ['network'],
          summary:
            'Data quality: one-sided ties, places without country or coordinates, duplicate candidates',
          description:
            'What editors should look at, each list with its full count and its first `limit` items: ties ' +
            'only one side lists, places (other than countries) without a country or without coordinates, and ' +
            'groups of places that may be the same (same Wikidata item, or same name in the same country).',
          querystring: Type.Object({
            limit: Type.Optional(
              Type.Integer({ minimum: 1, maximum: 1000, default: 50, description: 'Items per list' }),
            ),
          }),
          response: {
            200: Type.Object(
              {
                oneSided: Type.Object({
                  count: Type.Integer(),
                  items: Type.Array(
                    Type.Object({ twinning: Type.Integer(), listedBy: PlaceRef, notListedBy: PlaceRef }),
                  ),
                }),
                withoutCountry: Type.Object({ count: Type.Integer(), items: Type.Array(PlaceRef) }),
                withoutCoordinates: Type.Object({ count: Type.Integer(), items: Type.Array(PlaceRef) }),
                duplicateCandidates: Type.Object({
                  count: Type.Integer(),
                  items: Type.Array(Type.Array(PlaceRef), {
                    description: 'Groups of places that may be one',
                  }),
                }),
              },
              { examples: [EXAMPLES.quality] },
            ),
            ...errors,
          },
        },
      },
      async (req) => ctx.network.quality(req.query.limit ?? 50),
    );
  };
}
