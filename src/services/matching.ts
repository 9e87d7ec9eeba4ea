import { continentOf, countryLanguages, type Continent } from '../domain/countries.js';
import {
  DEFAULT_WEIGHTS,
  rankCandidates,
  type Candidate,
  type MatchFilters,
  type MatchListing,
  type MatchNetwork,
  type MatchPlace,
  type ReasonKind,
} from '../domain/matching.js';
import type { CompactPlace } from '../store/places-repo.js';
import type { Gazetteer, GazetteerSnapshot } from './gazetteer.js';
import type { NetworkService } from './network.js';
import { LINKING } from './network-worker.js';

export interface MatchQuery {
  filters?: MatchFilters;
  weights?: Partial<Record<ReasonKind, number>>;
  /** how many candidates (at most MATCH_MAX) */
  limit?: number;
}

/** The most candidates one answer lists. */
export const MATCH_MAX = 100;

export interface MatchView {
  place: CompactPlace;
  /** the weights the ranking used */
  weights: Record<ReasonKind, number>;
  candidates: (Candidate & { place: CompactPlace; ties: number; listing: CandidateListing | null })[];
}

/** A candidate's open "seeking partners" listing, as the suggestions show it (never its contact). */
export interface CandidateListing extends MatchListing {
  /** the listing's id (its anchor on /seeking) */
  id: number;
  /** the organization that publishes it */
  org: { slug: string; name: string };
}

interface Index {
  /** what matching knows of every place */
  places: Map<string, MatchPlace>;
  /** the places worth suggesting: with ties or a known population */
  pool: MatchPlace[];
}

/**
 * Partner matching over the in-memory gazetteer and the network: a ranked shortlist of places that might suit
 * a place as new partners, each with its reasons. What it knows of every place is built once per data version;
 * an answer then scores the pool of places with ties or a population (milliseconds for the world).
 */
export class MatchingService {
  private readonly indexes = new WeakMap<GazetteerSnapshot, Index>();

  constructor(
    private readonly gazetteer: Gazetteer,
    private readonly network: NetworkService,
    private readonly continents: Record<string, Continent> = {},
    /** the open listings by their place (none when not given) */
    private readonly listings: () => Promise<ReadonlyMap<string, CandidateListing>> = async () => new Map(),
  ) {}

  private index(snap: GazetteerSnapshot): Index {
    let index = this.indexes.get(snap);
    if (index) return index;
    const ties = new Map<string, number>();
    for (const t of snap.ties) {
      if (!LINKING.has(t.status)) continue;
      for (const id of [t.a, t.b]) ties.set(id, (ties.get(id) ?? 0) + 1);
    }
    const regionOf = (p: CompactPlace): string | null => {
      const seen = new Set([p.id]);
      for (let parent = p.parent; parent && !seen.has(parent);) {
        seen.add(parent);
        const q = snap.places.get(parent);
        if (!q) return null;
        if (q.kind === 'region') return q.id;
        parent = q.parent;
      }
      return null;
    };
    const languages = new Map<string, readonly string[]>();
    const languagesOf = (code: string | null): readonly string[] => {
      if (!code) return [];
      let list = languages.get(code);
      if (!list) {
        const own = snap.countries.get(code)?.languages;
        list = own?.length ? own : countryLanguages(code);
        languages.set(code, list);
      }
      return list;
    };
    const places = new Map<string, MatchPlace>();
    const pool: MatchPlace[] = [];
    for (const p of snap.places.values()) {
      const m: MatchPlace = {
        id: p.id,
        kind: p.kind,
        country: p.country,
        continent: continentOf(p.country, this.continents),
        region: p.kind === 'region' ? null : regionOf(p),
        lat: p.lat,
        lon: p.lon,
        population: p.population,
        ties: ties.get(p.id) ?? 0,
        languages: languagesOf(p.country),
        keywords: snap.keywords.get(p.id) ?? [],
      };
      places.set(p.id, m);
      if (m.ties > 0 || m.population !== null) pool.push(m);
    }
    index = { places, pool };
    this.indexes.set(snap, index);
    return index;
  }

  /**
   * The best candidates for place `id`, highest score first: never the place itself nor its partners. Without
   * a kind filter, places of the place's own kind. Unknown places throw NotFoundError (moved ones MovedError).
   */
  async suggestions(id: string, q: MatchQuery = {}): Promise<MatchView> {
    const shared = await this.network.sharedPartners(id);
    const [snap, listings] = await Promise.all([this.gazetteer.snapshot(), this.listings()]);
    const { places, pool } = this.index(snap);
    const place = places.get(id);
    const compact = snap.places.get(id);
    if (!place || !compact) throw new Error(`place ${id} vanished`); // sharedPartners checked it
    const partners = new Set<string>();
    const countryTies = new Map<string, number>();
    const regionTies = new Map<string, number>();
    const count = (map: Map<string, number>, key: string | null) => {
      if (key) map.set(key, (map.get(key) ?? 0) + 1);
    };
    for (const t of snap.byPlace.get(id) ?? []) partners.add(t.a === id ? t.b : t.a);
    for (const t of snap.ties) {
      if (!LINKING.has(t.status)) continue;
      const a = places.get(t.a);
      const b = places.get(t.b);
      if (!a || !b) continue;
      if (place.country) {
        if (a.country === place.country) count(countryTies, b.country);
        else if (b.country === place.country) count(countryTies, a.country);
      }
      if (place.region) {
        if (a.region === place.region) count(regionTies, b.region);
        else if (b.region === place.region) count(regionTies, a.region);
      }
    }
    const net: MatchNetwork = { partners, shared, countryTies, regionTies, listings };
    const filters: MatchFilters = { ...q.filters };
    if (!filters.kinds?.length) filters.kinds = [place.kind];
    const weights = { ...DEFAULT_WEIGHTS, ...q.weights };
    const limit = Math.max(1, Math.min(MATCH_MAX, q.limit ?? 20));
    const ranked = rankCandidates(place, pool, net, { filters, weights, limit });
    return {
      place: compact,
      weights,
      candidates: ranked.map((c) => ({
        ...c,
        place: snap.places.get(c.id) as CompactPlace,
        ties: places.get(c.id)?.ties ?? 0,
        listing: listings.get(c.id) ?? null,
      })),
    };
  }
}
