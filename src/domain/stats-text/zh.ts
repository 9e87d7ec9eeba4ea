import { CONTINENT_NAMES_ZH, type Continent } from '../countries.js';
import type { PlaceKind } from '../places.js';
import { LEVEL_ORDER, groupByCount, longDay, topGroups, type StatsTextInput } from './common.js';

// Intl formatters cost more to build than a paragraph takes to write: made once
const NUMBERS = new Intl.NumberFormat('zh-CN');
const LISTS = new Intl.ListFormat('zh', { type: 'conjunction' });

const LEVEL_ZH: Record<PlaceKind, string> = {
  country: '国家级',
  region: '省级',
  city: '市级',
  district: '区级',
  other: '其他级别',
};
export function paragraph({ placeName, stats: s, countryName, maxCountries = 8 }: StatsTextInput): string {
  const num = NUMBERS;
  const list = (items: string[]) => LISTS.format(items);
  const day = longDay('zh-CN');
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
  if (s.unknownCountry > 0) {
    out.push(
      s.unknownCountry === s.total
        ? '友城所在国家均不详。'
        : `其中${num.format(s.unknownCountry)}个友城所在国家不详。`,
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
