import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../../context.js';
import { CONTINENTS } from '../../../domain/countries.js';
import { TWINNING_KINDS, TWINNING_STATUSES } from '../../../domain/twinnings.js';
import { periodOptions } from '../../../services/network.js';
import { statsOptions } from '../../../services/stats.js';
import { LANGS } from '../../i18n/index.js';
import { Limit, PlaceId, PlaceRef, StatsBody, enumOf } from '../../schemas.js';
import { DateParam, errors, placeErrors, withExample } from './common.js';
import { EXAMPLES } from './examples.js';

const StatsQuery = Type.Object({
  since: Type.Optional(DateParam('Also count the ties signed on or after this date (sinceCount)')),
  asOf: Type.Optional(DateParam('The picture on this date: ties signed by then and not ended by then')),
  kind: Type.Optional(enumOf(TWINNING_KINDS)),
  status: Type.Optional(
    Type.String({
      description: `Statuses to count, comma-separated: ${TWINNING_STATUSES.join(', ')}`,
      maxLength: 60,
    }),
  ),
  international: Type.Optional(
    Type.Boolean({ description: 'true: only partners in other countries; false: only domestic partners' }),
  ),
  lang: Type.Optional(enumOf(LANGS, 'Language of the generated text')),
});

/** Figures: the statistics of a place and everything under it, and the rankings. */
export function statsApi(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/places/:id/stats',
      {
        config: { cache: true },
        schema: {
          tags: ['statistics'],
          summary: "Statistics of a place's twinnings, with everything under it",
          description:
            'Counts the ties whose local side is the place or any place below it and whose partner lies ' +
            'outside, each tie once. By default only active ties; with `asOf`, the ties in force that day.',
          params: Type.Object({ id: PlaceId }),
          querystring: StatsQuery,
          response: { 200: withExample(StatsBody, EXAMPLES.stats), ...placeErrors },
        },
      },
      async (req) => {
        const opts = statsOptions(req.query);
        const lang = req.query.lang ?? 'en';
        const r = await ctx.stats.report(req.params.id, opts, lang);
        return {
          place: { id: r.place.id, name: r.place.name, kind: r.place.kind },
          ...r.stats,
          text: r.text,
          lang,
          dataDate: r.dataDate,
        };
      },
    );

    app.get(
      '/rankings',
      {
        config: { cache: true },
        schema: {
          tags: ['statistics'],
          summary: 'Places and countries with the most ties',
          description: 'With `from`/`to`: ties signed in that period only (the fastest growing).',
          querystring: Type.Object({
            continent: Type.Optional(enumOf(CONTINENTS)),
            from: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY, YYYY-MM or YYYY-MM-DD' })),
            to: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY, YYYY-MM or YYYY-MM-DD' })),
            limit: Type.Optional(Limit),
          }),
          response: {
            200: Type.Object(
              {
                places: Type.Array(Type.Object({ ...PlaceRef.properties, count: Type.Integer() })),
                countries: Type.Array(
                  Type.Object({
                    code: Type.String(),
                    name: Type.String(),
                    nameZh: Type.Union([Type.String(), Type.Null()]),
                    count: Type.Integer(),
                  }),
                ),
              },
              { examples: [EXAMPLES.rankings] },
            ),
            ...errors,
          },
        },
      },
      async (req) => {
        const { from, to } = periodOptions(req.query.from, req.query.to);
        return ctx.network.rankings({ continent: req.query.continent, from, to, limit: req.query.limit });
      },
    );
  };
}
