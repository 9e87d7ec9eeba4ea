import type { Continent } from '../countries.js';
import type { PlaceKind } from '../places.js';
import { LEVEL_ORDER, groupByCount, longDay, topGroups, type StatsTextInput } from './common.js';

// The paragraph in French: "Delft compte 4 partenaires dans 3 pays. On en compte 2 aux États-Unis et 1 chacun
// au Royaume-Uni et au Japon. …" Countries take the preposition French gives them: "en" for feminine names and
// names beginning with a vowel, "au" for masculine ones, "aux" for plural ones, "à" for most islands and
// city-states. Typography: a no-break space before ":" and a narrow one before ";".

// Intl formatters cost more to build than a paragraph takes to write: made once
const NUMBERS = new Intl.NumberFormat('fr');
const LISTS = new Intl.ListFormat('fr', { type: 'conjunction' });

const LEVEL_FR: Record<PlaceKind, string> = {
  country: 'au niveau national',
  region: 'au niveau régional',
  city: 'au niveau municipal',
  district: 'au niveau des arrondissements',
  other: 'à d’autres niveaux',
};

const CONTINENT_IN: Record<Continent, string> = {
  AF: 'en Afrique',
  AN: 'en Antarctique',
  AS: 'en Asie',
  EU: 'en Europe',
  NA: 'en Amérique du Nord',
  OC: 'en Océanie',
  SA: 'en Amérique du Sud',
};

// whole phrases where the name Intl gives is not the one used in a sentence, or takes an article
const FIXED: Record<string, string> = {
  BB: 'à la Barbade',
  DM: 'à la Dominique',
  GD: 'à la Grenade',
  HK: 'à Hong Kong',
  MO: 'à Macao',
  RE: 'à La Réunion',
  VA: 'au Vatican',
};
// plural names: "aux États-Unis"
const PLURAL = new Set([
  'AE',
  'BS',
  'FJ',
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
  'TO',
  'US',
  'VG',
  'VI',
  'WS',
]);
// islands and city-states named without an article: "à Cuba", "à Singapour"
const BARE = new Set([
  'AG',
  'BH',
  'CU',
  'CY',
  'DJ',
  'GU',
  'KI',
  'KN',
  'LC',
  'MC',
  'MG',
  'MT',
  'MU',
  'NR',
  'OM',
  'PR',
  'PW',
  'SG',
  'SM',
  'ST',
  'TT',
  'TV',
  'TW',
  'VC',
]);
// masculine names: "au Japon" (but "en Iran": before a vowel, "en")
const MASCULINE = new Set([
  'AF',
  'AO',
  'AZ',
  'BD',
  'BF',
  'BI',
  'BJ',
  'BR',
  'BT',
  'BW',
  'BZ',
  'CA',
  'CD',
  'CG',
  'CL',
  'CM',
  'CR',
  'CV',
  'DK',
  'EC',
  'GA',
  'GB',
  'GH',
  'GT',
  'GY',
  'HN',
  'IL',
  'IQ',
  'IR',
  'JP',
  'KE',
  'KG',
  'KH',
  'KW',
  'KZ',
  'LA',
  'LB',
  'LI',
  'LR',
  'LS',
  'LU',
  'MA',
  'ML',
  'MM',
  'MW',
  'MX',
  'MZ',
  'NE',
  'NG',
  'NI',
  'NP',
  'PA',
  'PE',
  'PK',
  'PT',
  'PY',
  'QA',
  'RW',
  'SD',
  'SN',
  'SR',
  'SS',
  'SV',
  'SZ',
  'TD',
  'TG',
  'TJ',
  'TL',
  'TM',
  'UY',
  'UZ',
  'VE',
  'VN',
  'VU',
  'XK',
  'YE',
  'ZW',
]);

const startsWithVowel = (s: string) => /^[aeiouàâäéèêëîïôöùûüœæ]/i.test(s);

/** "en France", "au Japon", "aux États-Unis", "à Cuba", "en Iran" */
export function inCountryFr(code: string, name: string): string {
  if (FIXED[code]) return FIXED[code]!;
  if (PLURAL.has(code)) return `aux ${name}`;
  if (BARE.has(code)) return `à ${name}`;
  if (MASCULINE.has(code) && !startsWithVowel(name)) return `au ${name}`;
  return `en ${name}`;
}

/** A country as a subject, with its article: "la Chine", "le Japon", "l’Italie", "les États-Unis", "Cuba". */
export function countrySubjectFr(code: string, name: string): string {
  if (code === 'HK') return 'Hong Kong';
  if (code === 'MO') return 'Macao';
  if (code === 'VA') return 'le Vatican';
  if (FIXED[code]) return FIXED[code]!.replace(/^à /, '');
  if (PLURAL.has(code)) return `les ${name}`;
  if (BARE.has(code) || code === 'IL' || code === 'HT') return name;
  if (startsWithVowel(name)) return `l’${name}`;
  return `${MASCULINE.has(code) ? 'le' : 'la'} ${name}`;
}

