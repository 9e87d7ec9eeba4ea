import type { FastifyInstance } from 'fastify';
import { createContext } from '../../src/context.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { DataVersion } from '../../src/services/data-version.js';
import { importFiles } from '../../src/services/import.js';
import { buildApp } from '../../src/web/app.js';
import { createTestDb, DIALECTS, type TestDb } from '../helpers/db.js';
import { COUNTRIES_CSV, PLACES_CSV, fixtureFiles } from '../helpers/fixtures.js';
import { waitFor } from '../helpers/wait.js';

describe.each(DIALECTS)('read API on %s', (dialect) => {
  let t: TestDb;
  let app: FastifyInstance;
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url });
    return {
      status: res.statusCode,
      body: String(res.headers['content-type'] ?? '').includes('json') ? res.json() : res.body,
      res,
    };
  };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    await importFiles(t.store, fixtureFiles());
    app = await buildApp(createContext(loadConfig({}), t.store));
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('searches places in any script', async () => {
    const { status, body } = await get('/api/places?q=%E9%9E%8D%E5%B1%B1'); // 鞍山
    expect(status).toBe(200);
    expect(body.items.map((p: { id: string }) => p.id)).toEqual(['Q74957', 'Q360235']);
    expect(body.items[0]).toEqual({
      id: 'Q74957',
      name: 'Anshan',
      kind: 'city',
      country: 'CN',
      lat: 41.11502,
      lon: 122.94003,
      population: 1199275,
      names: { ja: '鞍山市', zh: '鞍山' },
      ties: 2,
    });
    expect((await get('/api/places?q=Malmo')).body.items[0].id).toBe('Q2211');
  });

  it('pages with an opaque cursor', async () => {
    const first = (await get('/api/places?kind=city&limit=3')).body;
    expect(first.items).toHaveLength(3);
    expect(first.next).toEqual(expect.any(String));
    const second = (await get(`/api/places?kind=city&limit=3&cursor=${first.next}`)).body;
    const all = (await get('/api/places?kind=city&limit=100')).body;
    expect([...first.items, ...second.items].map((p: { id: string }) => p.id)).toEqual(
      all.items.slice(0, 6).map((p: { id: string }) => p.id),
    );
    expect(all.next).toBeNull();
  });

  it('answers bad parameters with 400 and what to fix', async () => {
    for (const [url, pattern] of [
      ['/api/places?limit=0', /limit/],
      ['/api/places?limit=abc', /limit/],
      ['/api/places?kind=town', /kind/],
      ['/api/places?country=XX', /ISO 3166-1 alpha-2/],
      ['/api/places?country=CHN', /country/],
      ['/api/places?cursor=bogus', /cursor/],
      ['/api/places?has_ties=maybe', /has_ties/],
      ['/api/twinnings?since=1996-13', /since: "1996-13" has no month 13/],
      ['/api/twinnings?partner_country=US', /needs country/],
      ['/api/places/has%20space', /id/],
    ] as const) {
      const { status, body } = await get(url);
      expect(status, url).toBe(400);
      expect(body.message, url).toMatch(pattern);
    }
  });

  it('gives a place with facts taken from its location and country', async () => {
    const { status, body } = await get('/api/places/Q74957');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: 'Q74957',
      continent: 'AS',
      parent: 'cn-liaoning',
      ancestors: [
        { id: 'cn-liaoning', name: 'Liaoning', kind: 'region' },
        { id: 'CN', name: 'China', kind: 'country' },
      ],
      timezone: 'Asia/Shanghai',
      languages: ['zh'],
      currency: 'CNY',
      leader: null,
      wikidata: 'Q74957',
      ties: 2,
    });
    expect((await get('/api/places/Q2211')).body).toMatchObject({
      timezone: 'Europe/Stockholm',
      currency: 'SEK',
    });
  });

  it('answers 404 for an unknown place or path', async () => {
    const { status, body } = await get('/api/places/Q404404');
    expect(status).toBe(404);
    expect(body.message).toMatch(/no place with id Q404404/);
    expect((await get('/api/places/Q404404/twinnings')).status).toBe(404);
    expect((await get('/nowhere')).status).toBe(404);
  });

  it("lists a place's ties with the partner and who lists them", async () => {
    const { body } = await get('/api/places/Q79867/twinnings');
    expect(body.place).toEqual({ id: 'Q79867', name: 'Birmingham' });
    const byPartner = Object.fromEntries(
      body.items.map((i: { partner: { id: string } }) => [i.partner.id, i]),
    );
    expect(byPartner.Q74957).toMatchObject({
      kind: 'sister',
      signed: '1996-11-05',
      status: 'active',
      listedByPlace: true,
      listedByPartner: true,
      partner: { id: 'Q74957', name: 'Anshan', country: 'CN' },
    });
    // the file said Birmingham (its "a") lists the tie with Malmö
    expect(byPartner.Q2211).toMatchObject({
      signed: '1970',
      ended: '2001',
      status: 'ended',
      listedByPlace: true,
      listedByPartner: false,
    });
  });

  it('filters ties by country, partner country, date, kind and status', async () => {
    const pairs = async (q: string) =>
      (await get(`/api/twinnings?${q}`)).body.items.map((t: { a: string; b: string }) => `${t.a}-${t.b}`);
    expect(await pairs('country=cn')).toEqual(['Q74957-Q79867', 'Q2211-Q74957']);
    expect(await pairs('country=CN&partner_country=SE')).toEqual(['Q2211-Q74957']);
    expect(await pairs('since=1990')).toEqual(['Q1490-Q1715', 'Q74957-Q79867']);
    expect(await pairs('kind=partnership')).toEqual(['Q1490-Q1715']);
    expect(await pairs('status=ended')).toEqual(['Q2211-Q79867']);
  });

  it('gives statistics of a place and everything under it, with the paragraph', async () => {
    const { status, body } = await get('/api/places/CN/stats?status=active,ended&since=1990');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      place: { id: 'CN', name: 'China', kind: 'country' },
      total: 2,
      countries: 2,
      byLevel: { city: 2 },
      byContinent: { EU: 1, NA: 1 },
      byCountry: { SE: 1, US: 1 },
      sinceCount: 1,
      since: '1990-01-01',
      unknownYear: 0,
      lang: 'en',
    });
    expect(body.byYear).toHaveLength(8); // 1989 to 1996, years without ties included
    expect(body.byYear.slice(0, 2)).toEqual([
      { year: 1989, new: 1, cumulative: 1 },
      { year: 1990, new: 0, cumulative: 1 },
    ]);
    expect(body.byYear[7]).toEqual({ year: 1996, new: 1, cumulative: 2 });
    expect(body.text).toMatch(/^China is twinned with 2 places in 2 countries\./);
    expect((await get('/api/places/CN/stats?lang=zh')).body.text).toMatch(/^中国共有/);
    const asOf = (await get('/api/places/SE/stats?asOf=1995')).body;
    expect(asOf).toMatchObject({ asOf: '1995-12-31', total: 2, excludedUndated: 0 });
    expect((await get('/api/places/CN/stats?asOf=1995-02-30')).body.message).toMatch(/asOf: "1995-02-30"/);
    expect((await get('/api/places/CN/stats?status=gone')).status).toBe(400);
    expect((await get('/api/places/CN/stats?lang=fr')).body.text).toMatch(/^La Chine /);
    expect((await get('/api/places/CN/stats?lang=xx')).status).toBe(400);
    expect((await get('/api/places/XX1/stats')).status).toBe(404);
  });

  it('finds the shortest chain of ties between two places', async () => {
    // a direct tie is a chain of one
    const direct = (await get('/api/path?from=Q74957&to=Q79867')).body;
    expect(direct.path.map((p: { id: string }) => p.id)).toEqual(['Q74957', 'Q79867']);
    // Ma'anshan has no ties; Tokyo and Hanover only each other
    expect((await get('/api/path?from=Q74957&to=Q1490')).body).toEqual({ path: null });
    expect((await get('/api/path?from=Q74957')).status).toBe(400);
    expect((await get('/api/path?from=Q74957&to=Q404')).status).toBe(404);
  });

  it("gives a place's cousins and open triangles, counting only ties in force", async () => {
    const { body } = await get('/api/places/Q2211/network');
    // Malmö's tie with Birmingham has ended, so Birmingham is Malmö's cousin through Anshan
    expect(body.place).toMatchObject({ id: 'Q2211', ties: 1 });
    expect(body.cousins).toEqual([
      expect.objectContaining({
        id: 'Q79867',
        name: 'Birmingham',
        via: [expect.objectContaining({ id: 'Q74957' })],
      }),
    ]);
    const anshan = (await get('/api/places/Q74957/network')).body;
    expect(anshan.openTriangles.map((p: { id: string }[]) => p.map((x) => x.id).sort())).toEqual([
      ['Q2211', 'Q79867'],
    ]);
    expect(anshan.componentSize).toBe(3);
  });

  it('describes the whole network once its figures are computed, and says so until then', async () => {
    const first = await get('/api/network');
    if (first.status === 503) expect(first.body).toMatchObject({ status: 'computing' });
    const { body } = await waitFor('the network figures', async () => {
      const r = await get('/api/network');
      return r.body.status === 'ready' ? r : undefined;
    });
    expect(body).toMatchObject({ status: 'ready', places: 5, ties: 3, components: 2 });
    expect(Date.parse(body.computedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(body.largestComponents.map((c: { size: number }) => c.size)).toEqual([3, 2]);
    expect(body.mostConnected[0]).toMatchObject({ id: 'Q74957', ties: 2 });
    expect(body.mostCentral[0]).toMatchObject({ id: 'Q74957' });
  });

  it('ranks places and countries, overall, per continent and per period', async () => {
    const all = (await get('/api/rankings')).body;
    expect(all.places[0]).toMatchObject({ id: 'Q74957', count: 2 });
    expect(all.countries[0]).toMatchObject({ code: 'CN', name: 'China', count: 2 });
    const europe = (await get('/api/rankings?continent=EU')).body;
    expect(europe.places.map((p: { id: string }) => p.id)).toEqual(['Q1715', 'Q2211']); // one tie each: by id
    const nineties = (await get('/api/rankings?from=1990&to=1999')).body;
    expect(nineties.countries).toEqual([
      { code: 'CN', name: 'China', nameZh: '中国', count: 1 },
      { code: 'DE', name: 'Germany', nameZh: null, count: 1 },
      { code: 'JP', name: 'Japan', nameZh: null, count: 1 },
      { code: 'US', name: 'United States', nameZh: '美国', count: 1 },
    ]);
    expect((await get('/api/rankings?from=2000&to=1990')).body.message).toMatch(/from is after to/);
  });

  it('reports what editors should fix', async () => {
    const { body } = await get('/api/quality');
    expect(body.oneSided.count).toBe(2);
    expect(body.oneSided.items[0]).toMatchObject({
      listedBy: { id: 'Q2211' },
      notListedBy: { id: 'Q74957' },
    });
    expect(body.withoutCountry.items.map((p: { id: string }) => p.id)).toEqual(['Q1000001']);
    expect(body.withoutCoordinates.count).toBe(4);
  });

  it('publishes an OpenAPI document of the routes', async () => {
    const { status, body } = await get('/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths).sort()).toEqual([
      '/api/entries/{id}',
      '/api/export',
      '/api/network',
      '/api/orgs/{slug}/entries',
      '/api/path',
      '/api/places',
      '/api/places/duplicates',
      '/api/places/suggest',
      '/api/places/{id}',
      '/api/places/{id}.geojson',
      '/api/places/{id}/facts',
      '/api/places/{id}/network',
      '/api/places/{id}/sections/{key}/{lang}',
      '/api/places/{id}/stats',
      '/api/places/{id}/suggestions',
      '/api/places/{id}/twinnings',
      '/api/quality',
      '/api/rankings',
      '/api/seeking',
      '/api/ties',
      '/api/ties/{id}',
      '/api/ties/{id}/sections/{key}/{lang}',
      '/api/twinnings',
    ]);
    expect(body.paths['/api/places'].get.parameters.map((p: { name: string }) => p.name)).toContain('q');
  });

  it('serves a home page', async () => {
    const { status, body, res } = await get('/');
    expect(status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(body).toContain('An open registry of town twinnings: 15 places and 4 ties between them');
  });
});

