import type { Place } from '../domain/places.js';
import type { DataInfo, DataInfoService, DisagreementPage } from './data-info.js';
import type { NetworkService, OverviewState, PlaceRef } from './network.js';
import type { PlaceChoice, PlacesService } from './places.js';

/** One end of a chain as the reader gave it: the place it names, or the places it could mean. */
export interface PathEnd {
  text: string;
  place: Place | null;
  candidates: PlaceChoice[];
}

export interface PathView {
  from: PathEnd | null;
  to: PathEnd | null;
  /** the chain, once both ends name one place each; path null when nothing links them */
  result: { path: PlaceRef[] | null } | null;
}

export type AroundView = Awaited<ReturnType<NetworkService['around']>>;

export interface QualityView {
  network: Awaited<ReturnType<NetworkService['quality']>>;
  /** what the bundled data is and how old (null when no dataset with a manifest was imported) */
  data: DataInfo | null;
  disagreements: DisagreementPage;
}

/** The read models of the pages about the network as a whole: chains, groups, a place's surroundings, quality. */
export class NetworkViews {
  constructor(
    private readonly network: NetworkService,
    private readonly places: PlacesService,
    private readonly data: DataInfoService,
  ) {}

  async path(q: { from?: string | undefined; to?: string | undefined }): Promise<PathView> {
    const end = async (text: string | undefined): Promise<PathEnd | null> => {
      if (!text?.trim()) return null;
      const picked = await this.places.pick(text);
      return 'place' in picked
        ? { text, place: picked.place, candidates: [] }
        : { text, place: null, candidates: picked.candidates };
    };
    const [from, to] = await Promise.all([end(q.from), end(q.to)]);
    const result = from?.place && to?.place ? await this.network.path(from.place.id, to.place.id) : null;
    return { from, to, result };
  }

  overview(limit = 20): Promise<OverviewState> {
    return this.network.overview(limit);
  }

  around(id: string): Promise<AroundView> {
    return this.network.around(id, 30);
  }

  async quality(): Promise<QualityView> {
    const [network, data, disagreements] = await Promise.all([
      this.network.quality(50),
      this.data.info(),
      this.data.disagreements({ limit: 50, offset: 0 }),
    ]);
    return { network, data, disagreements };
  }
}