export function paragraph({
  placeName: name,
  placeCountry,
  stats: s,
  countryName,
  maxCountries = 8,
}: StatsTextInput): string {
  const placeName = placeCountry ? countrySubjectFr(placeCountry, name) : name;
  const num = NUMBERS;
  const list = (items: string[]) => LISTS.format(items);
  const long = longDay('fr');
  const day = (iso: string) => long(iso).replace(/^1 /, '1er ');
  const inCountry = (code: string) => inCountryFr(code, countryName(code));
  const out: string[] = [];
  const asOf = s.asOf ? `Au ${day(s.asOf)}, ` : '';

  if (s.total === 0) {
    out.push(
      s.asOf
        ? `${asOf}aucun jumelage n’était connu pour ${placeName}.`
        : `Aucun jumelage n’est connu pour ${placeName}.`,
    );
    if (s.asOf && s.excludedUndated) out.push(undatedSentence(s.excludedUndated, num));
    return out.join(' ');
  }

  // "Delft compte 4 partenaires dans 3 pays." / "Au 1er mai 2000, Delft comptait …"
  const partners = `${num.format(s.total)} ${s.total === 1 ? 'partenaire' : 'partenaires'}`;
  const where = s.countries ? ` dans ${num.format(s.countries)} pays` : '';
  const subject = s.asOf ? placeName : capitalize(placeName);
  const many = placeCountry !== undefined && PLURAL.has(placeCountry);
  const verb = s.asOf ? (many ? 'comptaient' : 'comptait') : many ? 'comptent' : 'compte';
  out.push(`${asOf}${subject} ${verb} ${partners}${where}.`);

  const levels = LEVEL_ORDER.filter((k) => s.byLevel[k]);
  if (levels.length > 1) {
    const [first, ...rest] = levels.map((k) => [s.byLevel[k] as number, LEVEL_FR[k]] as const);
    const verb = first![0] === 1 ? 'a été noué' : 'ont été noués';
    out.push(
      `Parmi ces liens, ${list([
        `${num.format(first![0])} ${verb} ${first![1]}`,
        ...rest.map(([n, l]) => `${num.format(n)} ${l}`),
      ])}.`,
    );
  }

  const continents = Object.entries(s.byContinent) as [Continent, number][];
  if (continents.length > 1) {
    const parts = groupByCount(continents).map(([n, cs]) =>
      cs.length > 1
        ? `${num.format(n)} chacun ${list(cs.map((c) => CONTINENT_IN[c]))}`
        : `${num.format(n)} ${CONTINENT_IN[cs[0]!]}`,
    );
    out.push(`On en compte ${list(parts)}.`);
  } else if (continents.length === 1) {
    const [c, n] = continents[0]!;
    out.push(
      s.total === n
        ? `${s.total === 1 ? 'Il se trouve' : 'Tous se trouvent'} ${CONTINENT_IN[c]}.`
        : `On en compte ${num.format(n)} ${CONTINENT_IN[c]}.`,
    );
  }

  const countryGroups = topGroups(s.byCountry, maxCountries);
  const countryEntries = countryGroups.flatMap(([, cs]) => cs);
  if (s.countries > 1 && countryEntries.length) {
    const parts = countryGroups.map(([n, cs]) =>
      cs.length > 1
        ? `${num.format(n)} chacun ${list(cs.map(inCountry))}`
        : `${num.format(n)} ${inCountry(cs[0]!)}`,
    );
    const rest = s.countries - countryEntries.length;
    const tail =
      rest > 0
        ? `, le reste ${rest === 1 ? 'dans un autre pays' : `dans ${num.format(rest)} autres pays`}`
        : '';
    out.push(`Par pays\u00a0: ${list(parts)}${tail}.`);
  }

  if (s.unknownCountry > 0) {
    out.push(
      s.unknownCountry === s.total
        ? s.total === 1
          ? 'Le pays du partenaire n’est pas connu.'
          : 'Les pays des partenaires ne sont pas connus.'
        : `Pour ${s.unknownCountry === 1 ? 'l’un' : num.format(s.unknownCountry)} de ces liens, le pays du partenaire n’est pas connu.`,
    );
  }
  if (s.firstYear !== null) {
    const years = s.byYear;
    const growing = years.length > 1 && years.every((y) => y.new > 0);
    const last = years[years.length - 1]!.year;
    if (growing)
      out.push(`Leur nombre a augmenté chaque année depuis le premier jumelage, en ${s.firstYear}.`);
    else if (years.length > 1) {
      const others = years.filter((y) => y.new > 0).length - 1;
      out.push(
        `Le premier jumelage a été conclu en ${s.firstYear}\u202f; d’autres ont suivi au cours ${others === 1 ? 'd’une autre année' : `de ${num.format(others)} autres années`}, jusqu’en ${last}.`,
      );
    } else out.push(`Le premier jumelage a été conclu en ${s.firstYear}.`);
  }
  if (s.since && s.sinceCount !== undefined) {
    out.push(
      s.sinceCount === 0
        ? `Aucun lien n’a été ajouté depuis le ${day(s.since)}.`
        : s.sinceCount === 1
          ? `Depuis le ${day(s.since)}, 1 lien a été ajouté.`
          : `Depuis le ${day(s.since)}, ${num.format(s.sinceCount)} liens ont été ajoutés.`,
    );
  }
  if (s.unknownYear > 0 && s.unknownYear < s.total) {
    out.push(
      `Pour ${s.unknownYear === 1 ? 'un lien' : `${num.format(s.unknownYear)} liens`}, l’année n’est pas connue.`,
    );
  } else if (s.unknownYear === s.total) {
    out.push(
      s.total === 1
        ? 'L’année de conclusion du lien n’est pas connue.'
        : 'Les années de conclusion des liens ne sont pas connues.',
    );
  }
  if (s.asOf && s.excludedUndated) out.push(undatedSentence(s.excludedUndated, num));
  return out.join(' ');
}

function undatedSentence(n: number, num: Intl.NumberFormat): string {
  return n === 1
    ? 'Un lien sans date connue n’est pas compté.'
    : `${num.format(n)} liens sans date connue ne sont pas comptés.`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
