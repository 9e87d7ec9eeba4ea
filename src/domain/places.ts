import tzlookup from 'tz-lookup';
import {
  continentOf,
  countryLanguages,
  countryTimezones,
  isCountryCode,
  type Continent,
} from './countries.js';
import type { PartialDate } from './dates.js';
import * as f from './fields.js';

export const PLACE_KINDS = ['country', 'region', 'city', 'district', 'other'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** A place as stored. */
export interface Place {
  id: string;
  kind: PlaceKind;
  name: string;
  country: string | null;
  parent: string | null;
  lat: number | null;
  lon: number | null;
  population: number | null;
  populationYear: number | null;
  timezone: string | null;
  languages: string[];
  currency: string | null;
  leaderTitle: string | null;
  leaderName: string | null;
  leaderSince: PartialDate | null;
  wikidata: string | null;
  geonames: number | null;
  names: Record<string, string>;
  updatedAt: string;
}

/** The fields of an import record; a field left undefined was not in the file and keeps its stored value. */
export interface PlaceInput {
  id: string;
  name: string;
  kind?: PlaceKind;
  country?: string | null;
  parent?: string | null;
  lat?: number | null;
  lon?: number | null;
  population?: number | null;
  populationYear?: number | null;
  timezone?: string | null;
  languages?: string[] | null;
  currency?: string | null;
  leaderTitle?: string | null;
  leaderName?: string | null;
  leaderSince?: PartialDate | null;
  wikidata?: string | null;
  geonames?: number | null;
  names?: Record<string, string> | null;
}

/** Interchange columns, in the order export writes them; the first ten are the documented core. */
export const PLACE_COLUMNS = [
  'id',
  'name',
  'kind',
  'country',
  'parent',
  'lat',
  'lon',
  'population',
  'wikidata',
  'names',
  'population_year',
  'geonames',
  'timezone',
  'languages',
  'currency',
  'leader_title',
  'leader_name',
  'leader_since',
] as const;
export type PlaceColumn = (typeof PLACE_COLUMNS)[number];

export interface FieldIssue {
  column: string;
  message: string;
}

const QID = /^Q[1-9][0-9]*$/;
const CURRENT_YEAR = new Date().getUTCFullYear();

/**
 * Checks one record of a places file. `record` holds the columns present in the file; a missing key means
 * "keep what is stored". Returns the typed input and every problem found.
 */
export function validatePlaceRecord(record: Record<string, unknown>): {
  value: PlaceInput;
  issues: FieldIssue[];
} {
  const issues: FieldIssue[] = [];
  const has = (c: PlaceColumn) => Object.hasOwn(record, c);
  function take<T>(column: PlaceColumn, r: f.Parsed<T>): T | undefined {
    if (!has(column)) return undefined;
    if (!r.ok) {
      issues.push({ column, message: r.error });
      return undefined;
    }
    return r.value;
  }
  for (const key of Object.keys(record)) {
    if (!(PLACE_COLUMNS as readonly string[]).includes(key)) {
      issues.push({
        column: key,
        message: `is not a places column; the columns are ${PLACE_COLUMNS.join(', ')}`,
      });
    }
  }

  const id = take('id', f.placeId(record.id));
  if (!id && !issues.some((i) => i.column === 'id')) issues.push({ column: 'id', message: 'is required' });
  const name = take('name', f.text(record.name, 200));
  if (!name && !issues.some((i) => i.column === 'name'))
    issues.push({ column: 'name', message: 'is required' });

  const value: PlaceInput = { id: id ?? '', name: name ?? '' };
  const kind = take('kind', f.oneOf(record.kind, PLACE_KINDS));
  if (has('kind')) value.kind = kind ?? 'city';

  const countryRaw = take(
    'country',
    f.pattern(record.country, /^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 code'),
  );
  if (countryRaw !== undefined) {
    const code = countryRaw?.toUpperCase() ?? null;
    if (code && !isCountryCode(code)) {
      issues.push({
        column: 'country',
        message: `"${countryRaw}" is not an ISO 3166-1 alpha-2 country code`,
      });
    } else value.country = code;
  }
  if (value.kind === 'country') {
    if (!value.country)
      issues.push({ column: 'country', message: 'is required for a place of kind country' });
    else if (id && id !== value.country)
      issues.push({ column: 'id', message: `a country's id is its code: write ${value.country}` });
  }
  const parent = take('parent', f.placeId(record.parent));
  if (parent !== undefined) {
    if (parent && parent === id)
      issues.push({ column: 'parent', message: 'a place cannot be its own parent' });
    else value.parent = parent;
  }

  const lat = take('lat', f.number(record.lat, -90, 90));
  const lon = take('lon', f.number(record.lon, -180, 180));
  if (lat !== undefined) value.lat = lat;
  if (lon !== undefined) value.lon = lon;
  if ((has('lat') || has('lon')) && (value.lat == null) !== (value.lon == null)) {
    if (!issues.some((i) => i.column === 'lat' || i.column === 'lon'))
      issues.push({
        column: value.lat == null ? 'lat' : 'lon',
        message: 'give both lat and lon, or neither',
      });
  }
  assign(value, 'population', take('population', f.integer(record.population, 0, 2_000_000_000)));
  assign(
    value,
    'populationYear',
    take('population_year', f.integer(record.population_year, 1000, CURRENT_YEAR)),
  );
  assign(
    value,
    'wikidata',
    take('wikidata', f.pattern(record.wikidata, QID, 'a Wikidata id such as Q74957')),
  );
  // A place keyed by its Wikidata id is that item, whether or not the file repeats it.
  if (!value.wikidata && id && QID.test(id)) value.wikidata = id;
  assign(value, 'geonames', take('geonames', f.integer(record.geonames, 1, 2 ** 31 - 1)));
  assign(value, 'names', take('names', f.names(record.names)));
  assign(value, 'timezone', take('timezone', f.timezone(record.timezone)));
  assign(value, 'languages', take('languages', f.languages(record.languages)));
  assign(value, 'currency', take('currency', f.currency(record.currency)));
  assign(value, 'leaderTitle', take('leader_title', f.text(record.leader_title, 100)));
  assign(value, 'leaderName', take('leader_name', f.text(record.leader_name, 200)));
  assign(value, 'leaderSince', take('leader_since', f.partialDate(record.leader_since)));
  return { value, issues };
}

function assign<K extends keyof PlaceInput>(target: PlaceInput, key: K, v: PlaceInput[K] | undefined) {
  if (v !== undefined) target[key] = v;
}

/** Facts a place shows when it has none of its own: from its coordinates, else from its country. */
export interface EffectiveFacts {
  continent: Continent | null;
  timezone: string | null;
  languages: string[];
  currency: string | null;
}

export function effectiveFacts(
  place: Pick<Place, 'country' | 'lat' | 'lon' | 'timezone' | 'languages' | 'currency'>,
  country: Pick<Place, 'languages' | 'currency'> | null,
  overrides: Record<string, Continent> = {},
): EffectiveFacts {
  let timezone = place.timezone;
  if (!timezone && place.lat !== null && place.lon !== null) {
    try {
      timezone = tzlookup(place.lat, place.lon);
    } catch {
      timezone = null;
    }
  }
  if (!timezone && place.country) {
    const zones = countryTimezones(place.country);
    if (zones.length === 1) timezone = zones[0] ?? null;
  }
  const languages = place.languages.length
    ? place.languages
    : country?.languages.length
      ? country.languages
      : place.country
        ? countryLanguages(place.country)
        : [];
  return {
    continent: continentOf(place.country, overrides),
    timezone,
    languages,
    currency: place.currency ?? country?.currency ?? null,
  };
}

/** Orders places so that a parent given in the same import comes before its children. */
export function orderByParent(places: PlaceInput[]): PlaceInput[] {
  const byId = new Map(places.map((p) => [p.id, p]));
  const done = new Set<string>();
  const ordered: PlaceInput[] = [];
  for (const start of places) {
    // Walk up iteratively, so a deep hierarchy cannot overflow the stack; cycles are rejected beforehand.
    const chain: PlaceInput[] = [];
    for (let cur: PlaceInput | undefined = start; cur && !done.has(cur.id);) {
      done.add(cur.id);
      chain.push(cur);
      cur = cur.parent ? byId.get(cur.parent) : undefined;
    }
    for (let i = chain.length - 1; i >= 0; i--) ordered.push(chain[i] as PlaceInput);
  }
  return ordered;
}

/** The ids on a cycle of parents reachable from `start`, or null: parentOf gives each place's parent. */
export function parentCycle(
  start: string,
  parentOf: (id: string) => string | null | undefined,
): string[] | null {
  const seen: string[] = [];
  for (let cur: string | null | undefined = start; cur; cur = parentOf(cur)) {
    const at = seen.indexOf(cur);
    if (at >= 0) return seen.slice(at);
    seen.push(cur);
  }
  return null;
}
