import type { Continent } from '../countries.js';
import type { PlaceKind } from '../places.js';
import { LEVEL_ORDER, longDay, topGroups, type StatsTextInput } from './common.js';

// The paragraph in Russian. Every count takes the case its preposition asks for and the form its numeral
// asks for (с 1 партнёром, с 2 партнёрами; в 21 стране, в 5 странах). Place and country names come in the
// nominative and cannot be declined here, so they stand as subjects or before a dash: "Германия — 5".

// Intl formatters cost more to build than a paragraph takes to write: made once
const NUMBERS = new Intl.NumberFormat('ru');
const PLURALS = new Intl.PluralRules('ru');
const LISTS = new Intl.ListFormat('ru', { type: 'conjunction' });

const LEVEL_RU: Record<PlaceKind, string> = {
  country: 'на национальном уровне',
  region: 'на региональном уровне',
  city: 'на городском уровне',
  district: 'на районном уровне',
  other: 'на других уровнях',
};
/** continents after "в" (prepositional case) */
const IN_CONTINENT: Record<Continent, string> = {
  AF: 'в Африке',
  AN: 'в Антарктиде',
  AS: 'в Азии',
  EU: 'в Европе',
  NA: 'в Северной Америке',
  OC: 'в Океании',
  SA: 'в Южной Америке',
};

type Forms = [one: string, few: string, many: string];

export function paragraph({ placeName, stats: s, countryName, maxCountries = 8 }: StatsTextInput): string {
  const num = NUMBERS;
  const rules = PLURALS;
  /** the form for n: one (1, 21, 101), few (2–4, 22), many (5–20, 25, 100); fractions take few */
  const form = (n: number, [one, few, many]: Forms) =>
    ({ one, few, many })[rules.select(n) as 'one' | 'few' | 'many'] ?? few;
  const count = (n: number, forms: Forms) => `${num.format(n)} ${form(n, forms)}`;
  const list = (items: string[]) => LISTS.format(items);
  const day = longDay('ru');
  const out: string[] = [];
  const asOf = s.asOf ? `По состоянию на ${day(s.asOf)} ` : '';

  if (s.total === 0) {
    out.push(`${asOf}${placeName} не имеет известных побратимских связей.`);
    if (s.asOf && s.excludedUndated) out.push(undated(s.excludedUndated));
    return out.join(' ');
  }
  const countries = s.countries ? ` в ${count(s.countries, ['стране', 'странах', 'странах'])}` : '';
  out.push(
    `${asOf}${placeName} поддерживает побратимские связи с ${count(s.total, ['партнёром', 'партнёрами', 'партнёрами'])}${countries}.`,
  );

  const levels = LEVEL_ORDER.filter((k) => s.byLevel[k]);
  if (levels.length > 1) {
    const [first, ...rest] = levels.map((k) => [s.byLevel[k] as number, LEVEL_RU[k]] as const);
    out.push(
      `Из них ${list([`${num.format(first![0])} ${form(first![0], ['установлена', 'установлены', 'установлены'])} ${first![1]}`, ...rest.map(([n, l]) => `${num.format(n)} — ${l}`)])}.`,
    );
  }

  const continents = Object.entries(s.byContinent) as [Continent, number][];
  if (continents.length > 1) {
    const [[c, n], ...rest] = continents as [[Continent, number], ...[Continent, number][]];
    out.push(
      `${list([`${count(n, ['партнёр', 'партнёра', 'партнёров'])} — ${IN_CONTINENT[c]}`, ...rest.map(([c2, m]) => `${num.format(m)} — ${IN_CONTINENT[c2]}`)])}.`,
    );
  } else if (continents.length === 1) {
    const [c, n] = continents[0]!;
    out.push(
      n === s.total
        ? `${n === 1 ? 'Партнёр находится' : 'Все они находятся'} ${IN_CONTINENT[c]}.`
        : `${num.format(n)} из них — ${IN_CONTINENT[c]}.`,
    );
  }

  const countryGroups = topGroups(s.byCountry, maxCountries);
  const named = countryGroups.flatMap(([, cs]) => cs);
  if (s.countries > 1 && named.length) {
    const parts = countryGroups.map(([n, cs]) =>
      cs.length > 1
        ? `${list(cs.map(countryName))} — по ${num.format(n)}`
        : `${countryName(cs[0]!)} — ${num.format(n)}`,
    );
    const rest = s.countries - named.length;
    if (rest > 0)
      parts.push(`остальные — в ${count(rest, ['другой стране', 'других странах', 'других странах'])}`);
    out.push(`По странам: ${parts.join('; ')}.`);
  }

  if (s.unknownCountry > 0) {
    out.push(
      s.unknownCountry === s.total
        ? s.total === 1
          ? 'Страна партнёра неизвестна.'
          : 'Страны партнёров неизвестны.'
        : `Для ${num.format(s.unknownCountry)} из этих связей страна партнёра неизвестна.`,
    );
  }
  if (s.firstYear !== null) {
    const years = s.byYear;
    const growing = years.length > 1 && years.every((y) => y.new > 0);
    const last = years[years.length - 1]!.year;
    if (growing) out.push(`Число связей растёт каждый год с первого побратимства в ${s.firstYear} г.`);
    else if (years.length > 1) {
      const others = years.filter((y) => y.new > 0).length - 1;
      out.push(
        `Первая связь установлена в ${s.firstYear} г.; новые появлялись ещё в ${count(others, ['году', 'годах', 'годах'])}, вплоть до ${last} г.`,
      );
    } else out.push(`Первая связь установлена в ${s.firstYear} г.`);
  }
  if (s.since && s.sinceCount !== undefined) {
    const n = s.sinceCount;
    out.push(
      n === 0
        ? `С ${day(s.since)} новых связей не появилось.`
        : `С ${day(s.since)} ${form(n, ['добавилась', 'добавились', 'добавилось'])} ${count(n, ['связь', 'связи', 'связей'])}.`,
    );
  }
  if (s.unknownYear > 0 && s.unknownYear < s.total) {
    out.push(`Для ${count(s.unknownYear, ['связи', 'связей', 'связей'])} год неизвестен.`);
  } else if (s.unknownYear === s.total) {
    out.push(s.total === 1 ? 'Год установления связи неизвестен.' : 'Годы установления связей неизвестны.');
  }
  if (s.asOf && s.excludedUndated) out.push(undated(s.excludedUndated));
  return out.join(' ');

  function undated(n: number): string {
    return `${form(n, ['Не учтена', 'Не учтены', 'Не учтено'])} ${count(n, ['связь', 'связи', 'связей'])} без известной даты.`;
  }
}
