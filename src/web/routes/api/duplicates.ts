import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../../context.js';
import { LANGS, messages } from '../../i18n/index.js';
import { enumOf } from '../../schemas.js';
import { duplicateLine } from '../../views/additions.js';
import { errors } from './common.js';
import { EXAMPLES } from './examples.js';

/** Places a new one may already be, asked while its form is filled in. */
export function duplicatesApi(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/places/duplicates',
      {
        schema: {
          tags: ['places'],
          summary: 'Places a new place may already be',
          description:
            'Likely duplicates of a place about to be added: the same Wikidata id; the same or a similar name ' +
            '(case, accents and spacing ignored, in any language) in the same country; or within 5 km of the ' +
            'coordinates. Strongest reasons first, at most 8.',
          querystring: Type.Object({
            name: Type.Optional(
              Type.String({ maxLength: 200, description: 'Name of the new place', examples: ['Tokio'] }),
            ),
            country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$' })),
            lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
            lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
            wikidata: Type.Optional(Type.String({ maxLength: 20 })),
            lang: Type.Optional(enumOf(LANGS, 'Language of labels')),
          }),
          response: {
            200: Type.Object(
              {
                items: Type.Array(
                  Type.Object({
                    id: Type.String(),
                    name: Type.String(),
                    label: Type.String({ description: 'the name in the asked language where known' }),
                    country: Type.Union([Type.String(), Type.Null()]),
                    ties: Type.Integer(),
                    reasons: Type.Array(enumOf(['wikidata', 'name', 'near'] as const)),
                    km: Type.Union([Type.Number(), Type.Null()], { description: 'distance when near' }),
                    detail: Type.String({ description: 'country, ties and reasons, in words' }),
                    url: Type.String(),
                  }),
                ),
              },
              { examples: [EXAMPLES.duplicates] },
            ),
            ...errors,
          },
        },
      },
      async (req) => {
        const lang = req.query.lang ?? 'en';
        const { name, country, lat, lon, wikidata } = req.query;
        const hits = await ctx.additions.duplicates({ name, country, lat, lon, wikidata });
        return {
          items: hits.map((h) => ({
            id: h.place.id,
            name: h.place.name,
            country: h.place.country,
            ties: h.ties,
            reasons: h.reasons,
            km: h.km,
            ...duplicateLine(h, lang, messages(lang)),
          })),
        };
      },
    );
  };
}
