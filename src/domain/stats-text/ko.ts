import type { Continent } from '../countries.js';
import { josa } from '../korean.js';
import type { PlaceKind } from '../places.js';
import { LEVEL_ORDER, groupByCount, longDay, topGroups, type StatsTextInput } from './common.js';

// The paragraph in Korean: "델프트는 3개국 4곳과 결연을 맺고 있습니다. 대륙별로는 북아메리카가 2건, …"
// Ties are counted with 건, places with 곳, countries with 개국; particles follow the sound of the name (josa).

// Intl formatters cost more to build than a paragraph takes to write: made once
const NUMBERS = new Intl.NumberFormat('ko');

const LEVEL_KO: Record<PlaceKind, string> = {
  country: '국가 단위',
  region: '광역 단위',
  city: '시 단위',
  district: '구 단위',
  other: '기타 단위',
};
const CONTINENT_KO: Record<Continent, string> = {
  AF: '아프리카',
  AN: '남극',
  AS: '아시아',
  EU: '유럽',
  NA: '북아메리카',
  OC: '오세아니아',
  SA: '남아메리카',
};

/** "A와 B", "A, B와 C" */
const list = (items: string[]) =>
  items.length < 2
    ? (items[0] ?? '')
    : `${[...items.slice(0, -2), josa(items[items.length - 2]!, '과')].join(', ')} ${items[items.length - 1]}`;

export function paragraph({ placeName, stats: s, countryName, maxCountries = 8 }: StatsTextInput): string {
  const num = NUMBERS;
  const n = (x: number) => num.format(x);
  const day = longDay('ko');
  const out: string[] = [];
  const asOf = s.asOf ? `${day(s.asOf)} 기준으로 ` : '';
  const excluded = () => `날짜를 알 수 없는 ${n(s.excludedUndated ?? 0)}건은 넣지 않았습니다.`;

  if (s.total === 0) {
    out.push(`${asOf}${josa(placeName, '이')} 결연을 맺은 곳은 알려져 있지 않습니다.`);
    if (s.asOf && s.excludedUndated) out.push(excluded());
    return out.join(' ');
  }
  const places = s.countries ? `${n(s.countries)}개국 ${n(s.total)}곳` : `${n(s.total)}곳`;
  out.push(`${asOf}${josa(placeName, '은')} ${places}과 결연을 맺고 있${s.asOf ? '었' : ''}습니다.`);

  const levels = LEVEL_ORDER.filter((k) => s.byLevel[k]);
  if (levels.length > 1) {
    const [first, ...rest] = levels;
    out.push(
      `이 가운데 ${[
        `${LEVEL_KO[first!]} 결연이 ${n(s.byLevel[first!] as number)}건`,
        ...rest.map((k) => `${josa(LEVEL_KO[k], '이')} ${n(s.byLevel[k] as number)}건`),
      ].join(', ')}입니다.`,
    );
  }

  const counted = (groups: [number, string[]][]) =>
    groups.map(([c, names]) =>
      names.length > 1 ? `${josa(list(names), '이')} 각각 ${n(c)}건` : `${josa(names[0]!, '이')} ${n(c)}건`,
    );

  const continents = Object.entries(s.byContinent) as [Continent, number][];
  if (continents.length > 1) {
    const groups = groupByCount(continents).map(
      ([c, cs]) => [c, cs.map((x) => CONTINENT_KO[x])] as [number, string[]],
    );
    out.push(`대륙별로는 ${counted(groups).join(', ')}입니다.`);
  } else if (continents.length === 1) {
    const [c, count] = continents[0]!;
    out.push(
      count === s.total
        ? `결연 도시는 모두 ${CONTINENT_KO[c]}에 있습니다.`
        : `${n(count)}건은 ${CONTINENT_KO[c]}에 있습니다.`,
    );
  }

  const countryGroups = topGroups(s.byCountry, maxCountries);
  const countryEntries = countryGroups.flatMap(([, cs]) => cs);
  if (s.countries > 1 && countryEntries.length) {
    const parts = counted(countryGroups.map(([c, cs]) => [c, cs.map(countryName)]));
    const rest = s.countries - countryEntries.length;
    out.push(
      rest > 0
        ? `국가별로는 ${parts.join(', ')}이며, 나머지는 다른 ${n(rest)}개국에 있습니다.`
        : `국가별로는 ${parts.join(', ')}입니다.`,
    );
  }

  if (s.unknownCountry > 0) {
    out.push(
      s.unknownCountry === s.total
        ? '결연 도시의 국가는 모두 알 수 없습니다.'
        : `이 가운데 ${n(s.unknownCountry)}건은 상대 국가를 알 수 없습니다.`,
    );
  }
  if (s.firstYear !== null) {
    const years = s.byYear;
    const growing = years.length > 1 && years.every((y) => y.new > 0);
    const last = years[years.length - 1]!.year;
    const others = years.filter((y) => y.new > 0).length - 1;
    if (growing) out.push(`${s.firstYear}년 첫 결연 이후 해마다 늘었습니다.`);
    else {
      out.push(`첫 결연은 ${s.firstYear}년에 맺었습니다.`);
      if (years.length > 1 && others > 0)
        out.push(`그 뒤 ${last}년까지 새 결연을 맺은 해가 ${n(others)}번 더 있었습니다.`);
    }
  }
  if (s.since && s.sinceCount !== undefined) {
    out.push(
      s.sinceCount === 0
        ? `${day(s.since)} 이후로는 새 결연이 없습니다.`
        : `${day(s.since)} 이후 ${n(s.sinceCount)}건이 새로 더해졌습니다.`,
    );
  }
  if (s.unknownYear > 0 && s.unknownYear < s.total)
    out.push(`${n(s.unknownYear)}건은 체결 연도를 알 수 없습니다.`);
  else if (s.unknownYear === s.total) out.push('결연을 맺은 연도는 모두 알 수 없습니다.');
  if (s.asOf && s.excludedUndated) out.push(excluded());
  return out.join(' ');
}
