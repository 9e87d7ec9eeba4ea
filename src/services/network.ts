import { continentOf, type Continent } from '../domain/countries.js';
import { partialDateEnd, parsePartialDate } from '../domain/dates.js';
import { NotFoundError, ValidationError } from '../domain/errors.js';
import { TwinGraph } from '../domain/graph.js';
import { normalizeName } from '../domain/names.js';
import type { CompactPlace } from '../store/places-repo.js';
import type { Store } from '../store/store.js';
import type { CompactTie } from '../store/twinnings-repo.js';
import type { DataVersion } from './data-version.js';
import { PerVersion } from './per-version.js';
import { Gazetteer } from './gazetteer.js';

/** Ties that link places today: not ended, not merely proposed. */
const LINKING = ['active', 'dormant', 'suspended'] as const;

interface Snapshot {
  graph: TwinGraph;
  places: Map<string, CompactPlace>;
  ties: CompactTie[];
  /** computed on first use, once per snapshot */
  betweenness?: Promise<Map<string, number>>;
}

export interface PlaceRef {
  id: string;
  name: string;
  /** the Chinese name, where known */
  nameZh: string | null;
  kind: string;
  country: string | null;
  ties: number;
}

export interface RankingOptions {
  continent?: Continent | undefined;
  /** ISO dates: count only ties signed in this period ("fastest growing") */
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
}

/**
 * Whole-network questions: chains of ties, cousins, open triangles, components, central places, rankings and
 * the data-quality report. The network is loaded once per data version and kept in memory.
 */
export class NetworkService {
  private readonly snapshot: PerVersion<Snapshot>;

  constructor(
    store: Store,
    version: DataVersion,
    private readonly continents: Record<string, Continent> = {},
    private readonly gazetteer = new Gazetteer(store, version),
  ) {
    this.snapshot = new PerVersion(version, async () => {
      const { places, ties: all } = await this.gazetteer.snapshot();
      const linking = new Set<string>(LINKING);
      const ties: CompactTie[] = all
        .filter((t) => linking.has(t.status))
        .map((t) => ({ id: t.id, a: t.a, b: t.b, signed: t.signed?.date ?? null, listedBy: t.listedBy }));
      return { graph: new TwinGraph(ties.map((t) => [t.a, t.b] as const)), places, ties };
    });
  }

  private load(): Promise<Snapshot> {
    return this.snapshot.get();
  }

  private ref(s: Snapshot, id: string): PlaceRef {
    const p = s.places.get(id);
    return {
      id,
      name: p?.name ?? id,
      nameZh: p?.nameZh ?? null,
      kind: p?.kind ?? 'other',
      country: p?.country ?? null,
      ties: s.graph.degree(id),
    };
  }

  private async known(id: string): Promise<Snapshot> {
    const s = await this.load();
    if (!s.places.has(id)) throw new NotFoundError(`There is no place with id ${id}.`);
    return s;
  }

  async path(from: string, to: string): Promise<{ path: PlaceRef[] | null }> {
    if (!from || !to) throw new ValidationError('Give both ends of the chain: from and to.');
    await this.known(from);
    const s = await this.known(to);
    const path = s.graph.shortestPath(from, to);
    return { path: path ? path.map((id) => this.ref(s, id)) : null };
  }

  async around(id: string, limit = 20) {
    const s = await this.known(id);
    const component = s.graph.components().find((c) => c.includes(id));
    return {
      place: this.ref(s, id),
      cousins: s.graph
        .cousins(id, limit)
        .map((c) => ({ ...this.ref(s, c.id), via: c.via.map((v) => this.ref(s, v)) })),
      openTriangles: s.graph
        .openTriangles(id, limit)
        .map(([b, c]) => [this.ref(s, b), this.ref(s, c)] as [PlaceRef, PlaceRef]),
      componentSize: component?.length ?? 1,
    };
  }

