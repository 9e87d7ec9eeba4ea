import type { Place } from '../domain/places.js';
import type { DataManifest, Disagreement, Redirect } from '../domain/provenance.js';
import type { Store } from '../store/store.js';
import type { DataVersion } from './data-version.js';
import { MANIFEST_KEY } from './import.js';
import { PerVersion } from './per-version.js';

/** What the data is: its date, what built it and from which sources, and how much of it there is. */
export type DataInfo = DataManifest;

export interface DisagreementPage {
  items: Disagreement[];
  /** the places the items are about, by id */
  places: Map<string, Place>;
  total: number;
}

/** The meta key holding when the registry was last brought up to date from Wikidata (ISO timestamp). */
export const WIKIDATA_SYNCED_KEY = 'wikidata_synced_at';

/** What the "About the data" page shows: the manifest, when the data was last synced, and live figures. */
export interface AboutView {
  info: DataInfo | null;
  syncedAt: string | null;
  places: number;
  ties: number;
  datedTies: number;
}

/** The date the registry's data describes: the last sync with Wikidata, else the snapshot's date. */
export interface DataDate {
  /** ISO day */
  date: string;
  /** 'sync' when the data was last brought up to date from Wikidata, 'snapshot' for an imported dataset's date */
  kind: 'sync' | 'snapshot';
}

/** The provenance of the registry as a whole: the dataset's manifest, where sources disagreed, old ids. */
export class DataInfoService {
  /** the data's date, read (with the whole manifest) once per version of the data and content */
  private readonly date: PerVersion<DataDate | null, string> | undefined;

  constructor(
    private readonly store: Store,
    version?: DataVersion,
  ) {
    // a sync that dates the data bumps the content version (WikidataSync.markSynced), an import the registry's
    if (version) this.date = new PerVersion(version, () => this.readDataDate(), 'stamp');
  }

  /** The manifest of the dataset last imported with one (the bundled data ships one); null without. */
  async info(): Promise<DataInfo | null> {
    const text = await this.store.meta.get(MANIFEST_KEY);
    return text ? (JSON.parse(text) as DataInfo) : null;
  }

  /** The "About the data" page. */
  async about(): Promise<AboutView> {
    const [info, syncedAt, places, ties, datedTies] = await Promise.all([
      this.info(),
      this.store.meta.get(WIKIDATA_SYNCED_KEY),
      this.store.places.count(),
      this.store.twinnings.count(),
      this.store.twinnings.countDated(),
    ]);
    return { info, syncedAt: syncedAt ?? null, places, ties, datedTies };
  }

  /** What date the data describes, for statistics to state; null when nothing says. */
  dataDate(): Promise<DataDate | null> {
    return this.date ? this.date.get() : this.readDataDate();
  }

  private async readDataDate(): Promise<DataDate | null> {
    const synced = await this.store.meta.get(WIKIDATA_SYNCED_KEY);
    if (synced) return { date: synced.slice(0, 10), kind: 'sync' };
    const info = await this.info();
    return info?.asOf ? { date: info.asOf.slice(0, 10), kind: 'snapshot' } : null;
  }

  /** Facts on which the dataset's sources disagreed, by place, a page at a time; optionally of one fact. */
  async disagreements(opts: { limit: number; offset: number; fact?: string }): Promise<DisagreementPage> {
    const [items, total] = await Promise.all([
      this.store.disagreements.list(opts.limit, opts.offset, opts.fact),
      this.store.disagreements.count(opts.fact),
    ]);
    return { items, total, places: await this.store.places.getMany(items.map((d) => d.place)) };
  }

  /** Where the sources disagreed about one place's facts. */
  async disagreementsOf(placeId: string): Promise<Disagreement[]> {
    return (await this.store.disagreements.of([placeId])).get(placeId) ?? [];
  }

  /** Every old id and where it leads. */
  redirects(): Promise<Redirect[]> {
    return this.store.redirects.all();
  }
}
