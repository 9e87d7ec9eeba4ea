import { Type, type TSchema } from 'typebox';
import type { AppContext } from '../../context.js';
import { CONTINENTS, isCountryCode, type Continent } from '../../domain/countries.js';
import { ValidationError } from '../../domain/errors.js';
import { MAX_WEIGHT, REASON_KINDS, type ReasonKind } from '../../domain/matching.js';
import { PLACE_KINDS, type PlaceKind } from '../../domain/places.js';
import { MATCH_MAX, type MatchQuery } from '../../services/matching.js';
import type { App } from '../app.js';
import { CACHED, PageQuery, Text, sendHtml } from '../kit.js';
import { viewOf } from '../views/context.js';
import { matchingPage } from '../views/places/matching.js';

/** The query of the partner finder, as the page's form and the API send it (every field optional). */
export type RawMatchQuery = Partial<Record<string, string | number | undefined>>;

/** The names of the weight parameters: `w.shared`, `w.population`, … */
export const weightParam = (k: ReasonKind) => `w.${k}`;

/** The filters, weights and limit of a partner finder query; throws ValidationError on anything wrong. */
export function matchQuery(q: RawMatchQuery): MatchQuery {
  const text = (name: string) => {
    const v = q[name];
    return v === undefined || v === '' ? undefined : String(v).trim() || undefined;
  };
  const codes = (name: string): string[] | undefined => {
    const v = text(name);
    if (!v) return undefined;
    const list = v
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((c) => c.toUpperCase());
    for (const c of list) {
      if (!isCountryCode(c)) throw new ValidationError(`${name}: "${c}" is not an ISO 3166 country code.`);
    }
    return list;
  };
  const continents = (name: string): Continent[] | undefined => {
    const v = text(name);
    if (!v) return undefined;
    const list = v
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((c) => c.toUpperCase());
    for (const c of list) {
      if (!(CONTINENTS as readonly string[]).includes(c)) {
        throw new ValidationError(`${name}: "${c}" is not one of ${CONTINENTS.join(', ')}.`);
      }
    }
    return list as Continent[];
  };
  const number = (name: string, max: number): number | undefined => {
    const v = text(name);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0 || n > max)
      throw new ValidationError(`${name}: give a number from 0 to ${max}.`);
    return n;
  };
  const range = (lo: string, hi: string, max: number) => {
    const a = number(lo, max);
    const b = number(hi, max);
    if (a !== undefined && b !== undefined && a > b) throw new ValidationError(`${lo} is more than ${hi}.`);
    return [a, b] as const;
  };
  const [minKm, maxKm] = range('minKm', 'maxKm', 40_000);
  const [minPop, maxPop] = range('minPop', 'maxPop', 1e10);
  const kind = text('kind');
  if (kind !== undefined && !(PLACE_KINDS as readonly string[]).includes(kind)) {
    throw new ValidationError(`kind: one of ${PLACE_KINDS.join(', ')}.`);
  }
  const weights: Partial<Record<ReasonKind, number>> = {};
  for (const k of REASON_KINDS) {
    const w = number(weightParam(k), MAX_WEIGHT);
    if (w !== undefined) weights[k] = w;
  }
  const limit = number('limit', MATCH_MAX);
  if (limit !== undefined && (limit < 1 || !Number.isInteger(limit))) {
    throw new ValidationError(`limit: give a whole number from 1 to ${MATCH_MAX}.`);
  }
  return {
    filters: {
      countries: codes('countries'),
      excludeCountries: codes('excludeCountries'),
      continents: continents('continents'),
      excludeContinents: continents('excludeContinents'),
      minKm,
      maxKm,
      minPop,
      maxPop,
      kinds: kind ? [kind as PlaceKind] : undefined,
    },
    weights,
    limit,
  };
}

/** The text fields of the page's query (the API has its own typed schema). */
const pageQuery = PageQuery({
  ...Object.fromEntries(
    ['countries', 'excludeCountries', 'continents', 'excludeContinents'].map((k) => [
      k,
      Type.Optional(Text(200)),
    ]),
  ),
  ...Object.fromEntries(
    ['minKm', 'maxKm', 'minPop', 'maxPop', 'kind', 'limit', ...REASON_KINDS.map(weightParam)].map((k) => [
      k,
      Type.Optional(Text(20)),
    ]),
  ),
} as Record<string, TSchema>);

/** The "Find a partner" page of a place. */
export function matchingRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/places/:id/partners/find',
    { ...CACHED, schema: { params: Type.Object({ id: Text(100) }), querystring: pageQuery } },
    async (req, reply) => {
      const raw = req.query as RawMatchQuery;
      const query = matchQuery(raw);
      const view = await ctx.matching.suggestions(req.params.id, query);
      return sendHtml(reply, matchingPage(viewOf(req, reply), view, raw));
    },
  );
}
