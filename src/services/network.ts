import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { continentOf, type Continent } from '../domain/countries.js';
import { partialDateEnd, parsePartialDate } from '../domain/dates.js';
import { MovedError, NotFoundError, ValidationError } from '../domain/errors.js';
import { TwinGraph, type NetworkFigures } from '../domain/graph.js';
import { normalizeName, otherNames } from '../domain/names.js';
import type { CompactPlace } from '../store/places-repo.js';
import type { Store } from '../store/store.js';
import type { CompactTie } from '../store/twinnings-repo.js';
import type { DataVersion } from './data-version.js';
import { PerVersion } from './per-version.js';
import { Gazetteer } from './gazetteer.js';
import { LINKING, type FiguresAnswer, type FiguresJob, type PlaceLabel } from './network-worker.js';

interface Snapshot {
  version: number;
  graph: TwinGraph;
  places: Map<string, CompactPlace>;
  ties: CompactTie[];
  /** the size of each place's component, filled as places are asked about (one search per component) */
  componentSizes: Map<string, number>;
}

export interface PlaceRef {
  id: string;
  name: string;
  /** the Chinese name, where known (kept in the API's answers beside `names`) */
  nameZh: string | null;
  /** the names in the interface's other languages, where known (see `otherNames`) */
  names: Readonly<Record<string, string>>;
  kind: string;
  country: string | null;
  ties: number;
}

/** The whole network's figures, with the places named. */
export interface Overview {
  places: number;
  ties: number;
  components: number;
  largestComponents: { size: number; hub: PlaceRef }[];
  mostConnected: PlaceRef[];
  mostCentral: (PlaceRef & { betweenness: number })[];
}

/**
 * The whole network's figures as far as they are known. They are computed in a worker thread after every
 * change of the registry (seconds on the world's network); meanwhile `status` is 'computing' and `figures`
 * are the previous ones (of `computedAt`), or null before the first are ready.
 */
export interface OverviewState {
  status: 'ready' | 'computing';
  /** when the figures were computed; null when there are none yet */
  computedAt: string | null;
  figures: Overview | null;
  /** while computing: about how many seconds until the figures are ready */
  retryAfterSeconds: number;
}

/** The most items of a list the figures keep (the API's largest `limit`). */
export const OVERVIEW_MAX = 100;
/** Source places of the betweenness estimate: ~5 s of work on the bundled data on one core. */
const BETWEENNESS_SAMPLES = 200;

