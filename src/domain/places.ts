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
import type { Source } from './fields.js';

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
  /** where the facts come from; empty where a read leaves them out (lists, search) */
  sources: Source[];
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
  sources?: Source[] | null;
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
  'source',
] as const;
export type PlaceColumn = (typeof PLACE_COLUMNS)[number];

/** The facts of a place a source can back (`fact=` in a source), as the bundled data and editors name them. */
export const PLACE_SOURCE_FACTS = [
  'name',
  'names',
  'kind',
  'country',
  'parent',
  'coordinates',
  'population',
  'population_year',
  'wikidata',
  'geonames',
  'timezone',
  'languages',
  'currency',
  'leader',
  'leader_title',
  'leader_name',
  'leader_since',
] as const;

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
  // JSON records may call the source list "sources"
  if (Object.hasOwn(record, 'sources') && !Object.hasOwn(record, 'source')) {
    record = { ...record, source: record.sources };
    delete record.sources;
  }
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
  const name = take('name', f.line(record.name, 200));
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
  assign(value, 'leaderTitle', take('leader_title', f.line(record.leader_title, 100)));
  assign(value, 'leaderName', take('leader_name', f.line(record.leader_name, 200)));
  assign(value, 'leaderSince', take('leader_since', f.partialDate(record.leader_since)));
  assign(value, 'sources', take('source', f.sources(record.source, PLACE_SOURCE_FACTS)));
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

/**
 * Every cycle among `n` entries whose parents are given by index (`parentOf`, -1 for none), each listed once and
 * starting at its entry of lowest `rank`. Each entry is walked once, in typed arrays, so a chain thousands deep
 * costs its length and a million entries a few megabytes.
 */
export function parentCyclesByIndex(
  n: number,
  parentOf: (i: number) => number,
  rank: (i: number) => number,
): number[][] {
  const state = new Uint8Array(n); // 0 unvisited, 1 on the current path, 2 done
  const pathAt = new Int32Array(n);
  const path: number[] = [];
  const cycles: number[][] = [];
  for (let start = 0; start < n; start++) {
    if (state[start]) continue;
    path.length = 0;
    let cur = start;
    while (cur >= 0 && state[cur] === 0) {
      state[cur] = 1;
      pathAt[cur] = path.length;
      path.push(cur);
      cur = parentOf(cur);
    }
    if (cur >= 0 && state[cur] === 1) {
      const cycle = path.slice(pathAt[cur]);
      let first = 0;
      cycle.forEach((x, k) => {
        if (rank(x) < rank(cycle[first]!)) first = k;
      });
      cycles.push([...cycle.slice(first), ...cycle.slice(0, first)]);
    }
    for (const x of path) state[x] = 2;
  }
  return cycles;
}

/**
 * Every cycle of parents reachable from `ids`, each listed once, starting from the first of `ids` on it.
 * `parentOf` gives a place's parent.
 */
export function parentCycles(
  ids: Iterable<string>,
  parentOf: (id: string) => string | null | undefined,
): string[][] {
  const index = new Map<string, number>();
  const names: string[] = [];
  const add = (id: string) => {
    let i = index.get(id);
    if (i === undefined) {
      i = names.push(id) - 1;
      index.set(id, i);
    }
    return i;
  };
  for (const id of ids) add(id);
  const given = names.length;
  // ancestors outside `ids` get entries too, as the walks meet them
  for (let i = 0; i < names.length; i++) {
    const p = parentOf(names[i]!);
    if (p) add(p);
  }
  const parents = names.map((id) => {
    const p = parentOf(id);
    return p ? index.get(p)! : -1;
  });
  return parentCyclesByIndex(
    names.length,
    (i) => parents[i]!,
    (i) => (i < given ? i : Infinity),
  ).map((c) => c.map((i) => names[i]!));
}

/** The name keys an alternate name may take when merging places: `und`, then `und-x-alt`, `und-x-alt2`, …. */
function freeAlternateKey(names: Record<string, string>): string {
  if (!Object.hasOwn(names, 'und')) return 'und';
  for (let i = 1; ; i++) {
    const key = i === 1 ? 'und-x-alt' : `und-x-alt${i}`;
    if (!Object.hasOwn(names, key)) return key;
  }
}

/** Facts of a place that a merge fills in on the kept place when it lacks them, with their source fact names. */
const FILLABLE: { fields: (keyof Place)[]; facts: string[] }[] = [
  { fields: ['country'], facts: ['country'] },
  { fields: ['lat', 'lon'], facts: ['coordinates'] },
  { fields: ['population', 'populationYear'], facts: ['population', 'population_year'] },
  { fields: ['timezone'], facts: ['timezone'] },
  { fields: ['languages'], facts: ['languages'] },
  { fields: ['currency'], facts: ['currency'] },
  {
    fields: ['leaderTitle', 'leaderName', 'leaderSince'],
    facts: ['leader', 'leader_title', 'leader_name', 'leader_since'],
  },
  { fields: ['wikidata'], facts: ['wikidata'] },
  { fields: ['geonames'], facts: ['geonames'] },
];

const isEmpty = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);

export interface MergedPlace {
  /** the kept place's facts after the merge (the fields a merge may change) */
  input: PlaceInput;
  /** the facts taken from the dropped place, as source fact names */
  filled: string[];
  /** name keys added to the kept place */
  namesAdded: string[];
}

/**
 * The kept place after taking in a duplicate: its own facts win; a fact it lacks is taken from the duplicate
 * (a group such as coordinates or the leader goes together); names it lacks in a language are added, and the
 * duplicate's own name is kept as an alternate name; the duplicate's sources come along for what was taken
 * (names included) and for the record as a whole.
 */
export function mergePlace(keep: Place, drop: Place): MergedPlace {
  const input: PlaceInput = { id: keep.id, name: keep.name };
  const filled: string[] = [];
  for (const group of FILLABLE) {
    if (group.fields.every((k) => isEmpty(keep[k])) && group.fields.some((k) => !isEmpty(drop[k]))) {
      for (const k of group.fields) (input as unknown as Record<string, unknown>)[k] = drop[k];
      filled.push(...group.facts);
    }
  }
  const names = { ...keep.names };
  const namesAdded: string[] = [];
  for (const [lang, n] of Object.entries(drop.names)) {
    if (!Object.hasOwn(names, lang)) {
      names[lang] = n;
      namesAdded.push(lang);
    }
  }
  const known = new Set([keep.name, ...Object.values(names)]);
  if (!known.has(drop.name)) {
    const key = freeAlternateKey(names);
    names[key] = drop.name;
    namesAdded.push(key);
  }
  input.names = names;
  const taken = new Set([...filled, ...(namesAdded.length ? ['names'] : [])]);
  const extra = drop.sources
    .map((s) => (s.fact === 'name' ? { ...s, fact: 'names' } : s))
    .filter((s) => s.fact === null || taken.has(s.fact));
  const merged = [...keep.sources];
  for (const s of extra)
    if (!merged.some((m) => m.fact === s.fact && m.url === s.url && m.citation === s.citation))
      merged.push(s);
  input.sources = merged.slice(0, f.MAX_SOURCES);
  return { input, filled, namesAdded };
}
