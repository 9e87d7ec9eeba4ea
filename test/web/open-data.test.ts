import { check as checkGeoJson } from '@placemarkio/check-geojson';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { UndirectedGraph as Graph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import jsonld from 'jsonld';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config.js';
import { createContext } from '../../src/context.js';
import { DataVersion } from '../../src/services/data-version.js';
import type { Selection } from '../../src/services/export.js';
import { Gazetteer } from '../../src/services/gazetteer.js';
import { importFiles, MANIFEST_KEY } from '../../src/services/import.js';
import { SitemapService } from '../../src/services/sitemap.js';
import type { Store } from '../../src/store/store.js';
import { placePath } from '../../src/web/views/links.js';
import { useTestApp } from '../helpers/app.js';
import { createTestDb, DIALECTS } from '../helpers/db.js';
import { fixtureFiles } from '../helpers/fixtures.js';

// Exports read back by other people's parsers, and imported again with nothing lost; linked data expanded by a
// JSON-LD processor; the sitemap parsed and split.

const SITE = 'https://twinning.test';

/** The fixture world, plus what an export has to carry: sources, a name XML must escape, a tie across the
 * antimeridian, a redirect, a disagreement and a manifest. */
function files() {
  return [
    ...fixtureFiles(),
    {
      name: 'more-places.csv',
      content:
        'id,name,kind,country,parent,lat,lon,wikidata,geonames,names,source\n' +
        'Q9001,"Ville <&> ""Quote""",city,US,us-alabama,33.1,-86.5,Q9001,4049979,zh:引号城,' +
        '"name=https://example.org/ville | coordinates=Survey 2020"\n',
    },
    {
      name: 'more-ties.csv',
      content:
        'a,b,kind,signed,source,listed_by\n' +
        'Q1490,Q79867,sister,2001-05,tie=https://example.org/tokyo-birmingham,both\n' +
        'Q9001,Q2211,friendship,,,\n',
    },
    { name: 'redirects.csv', content: 'from,to,reason\nQ-old,Q74957,merged duplicate\n' },
    {
      name: 'disagreements.csv',
      content:
        'place,fact,kept,kept_source,other,other_source\nQ74957,population,1199275,GeoNames,1000000,Yearbook\n',
    },
    {
      name: 'manifest.json',
      content: JSON.stringify({
        asOf: '2026-08-08',
        builtBy: 'the test',
        sources: [
          { id: 'wd', title: 'Wikidata', date: '2026', licence: 'CC0 1.0', url: 'https://www.wikidata.org/' },
        ],
        coverage: { places: 16 },
      }),
    },
  ];
}

/** Everything a round trip must keep, without what the database makes (update times, row ids). */
async function contents(store: Store) {
  const strip = <T extends { updatedAt: string; id?: unknown }>(xs: T[]) =>
    xs.map(({ updatedAt: _u, ...x }) => ({ ...x, id: typeof x.id === 'number' ? 0 : x.id }));
  return {
    places: strip(await store.places.all()),
    ties: strip(await store.twinnings.all()),
    redirects: (await store.redirects.all()).map(({ createdAt: _c, ...r }) => r),
    disagreements: await store.disagreements.all(),
    manifest: await store.meta.get(MANIFEST_KEY),
  };
}

async function importedCopy(inputs: { name: string; content: string | Uint8Array }[]) {
  const copy = await createTestDb('sqlite');
  try {
    await importFiles(copy.store, inputs);
    return await contents(copy.store);
  } finally {
    await copy.drop();
  }
}

/** schema.org's context, as much of it as the pages use (sameAs and url are addresses, as there). */
const SCHEMA_CONTEXT = {
  '@context': {
    '@vocab': 'http://schema.org/',
    schema: 'http://schema.org/',
    sameAs: { '@id': 'schema:sameAs', '@type': '@id' },
    url: { '@id': 'schema:url', '@type': '@id' },
    license: { '@id': 'schema:license', '@type': '@id' },
    contentUrl: { '@id': 'schema:contentUrl', '@type': '@id' },
  },
};

async function expand(doc: object) {
  const loaded: string[] = [];
  const expanded = await jsonld.expand(doc as jsonld.JsonLdDocument, {
    documentLoader: async (url: string) => {
      loaded.push(url);
      return { contextUrl: undefined, document: SCHEMA_CONTEXT, documentUrl: url };
    },
  });
  expect(loaded).toContain('https://schema.org');
  return expanded as Record<string, unknown>[];
}

function jsonLdOf(html: string): object {
  const m = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html);
  expect(m, 'a JSON-LD block').not.toBeNull();
  expect(m![1]).not.toContain('<');
  return JSON.parse(m![1]!) as object;
}

