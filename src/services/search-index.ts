import { normalizeName } from '../domain/names.js';
import type { Store } from '../store/store.js';
import type { DataVersion } from './data-version.js';
import { PerVersion } from './per-version.js';

/** The search keys of every place in memory, sorted, for one data version. */
interface Keys {
  /** each key (a whole name, or a name from one of its words on), sorted by UTF-16 code units */
  terms: string[];
  /** the place of each key, as an index into `ids` */
  places: Uint32Array;
  /** 1 where the key is a whole name */
  whole: Uint8Array;
  /** every place with a key, the most populous first (then by id): the order of places of one rank */
  ids: string[];
  /** the best rank of each place in the match under way (NONE between matches) */
  best: Uint8Array;
}

const NONE = 255;
/** a place's index in `ids` below this (ranks above it in a match's sort key) */
const PLACES = 2 ** 26;

/**
 * Place search without a database query: the `place_terms` keys of every place, sorted in memory once per data
 * version (~95,000 keys, a few megabytes, on the bundled data). A prefix is found by binary search; every key
 * starting with it follows. Ranks as `PlacesRepo.search` does: 0 a whole name equals the text, 1 a whole name
 * starts with it, 2 a word of a name does; places of one rank the most populous first, then by id.
 */
export class SearchIndex {
  private readonly keys: PerVersion<Keys>;

  constructor(store: Store, version: DataVersion) {
    this.keys = new PerVersion(version, async () => {
      const rows = await store.places.terms();
      const population = new Map<string, number | null>();
      for (const r of rows) population.set(r.place_id, r.population);
      const ids = [...population.keys()].sort(
        (x, y) =>
          (population.get(y) ?? -Infinity) - (population.get(x) ?? -Infinity) || (x < y ? -1 : x > y ? 1 : 0),
      );
      if (ids.length >= PLACES) throw new Error(`The search index holds at most ${PLACES} places.`);
      const index = new Map(ids.map((id, i) => [id, i]));
      const order = rows.map((_, i) => i);
      order.sort((x, y) => {
        const a = rows[x]!.term;
        const b = rows[y]!.term;
        return a < b ? -1 : a > b ? 1 : 0;
      });
      const whole = new Uint8Array(rows.length);
      const terms = new Array<string>(rows.length);
      const places = new Uint32Array(rows.length);
      order.forEach((from, to) => {
        const r = rows[from]!;
        terms[to] = r.term;
        places[to] = index.get(r.place_id)!;
        whole[to] = r.whole ? 1 : 0;
      });
      return { terms, places, whole, ids, best: new Uint8Array(ids.length).fill(NONE) };
    });
  }

  /**
   * The places whose names match the text, each once with its best rank, in the order a search shows them:
   * by rank, then the most populous first, then by id. Each is made as it is walked: a page of suggestions
   * needs its first eight of thousands.
   */
  async match(text: string): Promise<Iterable<[id: string, rank: number]>> {
    const q = normalizeName(text);
    if (!q) return [];
    const { terms, places, whole, ids, best } = await this.keys.get();
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[mid]! < q) lo = mid + 1;
      else hi = mid;
    }
    // (no await from here on: `best` is this match's alone until it is cleared again)
    const seen: number[] = [];
    for (let i = lo; i < terms.length && terms[i]!.startsWith(q); i++) {
      const rank = whole[i] ? (terms[i] === q ? 0 : 1) : 2;
      const p = places[i]!;
      const had = best[p]!;
      if (had === NONE) seen.push(p);
      if (rank < had) best[p] = rank;
    }
    const sorted = new Float64Array(seen.length);
    for (let k = 0; k < seen.length; k++) {
      const p = seen[k]!;
      sorted[k] = best[p]! * PLACES + p;
      best[p] = NONE;
    }
    sorted.sort();
    return decoded(sorted, ids);
  }
}

/** The matches of a sorted key list, made as they are walked: a page stops after its first few. */
function* decoded(sorted: Float64Array, ids: readonly string[]): Generator<[id: string, rank: number]> {
  for (const key of sorted) {
    const rank = Math.floor(key / PLACES);
    yield [ids[key - rank * PLACES]!, rank];
  }
}
