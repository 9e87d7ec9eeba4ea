import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { formatPartialDate } from '../domain/dates.js';
import { ValidationError } from '../domain/errors.js';
import { parsePartialDate } from '../domain/dates.js';
import { CONTINENTS, isCountryCode } from '../domain/countries.js';
import { PLACE_KINDS, type Place } from '../domain/places.js';
import { TWINNING_KINDS, TWINNING_STATUSES, type Twinning as TwinningModel } from '../domain/twinnings.js';
import type { PlaceHit } from '../store/places-repo.js';
import type { PlacesService, PlaceDetail as Detail } from '../services/places.js';
import { periodOptions, type NetworkService } from '../services/network.js';
import { statsOptions, type StatsService } from '../services/stats.js';
import { localName } from './i18n/index.js';
import { href } from './views/layout.js';
import { placePath } from './views/links.js';
import {
  CountryCode,
  Cursor,
  enumOf,
  ErrorBody,
  Limit,
  Page,
  PartnerTwinning,
  PlaceDetail,
  PlaceId,
  PlaceRef,
  PlaceSummary,
  StatsBody,
  Twinning,
} from './schemas.js';

// Cursors are opaque to clients; inside they hold the offset of the next page.
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m)
    throw new ValidationError('The cursor is not one this API gave out; pass the `next` value of a page.');
  return Number(m[1]);
}

/** Fetches one more than asked, to know whether there is a next page without counting. */
async function paged<T>(
  limit: number,
  cursor: string | undefined,
  fetch: (limit: number, offset: number) => Promise<T[]>,
) {
  const offset = decodeCursor(cursor);
  const rows = await fetch(limit + 1, offset);
  return { items: rows.slice(0, limit), next: rows.length > limit ? encodeCursor(offset + limit) : null };
}

function country(code: string | undefined): string | undefined {
  if (!code) return undefined;
  const c = code.toUpperCase();
  if (!isCountryCode(c))
    throw new ValidationError(`country "${code}" is not an ISO 3166-1 alpha-2 code such as CN`);
  return c;
}

export function summaryJson({ place, ties }: PlaceHit) {
  return {
    id: place.id,
    name: place.name,
    kind: place.kind,
    country: place.country,
    lat: place.lat,
    lon: place.lon,
    population: place.population,
    names: place.names,
    ties,
  };
}

export function detailJson(d: Detail) {
  const p: Place = d.place;
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    country: p.country,
    continent: d.facts.continent,
    parent: p.parent,
    ancestors: d.ancestors.map((a) => ({ id: a.id, name: a.name, kind: a.kind })),
    lat: p.lat,
    lon: p.lon,
    population: p.population,
    populationYear: p.populationYear,
    timezone: d.facts.timezone,
    languages: d.facts.languages,
    currency: d.facts.currency,
    leader:
      p.leaderName || p.leaderTitle
        ? {
            title: p.leaderTitle,
            name: p.leaderName,
            since: p.leaderSince ? formatPartialDate(p.leaderSince) : null,
          }
        : null,
    wikidata: p.wikidata,
    geonames: p.geonames,
    names: p.names,
    ties: d.ties,
    updatedAt: p.updatedAt,
  };
}

function twinningFields(t: TwinningModel) {
  return {
    id: t.id,
    kind: t.kind,
    signed: t.signed ? formatPartialDate(t.signed) : null,
    ended: t.ended ? formatPartialDate(t.ended) : null,
    status: t.status,
    listedBy: t.listedBy,
    notes: t.notes,
    sources: t.sources,
  };
}

const errors = { 400: ErrorBody, 404: ErrorBody };

const SUGGEST_KIND = {
  en: { country: 'country', region: 'region', city: 'city', district: 'district', other: 'place' },
  zh: { country: '国家', region: '省/州', city: '城市', district: '区', other: '地方' },
};
const SUGGEST_TIES = {
  en: (n: number) => (n === 1 ? '1 tie' : `${n} ties`),
  zh: (n: number) => `${n}对友城`,
};

const DateParam = (description: string) =>
  Type.String({ description: `${description}: YYYY, YYYY-MM or YYYY-MM-DD`, maxLength: 10 });