export interface NetworkOptions {
  /** told when computing the figures fails (the next request tries again) */
  onError?: (e: unknown) => void;
  /** how long the worker thread is kept idle before it is ended (default: 30 s from dist/, kept from sources) */
  workerIdleMs?: number;
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
  private readonly thread: FiguresThread;
  /** the newest figures computed, whatever their version */
  private figures: { version: number; computedAt: string; overview: Overview } | undefined;
  /** the version being computed, and the newest version asked for meanwhile */
  private computing: { version: number; next?: number } | undefined;
  /** how long the last computation took, to tell readers when to come back */
  private lastDurationMs = 10_000;
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly version: DataVersion,
    private readonly continents: Record<string, Continent> = {},
    private readonly gazetteer = new Gazetteer(store, version),
    private opts: NetworkOptions = {},
  ) {
    this.thread = new FiguresThread(opts.workerIdleMs);
    this.snapshot = new PerVersion(version, async () => {
      const { version: v, places, ties: all } = await this.gazetteer.snapshot();
      const ties: CompactTie[] = all
        .filter((t) => LINKING.has(t.status))
        .map((t) => ({ id: t.id, a: t.a, b: t.b, signed: t.signed?.date ?? null, listedBy: t.listedBy }));
      return {
        version: v,
        graph: new TwinGraph(ties.map((t) => [t.a, t.b] as const)),
        places,
        ties,
        componentSizes: new Map(),
      };
    });
  }

  /** Whether the worker thread is there (it is ended when idle). */
  get working(): boolean {
    return this.thread.running;
  }

  /** Stops the worker thread (a computation under way is dropped). */
  async close(): Promise<void> {
    this.closed = true;
    await this.thread.close();
  }

  /** Where failures of the background computation are reported (the server's log). */
  onError(report: (e: unknown) => void): void {
    this.opts = { ...this.opts, onError: report };
  }

  private load(): Promise<Snapshot> {
    return this.snapshot.get();
  }

  private ref(s: Snapshot, id: string): PlaceRef {
    const p = s.places.get(id);
    return {
      id,
      name: p?.name ?? id,
      nameZh: p?.names.zh ?? null,
      names: p ? otherNames(p.names) : {},
      kind: p?.kind ?? 'other',
      country: p?.country ?? null,
      ties: s.graph.degree(id),
    };
  }

  private async known(id: string): Promise<Snapshot> {
    const s = await this.load();
    if (s.places.has(id)) return s;
    const to = await this.store.redirects.resolve(id);
    const moved = to ? s.places.get(to) : undefined;
    if (moved) throw new MovedError(id, moved);
    throw new NotFoundError(`There is no place with id ${id}.`);
  }

  /**
   * For partner matching: each place sharing current partners with `id` without being tied to it (its
   * "cousins"), and how many partners they share. Throws as `around` does for unknown or moved places.
   */
  async sharedPartners(id: string): Promise<Map<string, number>> {
    const s = await this.known(id);
    return s.graph.sharedPartnerCounts(id);
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
    let componentSize = s.componentSizes.get(id);
    if (componentSize === undefined) {
      const component = s.graph.componentOf(id);
      for (const p of component) s.componentSizes.set(p, component.length);
      componentSize = component.length;
    }
    return {
      place: this.ref(s, id),
      cousins: s.graph
        .cousins(id, limit)
        .map((c) => ({ ...this.ref(s, c.id), via: c.via.map((v) => this.ref(s, v)) })),
      openTriangles: s.graph
        .openTriangles(id, limit)
        .map(([b, c]) => [this.ref(s, b), this.ref(s, c)] as [PlaceRef, PlaceRef]),
      componentSize,
    };
  }

  /**
   * The whole network's figures: components, the most connected and the most central places. Answers at
   * once: when the registry changed since they were computed, the computation starts in a worker thread
   * and the answer says so, with the previous figures if there are any.
   */
  async overview(limit = 20): Promise<OverviewState> {
    const known = this.figures;
    const version = await this.version.current();
    // (the worker may have read a version newer than the one this process has seen yet)
    if (known && known.version >= version) return this.state('ready', known, limit);
    this.compute(version);
    return this.state('computing', known, limit);
  }

  private state(
    status: OverviewState['status'],
    known: { computedAt: string; overview: Overview } | undefined,
    limit: number,
  ): OverviewState {
    const o = known?.overview;
    return {
      status,
      computedAt: known?.computedAt ?? null,
      figures: o
        ? {
            ...o,
            largestComponents: o.largestComponents.slice(0, limit),
            mostConnected: o.mostConnected.slice(0, limit),
            mostCentral: o.mostCentral.slice(0, limit),
          }
        : null,
      retryAfterSeconds: Math.max(1, Math.ceil(this.lastDurationMs / 1000)),
    };
  }

  /**
   * Starts computing the figures of the data as it is now in the worker, unless that is under way; one
   * computation at a time. The worker reads the database itself; a database it cannot open (SQLite in memory)
   * has the ties sent from this thread's snapshot instead.
   */
  private compute(version: number): void {
    if (this.closed) return;
    if (this.computing) {
      if (this.computing.version !== version) this.computing.next = version;
      return;
    }
    this.computing = { version };
    const started = Date.now();
    const url = this.store.url;
    const job: Promise<Omit<FiguresJob, 'job'>> =
      url && url !== ':memory:'
        ? Promise.resolve({ source: 'database', url, limit: OVERVIEW_MAX, samples: BETWEENNESS_SAMPLES })
        : this.load().then((s) => ({
            source: 'ties',
            version: s.version,
            a: s.ties.map((t) => t.a),
            b: s.ties.map((t) => t.b),
            limit: OVERVIEW_MAX,
            samples: BETWEENNESS_SAMPLES,
          }));
    job
      .then((j) => this.thread.run(j))
      .then(async (answer) => {
        this.lastDurationMs = Date.now() - started;
        // versions only grow: older figures never replace newer ones
        if (this.figures && this.figures.version > answer.version) return;
        const labels = answer.labels ?? (await this.labelsOf(answer));
        this.figures = {
          version: answer.version,
          computedAt: new Date().toISOString(),
          overview: named(answer.figures, labels),
        };
      })
      .catch((e: unknown) => {
        if (!this.closed) this.opts.onError?.(e);
      })
      .finally(() => {
        const next = this.computing?.next;
        this.computing = undefined;
        if (next !== undefined && next !== this.figures?.version) this.compute(next);
      });
  }

  /** The labels of the places figures computed from this thread's snapshot name. */
  private async labelsOf(answer: { figures: NetworkFigures }): Promise<Record<string, PlaceLabel>> {
    const s = await this.load();
    const out: Record<string, PlaceLabel> = {};
    const f = answer.figures;
    for (const id of [
      ...f.largestComponents.map((c) => c.hub),
      ...f.mostConnected.map((p) => p.id),
      ...f.mostCentral.map((p) => p.id),
    ]) {
      const p = s.places.get(id);
      if (p) out[id] = { name: p.name, names: otherNames(p.names), kind: p.kind, country: p.country };
    }
    return out;
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
          nameZh: s.places.get(c)?.names.zh ?? null,
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
        nameZh: s.places.get(code)?.names.zh ?? null,
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

/** The figures with their places named; a place's `ties` are its ties in force, as the figures counted them. */
function named(f: NetworkFigures, labels: Record<string, PlaceLabel>): Overview {
  const degree = new Map(f.mostConnected.map((p) => [p.id, p.ties]));
  const ref = (id: string, ties?: number): PlaceRef => {
    const l = labels[id];
    return {
      id,
      name: l?.name ?? id,
      nameZh: l?.names.zh ?? null,
      names: l?.names ?? {},
      kind: l?.kind ?? 'other',
      country: l?.country ?? null,
      ties: ties ?? degree.get(id) ?? 0,
    };
  };
  return {
    places: f.places,
    ties: f.ties,
    components: f.components,
    largestComponents: f.largestComponents.map((c) => ({ size: c.size, hub: ref(c.hub, c.hubTies) })),
    mostConnected: f.mostConnected.map((p) => ref(p.id, p.ties)),
    mostCentral: f.mostCentral.map((p) => ({ ...ref(p.id, p.ties), betweenness: p.betweenness })),
  };
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

// The worker's file beside this one: network-worker.js in dist/, network-worker.ts when run from the sources
// (tsx, vitest), where the thread first registers tsx to load TypeScript.
const WORKER_URL = new URL(`./network-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

function startWorker(): Worker {
  const opts = { name: 'twinning network figures' };
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL, opts);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(WORKER_URL.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), opts);
}

type Done = Exclude<FiguresAnswer, { error: string }>;

/**
 * How long an idle worker is kept before it is ended: its heap (the whole network's graph and the modules it
 * loaded, ~100 MB on the bundled data) is given back, and the next version's computation starts a new one (a
 * fraction of a second from dist/). Run from the sources the worker is kept: starting it there compiles
 * TypeScript first, which takes seconds.
 */
const IDLE_MS = WORKER_URL.pathname.endsWith('.ts') ? Infinity : 30_000;

/**
 * One worker thread for the whole-network figures, started on first use and ended when idle. Brandes'
 * betweenness over the world's network takes seconds of steady computation: in the thread that answers
 * requests, even cut into steps, it made every other page wait behind it.
 */
class FiguresThread {
  private worker: Worker | undefined;
  private readonly jobs = new Map<number, { resolve: (a: Done) => void; reject: (e: Error) => void }>();
  private next = 1;
  private idle: NodeJS.Timeout | undefined;

  constructor(private readonly idleMs = IDLE_MS) {}

  get running(): boolean {
    return this.worker !== undefined;
  }

  run(job: Omit<FiguresJob, 'job'>): Promise<Done> {
    clearTimeout(this.idle);
    const worker = (this.worker ??= this.start());
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.jobs.set(id, { resolve, reject });
      worker.postMessage({ ...job, job: id } as FiguresJob);
    });
  }

  /** Ends the worker once it has had nothing to do for `idleMs`. */
  private settle(worker: Worker): void {
    if (this.jobs.size || !Number.isFinite(this.idleMs)) return;
    clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      if (this.worker !== worker || this.jobs.size) return;
      this.worker = undefined;
      // its end is expected, and must not fail the jobs a new worker may already have been given
      worker.removeAllListeners().on('error', () => {});
      void worker.terminate();
    }, this.idleMs);
    this.idle.unref();
  }

  private start(): Worker {
    const worker = startWorker();
    // an idle worker must not keep the process alive once the server has closed
    worker.unref();
    worker.on('message', (m: FiguresAnswer) => {
      const job = this.jobs.get(m.job);
      this.jobs.delete(m.job);
      if ('error' in m) job?.reject(new Error(`Computing the network figures failed: ${m.error}`));
      else job?.resolve(m);
      this.settle(worker);
    });
    const fail = (e: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const job of this.jobs.values()) job.reject(e);
      this.jobs.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The network figures' thread stopped (exit code ${code}).`)));
    return worker;
  }

  async close(): Promise<void> {
    clearTimeout(this.idle);
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
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