describe('response cache', () => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDb('sqlite');
    await importFiles(t.store, [
      { name: 'countries.csv', content: COUNTRIES_CSV },
      { name: 'places.csv', content: PLACES_CSV },
    ]);
    app = await buildApp(createContext(loadConfig({}), t.store, new DataVersion(t.store, 0)));
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('answers repeated requests from the cache, with an ETag and 304 for a matching If-None-Match', async () => {
    const first = await app.inject({ url: '/api/places/Q74957' });
    expect(first.headers['x-cache']).toBe('miss');
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"\d+\.\d+-/);
    const second = await app.inject({ url: '/api/places/Q74957' });
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    const conditional = await app.inject({ url: '/api/places/Q74957', headers: { 'if-none-match': etag } });
    expect(conditional.statusCode).toBe(304);
    expect(conditional.body).toBe('');
  });

  it('does not cache errors', async () => {
    expect((await app.inject({ url: '/api/places/Q404' })).headers['x-cache']).toBeUndefined();
  });

  it('serves new data after a write changes the data version', async () => {
    const before = await app.inject({ url: '/api/places/Q74957' });
    await importFiles(t.store, [{ name: 'p.csv', content: 'id,name,population\nQ74957,Anshan,1600000\n' }]);
    const after = await app.inject({ url: '/api/places/Q74957' });
    expect(after.headers['x-cache']).toBe('miss');
    expect(after.json().population).toBe(1600000);
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });
});