export const StatsQuery = Type.Object({
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
  lang: Type.Optional(enumOf(['en', 'zh'] as const, 'Language of the generated text')),
});

export interface ApiServices {
  places: PlacesService;
  stats: StatsService;
  network: NetworkService;
}

export function apiRoutes({ places, stats, network }: ApiServices): FastifyPluginAsyncTypebox {
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
            q: Type.Optional(Type.String({ maxLength: 200 })),
            country: Type.Optional(CountryCode),
            kind: Type.Optional(enumOf(PLACE_KINDS)),
            has_ties: Type.Optional(
              Type.Boolean({ description: 'Only places with (true) or without (false) ties' }),
            ),
            limit: Type.Optional(Limit),
            cursor: Type.Optional(Cursor),
          }),
          response: { 200: Page(PlaceSummary), ...errors },
        },
      },
      async (req) => {
        const { q, kind, has_ties, limit = 20, cursor } = req.query;
        const filters = { country: country(req.query.country), kind, hasTies: has_ties };
        const page = await paged(limit, cursor, (l, o) => places.search(q, filters, l, o));
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
            q: Type.String({ maxLength: 200 }),
            lang: Type.Optional(enumOf(['en', 'zh'] as const, 'Language of labels')),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 8 })),
          }),
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  id: Type.String(),
                  name: Type.String(),
                  label: Type.String({ description: 'the name in the asked language where known' }),
                  detail: Type.String({ description: 'kind, country and number of ties' }),
                  url: Type.String(),
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (req) => {
        const lang = req.query.lang ?? 'en';
        const { hits, countries } = await places.suggest(req.query.q, req.query.limit ?? 8);
        return {
          items: hits.map(({ place, ties }) => {
            const c = place.country ? countries.get(place.country) : undefined;
            return {
              id: place.id,
              name: place.name,
              label: localName(place, lang),
              detail: [
                SUGGEST_KIND[lang][place.kind],
                place.kind !== 'country' && c ? localName(c, lang) : '',
                SUGGEST_TIES[lang](ties),
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
          params: Type.Object({ id: PlaceId }),
          response: { 200: PlaceDetail, ...errors },
        },
      },
      async (req) => detailJson(await places.detail(req.params.id)),
    );

    app.get(
      '/places/:id/twinnings',
      {
        config: { cache: true },
        schema: {
          tags: ['twinnings'],
          summary: "A place's twinnings, with each partner",
          params: Type.Object({ id: PlaceId }),
          response: {
            200: Type.Object({
              place: Type.Object({ id: Type.String(), name: Type.String() }),
              items: Type.Array(PartnerTwinning),
            }),
            ...errors,
          },
        },
      },
      async (req) => {
        const { place, items } = await places.twinningsOf(req.params.id);
        return {
          place: { id: place.id, name: place.name },
          items: items.map(({ twinning: t, partner }) => {
            const placeSide = t.a === place.id ? 'a' : 'b';
            const listed = (side: 'a' | 'b') =>
              t.listedBy === null ? null : t.listedBy === 'both' || t.listedBy === side;
            return {
              ...twinningFields(t),
              listedByPlace: listed(placeSide),
              listedByPartner: listed(placeSide === 'a' ? 'b' : 'a'),
              partner,
            };
          }),
        };
      },
    );

    app.get(
      '/twinnings',
      {
        config: { cache: true },
        schema: {
          tags: ['twinnings'],
          summary: 'List twinnings',
          description: 'Newest signing first; ties without a known date come last.',
          querystring: Type.Object({
            country: Type.Optional(CountryCode),
            partner_country: Type.Optional(CountryCode),
            since: Type.Optional(
              Type.String({ description: 'Signed on or after: YYYY, YYYY-MM or YYYY-MM-DD' }),
            ),
            kind: Type.Optional(enumOf(TWINNING_KINDS)),
            status: Type.Optional(enumOf(TWINNING_STATUSES)),
            limit: Type.Optional(Limit),
            cursor: Type.Optional(Cursor),
          }),
          response: { 200: Page(Twinning), ...errors },
        },
      },
      async (req) => {
        const { kind, status, limit = 20, cursor } = req.query;
        let since: string | undefined;
        if (req.query.since) {
          const d = parsePartialDate(req.query.since);
          if (typeof d === 'string') throw new ValidationError(`since: ${d}`);
          since = d.date;
        }
        if (req.query.partner_country && !req.query.country) {
          throw new ValidationError(
            'partner_country needs country: the ties between country and partner_country',
          );
        }
        const filters = {
          country: country(req.query.country),
          partnerCountry: country(req.query.partner_country),
          kind,
          status,
          since,
        };
        const page = await paged(limit, cursor, (l, o) => places.listTwinnings(filters, l, o));
        return { items: page.items.map((t) => ({ a: t.a, b: t.b, ...twinningFields(t) })), next: page.next };
      },
    );

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
          response: { 200: StatsBody, ...errors },
        },
      },
      async (req) => {
        const opts = statsOptions(req.query);
        const result = await stats.forPlace(req.params.id, opts);
        const lang = req.query.lang ?? 'en';
        return {
          place: { id: result.place.id, name: result.place.name, kind: result.place.kind },
          ...result.stats,
          text: await stats.paragraph(result, lang),
          lang,
        };
      },
    );

    app.get(
      '/path',
      {
        config: { cache: true },
        schema: {
          tags: ['network'],
          summary: 'The shortest chain of ties between two places',
          description:
            'Over ties that are not ended or merely proposed. `path` is null when no chain links them.',
          querystring: Type.Object({ from: PlaceId, to: PlaceId }),
          response: {
            200: Type.Object({ path: Type.Union([Type.Array(PlaceRef), Type.Null()]) }),
            ...errors,
          },
        },
      },
      async (req) => network.path(req.query.from, req.query.to),
    );

    app.get(
      '/places/:id/network',
      {
        config: { cache: true },
        schema: {
          tags: ['network'],
          summary: "A place's cousins (partners of partners) and open triangles",
          params: Type.Object({ id: PlaceId }),
          querystring: Type.Object({ limit: Type.Optional(Limit) }),
          response: {
            200: Type.Object({
              place: PlaceRef,
              cousins: Type.Array(Type.Object({ ...PlaceRef.properties, via: Type.Array(PlaceRef) }), {
                description: 'Places sharing a partner but not tied, most shared partners first',
              }),
              openTriangles: Type.Array(Type.Array(PlaceRef), {
                description: 'Pairs of partners not tied to each other: candidates for a trilateral tie',
              }),
              componentSize: Type.Integer({ description: 'Places reachable through chains of ties' }),
            }),
            ...errors,
          },
        },
      },
      async (req) => network.around(req.params.id, req.query.limit ?? 20),
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
            200: Type.Object({
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
            }),
            503: Type.Object({
              status: Type.Literal('computing'),
              error: Type.String(),
              message: Type.String(),
            }),
          },
        },
      },
      async (req, reply) => {
        const o = await network.overview(req.query.limit ?? 20);
        if (o.status === 'ready' && o.figures && o.computedAt)
          return { status: o.status, computedAt: o.computedAt, ...o.figures };
        // not the answer for this version of the data: keep it out of the response cache
        req.cacheVersion = undefined;
        req.cacheKey = undefined;
        reply.header('cache-control', 'no-store').header('retry-after', String(o.retryAfterSeconds));
        if (o.figures && o.computedAt) return { status: o.status, computedAt: o.computedAt, ...o.figures };
        return reply.code(503).send({
          status: 'computing' as const,
          error: 'Service Unavailable',
          message: `The network figures are being computed. Ask again in ${o.retryAfterSeconds} seconds.`,
        });
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
            200: Type.Object({
              places: Type.Array(Type.Object({ ...PlaceRef.properties, count: Type.Integer() })),
              countries: Type.Array(
                Type.Object({
                  code: Type.String(),
                  name: Type.String(),
                  nameZh: Type.Union([Type.String(), Type.Null()]),
                  count: Type.Integer(),
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (req) => {
        const { from, to } = periodOptions(req.query.from, req.query.to);
        return network.rankings({ continent: req.query.continent, from, to, limit: req.query.limit });
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
          querystring: Type.Object({
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 50 })),
          }),
        },
      },
      async (req) => network.quality(req.query.limit ?? 50),
    );
  };
}