  async overview(limit = 20) {
    const s = await this.load();
    s.betweenness ??= betweenness(s.graph);
    const scores = await s.betweenness;
    const components = s.graph.components();
    const byScore = [...scores.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const byDegree = [...s.places.keys()]
      .filter((id) => s.graph.degree(id) > 0)
      .sort((a, b) => s.graph.degree(b) - s.graph.degree(a) || (a < b ? -1 : 1));
    return {
      places: s.graph.nodeCount,
      ties: s.graph.edgeCount,
      components: components.length,
      largestComponents: components.slice(0, limit).map((c) => ({
        size: c.length,
        // the best-connected place names the component
        hub: this.ref(
          s,
          c.reduce((a, b) => (s.graph.degree(b) > s.graph.degree(a) ? b : a)),
        ),
      })),
      mostConnected: byDegree.slice(0, limit).map((id) => this.ref(s, id)),
      mostCentral: byScore
        .slice(0, limit)
        .map(([id, score]) => ({ ...this.ref(s, id), betweenness: Math.round(score) })),
    };
  }

  /** The places with the most ties in force (not countries), where located, and the ties among them. */
  async busiest(limit = 60) {
    const s = await this.load();
    const top = [...s.places.values()]
      .filter((p) => p.kind !== 'country' && p.lat !== null && p.lon !== null && s.graph.degree(p.id) > 0)
      .sort((a, b) => s.graph.degree(b.id) - s.graph.degree(a.id) || (a.id < b.id ? -1 : 1))
      .slice(0, limit);
    const ids = new Set(top.map((p) => p.id));
    return {
      places: top.map((p) => ({ ...this.ref(s, p.id), lat: p.lat as number, lon: p.lon as number })),
      links: s.ties.filter((t) => ids.has(t.a) && ids.has(t.b)).map((t) => [t.a, t.b] as [string, string]),
    };
  }

  /** A country's places with the most ties in force, and the countries its places are tied to. */
  async country(code: string, limit = 20) {
    const s = await this.load();
    const inCountry = [...s.places.values()].filter((p) => p.country === code && p.kind !== 'country');
    const top = inCountry
      .filter((p) => s.graph.degree(p.id) > 0)
      .sort((a, b) => s.graph.degree(b.id) - s.graph.degree(a.id) || (a.id < b.id ? -1 : 1))
      .slice(0, limit)
      .map((p) => this.ref(s, p.id));
    const partners = new Map<string, number>();
    for (const t of s.ties) {
      const ca = s.places.get(t.a)?.country;
      const cb = s.places.get(t.b)?.country;
      if (ca === code && cb) partners.set(cb, (partners.get(cb) ?? 0) + 1);
      else if (cb === code && ca) partners.set(ca, (partners.get(ca) ?? 0) + 1);
    }
    return {
      places: inCountry.length,
      top,
      partnerCountries: [...partners.entries()]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([c, n]) => ({
          code: c,
          name: s.places.get(c)?.name ?? c,
          nameZh: s.places.get(c)?.nameZh ?? null,
          count: n,
        })),
    };
  }

  /** Every country and territory with its number of ties in force (either side in the country). */
  async countryTies(): Promise<Map<string, number>> {
    const s = await this.load();
    return countByCountry(s, s.ties);
  }

