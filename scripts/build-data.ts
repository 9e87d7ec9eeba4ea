// Builds the bundled dataset in data/ (interchange format) from the seed files in ../shared/data and the
// country packages. Run by hand when the seed changes: `npm run build:data [-- SEED_DIR]`. Deterministic.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { countries } from 'countries-list';
import countryToCurrency from 'country-to-currency';
import isoCountries from 'i18n-iso-countries';
import { geoArea, geoCentroid } from 'd3-geo';
import type { Feature, Geometry, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { normalizeName, slugify } from '../src/domain/names.js';

const seedDir = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'data');
const outDir = join(import.meta.dirname, '..', 'data');

// Languages whose country names the search should know, besides English and each country's own.
const NAME_LANGS = ['zh', 'de', 'fr', 'es', 'ru', 'ja', 'ar', 'pt', 'it', 'ko'];
const require = (await import('node:module')).createRequire(import.meta.url);
for (const l of NAME_LANGS) isoCountries.registerLocale(require(`i18n-iso-countries/langs/${l}.json`));

interface Row {
  qid: string;
  label_wd2016: string;
  name_en: string;
  name_zh: string;
  country: string;
  admin1_name: string;
  lat: string;
  lon: string;
  population: string;
  type: string;
  geonameid: string;
  src: string;
}
interface TieRow {
  qid_a: string;
  qid_b: string;
  a_lists_b: string;
  b_lists_a: string;
}
function readTsv<T>(name: string): T[] {
  return parse(readFileSync(join(seedDir, name), 'utf8'), {
    columns: true,
    delimiter: '\t',
    quote: false,
    relax_quotes: true,
  }) as T[];
}

function write(name: string, columns: string[], rows: (string | number | null)[][]) {
  writeFileSync(join(outDir, name), stringify(rows, { header: true, columns }));
  console.log(`data/${name}: ${rows.length} rows`);
}

// ---- countries ----
const ZH_OVERRIDES: Record<string, string> = { TW: '台湾' };
// Where a country is: the centroid of its Natural Earth 1:50m shape's largest part (world-atlas), else its capital as Natural
// Earth's populated places give it.
const atlas = JSON.parse(
  readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
) as Topology<{ countries: GeometryCollection }>;
const shapes = feature(atlas, atlas.objects.countries);
// The centroid of the largest part, so overseas territories do not pull France into the Atlantic.
function mainland(f: Feature<Geometry | null>): Polygon | Feature<Geometry | null> {
  if (f.geometry?.type !== 'MultiPolygon') return f;
  const parts: Polygon[] = f.geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
  return parts.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
}
const centroidByNumeric = new Map(
  shapes.features.map((f) => [String(f.id), geoCentroid(mainland(f))] as const),
);
const capitals = new Map<string, [number, number]>();
for (const r of readTsv<{
  country: string;
  lat: string;
  lon: string;
  featurecla_ne: string;
  pop_urban_ne: string;
}>('places_naturalearth_geonames.tsv')
  .filter((r) => r.featurecla_ne === 'Admin-0 capital')
  .sort((a, b) => Number(b.pop_urban_ne) - Number(a.pop_urban_ne))) {
  if (!capitals.has(r.country)) capitals.set(r.country, [Number(r.lat), Number(r.lon)]);
}
const round = (x: number) => Math.round(x * 1e4) / 1e4;
function countryPoint(code: string): [number, number] | [null, null] {
  const numeric = isoCountries.alpha2ToNumeric(code);
  const c = numeric ? centroidByNumeric.get(numeric) : undefined;
  if (c) return [round(c[1]), round(c[0])];
  return capitals.get(code) ?? [null, null];
}

const countryRows = Object.entries(countries)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([code, c]) => {
    const names: Record<string, string> = { en: c.name };
    for (const l of NAME_LANGS) {
      const n =
        l === 'zh' ? (ZH_OVERRIDES[code] ?? isoCountries.getName(code, l)) : isoCountries.getName(code, l);
      if (n) names[l] = n;
    }
    const own = c.languages[0];
    if (own && c.native && c.native !== c.name && !names[own]) names[own] = c.native;
    const [lat, lon] = countryPoint(code);
    const currency = (countryToCurrency as Record<string, string>)[code] ?? c.currency[0] ?? null;
    return [
      code,
      c.name,
      'country',
      code,
      '',
      lat,
      lon,
      '',
      '',
      Object.entries(names)
        .map(([l, n]) => `${l}:${n.replace(/;/g, ',')}`)
        .join(';'),
      c.languages.join(';'),
      currency,
    ];
  });
