// The twinning network as a graph: places are nodes, ties are undirected edges. Pure and in memory; the whole
// world's network (about 12,000 places and 17,000 ties) fits easily.

interface Ranked {
  id: string;
  /** partners shared */
  n: number;
  degree: number;
}

export class TwinGraph {
  private readonly adjacency = new Map<string, Set<string>>();

  constructor(edges: Iterable<readonly [string, string]>) {
    for (const [a, b] of edges) {
      if (a === b) continue;
      this.neighbourSet(a).add(b);
      this.neighbourSet(b).add(a);
    }
  }

  private neighbourSet(id: string): Set<string> {
    let s = this.adjacency.get(id);
    if (!s) {
      s = new Set();
      this.adjacency.set(id, s);
    }
    return s;
  }

  get nodeCount(): number {
    return this.adjacency.size;
  }

  get edgeCount(): number {
    let n = 0;
    for (const s of this.adjacency.values()) n += s.size;
    return n / 2;
  }

  /** Every place with at least one tie. */
  nodes(): IterableIterator<string> {
    return this.adjacency.keys();
  }

  neighbours(id: string): string[] {
    return [...(this.adjacency.get(id) ?? [])];
  }

  degree(id: string): number {
    return this.adjacency.get(id)?.size ?? 0;
  }

  tied(a: string, b: string): boolean {
    return this.adjacency.get(a)?.has(b) ?? false;
  }

  /**
   * The shortest chain of ties from one place to another (both ends included), or null if none links them.
   * Breadth-first from both ends, so the search stays small even across the whole network.
   */
  shortestPath(from: string, to: string): string[] | null {
    if (!this.adjacency.has(from) || !this.adjacency.has(to)) return from === to ? [from] : null;
    if (from === to) return [from];
    const prevA = new Map<string, string | null>([[from, null]]);
    const prevB = new Map<string, string | null>([[to, null]]);
    let frontA = [from];
    let frontB = [to];
    while (frontA.length && frontB.length) {
      // expand the smaller side
      const forward = frontA.length <= frontB.length;
      const [front, prev, other] = forward ? [frontA, prevA, prevB] : [frontB, prevB, prevA];
      const next: string[] = [];
      for (const node of front) {
        for (const n of this.adjacency.get(node) ?? []) {
          if (prev.has(n)) continue;
          prev.set(n, node);
          if (other.has(n)) return joinPaths(n, prevA, prevB);
          next.push(n);
        }
      }
      if (forward) frontA = next;
      else frontB = next;
    }
    return null;
  }

  /** How many partners each place shares with `id`, for every place that shares one and is not tied to it. */
  sharedPartnerCounts(id: string): Map<string, number> {
    const mine = this.adjacency.get(id);
    const shared = new Map<string, number>();
    if (!mine) return shared;
    for (const partner of mine) {
      for (const c of this.adjacency.get(partner) ?? []) {
        if (c === id || mine.has(c)) continue;
        shared.set(c, (shared.get(c) ?? 0) + 1);
      }
    }
    return shared;
  }

  /**
   * "Cousin cities": places that share at least one partner with `id` but are not tied to it, with the
   * partners they share; most shared first, then the most tied, then by id.
   */
  cousins(id: string, limit = 20): { id: string; via: string[] }[] {
    const mine = this.adjacency.get(id);
    if (!mine || limit <= 0) return [];
    // A hub's partners have thousands of partners, most sharing one: the best `limit` are kept as they come
    // (cut back now and then), and only theirs get the list of partners they share.
    const order = (x: Ranked, y: Ranked) => y.n - x.n || y.degree - x.degree || (x.id < y.id ? -1 : 1);
    let kept: Ranked[] = [];
    // a place sharing fewer partners than this can no longer be among the first `limit`
    let floor = 0;
    for (const [c, n] of this.sharedPartnerCounts(id)) {
      if (n < floor) continue;
      kept.push({ id: c, n, degree: this.degree(c) });
      if (kept.length >= 2 * limit + 64) {
        kept = kept.sort(order).slice(0, limit);
        floor = kept[limit - 1]!.n;
      }
    }
    return kept
      .sort(order)
      .slice(0, limit)
      .map((r) => {
        const theirs = this.adjacency.get(r.id)!;
        const [small, large] = theirs.size < mine.size ? [theirs, mine] : [mine, theirs];
        const via: string[] = [];
        for (const p of small) if (large.has(p)) via.push(p);
        return { id: r.id, via: via.sort() };
      });
  }

  /**
   * Open triangles at `id`: two of its partners that are not tied to each other, which a trilateral tie
   * could close. Pairs whose members have the most ties come first.
   */
  openTriangles(id: string, limit = 20): [string, string][] {
    const partners = this.neighbours(id)
      .map((p) => ({ p, degree: this.degree(p) }))
      .sort((x, y) => y.degree - x.degree || (x.p < y.p ? -1 : 1))
      .map((x) => x.p);
    const out: [string, string][] = [];
    for (let i = 0; i < partners.length && out.length < limit; i++) {
      for (let j = i + 1; j < partners.length && out.length < limit; j++) {
        const b = partners[i] as string;
        const c = partners[j] as string;
        if (!this.tied(b, c)) out.push([b, c]);
      }
    }
    return out;
  }

