import type { Entry } from '../domain/entries.js';
import type { Organization } from '../domain/organizations.js';
import type { Twinning } from '../domain/twinnings.js';
import type { CompactPlace } from '../store/places-repo.js';
import type { Store } from '../store/store.js';
import type { TwinningWithPartner } from '../store/twinnings-repo.js';
import type { Gazetteer } from './gazetteer.js';
import type { HomeProgram, HomeProgramService } from './home-program.js';
import type { NetworkService, PlaceRef } from './network.js';
import type { PlacesService } from './places.js';
import type { ProgramService } from './program.js';
import { seedLoad, type SeedLoad } from './seed.js';

/** The latest news and the next events, and who published them; null when there are none. */
export interface Bulletin {
  news: Entry[];
  events: Entry[];
  orgs: Map<number, Organization>;
}

/** A tie as a dated log line: the tie and its two places (undefined if not known yet). */
export interface ChangedTie {
  tie: Twinning;
  a: CompactPlace | undefined;
  b: CompactPlace | undefined;
}

/** The home page of the world's registry: figures, a map of the busiest places, news and recent changes. */
export interface AtlasView {
  places: number;
  ties: number;
  busiest: (PlaceRef & { lat: number; lon: number })[];
  /** ties among the busiest places, by their ids */
  links: [string, string][];
  bulletin: Bulletin | null;
  /** ties changed since the bundled data was loaded (every tie where it never was), last changed first */
  recent: ChangedTie[];
  /** the load of the bundled data, told as one line rather than as thousands of changes */
  seeded: SeedLoad | null;
}

/** The home page of a program (home mode): its partners, their map, its news and its ties' changes. */
export interface ProgramHomeView {
  /** the home's ties with their partners, the partners with a known signing date first, oldest first */
  partners: TwinningWithPartner[];
  /** how many countries the partners are in */
  countries: number;
  bulletin: Bulletin | null;
  /** the home's own ties changed since the bundled data was loaded, last changed first */
  recent: ChangedTie[];
  seeded: SeedLoad | null;
  /** the organizations that run the program, with their committees and public contacts */
  program: HomeProgram[];
}

const SHOWN = 5;

/** The read models of the home page, in both modes. */
export class HomeViews {
  constructor(
    private readonly store: Store,
    private readonly gazetteer: Gazetteer,
    private readonly places: PlacesService,
    private readonly network: NetworkService,
    private readonly program: ProgramService,
    private readonly homeProgram: HomeProgramService,
  ) {}

  async atlas(now = new Date()): Promise<AtlasView> {
    const seeded = await seedLoad(this.store);
    const [placeCount, tieCount, busiest, changed, bulletin, snap] = await Promise.all([
      this.store.places.count(),
      this.store.twinnings.count(),
      this.network.busiest(60),
      this.store.twinnings.recentlyChanged(10, seeded?.at),
      this.bulletin(undefined, now),
      this.gazetteer.snapshot(),
    ]);
    return {
      places: placeCount,
      ties: tieCount,
      busiest: busiest.places,
      links: busiest.links,
      bulletin,
      recent: changed.map((tie) => ({ tie, a: snap.places.get(tie.a), b: snap.places.get(tie.b) })),
      seeded,
    };
  }

  async home(homeId: string, now = new Date()): Promise<ProgramHomeView> {
    const orgIds = (await this.store.orgs.withHomeIn([homeId])).map((o) => o.id);
    const [{ partners }, bulletin, snap, seeded, program] = await Promise.all([
      this.places.partners(homeId),
      orgIds.length ? this.bulletin(orgIds, now) : null,
      this.gazetteer.snapshot(),
      seedLoad(this.store),
      this.homeProgram.of(homeId),
    ]);
    const recent = partners
      .map((i) => i.twinning)
      .filter((tie) => !seeded || tie.updatedAt > seeded.at)
      .sort((x, y) => y.updatedAt.localeCompare(x.updatedAt) || y.id - x.id)
      .slice(0, 10)
      .map((tie) => ({ tie, a: snap.places.get(tie.a), b: snap.places.get(tie.b) }));
    // the order a program tells its history in
    const sorted = [...partners].sort(
      (x, y) =>
        (x.twinning.signed?.date ?? '9999').localeCompare(y.twinning.signed?.date ?? '9999') ||
        x.partner.name.localeCompare(y.partner.name),
    );
    const countries = new Set(partners.map((i) => i.partner.country).filter(Boolean)).size;
    return { partners: sorted, countries, bulletin, recent, seeded, program };
  }

  /** News and events of these organizations (of every program when undefined). */
  private async bulletin(orgIds: number[] | undefined, now: Date): Promise<Bulletin | null> {
    const pick = async (get: (orgId?: number) => Promise<Entry[]>) =>
      orgIds ? (await Promise.all(orgIds.map((id) => get(id)))).flat() : get();
    const at = now.toISOString();
    const [news, events] = await Promise.all([
      pick((orgId) => this.store.entries.latest(['post'], { limit: SHOWN, ...(orgId ? { orgId } : {}) })),
      pick((orgId) => this.store.entries.upcoming(at, { limit: SHOWN, ...(orgId ? { orgId } : {}) })),
    ]);
    if (!news.length && !events.length) return null;
    news.sort((a, b) => (b.startsAt ?? '').localeCompare(a.startsAt ?? ''));
    events.sort((a, b) => (a.startsAt ?? '').localeCompare(b.startsAt ?? ''));
    const shown = { news: news.slice(0, SHOWN), events: events.slice(0, SHOWN) };
    const { orgs } = await this.program.refs([...shown.news, ...shown.events]);
    return { ...shown, orgs };
  }
}
