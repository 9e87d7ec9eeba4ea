import type { Continent } from '../domain/countries.js';
import { NotFoundError } from '../domain/errors.js';
import { effectiveFacts, type EffectiveFacts, type Place } from '../domain/places.js';
import type { Twinning } from '../domain/twinnings.js';
import type { SearchFilters, PlaceHit } from '../store/places-repo.js';
import type { Store } from '../store/store.js';
import type { TwinningFilters, TwinningWithPartner } from '../store/twinnings-repo.js';

export interface PlaceDetail {
  place: Place;
  facts: EffectiveFacts;
  /** parent first, country last */
  ancestors: Place[];
  ties: number;
}

export class PlacesService {
  constructor(
    private readonly store: Store,
    private readonly continents: Record<string, Continent> = {},
  ) {}

  async search(
    text: string | undefined,
    filters: SearchFilters,
    limit: number,
    offset: number,
  ): Promise<PlaceHit[]> {
    return text?.trim()
      ? this.store.places.search(text, filters, limit, offset)
      : this.store.places.list(filters, limit, offset);
  }

  async detail(id: string): Promise<PlaceDetail> {
    const place = await this.store.places.get(id);
    if (!place) throw new NotFoundError(`There is no place with id ${id}.`);
    const [ancestors, ties] = await Promise.all([
      this.store.places.ancestors(id),
      this.store.places.tieCounts([id]),
    ]);
    const country =
      place.kind === 'country'
        ? place
        : (ancestors.find((a) => a.kind === 'country') ??
          (place.country ? ((await this.store.places.get(place.country)) ?? null) : null));
    return {
      place,
      facts: effectiveFacts(place, country, this.continents),
      ancestors,
      ties: ties.get(id) ?? 0,
    };
  }

  async twinningsOf(id: string): Promise<{ place: Place; items: TwinningWithPartner[] }> {
    const place = await this.store.places.get(id);
    if (!place) throw new NotFoundError(`There is no place with id ${id}.`);
    return { place, items: await this.store.twinnings.forPlace(id) };
  }

  listTwinnings(filters: TwinningFilters, limit: number, offset: number): Promise<Twinning[]> {
    return this.store.twinnings.list(filters, limit, offset);
  }

  /** A place by id, or else the best search match for the text (for the CLI's PLACE arguments). */
  async resolve(idOrName: string): Promise<Place> {
    const byId = await this.store.places.get(idOrName);
    if (byId) return byId;
    const [hit] = await this.store.places.search(idOrName, {}, 1, 0);
    if (!hit)
      throw new NotFoundError(`No place has the id or name "${idOrName}"; try \`twinning places search\`.`);
    return hit.place;
  }
}
