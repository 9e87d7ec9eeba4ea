import type { Continent } from './countries.js';
import type { PlaceKind } from './places.js';
import { sharedKeywords } from './profile.js';
import { listingFit, type ListingFit } from './seeking.js';

/**
 * Partner matching: which places might suit a place as new partners, and why. Each candidate carries its
 * reasons, each of one kind with a score between 0 and 1, the weight it counts with, and the figures its
 * sentence is made from. More kinds are added by extending REASON_KINDS, DEFAULT_WEIGHTS and `reasonsFor`; the
 * pages and the API list reasons generically.
 */
export const REASON_KINDS = [
  'shared',
  'profile',
  'population',
  'countries',
  'regions',
  'distance',
  'language',
  'openness',
] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

/**
 * The default weight of each reason (the API's `w.<kind>` overrides them; 0 turns a reason off). A candidate's
 * score is the sum of weight × score over its reasons, each score between 0 and 1:
 * - shared: partners it shares with the place (the network's "cousins"): n / (n + 1), so 1 → 0.5, 3 → 0.75
 * - profile: profile keywords both places have (steel, port, university…): n / (n + 1)
 * - population: similar population: 1 − |log10(ratio)|, 1 for equal populations, 0 at ten times as many
 * - countries: ties already linking the two countries (a friendly pair of countries): n / (n + 5)
 * - regions: ties already linking the two regions: n / (n + 2)
 * - distance: nearer is easier to visit: 1 / (1 + km / 2000)
 * - language: a common language 1; a language of the candidate widely taught as a foreign language 0.5
 * - openness: half for room for more ties (1 − ties / 6, none from 6 ties on), half for a "seeking partners"
 *   listing, by how its wishes fit the asking place (OPENNESS_FIT): one that names the asker's country or
 *   continent lifts a candidate above an otherwise equal one open to anywhere, and both above one without
 */
export const DEFAULT_WEIGHTS: Readonly<Record<ReasonKind, number>> = {
  shared: 3,
  profile: 2,
  population: 2,
  countries: 1,
  regions: 1,
  distance: 1,
  language: 1.5,
  openness: 2,
};

/** How much a candidate's listing counts in its openness, by how its wishes fit the asking place. */
export const OPENNESS_FIT: Readonly<Record<ListingFit, number>> = {
  country: 1,
  continent: 0.9,
  anywhere: 0.7,
  elsewhere: 0.3,
};

/** The most weight one reason may be given. */
export const MAX_WEIGHT = 100;

/** Languages widely taught as foreign languages in schools (ISO 639-1). */
export const TAUGHT_LANGUAGES: readonly string[] = ['en', 'fr', 'es', 'de', 'ru', 'zh'];

/** What matching knows of a place. */
export interface MatchPlace {
  id: string;
  kind: PlaceKind;
  country: string | null;
  continent: Continent | null;
  /** the nearest region above it (or null) */
  region: string | null;
  lat: number | null;
  lon: number | null;
  population: number | null;
  /** number of current ties */
  ties: number;
  /** languages (ISO 639) spoken there: its own, else its country's */
  languages: readonly string[];
  /** profile keywords (controlled ids and free keywords), see profile.ts */
  keywords?: readonly string[];
}

/** What matching knows of a place's open "seeking partners" listing. */
export interface MatchListing {
  countries: readonly string[];
  continents: readonly string[];
  fields: readonly string[];
}

/** The network around the place being matched. */
export interface MatchNetwork {
  /** every place tied to it, whatever the tie's status (never suggested) */
  partners: ReadonlySet<string>;
  /** places sharing partners with it → how many */
  shared: ReadonlyMap<string, number>;
  /** other country → ties between its country and that one */
  countryTies: ReadonlyMap<string, number>;
  /** other region → ties between its region and that one */
  regionTies: ReadonlyMap<string, number>;
  /** place → its open "seeking partners" listing */
  listings?: ReadonlyMap<string, MatchListing>;
}

export interface MatchFilters {
  /** only these countries (ISO codes) */
  countries?: readonly string[] | undefined;
  excludeCountries?: readonly string[] | undefined;
  continents?: readonly Continent[] | undefined;
  excludeContinents?: readonly Continent[] | undefined;
  minKm?: number | undefined;
  maxKm?: number | undefined;
  /** only places of these kinds */
  kinds?: readonly PlaceKind[] | undefined;
  minPop?: number | undefined;
  maxPop?: number | undefined;
}

export type ReasonFigures =
  | { kind: 'shared'; count: number }
  | { kind: 'profile'; keywords: string[] }
  | { kind: 'population'; population: number; ratio: number }
  | { kind: 'countries'; count: number }
  | { kind: 'regions'; count: number }
  | { kind: 'distance'; km: number }
  | { kind: 'language'; common: string[]; taught: string[] }
  | {
      kind: 'openness';
      ties: number;
      /** how the candidate's open listing fits the asking place (absent without a listing) */
      listing?: ListingFit;
      /** the asking place's country or continent that the listing names (fits 'country', 'continent') */
      wanted?: string;
      /** the listing's fields */
      fields?: string[];
    };

export type Reason = ReasonFigures & {
  /** the weight it counts with */
  weight: number;
  /** how well it holds, 0 to 1 */
  score: number;
};