write(
  'countries.csv',
  [
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
    'languages',
    'currency',
  ],
  countryRows,
);

// ---- places ----
const REGION_TYPES = new Set([
  'state',
  'province',
  'region',
  'land',
  'autonomous region',
  'administrative region',
  'federal territory',
  'union territory',
  'emirate',
  'special region',
  'metropolitan region',
  'department',
  'metropolitan department',
  'county',
]);
const DISTRICT_TYPES = new Set(['district', 'london borough', 'section']);

// dr5hn's type is only a hint: a Natural Earth populated place is a city whatever the type says, and a
// Chinese "prefecture" is a prefecture-level city while a Japanese one is a region.
function kindOf(r: Row): string {
  const type = r.type.toLowerCase();
  if (r.src.split('+').includes('ne')) return 'city';
  if (type === 'prefecture') return r.country === 'JP' ? 'region' : 'city';
  if (REGION_TYPES.has(type)) return 'region';
  if (DISTRICT_TYPES.has(type)) return 'district';
  return 'city';
}

const places = readTsv<Row>('places.tsv');
const regionByName = new Map<string, string>();
for (const r of places) {
  if (r.country && kindOf(r) === 'region') {
    for (const n of [r.name_en, r.label_wd2016])
      if (n) regionByName.set(`${r.country}:${normalizeName(n)}`, r.qid);
  }
}
const newRegions = new Map<string, (string | number | null)[]>();
function regionFor(country: string, admin1: string): string {
  const key = `${country}:${normalizeName(admin1)}`;
  const known = regionByName.get(key);
  if (known) return known;
  const id = `${country.toLowerCase()}-${slugify(admin1) || 'region'}`;
  if (!newRegions.has(id))
    newRegions.set(id, [id, admin1.trim(), 'region', country, country, '', '', '', '', '', '']);
  regionByName.set(key, id);
  return id;
}

const placeRows = places.map((r) => {
  const kind = kindOf(r);
  const name = r.name_en || r.label_wd2016 || r.qid;
  const names: string[] = [];
  if (r.name_en) names.push(`en:${r.name_en}`);
  if (r.name_zh) names.push(`zh:${r.name_zh}`);
  // The 2016 label's language is unknown (de > en > fr > it > es): keep it searchable as "undetermined".
  if (r.label_wd2016 && normalizeName(r.label_wd2016) !== normalizeName(name))
    names.push(`und:${r.label_wd2016}`);
  let parent = r.country || '';
  if (r.country && r.admin1_name.trim() && kind !== 'region') parent = regionFor(r.country, r.admin1_name);
  return [
    r.qid,
    name,
    kind,
    r.country,
    parent,
    r.lat,
    r.lon,
    r.population,
    r.qid,
    names.map((n) => n.replace(/;/g, ',')).join(';'),
    r.geonameid,
  ];
});
write(
  'places.csv',
  ['id', 'name', 'kind', 'country', 'parent', 'lat', 'lon', 'population', 'wikidata', 'names', 'geonames'],
  [...[...newRegions.values()].sort((a, b) => String(a[0]).localeCompare(String(b[0]))), ...placeRows],
);

// ---- twinnings ----
const wd = (q: string) => `https://www.wikidata.org/wiki/${q}#P190`;
const ties = readTsv<TieRow>('twinnings.tsv').map((t) => {
  const byA = t.a_lists_b === '1';
  const byB = t.b_lists_a === '1';
  const sources = [byA ? wd(t.qid_a) : null, byB ? wd(t.qid_b) : null].filter(Boolean);
  return [
    t.qid_a,
    t.qid_b,
    'sister',
    '',
    '',
    'active',
    sources.join(' | '),
    '',
    byA && byB ? 'both' : byA ? 'a' : 'b',
  ];
});
write('twinnings.csv', ['a', 'b', 'kind', 'signed', 'ended', 'status', 'source', 'notes', 'listed_by'], ties);
