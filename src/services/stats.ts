import { intlName } from '../domain/intl-names.js';
import { simplified } from '../domain/chinese.js';
import { DataInfoService, type DataDate } from './data-info.js';
import { countryName as englishCountryName, type Continent } from '../domain/countries.js';
import { partialDateEnd, parsePartialDate } from '../domain/dates.js';
import { ValidationError } from '../domain/errors.js';
import {
  TWINNING_KINDS,
  TWINNING_STATUSES,
  type TwinningKind,
  type TwinningStatus,
} from '../domain/twinnings.js';
import type { Place } from '../domain/places.js';
import { computeStats, type Stats, type StatsOptions } from '../domain/stats.js';
import { statsParagraph, type StatsLang } from '../domain/stats-text/index.js';
import type { StatTie } from '../domain/stats.js';
import type { Store } from '../store/store.js';
import type { Gazetteer } from './gazetteer.js';
import { placeById } from './place-lookup.js';

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
  /** the date the data describes (last sync or snapshot), where known */
  dataDate: DataDate | null;
}

/** The figures of a place with their paragraph and the date of the data, for the API and the command line. */
export interface StatsReport extends PlaceStats {
  text: string;
  dataDate: DataDate | null;
}

const PARTNERS = ['international', 'domestic'] as const;

export class StatsService {
  constructor(
    private readonly store: Store,
    private readonly continents: Record<string, Continent> = {},
    /**
     * the app's places and ties in memory: a country's figures then cost no query beyond the place itself
     * (without it, as on the command line, one recursive query over the database)
     */
    private readonly gazetteer?: Gazetteer,
    private readonly dataInfo: DataInfoService = new DataInfoService(store),
  ) {}

  /** The figures, their paragraph in `lang`, and what date the data describes. */
  async report(id: string, opts: Omit<StatsOptions, 'continents'>, lang: StatsLang): Promise<StatsReport> {
    const result = await this.forPlace(id, opts);
    const [text, dataDate] = await Promise.all([this.paragraph(result, lang), this.dataInfo.dataDate()]);
    return { ...result, text, dataDate };
  }

  async forPlace(id: string, opts: Omit<StatsOptions, 'continents'> = {}): Promise<PlaceStats> {
    const place = await placeById(this.store, id);
    const ties = this.gazetteer
      ? await this.tiesLeaving(this.gazetteer, id)
      : await this.store.stats.tiesLeavingSubtree(id);
    return { place, stats: computeStats(ties, { ...opts, continents: this.continents }) };
  }

  /** As `StatsRepo.tiesLeavingSubtree`, from the gazetteer: the ties from inside the subtree to outside it. */
  private async tiesLeaving(gazetteer: Gazetteer, id: string): Promise<StatTie[]> {
    const { snap, ids } = await gazetteer.subtree(id);
    const bySide = gazetteer.tiesAsStats(snap);
    const out: StatTie[] = [];
    for (const localId of ids) {
      const ties = bySide.get(localId);
      if (ties) for (const t of ties) if (!ids.has(t.partnerId)) out.push(t);
    }
    return out;
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
    const [text, dataDate] = await Promise.all([this.paragraph(result, lang), this.dataInfo.dataDate()]);
    return { ...result, text, filter, dataDate };
  }

  /** The generated paragraph, with place and country names in the language of the text where known. */
  async paragraph({ place, stats }: PlaceStats, lang: StatsLang): Promise<string> {
    const countries = this.gazetteer
      ? (await this.gazetteer.snapshot()).countries
      : await this.store.places.getMany(Object.keys(stats.byCountry));
    const countryName = (code: string) => {
      const c = countries.get(code);
      if (lang === 'en') return c?.name ?? englishCountryName(code) ?? code;
      // the same names as the charts and tables beside the paragraph (CLDR's, through Intl)
      return regionName(lang, code) ?? c?.names[lang] ?? c?.name ?? englishCountryName(code) ?? code;
    };
    const ownName = place.kind === 'country' && lang !== 'en' ? regionName(lang, place.id) : undefined;
    const own = lang === 'zh' && place.names.zh ? simplified(place.names.zh) : place.names[lang];
    const placeName = (lang === 'en' ? undefined : (ownName ?? own)) ?? place.name;
    const placeCountry = place.kind === 'country' ? place.id : undefined;
    return statsParagraph({ placeName, placeCountry, stats, countryName }, lang);
  }
}

/** A country's name in a language from CLDR (Intl), or undefined where Intl does not know the code. */
function regionName(lang: string, code: string): string | undefined {
  if (!/^[A-Z]{2}$/.test(code)) return undefined;
  const name = intlName(lang === 'zh' ? 'zh-Hans' : lang, 'region', code);
  return name && name !== code ? name : undefined;
}