  /** The places reachable from `id` through chains of ties, `id` included (just `id` when it has no ties). */
  componentOf(id: string): string[] {
    const comp = [id];
    const seen = new Set(comp);
    for (let i = 0; i < comp.length; i++) {
      for (const n of this.adjacency.get(comp[i] as string) ?? []) {
        if (!seen.has(n)) {
          seen.add(n);
          comp.push(n);
        }
      }
    }
    return comp;
  }

  /** Connected components, largest first; each as its list of places. */
  components(): string[][] {
    const seen = new Set<string>();
    const out: string[][] = [];
    for (const start of this.adjacency.keys()) {
      if (seen.has(start)) continue;
      const comp = [start];
      seen.add(start);
      for (let i = 0; i < comp.length; i++) {
        for (const n of this.adjacency.get(comp[i] as string) ?? []) {
          if (!seen.has(n)) {
            seen.add(n);
            comp.push(n);
          }
        }
      }
      out.push(comp);
    }
    return out.sort((a, b) => b.length - a.length);
  }

  /**
   * Betweenness centrality (Brandes), estimated from `samples` source places spread evenly over the network
   * and scaled up: how often a place lies on the shortest chains between others. Exact when samples ≥ nodes.
   */
  betweenness(samples = 300): Map<string, number> {
    const steps = this.betweennessSteps(samples);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  /** The same computation, one source place per step, so a server can yield between steps. */
  *betweennessSteps(samples = 300): Generator<void, Map<string, number>> {
    const nodes = [...this.adjacency.keys()].sort();
    const step = Math.max(1, nodes.length / samples);
    const score = new Map<string, number>();
    let used = 0;
    for (let k = 0; k < nodes.length; k += step) {
      used++;
      const s = nodes[Math.floor(k)] as string;
      const order: string[] = [];
      const preds = new Map<string, string[]>();
      const sigma = new Map<string, number>([[s, 1]]);
      const dist = new Map<string, number>([[s, 0]]);
      for (let i = 0, queue = [s]; i < queue.length; i++) {
        const v = queue[i] as string;
        order.push(v);
        for (const w of this.adjacency.get(v) ?? []) {
          if (!dist.has(w)) {
            dist.set(w, (dist.get(v) as number) + 1);
            queue.push(w);
          }
          if (dist.get(w) === (dist.get(v) as number) + 1) {
            sigma.set(w, (sigma.get(w) ?? 0) + (sigma.get(v) as number));
            const p = preds.get(w) ?? [];
            p.push(v);
            preds.set(w, p);
          }
        }
      }
      const delta = new Map<string, number>();
      for (let i = order.length - 1; i >= 0; i--) {
        const w = order[i] as string;
        for (const v of preds.get(w) ?? []) {
          const d = ((sigma.get(v) as number) / (sigma.get(w) as number)) * (1 + (delta.get(w) ?? 0));
          delta.set(v, (delta.get(v) ?? 0) + d);
        }
        if (w !== s) score.set(w, (score.get(w) ?? 0) + (delta.get(w) ?? 0));
      }
      yield;
    }
    // Each undirected pair is counted from both ends when every node is a source; scale samples to match.
    const scale = nodes.length / used / 2;
    for (const [k, v] of score) score.set(k, v * scale);
    return score;
  }
}

/** The figures of the whole network, by place id: what takes seconds on the world's network. */
export interface NetworkFigures {
  places: number;
  ties: number;
  components: number;
  /** the largest components, each with its best-connected place and that place's ties */
  largestComponents: { size: number; hub: string; hubTies: number }[];
  /** places by number of ties, most first */
  mostConnected: { id: string; ties: number }[];
  /** places by estimated betweenness, highest first */
  mostCentral: { id: string; ties: number; betweenness: number }[];
}

/**
 * Components, the most connected and the most central places (betweenness from `samples` source places), the
 * first `limit` of each. Ties in scores are broken by id, so the figures do not depend on the order of ties.
 */
export function networkFigures(graph: TwinGraph, limit: number, samples = 200): NetworkFigures {
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const components = graph.components();
  const scores = graph.betweenness(samples);
  const nodes = [...graph.nodes()];
  return {
    places: graph.nodeCount,
    ties: graph.edgeCount,
    components: components.length,
    largestComponents: components.slice(0, limit).map((c) => {
      const hub = c.reduce((a, b) => {
        const d = graph.degree(b) - graph.degree(a);
        return d > 0 || (d === 0 && b < a) ? b : a;
      });
      return { size: c.length, hub, hubTies: graph.degree(hub) };
    }),
    mostConnected: nodes
      .sort((a, b) => graph.degree(b) - graph.degree(a) || byId(a, b))
      .slice(0, limit)
      .map((id) => ({ id, ties: graph.degree(id) })),
    mostCentral: [...scores.entries()]
      .sort((a, b) => b[1] - a[1] || byId(a[0], b[0]))
      .slice(0, limit)
      .map(([id, score]) => ({ id, ties: graph.degree(id), betweenness: Math.round(score) })),
  };
}

function joinPaths(
  meet: string,
  prevA: Map<string, string | null>,
  prevB: Map<string, string | null>,
): string[] {
  const left: string[] = [];
  for (let n: string | null | undefined = meet; n; n = prevA.get(n)) left.unshift(n);
  const right: string[] = [];
  for (let n = prevB.get(meet); n; n = prevB.get(n)) right.push(n);
  return [...left, ...right];
}
