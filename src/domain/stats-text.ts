// The paragraph a program office publishes about its ties, generated from the figures so it always agrees
// with them: "Anhui is twinned with 95 places in 38 countries. 21 were established at the regional level and
// 74 at the city level. …"
import { CONTINENT_NAMES, CONTINENT_NAMES_ZH, type Continent } from './countries.js';
import type { PlaceKind } from './places.js';
import type { Stats } from './stats.js';

export type StatsLang = 'en' | 'zh';

export interface StatsTextInput {
  placeName: string;
  stats: Stats;
  /** country code → name in the language of the text */
  countryName: (code: string) => string;
  /** how many countries to name; the rest are left out */
  maxCountries?: number;
}

const LEVEL_EN: Record<PlaceKind, string> = {
  country: 'the national level',
  region: 'the regional level',
  city: 'the city level',
  district: 'the district level',
  other: 'other levels',
};
const LEVEL_ZH: Record<PlaceKind, string> = {
  country: '国家级',
  region: '省级',
  city: '市级',
  district: '区级',
  other: '其他级别',
};
// Country names read with "the" in an English sentence ("8 in the United States").
const WITH_THE = new Set([
  'AE',
  'BS',
  'CD',
  'CF',
  'CZ',
  'DO',
  'FK',
  'FO',
  'GB',
  'GM',
  'KM',
  'KY',
  'MH',
  'MV',
  'NL',
  'PH',
  'SB',
  'TC',
  'US',
  'VA',
  'VG',
  'VI',
]);

const LEVEL_ORDER: PlaceKind[] = ['country', 'region', 'city', 'district', 'other'];

/** Groups entries with equal counts, keeping the order: [[10, [JP]], [5, [DE, AU, IT]]]. */
function groupByCount<K>(entries: [K, number][]): [number, K[]][] {
  const groups: [number, K[]][] = [];
  for (const [k, n] of entries) {
    const last = groups[groups.length - 1];
    if (last && last[0] === n) last[1].push(k);
    else groups.push([n, [k]]);
  }
  return groups;
}

/** The largest counts, in whole groups of equal counts, as many as fit in `max` names (at least one group). */
function topGroups(counts: Record<string, number>, max: number): [number, string[]][] {
  const out: [number, string[]][] = [];
  let names = 0;
  for (const g of groupByCount(Object.entries(counts))) {
    if (out.length && names + g[1].length > max) break;
    out.push(g);
    names += g[1].length;
  }
  return out;
}

export function statsParagraph(input: StatsTextInput, lang: StatsLang): string {
  return lang === 'zh' ? zhParagraph(input) : enParagraph(input);
}

function enParagraph({ placeName, stats: s, countryName: name, maxCountries = 8 }: StatsTextInput): string {
  const countryName = (code: string) => (WITH_THE.has(code) ? `the ${name(code)}` : name(code));
  const num = new Intl.NumberFormat('en');
  const list = (items: string[]) => new Intl.ListFormat('en', { type: 'conjunction' }).format(items);
  const plural = (n: number, one: string, many: string) => `${num.format(n)} ${n === 1 ? one : many}`;
  const day = (iso: string) =>
    new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    );
  const out: string[] = [];
  const asOf = s.asOf ? `On ${day(s.asOf)}, ` : '';

  if (s.total === 0) {
    out.push(`${asOf}${placeName} ${s.asOf ? 'was' : 'is'} not known to be twinned with any place.`);
    if (s.asOf && s.excludedUndated) out.push(undatedSentence(s.excludedUndated, plural));
    return out.join(' ');
  }
  const is = s.asOf ? 'was' : 'is';
  const countries = s.countries ? ` in ${plural(s.countries, 'country', 'countries')}` : '';
  out.push(`${asOf}${placeName} ${is} twinned with ${plural(s.total, 'place', 'places')}${countries}.`);

  const levels = LEVEL_ORDER.filter((k) => s.byLevel[k]);
  if (levels.length > 1) {
    const [first, ...rest] = levels.map((k) => [s.byLevel[k] as number, LEVEL_EN[k]] as const);
    const verb = first![0] === 1 ? 'was' : 'were';
    out.push(
      `${list([`${num.format(first![0])} ${verb} established at ${first![1]}`, ...rest.map(([n, l]) => `${num.format(n)} at ${l}`)])}.`,
    );
  }

  const continents = Object.entries(s.byContinent) as [Continent, number][];
  if (continents.length > 1) {
    const parts = groupByCount(continents).map(([n, cs]) =>
      cs.length > 1
        ? `${num.format(n)} in ${list(cs.map((c) => CONTINENT_NAMES[c]))} each`
        : `${num.format(n)} in ${CONTINENT_NAMES[cs[0]!]}`,
    );
    out.push(`${capitalize(areList(parts, list))}.`);
  } else if (continents.length === 1) {
    const [c] = continents[0]!;
    out.push(
      `${s.total === continents[0]![1] ? 'All are' : `${num.format(continents[0]![1])} are`} in ${CONTINENT_NAMES[c]}.`,
    );
  }

  const countryGroups = topGroups(s.byCountry, maxCountries);
  const countryEntries = countryGroups.flatMap(([, cs]) => cs);
  if (s.countries > 1 && countryEntries.length) {
    const parts = countryGroups.map(([n, cs]) =>
      cs.length > 1
        ? `${num.format(n)} in ${list(cs.map(countryName))} each`
        : `${num.format(n)} in ${countryName(cs[0]!)}`,
    );
    const rest = s.countries - countryEntries.length;
    if (rest > 0) parts.push(`the rest in ${plural(rest, 'other country', 'other countries')}`);
    out.push(`${capitalize(areList(parts, list))}.`);
  }

  if (s.firstYear !== null) {
    const years = s.byYear;
    const growing = years.length > 1 && years.every((y) => y.new > 0);
    const last = years[years.length - 1]!.year;
    if (growing) out.push(`The number has grown every year since the first tie in ${s.firstYear}.`);
    else if (years.length > 1) {
      const active = years.filter((y) => y.new > 0).length;
      out.push(
        `The first tie was made in ${s.firstYear}; new ties followed in ${plural(active - 1, 'other year', 'other years')} up to ${last}.`,
      );
    } else out.push(`The first tie was made in ${s.firstYear}.`);
  }
  if (s.since && s.sinceCount !== undefined) {
    out.push(
      s.sinceCount === 0
        ? `None has been added since ${day(s.since)}.`
        : `Since ${day(s.since)}, ${plural(s.sinceCount, 'tie has', 'ties have')} been added.`,
    );
  }
  if (s.unknownYear > 0 && s.unknownYear < s.total) {
    out.push(`For ${plural(s.unknownYear, 'tie', 'ties')} the year is not known.`);
  } else if (s.unknownYear === s.total) {
    out.push('The years the ties were made are not known.');
  }
  if (s.asOf && s.excludedUndated) out.push(undatedSentence(s.excludedUndated, plural));
  return out.join(' ');
}

