import type { Continent } from '../countries.js';
import type { PlaceKind } from '../places.js';
import { LEVEL_ORDER, groupByCount, longDay, topGroups, type StatsTextInput } from './common.js';

// The paragraph in German: "Delft unterhält Partnerschaften mit 4 Orten in 3 Ländern. 2 liegen in den
// Vereinigten Staaten und je 1 im Vereinigten Königreich und in Japan. …" Countries and continents take "in"
// with the dative, with the article where German uses one ("in der Schweiz", "im Iran", "auf den Philippinen").

// Intl formatters cost more to build than a paragraph takes to write: made once
const NUMBERS = new Intl.NumberFormat('de');
const LISTS = new Intl.ListFormat('de', { type: 'conjunction' });

const LEVEL_DE: Record<PlaceKind, string> = {
  country: 'auf nationaler Ebene',
  region: 'auf regionaler Ebene',
  city: 'auf städtischer Ebene',
  district: 'auf Bezirksebene',
  other: 'auf anderen Ebenen',
};

const CONTINENT_IN: Record<Continent, string> = {
  AF: 'in Afrika',
  AN: 'in der Antarktis',
  AS: 'in Asien',
  EU: 'in Europa',
  NA: 'in Nordamerika',
  OC: 'in Ozeanien',
  SA: 'in Südamerika',
};

// Countries whose German name takes an article, in the dative after "in" (or "auf" for islands).
const COUNTRY_IN: Record<string, string> = {
  AE: 'in den Vereinigten Arabischen Emiraten',
  BS: 'auf den Bahamas',
  CF: 'in der Zentralafrikanischen Republik',
  CH: 'in der Schweiz',
  DO: 'in der Dominikanischen Republik',
  FK: 'auf den Falklandinseln',
  FO: 'auf den Färöern',
  GB: 'im Vereinigten Königreich',
  HK: 'in Hongkong',
  IQ: 'im Irak',
  IR: 'im Iran',
  KM: 'auf den Komoren',
  KY: 'auf den Kaimaninseln',
  LB: 'im Libanon',
  MH: 'auf den Marshallinseln',
  MN: 'in der Mongolei',
  MO: 'in Macau',
  MV: 'auf den Malediven',
  NE: 'im Niger',
  NL: 'in den Niederlanden',
  PH: 'auf den Philippinen',
  PS: 'in den Palästinensischen Autonomiegebieten',
  SB: 'auf den Salomonen',
  SC: 'auf den Seychellen',
  SD: 'im Sudan',
  SK: 'in der Slowakei',
  SN: 'im Senegal',
  SS: 'im Südsudan',
  TC: 'auf den Turks- und Caicosinseln',
  TD: 'im Tschad',
  TR: 'in der Türkei',
  UA: 'in der Ukraine',
  US: 'in den Vereinigten Staaten',
  VA: 'in der Vatikanstadt',
  VG: 'auf den Britischen Jungferninseln',
  VI: 'auf den Amerikanischen Jungferninseln',
  XK: 'im Kosovo',
  YE: 'im Jemen',
};

// The same countries as a subject (nominative); the plural ones take a plural verb.
const COUNTRY_SUBJECT: Record<string, string> = {
  AE: 'die Vereinigten Arabischen Emirate',
  BS: 'die Bahamas',
  CF: 'die Zentralafrikanische Republik',
  CH: 'die Schweiz',
  DO: 'die Dominikanische Republik',
  FK: 'die Falklandinseln',
  FO: 'die Färöer',
  GB: 'das Vereinigte Königreich',
  HK: 'Hongkong',
  IQ: 'der Irak',
  IR: 'der Iran',
  KM: 'die Komoren',
  KY: 'die Kaimaninseln',
  LB: 'der Libanon',
  MH: 'die Marshallinseln',
  MN: 'die Mongolei',
  MO: 'Macau',
  MV: 'die Malediven',
  NE: 'der Niger',
  NL: 'die Niederlande',
  PH: 'die Philippinen',
  PS: 'die Palästinensischen Autonomiegebiete',
  SB: 'die Salomonen',
  SC: 'die Seychellen',
  SD: 'der Sudan',
  SK: 'die Slowakei',
  SN: 'der Senegal',
  SS: 'der Südsudan',
  TC: 'die Turks- und Caicosinseln',
  TD: 'der Tschad',
  TR: 'die Türkei',
  UA: 'die Ukraine',
  US: 'die Vereinigten Staaten',
  VA: 'die Vatikanstadt',
  VG: 'die Britischen Jungferninseln',
  VI: 'die Amerikanischen Jungferninseln',
  XK: 'der Kosovo',
  YE: 'der Jemen',
};
const PLURAL_SUBJECT = new Set([
  'AE',
  'BS',
  'FK',
  'FO',
  'KM',
  'KY',
  'MH',
  'MV',
  'NL',
  'PH',
  'PS',
  'SB',
  'SC',
  'TC',
  'US',
  'VG',
  'VI',
]);

