import { countryName as englishCountryName, type Continent } from '../domain/countries.js';
import { NotFoundError } from '../domain/errors.js';
import type { Place } from '../domain/places.js';
import { computeStats, type Stats, type StatsOptions } from '../domain/stats.js';
import { statsParagraph, type StatsLang } from '../domain/stats-text.js';
import type { Store } from '../store/store.js';

export interface PlaceStats {
  place: Place;
  stats: Stats;
}

export class StatsService {
  constructor(
    private readonly store: Store,
    private readonly continents: Record<string, Continent> = {},
  ) {}

  async forPlace(id: string, opts: Omit<StatsOptions, 'continents'> = {}): Promise<PlaceStats> {
    const place = await this.store.places.get(id);
    if (!place) throw new NotFoundError(`There is no place with id ${id}.`);
    const ties = await this.store.stats.tiesLeavingSubtree(id);
    return { place, stats: computeStats(ties, { ...opts, continents: this.continents }) };
  }

  /** The generated paragraph, with place and country names in the language of the text where known. */
  async paragraph({ place, stats }: PlaceStats, lang: StatsLang): Promise<string> {
    const countries = await this.store.places.getMany(Object.keys(stats.byCountry));
    const countryName = (code: string) => {
      const c = countries.get(code);
      return (lang === 'zh' ? c?.names.zh : undefined) ?? c?.name ?? englishCountryName(code) ?? code;
    };
    const placeName = (lang === 'zh' ? place.names.zh : undefined) ?? place.name;
    return statsParagraph({ placeName, stats, countryName }, lang);
  }
}
