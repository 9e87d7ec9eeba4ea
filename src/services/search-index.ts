import { normalizeName } from '../domain/names.js';
import type { Store } from '../store/store.js';
import type { DataVersion } from './data-version.js';
import { PerVersion } from './per-version.js';

/** The search keys of every place in memory, sorted, for one data version. */
interface Keys {
  /** each key (a whole name, or a name from one of its words on), sorted by UTF-16 code units */
  terms: string[];
  /** the place of each key */
  places: string[];
  /** 1 where the key is a whole name */
  whole: Uint8Array;
}

/**
 * Place search without a database query: the `place_terms` keys of every place, sorted in memory once per data
 * version (~95,000 keys, a few megabytes, on the bundled data). A prefix is found by binary search; every key
 * starting with it follows. Ranks as `PlacesRepo.search` does: 0 a whole name equals the text, 1 a whole name
 * starts with it, 2 a word of a name does.
 */
export class SearchIndex {
  private readonly keys: PerVersion<Keys>;

  constructor(store: Store, version: DataVersion) {
    this.keys = new PerVersion(version, async () => {
      const rows = await store.places.terms();
      const order = rows.map((_, i) => i);
      order.sort((x, y) => {
        const a = rows[x]!.term;
        const b = rows[y]!.term;
        return a < b ? -1 : a > b ? 1 : 0;
      });
      const whole = new Uint8Array(rows.length);
      const terms = new Array<string>(rows.length);
      const places = new Array<string>(rows.length);
      order.forEach((from, to) => {
        const r = rows[from]!;
        terms[to] = r.term;
        places[to] = r.place_id;
        whole[to] = r.whole ? 1 : 0;
      });
      return { terms, places, whole };
    });
  }

  /** The places whose names match the text, with their best rank. */
  async match(text: string): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const q = normalizeName(text);
    if (!q) return out;
    const { terms, places, whole } = await this.keys.get();
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[mid]! < q) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < terms.length && terms[i]!.startsWith(q); i++) {
      const rank = whole[i] ? (terms[i] === q ? 0 : 1) : 2;
      const id = places[i]!;
      const had = out.get(id);
      if (had === undefined || rank < had) out.set(id, rank);
    }
    return out;
  }
}
