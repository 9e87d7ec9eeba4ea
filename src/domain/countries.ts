import { countries } from 'countries-list';
import { getTimeZones } from '@vvo/tzdb';

export const CONTINENTS = ['AF', 'AN', 'AS', 'EU', 'NA', 'OC', 'SA'] as const;
export type Continent = (typeof CONTINENTS)[number];

export const CONTINENT_NAMES: Record<Continent, string> = {
  AF: 'Africa',
  AN: 'Antarctica',
  AS: 'Asia',
  EU: 'Europe',
  NA: 'North America',
  OC: 'Oceania',
  SA: 'South America',
};

export const CONTINENT_NAMES_ZH: Record<Continent, string> = {
  AF: '非洲',
  AN: '南极洲',
  AS: '亚洲',
  EU: '欧洲',
  NA: '北美洲',
  OC: '大洋洲',
  SA: '南美洲',
};

// countries-list assigns transcontinental and remote territories by its own judgement; the product's default
// is the UN M49 region (Americas split into South America and the rest). These are the codes where they differ.
const M49_CORRECTIONS: Record<string, Continent> = {
  RU: 'EU', // Eastern Europe
  CY: 'AS', // Western Asia
  TL: 'AS', // South-eastern Asia
  CC: 'OC', // Australia and New Zealand
  CX: 'OC',
  HM: 'OC',
  IO: 'AF', // Eastern Africa
  TF: 'AF',
  BV: 'SA', // South America
  GS: 'SA',
};

type CountryCode = keyof typeof countries;

export function isCountryCode(code: string): boolean {
  return Object.hasOwn(countries, code);
}

export function countryCodes(): string[] {
  return Object.keys(countries).sort();
}

export function countryName(code: string): string | undefined {
  return isCountryCode(code) ? countries[code as CountryCode].name : undefined;
}

/** Parses `RU=AS,CY=EU` (the TWINNING_CONTINENTS setting) into overrides; throws on anything else. */
export function parseContinentOverrides(text: string): Record<string, Continent> {
  const out: Record<string, Continent> = {};
  for (const part of text.split(',').map((p) => p.trim())) {
    if (!part) continue;
    const m = /^([A-Za-z]{2})\s*=\s*([A-Za-z]{2})$/.exec(part);
    const code = m?.[1]?.toUpperCase() ?? '';
    const continent = m?.[2]?.toUpperCase() ?? '';
    if (!m || !isCountryCode(code) || !(CONTINENTS as readonly string[]).includes(continent)) {
      throw new Error(
        `"${part}" is not a continent override; write COUNTRY=CONTINENT pairs separated by commas, ` +
          `e.g. RU=AS,CY=EU, with continents among ${CONTINENTS.join(', ')}`,
      );
    }
    out[code] = continent as Continent;
  }
  return out;
}

export function continentOf(
  code: string | null | undefined,
  overrides: Record<string, Continent> = {},
): Continent | null {
  if (!code) return null;
  const override = overrides[code] ?? M49_CORRECTIONS[code];
  if (override) return override;
  return isCountryCode(code) ? (countries[code as CountryCode].continent as Continent) : null;
}

export function countryLanguages(code: string): string[] {
  return isCountryCode(code) ? [...countries[code as CountryCode].languages] : [];
}

let zonesByCountry: Map<string, string[]> | undefined;

/** The IANA time zones in use in a country (one per distinct local time, as @vvo/tzdb groups them). */
export function countryTimezones(code: string): string[] {
  if (!zonesByCountry) {
    zonesByCountry = new Map();
    for (const z of getTimeZones()) {
      const list = zonesByCountry.get(z.countryCode) ?? [];
      list.push(z.name);
      zonesByCountry.set(z.countryCode, list);
    }
  }
  return zonesByCountry.get(code) ?? [];
}