export interface Candidate {
  id: string;
  /** sum of weight × score over the reasons, rounded to 3 decimals */
  score: number;
  /** km between the two places, when both have coordinates */
  km: number | null;
  /** the reasons that hold, the one counting most first */
  reasons: Reason[];
}

const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function kmBetween(a: MatchPlace, b: MatchPlace): number | null {
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return null;
  return distanceKm({ lat: a.lat, lon: a.lon }, { lat: b.lat, lon: b.lon });
}

/** Whether a candidate passes the filters (km: its distance, null when unknown). */
export function passes(c: MatchPlace, km: number | null, f: MatchFilters): boolean {
  const has = <T>(list: readonly T[] | undefined, v: T | null) => v !== null && !!list?.includes(v);
  if (f.countries?.length && !has(f.countries, c.country)) return false;
  if (has(f.excludeCountries, c.country)) return false;
  if (f.continents?.length && !has(f.continents, c.continent)) return false;
  if (has(f.excludeContinents, c.continent)) return false;
  if (f.kinds?.length && !f.kinds.includes(c.kind)) return false;
  if (f.minKm !== undefined || f.maxKm !== undefined) {
    if (km === null) return false;
    if (f.minKm !== undefined && km < f.minKm) return false;
    if (f.maxKm !== undefined && km > f.maxKm) return false;
  }
  if (f.minPop !== undefined || f.maxPop !== undefined) {
    if (c.population === null) return false;
    if (f.minPop !== undefined && c.population < f.minPop) return false;
    if (f.maxPop !== undefined && c.population > f.maxPop) return false;
  }
  return true;
}

/** The reasons `c` might suit `place`, each with its raw score (weights applied by `rankCandidates`). */
export function reasonsFor(
  place: MatchPlace,
  c: MatchPlace,
  net: MatchNetwork,
  km: number | null,
): (ReasonFigures & { score: number })[] {
  const out: (ReasonFigures & { score: number })[] = [];
  const shared = net.shared.get(c.id) ?? 0;
  if (shared > 0) out.push({ kind: 'shared', count: shared, score: shared / (shared + 1) });
  const keywords = sharedKeywords(c.keywords ?? [], place.keywords ?? []);
  if (keywords.length)
    out.push({ kind: 'profile', keywords, score: keywords.length / (keywords.length + 1) });
  if (place.population && c.population) {
    const ratio = Math.max(place.population, c.population) / Math.min(place.population, c.population);
    const score = 1 - Math.abs(Math.log10(ratio));
    if (score > 0) out.push({ kind: 'population', population: c.population, ratio: round(ratio, 2), score });
  }
  if (c.country && c.country !== place.country) {
    const n = net.countryTies.get(c.country) ?? 0;
    if (n > 0) out.push({ kind: 'countries', count: n, score: n / (n + 5) });
  }
  if (c.region && c.region !== place.region) {
    const n = net.regionTies.get(c.region) ?? 0;
    if (n > 0) out.push({ kind: 'regions', count: n, score: n / (n + 2) });
  }
  if (km !== null) out.push({ kind: 'distance', km: Math.round(km), score: 1 / (1 + km / 2000) });
  const common = c.languages.filter((l) => place.languages.includes(l));
  const taught = common.length ? [] : c.languages.filter((l) => TAUGHT_LANGUAGES.includes(l));
  if (common.length || taught.length) {
    out.push({ kind: 'language', common, taught, score: common.length ? 1 : 0.5 });
  }
  const room = Math.max(0, 1 - c.ties / 6);
  const listing = net.listings?.get(c.id);
  if (listing) {
    const fit = listingFit(listing, place);
    const score = 0.5 * room + 0.5 * OPENNESS_FIT[fit];
    const wanted = fit === 'country' ? place.country : fit === 'continent' ? place.continent : null;
    out.push({
      kind: 'openness',
      ties: c.ties,
      listing: fit,
      ...(wanted ? { wanted } : {}),
      fields: [...listing.fields],
      score,
    });
  } else if (room > 0) out.push({ kind: 'openness', ties: c.ties, score: 0.5 * room });
  return out;
}

/**
 * The best `limit` candidates for `place`, highest score first (ties broken by id, so the order is stable).
 * The place itself and its partners never appear; candidates failing the filters neither.
 */
export function rankCandidates(
  place: MatchPlace,
  candidates: Iterable<MatchPlace>,
  net: MatchNetwork,
  opts: { filters?: MatchFilters; weights?: Partial<Record<ReasonKind, number>>; limit?: number } = {},
): Candidate[] {
  const weights = { ...DEFAULT_WEIGHTS, ...opts.weights };
  const filters = opts.filters ?? {};
  const out: Candidate[] = [];
  for (const c of candidates) {
    if (c.id === place.id || net.partners.has(c.id)) continue;
    const km = kmBetween(place, c);
    if (!passes(c, km, filters)) continue;
    const reasons: Reason[] = reasonsFor(place, c, net, km)
      .map((r) => ({ ...r, weight: weights[r.kind], score: round(r.score) }))
      .filter((r) => r.weight > 0 && r.score > 0)
      .sort((x, y) => y.weight * y.score - x.weight * x.score || (x.kind < y.kind ? -1 : 1));
    const score = round(reasons.reduce((s, r) => s + r.weight * r.score, 0));
    out.push({ id: c.id, score, km: km === null ? null : Math.round(km), reasons });
  }
  out.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return out.slice(0, opts.limit ?? 20);
}
