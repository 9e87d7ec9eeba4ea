import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createContext } from '../../src/context.js';
import { importFiles } from '../../src/services/import.js';
import { buildApp } from '../../src/web/app.js';
import { DIALECTS, createTestDb, type TestDb } from '../helpers/db.js';
import { fixtureFiles } from '../helpers/fixtures.js';

// The public registry pages (ties, statistics, rankings, home) take their queries through schemas: whatever a
// visitor or a crawler writes into the address is a 400 or a 404 that says what to fix, on both databases.
describe.each(DIALECTS)('registry pages on %s', (dialect) => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    await importFiles(t.store, fixtureFiles());
    app = await buildApp(createContext(loadConfig({}), t.store));
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });
  const get = (url: string) => app.inject({ method: 'GET', url });

  it('refuses a parameter given twice with a page naming it', async () => {
    const cases: [string, string][] = [
      ['/ties?a=CN&a=US', 'a'],
      ['/ties?kind=sister&kind=partnership', 'kind'],
      ['/ties?page=1&page=2', 'page'],
      ['/places/CN/stats?since=2000&since=2001', 'since'],
      ['/places/CN/stats?partners=domestic&partners=international', 'partners'],
      ['/embed/places/CN/stats?status=active&status=ended', 'status'],
      ['/places/CN/stats/countries.csv?kind=sister&kind=friendship', 'kind'],
      ['/places/CN/stats/growth.svg?asOf=2000&asOf=2001', 'asOf'],
      ['/rankings?continent=AS&continent=EU', 'continent'],
      ['/rankings?from=2000&from=2001', 'from'],
      ['/?lang=en&lang=zh', 'lang'],
    ];
    for (const [url, name] of cases) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.body, url).toContain(`give &quot;${name}&quot; only once`);
    }
  });

  it('answers numbers out of range with 400, and ids no row can have with 404', async () => {
    for (const url of [
      '/ties?page=1e309',
      '/ties?page=99999999999',
      '/ties?page=0',
      '/ties?page=1.5',
      '/ties?decade=1e309',
      '/ties?decade=99999999990',
      '/rankings?from=1e309',
      '/places/CN/stats?asOf=99999',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.body, url).toContain('Please check the request');
    }
    for (const url of ['/ties/99999999999', '/ties/2147483648', '/ties/0', '/ties/1e3', '/ties/-1']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).toContain('Not found');
    }
  });

  it('names countries in the rankings, not by their codes', async () => {
    const html = (await get('/rankings')).body;
    expect(html).toMatch(/<td><a href="\/places\/Q74957\/anshan">Anshan<\/a><\/td><td>China<\/td>/);
    expect(html).not.toMatch(/<td>CN<\/td>/);
    expect((await get('/rankings?lang=zh')).body).toMatch(/>鞍山<\/a><\/td><td>中国<\/td>/);
  });
});

describe('the statistics widget', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    t = await createTestDb('sqlite');
    await importFiles(t.store, fixtureFiles());
    app = await buildApp(createContext(loadConfig({}), t.store));
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('may be framed by other sites, also when answered from the cache or with 304', async () => {
    const url = `${base}/embed/places/CN/stats`;
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(first.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(first.headers.get('x-frame-options')).toBeNull();
    const hit = await fetch(url);
    expect(hit.headers.get('x-cache')).toBe('hit');
    expect(hit.headers.get('content-security-policy')).toContain('frame-ancestors *');
    const etag = hit.headers.get('etag')!;
    const again = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(again.headers.get('x-frame-options')).toBeNull();
    // the page it comes from may not be framed
    const page = await fetch(`${base}/places/CN/stats`);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });
});
