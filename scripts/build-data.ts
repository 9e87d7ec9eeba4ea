// Builds the bundled dataset in data/ (interchange format) from the seed files in ../shared/data and the
// country packages. Run by hand when the seed changes: `npm run build:data [-- SEED_DIR]`. Deterministic.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { countries } from 'countries-list';
import countryToCurrency from 'country-to-currency';
import isoCountries from 'i18n-iso-countries';
import worldCountriesData from 'world-countries';
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
const worldCountries = worldCountriesData as unknown as { cca2: string; latlng: [number, number] }[];
const latlng = new Map(worldCountries.map((c) => [c.cca2, c.latlng]));
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
    const [lat, lon] = latlng.get(code) ?? [null, null];
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