/** "41 are in Europe, 23 in Asia and 12 in North America": the verb goes with the first figure only. */
function areList(parts: string[], list: (items: string[]) => string): string {
  const [first, ...rest] = parts;
  const head = (first as string).replace(
    /^([\d,]+) in /,
    (_m, n: string) => `${n} ${n === '1' ? 'is' : 'are'} in `,
  );
  return list([head, ...rest]);
}

function undatedSentence(n: number, plural: (n: number, one: string, many: string) => string): string {
  return `${capitalize(plural(n, 'tie', 'ties'))} without a known date ${n === 1 ? 'is' : 'are'} left out.`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function zhParagraph({ placeName, stats: s, countryName, maxCountries = 8 }: StatsTextInput): string {
  const num = new Intl.NumberFormat('zh-CN');
  const list = (items: string[]) => new Intl.ListFormat('zh', { type: 'conjunction' }).format(items);
  const day = (iso: string) =>
    new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    );
  const out: string[] = [];
  const asOf = s.asOf ? `截至${day(s.asOf)}，` : '';
  if (s.total === 0) {
    return `${asOf}尚无${placeName}的友好城市记录。${s.asOf && s.excludedUndated ? `另有${num.format(s.excludedUndated)}个日期不详，未计入。` : ''}`;
  }

  out.push(
    `${asOf}${placeName}共有${num.format(s.total)}个友好城市${s.countries ? `，分布在${num.format(s.countries)}个国家` : ''}。`,
  );
  const levels = LEVEL_ORDER.filter((k) => s.byLevel[k]);
  if (levels.length > 1) {
    out.push(
      `其中${levels.map((k) => `${LEVEL_ZH[k]}${num.format(s.byLevel[k] as number)}个`).join('，')}。`,
    );
  }
  const continents = Object.entries(s.byContinent) as [Continent, number][];
  if (continents.length) {
    out.push(
      `${groupByCount(continents)
        .map(([n, cs]) =>
          cs.length > 1
            ? `${list(cs.map((c) => CONTINENT_NAMES_ZH[c]))}各${num.format(n)}个`
            : `${CONTINENT_NAMES_ZH[cs[0]!]}${num.format(n)}个`,
        )
        .join('，')}。`,
    );
  }
  const countryGroups = topGroups(s.byCountry, maxCountries);
  const countryEntries = countryGroups.flatMap(([, cs]) => cs);
  if (s.countries > 1 && countryEntries.length) {
    const rest = s.countries - countryEntries.length;
    out.push(
      `${countryGroups
        .map(([n, cs]) =>
          cs.length > 1
            ? `${list(cs.map(countryName))}各${num.format(n)}个`
            : `${countryName(cs[0]!)}${num.format(n)}个`,
        )
        .join('，')}${rest > 0 ? `，其余分布在另外${num.format(rest)}个国家` : ''}。`,
    );
  }
  if (s.firstYear !== null) {
    const years = s.byYear;
    const growing = years.length > 1 && years.every((y) => y.new > 0);
    if (growing) out.push(`自${s.firstYear}年建立第一对友好关系以来，数量逐年增长。`);
    else out.push(`第一对友好关系建立于${s.firstYear}年。`);
  }
  if (s.since && s.sinceCount !== undefined) {
    out.push(
      s.sinceCount
        ? `${day(s.since)}以来新增${num.format(s.sinceCount)}个。`
        : `${day(s.since)}以来没有新增。`,
    );
  }
  if (s.unknownYear > 0) out.push(`其中${num.format(s.unknownYear)}个的建立年份不详。`);
  if (s.asOf && s.excludedUndated) out.push(`另有${num.format(s.excludedUndated)}个日期不详，未计入。`);
  return out.join('');
}