  /** Places and countries with the most ties, optionally within a continent or a period of signing. */
  async rankings(opts: RankingOptions = {}) {
    const s = await this.load();
    const limit = opts.limit ?? 20;
    const inPeriod = (t: CompactTie) =>
      !opts.from && !opts.to
        ? true
        : !!t.signed && (!opts.from || t.signed >= opts.from) && (!opts.to || t.signed <= opts.to);
    const ties = s.ties.filter(inPeriod);
    const placeCount = new Map<string, number>();
    for (const t of ties) for (const id of [t.a, t.b]) placeCount.set(id, (placeCount.get(id) ?? 0) + 1);
    const countryCount = countByCountry(s, ties);
    const inContinent = (country: string | null | undefined) =>
      !opts.continent || continentOf(country, this.continents) === opts.continent;
    const top = (m: Map<string, number>, keep: (k: string) => boolean) =>
      [...m.entries()]
        .filter(([k]) => keep(k))
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, limit);
    return {
      places: top(
        placeCount,
        (id) => s.places.get(id)?.kind !== 'country' && inContinent(s.places.get(id)?.country),
      ).map(([id, n]) => ({ ...this.ref(s, id), count: n })),
      countries: top(countryCount, (c) => inContinent(c)).map(([code, n]) => ({
        code,
        name: s.places.get(code)?.name ?? code,
        nameZh: s.places.get(code)?.nameZh ?? null,
        count: n,
      })),
    };
  }

  /** What editors should look at: one-sided ties, places missing facts, likely duplicates. */
  async quality(limit = 50) {
    const s = await this.load();
    // every tie, whatever its status
    const { ties: allTies } = await this.gazetteer.snapshot();
    const oneSided = allTies.filter((t) => t.listedBy === 'a' || t.listedBy === 'b');
    const places = [...s.places.values()].filter((p) => p.kind !== 'country');
    const noCountry = places.filter((p) => !p.country);
    const noCoordinates = places.filter((p) => p.lat === null || p.lon === null);
    const groups = new Map<string, CompactPlace[]>();
    for (const p of places) {
      const key = `${p.country ?? ''}\u0000${normalizeName(p.name)}`;
      const g = groups.get(key) ?? [];
      g.push(p);
      groups.set(key, g);
    }
    // A place without a country may be the same as a namesake that has one.
    const withCountryByName = new Map<string, CompactPlace[][]>();
    for (const g of groups.values()) {
      if (!g[0]!.country) continue;
      const name = normalizeName(g[0]!.name);
      withCountryByName.set(name, [...(withCountryByName.get(name) ?? []), g]);
    }
    for (const p of noCountry) for (const g of withCountryByName.get(normalizeName(p.name)) ?? []) g.push(p);
    const duplicates = [...groups.values()]
      .filter((g) => g.length > 1)
      .sort((a, b) => b.length - a.length || (a[0]!.name < b[0]!.name ? -1 : 1));
    const byWikidata = new Map<string, CompactPlace[]>();
    for (const p of places) {
      if (!p.wikidata) continue;
      const g = byWikidata.get(p.wikidata) ?? [];
      g.push(p);
      byWikidata.set(p.wikidata, g);
    }
    const sameWikidata = [...byWikidata.values()].filter((g) => g.length > 1);
    const ref = (id: string) => this.ref(s, id);
    return {
      oneSided: {
        count: oneSided.length,
        items: oneSided.slice(0, limit).map((t) => ({
          twinning: t.id,
          listedBy: ref(t.listedBy === 'a' ? t.a : t.b),
          notListedBy: ref(t.listedBy === 'a' ? t.b : t.a),
        })),
      },
      withoutCountry: { count: noCountry.length, items: noCountry.slice(0, limit).map((p) => ref(p.id)) },
      withoutCoordinates: {
        count: noCoordinates.length,
        items: noCoordinates.slice(0, limit).map((p) => ref(p.id)),
      },
      duplicateCandidates: {
        count: duplicates.length + sameWikidata.length,
        items: [...sameWikidata, ...duplicates].slice(0, limit).map((g) => g.map((p) => ref(p.id))),
      },
    };
  }
}

/** Ties per country, each counted once for a country even when both sides lie in it. */
function countByCountry(s: Snapshot, ties: CompactTie[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of ties) {
    const ca = s.places.get(t.a)?.country;
    const cb = s.places.get(t.b)?.country;
    for (const c of new Set([ca, cb])) if (c) out.set(c, (out.get(c) ?? 0) + 1);
  }
  return out;
}

// Brandes over the whole network takes seconds: run it one source place at a time, letting other requests in
// between.
async function betweenness(graph: TwinGraph): Promise<Map<string, number>> {
  const steps = graph.betweennessSteps(200);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A period of signing from partial dates: from the first day of `from` to the last day of `to`. */
export function periodOptions(from: string | undefined, to: string | undefined) {
  const parse = (name: string, v: string | undefined, end: boolean) => {
    if (!v) return undefined;
    const d = parsePartialDate(v);
    if (typeof d === 'string') throw new ValidationError(`${name}: ${d}`);
    return end ? partialDateEnd(d) : d.date;
  };
  const out = { from: parse('from', from, false), to: parse('to', to, true) };
  if (out.from && out.to && out.from > out.to) throw new ValidationError('from is after to; swap them');
  return out;
}
