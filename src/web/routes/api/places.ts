import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../../context.js';
import { PLACE_KINDS } from '../../../domain/places.js';
import { LANGS, localName, messages } from '../../i18n/index.js';
import {
  CountryCode,
  Cursor,
  Limit,
  Page,
  PartnerTwinning,
  PlaceDetail,
  PlaceId,
  PlaceSummary,
  enumOf,
} from '../../schemas.js';
import { href } from '../../views/layout.js';
import { placePath } from '../../views/links.js';
import {
  country,
  detailJson,
  errors,
  paged,
  placeErrors,
  summaryJson,
  twinningJson,
  withExample,
} from './common.js';
import { EXAMPLES } from './examples.js';

/** Places: search, suggestions while typing, one place with its facts, its twinnings. */
export function placesApi(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/places',
      {
        config: { cache: true },
        schema: {
          tags: ['places'],
          summary: 'Search or list places',
          description:
            'With `q`: places whose name in any language or script starts with the text, or has a word that ' +
            'does; case and diacritics are ignored. Exact and prefix matches come first, then by population.',
          querystring: Type.Object({
            q: Type.Optional(
              Type.String({ maxLength: 200, description: 'Search text', examples: ['tokyo'] }),
            ),
            country: Type.Optional(CountryCode),
            kind: Type.Optional(enumOf(PLACE_KINDS)),
            has_ties: Type.Optional(
              Type.Boolean({ description: 'Only places with (true) or without (false) ties' }),
            ),
            limit: Type.Optional(Limit),
            cursor: Type.Optional(Cursor),
          }),
          response: { 200: withExample(Page(PlaceSummary), EXAMPLES.placeSummary), ...errors },
        },
      },
      async (req) => {
        const { q, kind, has_ties, limit = 20, cursor } = req.query;
        const filters = { country: country(req.query.country), kind, hasTies: has_ties };
        const page = await paged(limit, cursor, (l, o) => ctx.places.search(q, filters, l, o));
        return { items: page.items.map(summaryJson), next: page.next };
      },
    );

    app.get(
      '/places/suggest',
      {
        config: { cache: true },
        schema: {
          tags: ['places'],
          summary: 'Suggestions while typing a place name',
          description:
            'The best few places whose name in any language or script starts with the text, each with a label ' +
            'in the asked language, a line saying what and where it is, and the address of its page.',
          querystring: Type.Object({
            q: Type.String({ maxLength: 200, description: 'The text typed so far', examples: ['tok'] }),
            lang: Type.Optional(enumOf(LANGS, 'Language of labels')),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 8 })),
          }),
          response: {
            200: Type.Object(
              {
                items: Type.Array(
                  Type.Object({
                    id: Type.String(),
                    name: Type.String(),
                    label: Type.String({ description: 'the name in the asked language where known' }),
                    detail: Type.String({ description: 'kind, country and number of ties' }),
                    url: Type.String(),
                  }),
                ),
              },
              { examples: [EXAMPLES.suggest] },
            ),
            ...errors,
          },
        },
      },
      async (req) => {
        const lang = req.query.lang ?? 'en';
        const { hits, countries } = await ctx.places.suggest(req.query.q, req.query.limit ?? 8);
        return {
          items: hits.map(({ place, ties }) => {
            const c = place.country ? countries.get(place.country) : undefined;
            return {
              id: place.id,
              name: place.name,
              label: localName(place, lang),
              detail: [
                messages(lang).search.suggestKinds[place.kind],
                place.kind !== 'country' && c ? localName(c, lang) : '',
                messages(lang).search.suggestTies(ties),
              ]
                .filter(Boolean)
                .join(' · '),
              url: href(placePath(place), lang),
            };
          }),
        };
      },
    );

    app.get(
      '/places/:id',
      {
        config: { cache: true },
        schema: {
          tags: ['places'],
          summary: 'One place with its facts',
          description:
            'Its kind, country, parents, location, population, time zone, languages, currency and leader, its ' +
            'names in other languages and where each fact comes from. A place merged into another answers ' +
            'with a redirect to the place it is now.',
          params: Type.Object({ id: PlaceId }),
          response: { 200: withExample(PlaceDetail, EXAMPLES.placeDetail), ...placeErrors },
        },
      },
      async (req) => detailJson(await ctx.places.detail(req.params.id)),
    );

    app.get(
      '/places/:id/twinnings',
      {
        config: { cache: true },
        schema: {
          tags: ['twinnings'],
          summary: "A place's twinnings, with each partner",
          description:
            'Every tie of the place, whatever its status, with the partner and which side lists the tie.',
          params: Type.Object({ id: PlaceId }),
          response: {
            200: Type.Object(
              {
                place: Type.Object({ id: Type.String(), name: Type.String() }),
                items: Type.Array(PartnerTwinning),
              },
              { examples: [EXAMPLES.placeTwinnings] },
            ),
            ...placeErrors,
          },
        },
      },
      async (req) => {
        const { place, items } = await ctx.places.twinningsOf(req.params.id);
        return {
          place: { id: place.id, name: place.name },
          items: items.map(({ twinning: t, partner }) => {
            const placeSide = t.a === place.id ? 'a' : 'b';
            const listed = (side: 'a' | 'b') =>
              t.listedBy === null ? null : t.listedBy === 'both' || t.listedBy === side;
            return {
              ...twinningJson(t),
              listedByPlace: listed(placeSide),
              listedByPartner: listed(placeSide === 'a' ? 'b' : 'a'),
              partner,
            };
          }),
        };
      },
    );
  };
}
