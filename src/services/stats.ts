import { countryName as englishCountryName, type Continent } from '../domain/countries.js';
import { partialDateEnd, parsePartialDate } from '../domain/dates.js';
import { MovedError, NotFoundError, ValidationError } from '../domain/errors.js';
import {
  TWINNING_KINDS,
  TWINNING_STATUSES,
  type TwinningKind,
  type TwinningStatus,
} from '../domain/twinnings.js';
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

/** The statistics page's filters as its address gives them, '' meaning "any". */
export interface StatsPageQuery {
  since?: string | undefined;
  asOf?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  /** 'international', 'domestic' or '' (all) */
  partners?: string | undefined;
}

/** Everything a statistics page, its downloads and its widget show. */
export interface StatsPageView extends PlaceStats {
  /** the generated paragraph, in the reader's language */
  text: string;
  /** the filters that were given, to carry into the page's links (downloads, the widget, the form) */
  filter: Record<keyof StatsPageQuery, string | undefined>;
}

const PARTNERS = ['international', 'domestic'] as const;

export class StatsService {
  constructor(
    private readonly store: Store,
    private readonly continents: Record<string, Continent> = {},
  ) {}

  async forPlace(id: string, opts: Omit<StatsOptions, 'continents'> = {}): Promise<PlaceStats> {
    const place = await this.store.places.get(id);
    if (!place) {
      const to = await this.store.redirects.resolve(id);
      const moved = to ? await this.store.places.get(to) : undefined;
      if (moved) throw new MovedError(id, moved);
      throw new NotFoundError(`There is no place with id ${id}.`);
    }
    const ties = await this.store.stats.tiesLeavingSubtree(id);
    return { place, stats: computeStats(ties, { ...opts, continents: this.continents }) };
  }

  /** A statistics page: the figures with the filters of its address, and their paragraph. */
  async page(id: string, q: StatsPageQuery, lang: StatsLang): Promise<StatsPageView> {
    const kind = q.kind || undefined;
    if (kind && !(TWINNING_KINDS as readonly string[]).includes(kind))
      throw new ValidationError(`kind: "${kind}" is not one of ${TWINNING_KINDS.join(', ')}`, [
        { column: 'kind', message: `not one of ${TWINNING_KINDS.join(', ')}` },
      ]);
    const partners = q.partners || undefined;
    if (partners && !(PARTNERS as readonly string[]).includes(partners))
      throw new ValidationError(`partners: "${partners}" is not one of ${PARTNERS.join(', ')}`, [
        { column: 'partners', message: `not one of ${PARTNERS.join(', ')}` },
      ]);
    const opts = statsOptions({
      since: q.since || undefined,
      asOf: q.asOf || undefined,
      kind: kind as TwinningKind | undefined,
      status: q.status || undefined,
      international: partners ? partners === 'international' : undefined,
    });
    const result = await this.forPlace(id, opts);
    const filter = {
      since: q.since || undefined,
      asOf: q.asOf || undefined,
      kind,
      status: q.status || undefined,
      partners,
    };
    return { ...result, text: await this.paragraph(result, lang), filter };
  }

  /** The generated paragraph, with place and country names in the language of the text where known. */
  async paragraph({ place, stats }: PlaceStats, lang: StatsLang): Promise<string> {
    const countries = await this.store.places.getMany(Object.keys(stats.byCountry));
    const countryName = (code: string) => {
      const c = countries.get(code);
      // other languages take Intl's (CLDR) names of countries, as the pages do and the writers expect
      const local =
        lang === 'en' ? undefined : lang === 'zh' ? c?.names.zh : (regionName(lang, code) ?? c?.names[lang]);
      return local ?? c?.name ?? englishCountryName(code) ?? code;
    };
    const ownName = place.kind === 'country' && lang !== 'zh' ? regionName(lang, place.id) : undefined;
    const placeName = (lang === 'en' ? undefined : (ownName ?? place.names[lang])) ?? place.name;
    const placeCountry = place.kind === 'country' ? place.id : undefined;
    return statsParagraph({ placeName, placeCountry, stats, countryName }, lang);
  }
}

/** A country's name in a language, from Intl (CLDR); undefined when Intl does not know the code. */
function regionName(lang: string, code: string): string | undefined {
  try {
    let names = regionNames.get(lang);
    if (!names)
      regionNames.set(lang, (names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' })));
    return names.of(code) || undefined;
  } catch {
    return undefined;
  }
}
const regionNames = new Map<string, Intl.DisplayNames>();
