import type { Continent } from '../countries.js';
import type { PlaceKind } from '../places.js';
import { LEVEL_ORDER, longDay, topGroups, type StatsTextInput } from './common.js';

// The paragraph in Spanish. "Tiene hermanamientos con" rather than "está hermanada con", so that the sentence
// holds for a city, a province or a country alike. Groups of equal counts are written out one by one
// ("2 en Alemania, 1 en Japón y 1 en Francia"), as Spanish does not say "1 each in".

// Intl formatters cost more to build than a paragraph takes to write: made once
const NUMBERS = new Intl.NumberFormat('es');
const PLURALS = new Intl.PluralRules('es');
const LISTS = new Intl.ListFormat('es', { type: 'conjunction' });

const LEVEL_ES: Record<PlaceKind, string> = {
  country: 'a nivel nacional',
  region: 'a nivel regional',
  city: 'a nivel municipal',
  district: 'a nivel distrital',
  other: 'en otros niveles',
};
const CONTINENT_ES: Record<Continent, string> = {
  AF: 'África',
  AN: 'la Antártida',
  AS: 'Asia',
  EU: 'Europa',
  NA: 'América del Norte',
  OC: 'Oceanía',
  SA: 'América del Sur',
};

export function paragraph({ placeName, stats: s, countryName, maxCountries = 8 }: StatsTextInput): string {
  const num = NUMBERS;
  const rules = PLURALS;
  const one = (n: number) => rules.select(n) === 'one';
  const list = (items: string[]) => LISTS.format(items);
  /** "1 hermanamiento", "3 hermanamientos" */
  const count = (n: number, sg: string, pl: string) => `${num.format(n)} ${one(n) ? sg : pl}`;
  const day = longDay('es');
  const out: string[] = [];
  const asOf = s.asOf ? `Al ${day(s.asOf)}, ` : '';
  const has = s.asOf ? 'tenía' : 'tiene';

  if (s.total === 0) {
    out.push(`${asOf}${placeName} no ${has} ningún hermanamiento conocido.`);
    if (s.asOf && s.excludedUndated) out.push(undated(s.excludedUndated));
    return out.join(' ');
  }
  const countries = s.countries ? ` de ${count(s.countries, 'país', 'países')}` : '';
  out.push(
    `${asOf}${placeName} ${has} hermanamientos con ${count(s.total, 'lugar', 'lugares')}${countries}.`,
  );

  const levels = LEVEL_ORDER.filter((k) => s.byLevel[k]);
  if (levels.length > 1) {
    const [first, ...rest] = levels.map((k) => [s.byLevel[k] as number, LEVEL_ES[k]] as const);
    const verb = one(first![0]) ? 'se estableció' : 'se establecieron';
    out.push(
      `De ellos, ${list([`${num.format(first![0])} ${verb} ${first![1]}`, ...rest.map(([n, l]) => `${num.format(n)} ${l}`)])}.`,
    );
  }

  const continents = Object.entries(s.byContinent) as [Continent, number][];
  if (continents.length > 1) {
    out.push(`${located(continents.map(([c, n]) => [n, CONTINENT_ES[c]]))}.`);
  } else if (continents.length === 1) {
    const [c, n] = continents[0]!;
    out.push(
      n === s.total
        ? `${one(n) ? 'El socio está' : 'Todos están'} en ${CONTINENT_ES[c]}.`
        : `${num.format(n)} ${one(n) ? 'está' : 'están'} en ${CONTINENT_ES[c]}.`,
    );
  }

  const countryGroups = topGroups(s.byCountry, maxCountries);
  const named = countryGroups.flatMap(([n, cs]) => cs.map((c) => [n, countryName(c)] as [number, string]));
  if (s.countries > 1 && named.length) {
    const rest = s.countries - named.length;
    const tail =
      rest > 0 ? [`el resto en ${one(rest) ? 'otro país' : `otros ${num.format(rest)} países`}`] : [];
    out.push(`${located(named, tail)}.`);
  }

  if (s.unknownCountry > 0) {
    out.push(
      s.unknownCountry === s.total
        ? `No se conoce el país ${one(s.total) ? 'del socio' : 'de los socios'}.`
        : `En ${num.format(s.unknownCountry)} de estos hermanamientos no se conoce el país del socio.`,
    );
  }
  if (s.firstYear !== null) {
    const years = s.byYear;
    const growing = years.length > 1 && years.every((y) => y.new > 0);
    const last = years[years.length - 1]!.year;
    if (growing) out.push(`El número ha crecido cada año desde el primer hermanamiento, en ${s.firstYear}.`);
    else if (years.length > 1) {
      const others = years.filter((y) => y.new > 0).length - 1;
      out.push(
        `El primer hermanamiento se firmó en ${s.firstYear}; hubo otros nuevos en ${one(others) ? 'otro año' : `otros ${num.format(others)} años`}, hasta ${last}.`,
      );
    } else out.push(`El primer hermanamiento se firmó en ${s.firstYear}.`);
  }
  if (s.since && s.sinceCount !== undefined) {
    const n = s.sinceCount;
    out.push(
      n === 0
        ? `Desde el ${day(s.since)} no se ha añadido ninguno.`
        : `Desde el ${day(s.since)} ${one(n) ? 'se ha añadido' : 'se han añadido'} ${count(n, 'hermanamiento', 'hermanamientos')}.`,
    );
  }
  if (s.unknownYear > 0 && s.unknownYear < s.total) {
    out.push(`En ${count(s.unknownYear, 'hermanamiento', 'hermanamientos')} no se conoce el año.`);
  } else if (s.unknownYear === s.total) {
    out.push('No se conocen los años en que se firmaron los hermanamientos.');
  }
  if (s.asOf && s.excludedUndated) out.push(undated(s.excludedUndated));
  return out.join(' ');

  /** "2 están en Asia, 1 en Europa y el resto…": the verb goes with the first figure only. */
  function located(parts: [number, string][], tail: string[] = []): string {
    const [[n, where], ...rest] = parts as [[number, string], ...[number, string][]];
    return list([
      `${num.format(n)} ${one(n) ? 'está' : 'están'} en ${where}`,
      ...rest.map(([m, w]) => `${num.format(m)} en ${w}`),
      ...tail,
    ]);
  }
  function undated(n: number): string {
    return one(n)
      ? `Se excluye ${num.format(n)} hermanamiento sin fecha conocida.`
      : `Se excluyen ${num.format(n)} hermanamientos sin fecha conocida.`;
  }
}