export function paragraph({
  placeName: name,
  placeCountry,
  stats: s,
  countryName,
  maxCountries = 8,
}: StatsTextInput): string {
  const placeName = (placeCountry && COUNTRY_SUBJECT[placeCountry]) || name;
  const plural = placeCountry !== undefined && PLURAL_SUBJECT.has(placeCountry);
  const num = NUMBERS;
  const list = (items: string[]) => LISTS.format(items);
  const day = longDay('de');
  const inCountry = (code: string) => COUNTRY_IN[code] ?? `in ${countryName(code)}`;
  const out: string[] = [];
  const asOf = s.asOf ? `Am ${day(s.asOf)} ` : '';

  if (s.total === 0) {
    out.push(
      s.asOf
        ? `${asOf}war für ${placeName} keine Partnerschaft bekannt.`
        : `Für ${placeName} ist keine Partnerschaft bekannt.`,
    );
    if (s.asOf && s.excludedUndated) out.push(undatedSentence(s.excludedUndated, num));
    return out.join(' ');
  }

  // "Delft unterhält Partnerschaften mit 4 Orten in 3 Ländern." / "Am 1. Mai 2000 unterhielt Delft …"
  const verb = s.asOf
    ? `${asOf}${plural ? 'unterhielten' : 'unterhielt'} ${placeName}`
    : `${capitalize(placeName)} ${plural ? 'unterhalten' : 'unterhält'}`;
  const what =
    s.total === 1 ? 'eine Partnerschaft mit 1 Ort' : `Partnerschaften mit ${num.format(s.total)} Orten`;
  const where = s.countries
    ? ` in ${s.countries === 1 ? '1 Land' : `${num.format(s.countries)} Ländern`}`
    : '';
  out.push(`${verb} ${what}${where}.`);

  const levels = LEVEL_ORDER.filter((k) => s.byLevel[k]);
  if (levels.length > 1) {
    const [first, ...rest] = levels.map((k) => [s.byLevel[k] as number, LEVEL_DE[k]] as const);
    const verbFirst = first![0] === 1 ? 'wurde' : 'wurden';
    out.push(
      `${list([
        `${num.format(first![0])} davon ${verbFirst} ${first![1]} geschlossen`,
        ...rest.map(([n, l]) => `${num.format(n)} ${l}`),
      ])}.`,
    );
  }

  const continents = Object.entries(s.byContinent) as [Continent, number][];
  if (continents.length > 1) {
    const parts = groupByCount(continents).map(([n, cs]) =>
      cs.length > 1
        ? `je ${num.format(n)} ${list(cs.map((c) => CONTINENT_IN[c]))}`
        : `${num.format(n)} ${CONTINENT_IN[cs[0]!]}`,
    );
    out.push(`${lieList(parts, list)}.`);
  } else if (continents.length === 1) {
    const [c, n] = continents[0]!;
    out.push(
      s.total === n
        ? `${s.total === 1 ? 'Er liegt' : 'Alle liegen'} ${CONTINENT_IN[c]}.`
        : `${num.format(n)} ${n === 1 ? 'liegt' : 'liegen'} ${CONTINENT_IN[c]}.`,
    );
  }

  const countryGroups = topGroups(s.byCountry, maxCountries);
  const countryEntries = countryGroups.flatMap(([, cs]) => cs);
  if (s.countries > 1 && countryEntries.length) {
    const parts = countryGroups.map(([n, cs]) =>
      cs.length > 1
        ? `je ${num.format(n)} ${list(cs.map(inCountry))}`
        : `${num.format(n)} ${inCountry(cs[0]!)}`,
    );
    const rest = s.countries - countryEntries.length;
    let sentence = lieList(parts, list);
    if (rest > 0)
      sentence += `, die übrigen in ${rest === 1 ? 'einem weiteren Land' : `${num.format(rest)} weiteren Ländern`}`;
    out.push(`${sentence}.`);
  }

  if (s.unknownCountry > 0) {
    out.push(
      s.unknownCountry === s.total
        ? s.total === 1
          ? 'Das Land des Partners ist nicht bekannt.'
          : 'Die Länder der Partner sind nicht bekannt.'
        : `Bei ${s.unknownCountry === 1 ? 'einer' : num.format(s.unknownCountry)} dieser Partnerschaften ist das Land des Partners nicht bekannt.`,
    );
  }
  if (s.firstYear !== null) {
    const years = s.byYear;
    const growing = years.length > 1 && years.every((y) => y.new > 0);
    const last = years[years.length - 1]!.year;
    if (growing) out.push(`Seit der ersten Partnerschaft ${s.firstYear} ist ihre Zahl jedes Jahr gewachsen.`);
    else if (years.length > 1) {
      const others = years.filter((y) => y.new > 0).length - 1;
      out.push(
        `Die erste Partnerschaft wurde ${s.firstYear} geschlossen; neue folgten in ${others === 1 ? 'einem weiteren Jahr' : `${num.format(others)} weiteren Jahren`} bis ${last}.`,
      );
    } else out.push(`Die erste Partnerschaft wurde ${s.firstYear} geschlossen.`);
  }
  if (s.since && s.sinceCount !== undefined) {
    out.push(
      s.sinceCount === 0
        ? `Seit dem ${day(s.since)} ist keine hinzugekommen.`
        : s.sinceCount === 1
          ? `Seit dem ${day(s.since)} ist eine Partnerschaft hinzugekommen.`
          : `Seit dem ${day(s.since)} sind ${num.format(s.sinceCount)} Partnerschaften hinzugekommen.`,
    );
  }
  if (s.unknownYear > 0 && s.unknownYear < s.total) {
    out.push(
      s.unknownYear === 1
        ? 'Bei einer Partnerschaft ist das Jahr nicht bekannt.'
        : `Bei ${num.format(s.unknownYear)} Partnerschaften ist das Jahr nicht bekannt.`,
    );
  } else if (s.unknownYear === s.total) {
    out.push(
      s.total === 1
        ? 'Das Jahr, in dem die Partnerschaft geschlossen wurde, ist nicht bekannt.'
        : 'Die Jahre, in denen die Partnerschaften geschlossen wurden, sind nicht bekannt.',
    );
  }
  if (s.asOf && s.excludedUndated) out.push(undatedSentence(s.excludedUndated, num));
  return out.join(' ');
}

/** "41 liegen in Europa, 23 in Asien und 12 in Nordamerika": the verb goes with the first figure only. */
function lieList(parts: string[], list: (items: string[]) => string): string {
  const [first, ...rest] = parts;
  const head = (first as string).replace(
    /^(je )?([\d.]+) /,
    (_m, je: string | undefined, n: string) => `${je ? 'Je ' : ''}${n} ${n === '1' ? 'liegt' : 'liegen'} `,
  );
  return list([head, ...rest]);
}

function undatedSentence(n: number, num: Intl.NumberFormat): string {
  return n === 1
    ? 'Eine Partnerschaft ohne bekanntes Datum ist nicht mitgezählt.'
    : `${num.format(n)} Partnerschaften ohne bekanntes Datum sind nicht mitgezählt.`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
