import type { Continent } from '../countries.js';
import type { PlaceKind } from '../places.js';
import { LEVEL_ORDER, groupByCount, longDay, topGroups, type StatsTextInput } from './common.js';

// The paragraph in Japanese: "デルフトは3か国の4か所と提携しています。大陸別では、北アメリカが2件、…"
// Ties are counted with 件, places with か所, countries with か国.

// Intl formatters cost more to build than a paragraph takes to write: made once
const NUMBERS = new Intl.NumberFormat('ja');
const LISTS = new Intl.ListFormat('ja');

const LEVEL_JA: Record<PlaceKind, string> = {
  country: '国レベル',
  region: '州・県レベル',
  city: '市町村レベル',
  district: '区レベル',
  other: 'その他のレベル',
};
const CONTINENT_JA: Record<Continent, string> = {
  AF: 'アフリカ',
  AN: '南極',
  AS: 'アジア',
  EU: 'ヨーロッパ',
  NA: '北アメリカ',
  OC: 'オセアニア',
  SA: '南アメリカ',
};

/** "AとB", "A、B、C" */
const list = (items: string[]) => (items.length === 2 ? `${items[0]}と${items[1]}` : LISTS.format(items));

export function paragraph({ placeName, stats: s, countryName, maxCountries = 8 }: StatsTextInput): string {
  const num = NUMBERS;
  const n = (x: number) => num.format(x);
  const day = longDay('ja');
  const out: string[] = [];
  const asOf = s.asOf ? `${day(s.asOf)}時点で、` : '';
  const excluded = () => `日付が不明な${n(s.excludedUndated ?? 0)}件は含めていません。`;

  if (s.total === 0) {
    out.push(`${asOf}${placeName}の提携は知られていません。`);
    if (s.asOf && s.excludedUndated) out.push(excluded());
    return out.join('');
  }
  const places = s.countries ? `${n(s.countries)}か国の${n(s.total)}か所` : `${n(s.total)}か所`;
  out.push(`${asOf}${placeName}は${places}と提携してい${s.asOf ? 'ました' : 'ます'}。`);

  const levels = LEVEL_ORDER.filter((k) => s.byLevel[k]);
  if (levels.length > 1) {
    const [first, ...rest] = levels;
    out.push(
      `このうち${[
        `${LEVEL_JA[first!]}の提携が${n(s.byLevel[first!] as number)}件`,
        ...rest.map((k) => `${LEVEL_JA[k]}が${n(s.byLevel[k] as number)}件`),
      ].join('、')}です。`,
    );
  }

  const counted = (groups: [number, string[]][]) =>
    groups.map(([c, names]) => (names.length > 1 ? `${list(names)}が各${n(c)}件` : `${names[0]}が${n(c)}件`));

  const continents = Object.entries(s.byContinent) as [Continent, number][];
  if (continents.length > 1) {
    const groups = groupByCount(continents).map(
      ([c, cs]) => [c, cs.map((x) => CONTINENT_JA[x])] as [number, string[]],
    );
    out.push(`大陸別では、${counted(groups).join('、')}です。`);
  } else if (continents.length === 1) {
    const [c, count] = continents[0]!;
    out.push(
      count === s.total
        ? `提携先はすべて${CONTINENT_JA[c]}にあります。`
        : `${n(count)}件は${CONTINENT_JA[c]}にあります。`,
    );
  }

  const countryGroups = topGroups(s.byCountry, maxCountries);
  const countryEntries = countryGroups.flatMap(([, cs]) => cs);
  if (s.countries > 1 && countryEntries.length) {
    const parts = counted(countryGroups.map(([c, cs]) => [c, cs.map(countryName)]));
    const rest = s.countries - countryEntries.length;
    out.push(
      rest > 0
        ? `国別では、${parts.join('、')}で、残りはほかの${n(rest)}か国にあります。`
        : `国別では、${parts.join('、')}です。`,
    );
  }

  if (s.unknownCountry > 0) {
    out.push(
      s.unknownCountry === s.total
        ? '提携先の国はいずれも不明です。'
        : `このうち${n(s.unknownCountry)}件は提携先の国が不明です。`,
    );
  }
  if (s.firstYear !== null) {
    const years = s.byYear;
    const growing = years.length > 1 && years.every((y) => y.new > 0);
    const last = years[years.length - 1]!.year;
    const others = years.filter((y) => y.new > 0).length - 1;
    if (growing) out.push(`${s.firstYear}年に最初の提携が結ばれて以来、毎年増えています。`);
    else {
      out.push(`最初の提携は${s.firstYear}年に結ばれました。`);
      if (years.length > 1 && others > 0)
        out.push(`その後${last}年までに、新たな提携が結ばれた年がほかに${n(others)}年あります。`);
    }
  }
  if (s.since && s.sinceCount !== undefined) {
    out.push(
      s.sinceCount === 0
        ? `${day(s.since)}以降、新たな提携はありません。`
        : `${day(s.since)}以降、${n(s.sinceCount)}件の提携が新たに加わりました。`,
    );
  }
  if (s.unknownYear > 0 && s.unknownYear < s.total) out.push(`${n(s.unknownYear)}件は締結年が不明です。`);
  else if (s.unknownYear === s.total) out.push('提携を結んだ年はいずれも不明です。');
  if (s.asOf && s.excludedUndated) out.push(excluded());
  return out.join('');
}
