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
import { REASON_KINDS, DEFAULT_WEIGHTS, MAX_WEIGHT } from '../../../domain/matching.js';
import { MATCH_MAX } from '../../../services/matching.js';
import { SEEKING_FIELDS, isSeekingField } from '../../../domain/seeking.js';
import { matchQuery, weightParam, type RawMatchQuery } from '../matching.js';
import { reasonText } from '../../views/places/matching.js';
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

    const codeList = (description: string) =>
      Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}([ ,]+[A-Za-z]{2})*$', description }));
    app.get(
      '/places/:id/suggestions',
      {
        config: { cache: true },
        schema: {
          tags: ['places'],
          summary: 'Partner suggestions: a ranked shortlist with reasons',
          description:
            'Places that might suit the place as new partners, highest score first; never the place itself nor ' +
            'its partners. Each candidate carries its reasons, each with its kind, its weight, its score (0 to 1) ' +
            'and its figures, and a sentence in the asked language. The score is the sum of weight × score. ' +
            'Kinds and default weights: ' +
            REASON_KINDS.map((k) => `${k} ${DEFAULT_WEIGHTS[k]}`).join(', ') +
            '. shared: partners in common, n/(n+1); population: 1 − |log10 ratio|; countries, regions: ties ' +
            'already linking the two countries (n/(n+5)) or regions (n/(n+2)); distance: 1/(1 + km/2000); ' +
            'language: a common language 1, a widely taught one 0.5; profile: profile keywords both places have ' +
            '(steel, port, university…), n/(n+1); openness: half room for more ties (1 − ties/6), half an open ' +
            '"seeking partners" listing: 1 when it names the asking place\'s country, 0.9 its continent, 0.7 when it ' +
            'names no region, 0.3 when it names others. Without `kind`, ' +
            'places of the same kind as the place. Example: ' +
            '`/api/places/Q2211/suggestions?excludeContinents=AS&maxKm=3000&w.distance=2&lang=de`.',
          params: Type.Object({ id: PlaceId }),
          querystring: Type.Object({
            lang: Type.Optional(enumOf(LANGS, "Language of the reasons' sentences")),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MATCH_MAX, default: 20 })),
            countries: codeList('Only these countries: ISO codes separated by commas'),
            excludeCountries: codeList('Never these countries'),
            continents: Type.Optional(
              Type.String({
                pattern: '^[A-Za-z]{2}(,[A-Za-z]{2})*$',
                description: 'Only these continents: AF, AN, AS, EU, NA, OC, SA',
              }),
            ),
            excludeContinents: Type.Optional(
              Type.String({ pattern: '^[A-Za-z]{2}(,[A-Za-z]{2})*$', description: 'Never these continents' }),
            ),
            minKm: Type.Optional(Type.Number({ minimum: 0, description: 'Distance at least (km)' })),
            maxKm: Type.Optional(Type.Number({ minimum: 0, description: 'Distance at most (km)' })),
            kind: Type.Optional(enumOf(PLACE_KINDS, 'Kind of place (default: the same as the place)')),
            minPop: Type.Optional(Type.Integer({ minimum: 0 })),
            maxPop: Type.Optional(Type.Integer({ minimum: 0 })),
            ...Object.fromEntries(
              REASON_KINDS.map((k) => [
                weightParam(k),
                Type.Optional(
                  Type.Number({
                    minimum: 0,
                    maximum: MAX_WEIGHT,
                    description: `Weight of ${k} (default ${DEFAULT_WEIGHTS[k]})`,
                  }),
                ),
              ]),
            ),
          }),
          response: {
            200: withExample(
              Type.Object({
                place: Type.Object({ id: Type.String(), name: Type.String() }),
                weights: Type.Record(Type.String(), Type.Number()),
                items: Type.Array(
                  Type.Object({
                    id: Type.String(),
                    name: Type.String(),
                    label: Type.String({ description: 'the name in the asked language where known' }),
                    kind: enumOf(PLACE_KINDS),
                    country: Type.Union([Type.String(), Type.Null()]),
                    population: Type.Union([Type.Integer(), Type.Null()]),
                    ties: Type.Integer(),
                    km: Type.Union([Type.Integer(), Type.Null()]),
                    score: Type.Number(),
                    url: Type.String(),
                    listing: Type.Union([SuggestionListing, Type.Null()], {
                      description:
                        'the candidate\'s open "seeking partners" listing (its contact is on /api/seeking for signed-in callers), or null',
                    }),
                    reasons: Type.Array(
                      Type.Object(
                        {
                          kind: enumOf(REASON_KINDS),
                          weight: Type.Number(),
                          score: Type.Number(),
                          text: Type.String({ description: 'the reason as a sentence' }),
                        },
                        { additionalProperties: true, description: 'with the figures of its kind' },
                      ),
                    ),
                  }),
                ),
              }),
              SUGGESTIONS_EXAMPLE,
            ),
            ...errors,
          },
        },
      },
      async (req) => {
        const lang = req.query.lang ?? 'en';
        const view = await ctx.matching.suggestions(req.params.id, matchQuery(req.query as RawMatchQuery));
        return {
          place: { id: view.place.id, name: view.place.name },
          weights: view.weights,
          items: view.candidates.map((c) => ({
            id: c.id,
            name: c.place.name,
            label: localName(c.place, lang),
            kind: c.place.kind,
            country: c.place.country,
            population: c.place.population,
            ties: c.ties,
            km: c.km,
            score: c.score,
            url: href(placePath(c.place), lang),
            listing: c.listing && {
              id: c.listing.id,
              countries: [...c.listing.countries],
              continents: [...c.listing.continents],
              fields: c.listing.fields.filter(isSeekingField),
              org: c.listing.org,
            },
            reasons: c.reasons.map((r) => ({ ...r, text: reasonText(lang, r) })),
          })),
        };
      },
    );
  };
}

/** A candidate's open listing in the suggestions. */
const SuggestionListing = Type.Object({
  id: Type.Integer({ description: 'the listing (on /api/seeking and /seeking#listing-ID)' }),
  countries: Type.Array(Type.String(), { description: 'countries wanted (ISO codes); none: anywhere' }),
  continents: Type.Array(Type.String(), { description: 'continents wanted' }),
  fields: Type.Array(enumOf(SEEKING_FIELDS)),
  org: Type.Object({ slug: Type.String(), name: Type.String() }, { description: 'who publishes it' }),
});

/** What `/api/places/Q456/suggestions?limit=1` answers (Lyon; figures as the bundled data gives them). */
const SUGGESTIONS_EXAMPLE = {
  place: { id: 'Q456', name: 'Lyon' },
  weights: DEFAULT_WEIGHTS,
  items: [
    {
      id: 'Q2145',
      name: 'Quebec City',
      label: 'Quebec City',
      kind: 'city',
      country: 'CA',
      population: 531902,
      ties: 8,
      km: 5400,
      score: 6.1,
      url: '/places/Q2145/quebec-city',
      listing: {
        id: 7,
        countries: ['FR'],
        continents: [],
        fields: ['education', 'culture'],
        org: { slug: 'quebec-international', name: 'Québec International Relations' },
      },
      reasons: [
        {
          kind: 'shared',
          weight: 3,
          score: 0.6,
          text: '3 of your partners are already its partners',
          shared: 3,
        },
        { kind: 'language', weight: 1.5, score: 1, text: 'Both speak French', language: 'fr' },
      ],
    },
  ],
};
