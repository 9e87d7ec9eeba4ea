import { CONTINENT_NAMES, type Continent } from '../countries.js';
import type { PlaceKind } from '../places.js';
import { LEVEL_ORDER, groupByCount, longDay, topGroups, type StatsTextInput } from './common.js';

// Intl formatters cost more to build than a paragraph takes to write: made once
const NUMBERS = new Intl.NumberFormat('en');
const LISTS = new Intl.ListFormat('en', { type: 'conjunction' });

const LEVEL_EN: Record<PlaceKind, string> = {
  country: 'the national level',
  region: 'the regional level',
  city: 'the city level',
  district: 'the district level',
  other: 'other levels',
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

export function paragraph({
  placeName,
  stats: s,
  countryName: name,
  maxCountries = 8,
}: StatsTextInput): string {
  const countryName = (code: string) => (WITH_THE.has(code) ? `the ${name(code)}` : name(code));
  const num = NUMBERS;
  const list = (items: string[]) => LISTS.format(items);
  const plural = (n: number, one: string, many: string) => `${num.format(n)} ${n === 1 ? one : many}`;
  const day = longDay('en');
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

  // what the figures rest on: partners the data cannot place in a country are counted but not located
  if (s.unknownCountry > 0) {
    out.push(
      s.unknownCountry === s.total
        ? 'The countries of the partners are not known.'
        : `For ${plural(s.unknownCountry, 'of these ties', 'of these ties')} the partner's country is not known.`,
    );
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
