import type { Place } from '../domain/places.js';
import type { StatTie } from '../domain/stats.js';
import type { Twinning } from '../domain/twinnings.js';
import type { CompactPlace } from '../store/places-repo.js';
import { sortPartners, type TwinningWithPartner } from '../store/twinnings-repo.js';
import type { Store } from '../store/store.js';
import type { DataVersion } from './data-version.js';
import { PerVersion } from './per-version.js';

export interface GazetteerSnapshot {
  version: number;
  /** every place's essentials, by id */
  places: Map<string, CompactPlace>;
  /** every country in full (facts pages fall back to: languages, currency) */
  countries: Map<string, Place>;
  /** every tie (without sources) */
  ties: Twinning[];
  /** the ties of each place */
  byPlace: Map<string, Twinning[]>;
  /** the profile keywords of each place that has any */
  keywords: Map<string, string[]>;
}

/**
 * Every place's essentials and every tie in memory, once per data version: pages look up names, parents,
 * countries and partners here instead of asking the database a dozen small questions per request. Network
 * analysis reads the same snapshot. Tens of megabytes for the world's ~20,000 ties.
 */
export class Gazetteer {
  private readonly snap: PerVersion<GazetteerSnapshot>;
  /** each snapshot's children of each place, made on first use */
  private readonly children = new WeakMap<GazetteerSnapshot, Map<string, string[]>>();
  /** each snapshot's ties as statistics count them, from each side, made on first use */
  private readonly statTies = new WeakMap<GazetteerSnapshot, Map<string, readonly StatTie[]>>();
  /**
   * each snapshot's partners of each place in the order pages list them, sorted on first use: sorting by
   * collation was ~15% of a CPU profile of a place's ties in the API. What is kept is an array per place of pairs of
   * the snapshot's own objects (~32 bytes a tie side), not answers.
   */
  private readonly partnerOrder = new WeakMap<
    GazetteerSnapshot,
    Map<string, readonly TwinningWithPartner[]>
  >();

  constructor(store: Store, version: DataVersion) {
    this.snap = new PerVersion(version, async (v) => {
      const [places, countries, ties, keywords] = await Promise.all([
        store.places.compact(),
        store.places.list({ kind: 'country' }, 10_000, 0),
        store.twinnings.allBare(),
        store.keywords.all(),
      ]);
      const byPlace = new Map<string, Twinning[]>();
      for (const t of ties) {
        for (const id of [t.a, t.b]) {
          const list = byPlace.get(id);
          if (list) list.push(t);
          else byPlace.set(id, [t]);
        }
      }
      return {
        version: v,
        places: new Map(places.map((p) => [p.id, p])),
        countries: new Map(countries.map((h) => [h.place.id, h.place])),
        ties,
        byPlace,
        keywords,
      };
    });
  }

  snapshot(): Promise<GazetteerSnapshot> {
    return this.snap.get();
  }

  /** A place's ties with the partner's essentials, as its page lists them (by partner country, then name). */
  async partners(id: string): Promise<TwinningWithPartner[]> {
    const snap = await this.snapshot();
    // (only places with ties are kept: an address may carry any id, and a stream of made-up ones must not grow
    // the map)
    const ties = snap.byPlace.get(id);
    if (!ties) return [];
    let order = this.partnerOrder.get(snap);
    if (!order) this.partnerOrder.set(snap, (order = new Map()));
    let sorted = order.get(id);
    if (!sorted) {
      const out: TwinningWithPartner[] = [];
      for (const twinning of ties) {
        const p = snap.places.get(twinning.a === id ? twinning.b : twinning.a);
        if (!p) continue;
        // the snapshot's own place: a partner summary is what it holds, less its parent and Wikidata id
        out.push({ twinning, partner: p });
      }
      sorted = sortPartners(out);
      order.set(id, sorted);
    }
    // a list of its own for the caller; the entries are shared and not changed by anyone
    return sorted.slice();
  }

  /**
   * A place and every place under it by parent links (safe on cycles), with the snapshot they were read from:
   * what the statistics of a region or a country count over.
   */
  async subtree(id: string): Promise<{ snap: GazetteerSnapshot; ids: Set<string> }> {
    const snap = await this.snapshot();
    let children = this.children.get(snap);
    if (!children) {
      children = new Map();
      for (const p of snap.places.values()) {
        if (!p.parent) continue;
        const list = children.get(p.parent);
        if (list) list.push(p.id);
        else children.set(p.parent, [p.id]);
      }
      this.children.set(snap, children);
    }
    const ids = new Set<string>();
    if (!snap.places.has(id)) return { snap, ids };
    ids.add(id);
    const stack = [id];
    while (stack.length) {
      for (const c of children.get(stack.pop()!) ?? []) {
        if (ids.has(c)) continue;
        ids.add(c);
        stack.push(c);
      }
    }
    return { snap, ids };
  }

  /**
   * Each place's ties as statistics count them (the place as the local side, the other as the partner), made
   * once per snapshot and shared: read them, never change them. A country's statistics then walk its places
   * and pick the ties leaving it without making an object per tie on every request.
   */
  tiesAsStats(snap: GazetteerSnapshot): Map<string, readonly StatTie[]> {
    let bySide = this.statTies.get(snap);
    if (bySide) return bySide;
    const made = new Map<string, StatTie[]>();
    for (const t of snap.ties) {
      const a = snap.places.get(t.a);
      const b = snap.places.get(t.b);
      if (!a || !b) continue;
      for (const [local, partner] of [
        [a, b],
        [b, a],
      ] as const) {
        const tie: StatTie = {
          id: t.id,
          kind: t.kind,
          status: t.status,
          signed: t.signed,
          ended: t.ended,
          localId: local.id,
          localKind: local.kind,
          localCountry: local.country,
          partnerId: partner.id,
          partnerCountry: partner.country,
        };
        const list = made.get(local.id);
        if (list) list.push(tie);
        else made.set(local.id, [tie]);
      }
    }
    bySide = made;
    this.statTies.set(snap, bySide);
    return bySide;
  }

  /** The chain of parents of a place, its parent first and the top (usually the country) last. */
  async lineage(id: string): Promise<CompactPlace[]> {
    const { places } = await this.snapshot();
    const out: CompactPlace[] = [];
    const seen = new Set([id]);
    let parent = places.get(id)?.parent;
    while (parent && !seen.has(parent)) {
      seen.add(parent);
      const p = places.get(parent);
      if (!p) break;
      out.push(p);
      parent = p.parent;
    }
    return out;
  }
}
