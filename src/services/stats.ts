import { countryName as englishCountryName, type Continent } from '../domain/countries.js';
import { partialDateEnd, parsePartialDate } from '../domain/dates.js';
import { NotFoundError, ValidationError } from '../domain/errors.js';
import { TWINNING_STATUSES, type TwinningKind, type TwinningStatus } from '../domain/twinnings.js';
import type { Place } from '../domain/places.js';
import { computeStats, type Stats, type StatsOptions } from '../domain/stats.js';
import { statsParagraph, type StatsLang } from '../domain/stats-text/index.js';
import type { Store } from '../store/store.js';

export interface PlaceStats {
  place: Place;
  stats: Stats;
}

export interface StatsQueryText {
  since?: string | undefined;
  asOf?: string | undefined;
  kind?: TwinningKind | undefined;
  status?: string | undefined;
  international?: boolean | undefined;
}

/** Turns query text into statistics options, with messages that say what to write instead. */
export function statsOptions(q: StatsQueryText): Omit<StatsOptions, 'continents'> {
  const day = (name: string, v: string | undefined, end: boolean) => {
    if (!v) return undefined;
    const d = parsePartialDate(v);
    if (typeof d === 'string') throw new ValidationError(`${name}: ${d}`);
    // "asOf=2000" means the end of 2000; "since=2000" its beginning
    return end ? partialDateEnd(d) : d.date;
  };
  let status: TwinningStatus[] | undefined;
  if (q.status) {
    status = q.status.split(',').map((x) => x.trim()) as TwinningStatus[];
    const bad = status.filter((x) => !(TWINNING_STATUSES as readonly string[]).includes(x));
    if (bad.length)
      throw new ValidationError(`status: ${bad.join(', ')} not among ${TWINNING_STATUSES.join(', ')}`);
  }
  return {
    since: day('since', q.since, false),
    asOf: day('asOf', q.asOf, true),
    kind: q.kind,
    status,
    international: q.international,
  };
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