describe('the registry as open data', () => {
  const ctx = useTestApp(files, { TWINNING_URL: SITE });
  const get = (url: string, host = 'evil.example') => ctx.app.inject({ url, headers: { host } });

  it('exports the whole registry as CSV in a zip that csv-parse reads and that imports back with nothing lost', async () => {
    const res = await get('/api/export?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe('attachment; filename="twinning-all.csv.zip"');
    expect(res.headers.link).toContain('rel="license"');
    const zip = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(zip).sort()).toEqual([
      'datapackage.json',
      'disagreements.csv',
      'manifest.json',
      'places.csv',
      'redirects.csv',
      'twinnings.csv',
    ]);
    const pkg = JSON.parse(strFromU8(zip['datapackage.json']!));
    expect(pkg.licenses[0]).toMatchObject({ name: 'ODbL-1.0' });
    expect(pkg.sources).toEqual([
      { title: 'Wikidata', path: 'https://www.wikidata.org/', licence: 'CC0 1.0' },
    ]);
    const places = parseCsv(strFromU8(zip['places.csv']!), { columns: true }) as Record<string, string>[];
    expect(places).toHaveLength(16);
    expect(places.find((p) => p.id === 'Q9001')).toMatchObject({
      name: 'Ville <&> "Quote"',
      geonames: '4049979',
      source: 'name=https://example.org/ville | coordinates=Survey 2020',
    });
    expect(parseCsv(strFromU8(zip['twinnings.csv']!), { columns: true })).toHaveLength(6);
    const copy = await importedCopy(Object.entries(zip).map(([name, content]) => ({ name, content })));
    expect(copy).toEqual(await contents(ctx.t.store));
  });

  it('exports one JSON document that carries the licence and imports back with nothing lost', async () => {
    const res = await get('/api/export?format=json');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const doc = res.json();
    expect(doc.format).toMatchObject({
      name: 'twinning-interchange',
      licence: { id: 'ODbL-1.0' },
      sources: [{ id: 'wd' }],
      site: SITE,
      places: 16,
      ties: 6,
    });
    expect(doc.format.attribution).toContain('Wikidata (CC0 1.0)');
    const copy = await importedCopy([{ name: 'export.json', content: res.body }]);
    expect(copy).toEqual(await contents(ctx.t.store));
  });

  it('exports a place with everything under it so that it imports on its own', async () => {
    const res = await get('/api/export?format=json&place=cn-liaoning');
    expect(res.headers['content-disposition']).toBe('attachment; filename="twinning-cn-liaoning.json"');
    const doc = res.json();
    const ids = doc.places.map((p: { id: string }) => p.id);
    // Liaoning, Anshan under it; Anshan's partners and their parents; the country above
    expect(ids).toEqual(['CN', 'Q2211', 'Q74957', 'Q79867', 'SE', 'US', 'cn-liaoning', 'us-alabama']);
    expect(doc.format.selected).toBe(2);
    expect(doc.twinnings.map((t: { a: string; b: string }) => `${t.a}-${t.b}`)).toEqual([
      'Q2211-Q74957',
      'Q74957-Q79867',
    ]);
    expect(doc.redirects).toEqual([{ from: 'Q-old', to: 'Q74957', reason: 'merged duplicate' }]);
    expect(doc.manifest).toBeUndefined();
    const copy = await importedCopy([{ name: 'liaoning.json', content: res.body }]);
    expect(copy.places.map((p) => p.id).sort()).toEqual([...ids].sort());
    expect(copy.ties).toHaveLength(2);
    // an old id exports the place it became
    expect((await get('/api/export?format=json&place=Q-old')).json().format.selection.value).toBe('Q-old');
  });

  it('exports valid RFC 7946 GeoJSON: places as points [lon, lat], ties as lines cut at the antimeridian', async () => {
    const res = await get('/api/export?format=geojson&country=US');
    expect(res.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    const fc = checkGeoJson(res.body) as GeoJSON.FeatureCollection;
    const meta = (fc as unknown as { metadata: Record<string, unknown> }).metadata;
    expect(meta).toMatchObject({ licence: { id: 'ODbL-1.0' }, sources: [{ title: 'Wikidata' }] });
    const byId = new Map(fc.features.map((f) => [f.id, f]));
    expect(byId.get('Q79867')!.geometry).toEqual({ type: 'Point', coordinates: [-86.825, 33.53001] });
    expect(byId.get('Q79867')!.properties).toMatchObject({
      type: 'place',
      name: 'Birmingham',
      selected: true,
    });
    expect(byId.get('Q2211')!.properties).toMatchObject({ selected: false });
    expect(byId.get('us-alabama')!.geometry).toBeNull();
    const ties = fc.features.filter((f) => f.properties!.type === 'tie');
    expect(ties).toHaveLength(4);
    const tokyo = ties.find((f) => f.properties!.a === 'Q1490')!;
    expect(tokyo.properties).toMatchObject({
      b: 'Q79867',
      kind: 'sister',
      signed: '2001-05',
      listedBy: 'both',
    });
    expect(tokyo.properties!.sources).toEqual([
      { fact: 'tie', url: 'https://example.org/tokyo-birmingham', citation: null },
    ]);
    // Tokyo to Birmingham the short way crosses the Pacific: two lines, meeting at ±180°
    expect(tokyo.geometry!.type).toBe('MultiLineString');
    const [east, west] = (tokyo.geometry as GeoJSON.MultiLineString).coordinates;
    expect(east![0]).toEqual([139.69, 35.69]);
    expect(east![1]![0]).toBe(180);
    expect(west![0]![0]).toBe(-180);
    expect(west![1]).toEqual([-86.825, 33.53001]);
    // the shortcut the pages link to as their alternate
    const alt = await get('/api/places/Q74957.geojson');
    expect(alt.headers['content-disposition']).toBe('inline; filename="twinning-Q74957.geojson"');
    expect(checkGeoJson(alt.body).type).toBe('FeatureCollection');
  });

  it('exports GraphML that is well-formed XML and that a GraphML reader loads with every attribute', async () => {
    const res = await get('/api/export?format=graphml');
    expect(res.headers['content-type']).toBe('application/graphml+xml; charset=utf-8');
    expect(XMLValidator.validate(res.body)).toBe(true);
    const g = parseGraphml(Graph, res.body);
    expect(g.order).toBe(16);
    expect(g.size).toBe(6);
    expect(g.type).toBe('undirected');
    expect(g.getNodeAttributes('Q9001')).toMatchObject({
      name: 'Ville <&> "Quote"',
      kind: 'city',
      lat: 33.1,
      lon: -86.5,
      wikidata: 'Q9001',
      geonames: 4049979,
      names: 'zh:引号城',
      selected: true,
    });
    const edge = g.edge('Q74957', 'Q79867')!;
    expect(g.getEdgeAttributes(edge)).toMatchObject({
      kind: 'sister',
      signed: '1996-11-05',
      status: 'active',
      listed_by: 'both',
      notes: 'Both steel cities',
      sources: 'https://example.org/anshan-birmingham | City council minutes 1996',
    });
    expect(g.getAttribute('licence')).toBe('Open Database License 1.0 (ODbL-1.0)');
    expect(g.getAttribute('sources')).toContain('Wikidata');
    // every data element names a declared key
    const doc = new XMLParser({ ignoreAttributes: false }).parse(res.body);
    const keys = new Set(doc.graphml.key.map((k: Record<string, string>) => k['@_id']));
    expect(keys.size).toBe(27);
    expect(doc.graphml.graph['@_edgedefault']).toBe('undirected');
    for (const m of res.body.matchAll(/<data key="([^"]+)"/g)) expect(keys.has(m[1])).toBe(true);
  });

  it('exports GEXF that is well-formed XML and that a GEXF reader loads, with the licence in its meta', async () => {
    const res = await get('/api/export?format=gexf&q=an');
    expect(res.headers['content-disposition']).toBe('attachment; filename="twinning-search-an.gexf"');
    expect(XMLValidator.validate(res.body)).toBe(true);
    const g = parseGexf(Graph, res.body);
    expect(g.hasNode('Q74957')).toBe(true);
    expect(g.getNodeAttributes('Q74957')).toMatchObject({
      label: 'Anshan',
      kind: 'city',
      population: 1199275,
    });
    expect(g.getAttribute('description')).toContain('Open Database License 1.0');
    expect(g.getAttribute('description')).toContain('Source wd: Wikidata');
    expect(g.getAttribute('creator')).toContain(SITE);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(res.body);
    expect(doc.gexf['@_version']).toBe('1.3');
  });

  it('refuses what it cannot export, and says why', async () => {
    expect((await get('/api/export?format=xml')).statusCode).toBe(400);
    expect((await get('/api/export?format=csv&place=Q74957&country=CN')).statusCode).toBe(400);
    expect((await get('/api/export?format=csv&country=XX')).statusCode).toBe(400);
    expect((await get('/api/export?format=csv&country=FR')).statusCode).toBe(404);
    expect((await get('/api/export?format=csv&place=Q404')).statusCode).toBe(404);
    expect((await get('/api/places/Q404.geojson')).statusCode).toBe(404);
  });

  it('puts JSON-LD with sameAs Wikidata and GeoNames, and alternate links, in the pages', async () => {
    const page = (await get('/places/Q9001/ville-quote')).body;
    expect(page).toContain('<link rel="alternate" type="application/json" href="/api/places/Q9001"/>');
    expect(page).toContain(
      '<link rel="alternate" type="application/geo+json" href="/api/places/Q9001.geojson"/>',
    );
    const ld = jsonLdOf(page);
    const [place] = await expand(ld);
    const S = 'http://schema.org/';
    expect(place!['@type']).toEqual([`${S}City`]);
    expect(place!['@id']).toBe(`${SITE}/places/Q9001/ville-quote#place`);
    expect(place![`${S}sameAs`]).toEqual([
      { '@id': 'http://www.wikidata.org/entity/Q9001' },
      { '@id': 'https://sws.geonames.org/4049979/' },
    ]);
    expect(place![`${S}geo`]).toEqual([
      {
        '@type': [`${S}GeoCoordinates`],
        [`${S}latitude`]: [{ '@value': 33.1 }],
        [`${S}longitude`]: [{ '@value': -86.5 }],
      },
    ]);
    const parent = (place![`${S}containedInPlace`] as Record<string, unknown>[])[0]!;
    expect(parent['@type']).toEqual([`${S}AdministrativeArea`]);
    expect(parent['@id']).toBe(`${SITE}/places/us-alabama/alabama#place`);
    const ties = place![`${S}subjectOf`] as Record<string, unknown>[];
    expect(ties).toHaveLength(1);
    const about = ties[0]![`${S}about`] as Record<string, unknown>[];
    expect(about.map((a) => a['@id'])).toEqual([
      `${SITE}/places/Q9001/ville-quote#place`,
      `${SITE}/places/Q2211/malmo#place`,
    ]);
    // a country, and the home page's dataset with its licence
    const [country] = await expand(jsonLdOf((await get('/countries/CN')).body));
    expect(country!['@type']).toEqual([`${S}Country`]);
    const home = await expand(jsonLdOf((await get('/')).body));
    const dataset = home.find((x) => (x['@type'] as string[]).includes(`${S}Dataset`))!;
    expect(dataset[`${S}license`]).toEqual([{ '@id': 'https://opendatacommons.org/licenses/odbl/1-0/' }]);
    expect((dataset[`${S}distribution`] as unknown[]).length).toBe(5);
  });

  it('shows a Download block with every format on profile, country and search pages', async () => {
    for (const [url, query] of [
      ['/places/Q74957/anshan', 'place=Q74957'],
      ['/countries/CN?lang=zh', 'country=CN'],
      ['/search?q=malm&kind=city', 'q=malm&amp;kind=city'],
    ] as const) {
      const body = (await get(url)).body;
      expect(body, url).toContain('<h2 id="h-download">');
      for (const f of ['csv', 'json', 'geojson', 'graphml', 'gexf'])
        expect(body, url).toContain(`href="/api/export?format=${f}&amp;${query}"`);
      expect(body).toContain('rel="license"');
    }
    expect((await get('/countries/CN?lang=zh')).body).toContain('<h2 id="h-download">下载</h2>');
  });

  it('serves robots.txt and a sitemap index with absolute addresses from TWINNING_URL, never the Host', async () => {
    const robots = (await get('/robots.txt')).body;
    expect(robots).toContain(`Sitemap: ${SITE}/sitemap.xml`);
    expect(robots).toContain('Disallow: /account');
    const index = await get('/sitemap.xml');
    expect(index.headers['content-type']).toBe('application/xml; charset=utf-8');
    const parser = new XMLParser({ isArray: (name) => name === 'sitemap' || name === 'url' });
    const parts = parser.parse(index.body).sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
    expect(parts).toEqual([
      `${SITE}/sitemaps/pages-1.xml`,
      `${SITE}/sitemaps/countries-1.xml`,
      `${SITE}/sitemaps/places-1.xml`,
      `${SITE}/sitemaps/ties-1.xml`,
    ]);
    const urls: string[] = [];
    for (const part of parts) {
      const res = await get(part.slice(SITE.length));
      expect(XMLValidator.validate(res.body)).toBe(true);
      urls.push(...parser.parse(res.body).urlset.url.map((u: { loc: string }) => u.loc));
    }
    expect(urls.every((u) => u.startsWith(`${SITE}/`))).toBe(true);
    expect(urls.join('\n')).not.toContain('evil.example');
    expect(urls).toContain(`${SITE}/countries/CN`);
    expect(urls).toContain(`${SITE}/places/Q74957/anshan`);
    expect(urls).toContain(`${SITE}/places/Q9001/ville-quote`);
    expect(urls.filter((u) => u.includes('/ties/'))).toHaveLength(6);
    expect(urls.filter((u) => u.includes('/places/'))).toHaveLength(11);
    expect((await get('/sitemaps/places-9.xml')).statusCode).toBe(404);
  });

  it('splits the sitemap into parts by number of addresses and by size', async () => {
    const version = new DataVersion(ctx.t.store);
    const gazetteer = new Gazetteer(ctx.t.store, version);
    const byCount = await new SitemapService(gazetteer, version, SITE, placePath, {
      maxUrls: 4,
      maxBytes: 1_000_000,
    }).get();
    const parser = new XMLParser({ isArray: (name) => name === 'sitemap' || name === 'url' });
    const count = (xml: string) => parser.parse(xml).urlset.url.length as number;
    // 11 places in parts of 4, 4 and 3; 6 ties in 4 and 2
    expect([...byCount.parts.keys()].filter((k) => k.startsWith('places'))).toEqual([
      'places-1',
      'places-2',
      'places-3',
    ]);
    expect(['places-1', 'places-2', 'places-3'].map((k) => count(byCount.parts.get(k)!))).toEqual([4, 4, 3]);
    expect(['ties-1', 'ties-2'].map((k) => count(byCount.parts.get(k)!))).toEqual([4, 2]);
    expect(parser.parse(byCount.index).sitemapindex.sitemap).toHaveLength(byCount.parts.size);
    const bySize = new SitemapService(gazetteer, version, SITE, placePath, {
      maxUrls: 50_000,
      maxBytes: 400,
    });
    const small = await bySize.get();
    for (const part of small.parts.values()) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(400);
      expect(XMLValidator.validate(part)).toBe(true);
    }
    const all = [...small.parts.values()].reduce((n, p) => n + count(p), 0);
    expect(all).toBe(8 + 5 + 11 + 6);
  });

  it('exports from the command line, to a file or a directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'twinning-export-cli-'));
    const sink = () => {
      let text = '';
      return {
        stream: new Writable({
          write(c, _e, cb) {
            text += String(c);
            cb();
          },
        }),
        text: () => text,
      };
    };
    const twinning = async (...args: string[]) => {
      const out = sink();
      const err = sink();
      const code = await run(args, {
        stdout: out.stream,
        stderr: err.stream,
        env: { DATABASE_URL: ctx.t.url, TWINNING_URL: SITE },
      });
      return { code, out: out.text(), err: err.text() };
    };
    try {
      const file = join(dir, 'anshan.geojson');
      expect(await twinning('export', '--format', 'geojson', '--place', 'Anshan', '-o', file)).toMatchObject({
        code: 0,
        out: `Wrote ${file}\n`,
      });
      const fc = checkGeoJson(readFileSync(file, 'utf8')) as GeoJSON.FeatureCollection;
      expect(fc.features.filter((f) => f.properties!.type === 'tie')).toHaveLength(2);
      const gexf = await twinning('export', '--format', 'gexf', '--country', 'SE');
      expect(gexf.code).toBe(0);
      expect(XMLValidator.validate(gexf.out)).toBe(true);
      expect((await twinning('export', '--format', 'csv', '--search', 'malm', dir)).code).toBe(0);
      expect(readdirSync(dir).sort()).toEqual(['anshan.geojson', 'twinning-search-malm.csv.zip']);
      expect((await twinning('export', '--place', 'Q1', '--country', 'CN')).code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(DIALECTS)('exports read from %s', (dialect) => {
  it('import into an empty SQLite database with nothing lost, for every selection', async () => {
    const source = await createTestDb(dialect);
    try {
      await importFiles(source.store, files());
      const exports = createContext(loadConfig({ TWINNING_URL: SITE }), source.store).exports;
      const text = async (selection: Selection) => {
        let out = '';
        for await (const piece of (await exports.download(selection, 'json')).body) out += piece;
        return out;
      };
      const copy = await importedCopy([{ name: 'all.json', content: await text({ kind: 'all' }) }]);
      expect(copy).toEqual(await contents(source.store));
      const cn = JSON.parse(await text({ kind: 'country', code: 'cn' }));
      expect(cn.format.selected).toBe(4);
      const found = await importedCopy([
        { name: 'found.json', content: await text({ kind: 'search', q: 'malm' }) },
      ]);
      expect(found.places.map((p) => p.id)).toEqual(
        expect.arrayContaining(['Q2211', 'Q503361', 'Q74957', 'Q79867', 'Q9001']),
      );
    } finally {
      await source.drop();
    }
  });
});
