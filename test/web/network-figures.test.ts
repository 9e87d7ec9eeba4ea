import type { FastifyInstance } from 'fastify';
import { createContext } from '../../src/context.js';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { DataVersion } from '../../src/services/data-version.js';
import { importFiles } from '../../src/services/import.js';
import { readSeedFiles } from '../../src/services/seed.js';
import { buildApp } from '../../src/web/app.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { mainText } from '../helpers/client.js';
import { waitFor } from '../helpers/wait.js';

// on a quiet machine the figures take ~8 s; on a shared one, busy with other work, minutes
const FIGURES_MS = 240_000;

// The probe's finding: after any change the first /network took seconds and every other page slowed down
// meanwhile. On the bundled world data (seconds of betweenness), the figures are computed in a worker thread.
describe('whole-network figures on the bundled data', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let version: DataVersion;
  const get = async (url: string) => {
    const started = performance.now();
    const res = await app.inject({ method: 'GET', url });
    return { res, ms: performance.now() - started };
  };

  beforeAll(async () => {
    t = await createTestDb('sqlite');
    await importFiles(t.store, await readSeedFiles());
    version = new DataVersion(t.store);
    app = await buildApp(createContext(loadConfig({}), t.store, version));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it(
    'answers /network at once while computing, keeps other pages quick, then shows the figures',
    async () => {
      // the places and ties in memory and the profile page rendered once, as on a site that has been up a while
      const warm = await get('/places/Q74957');
      expect(warm.res.statusCode).toBe(301);
      expect((await get(warm.res.headers.location as string)).res.statusCode).toBe(200);
      const busy = performance.eventLoopUtilization();
      const first = await get('/network');
      expect(first.res.statusCode).toBe(200);
      expect(first.ms).toBeLessThan(1000);
      expect(mainText(first.res.body)).toContain(
        'The network figures are being computed; this page will show them in a minute.',
      );
      expect(first.res.body).toContain('<a href="/network">show the network figures</a>');
      expect(first.res.headers['cache-control']).toBe('no-store');
      expect(Number(first.res.headers['retry-after'])).toBeGreaterThan(0);
      const api = await get('/api/network');
      expect(api.res.statusCode).toBe(503);
      expect(api.res.json()).toMatchObject({ status: 'computing' });
      expect(Number(api.res.headers['retry-after'])).toBeGreaterThan(0);

      // meanwhile other pages answer as usual
      const pages: number[] = [];
      for (const id of ['Q74957', 'Q2211', 'Q90', 'Q64', 'Q1490', 'Q220', 'Q1741', 'Q649', 'Q585', 'Q1085']) {
        const p = await get(`/places/${id}`);
        expect(p.res.statusCode).toBe(301);
        const page = await get(p.res.headers.location as string);
        expect(page.res.statusCode).toBe(200);
        pages.push(page.ms);
      }
      const stillComputing = await get('/api/network');
      expect(stillComputing.res.statusCode).toBe(503);
      // (loose bounds: this machine is shared; the thread's idleness below is the sharper measure)
      expect(pages.sort((a, b) => a - b)[Math.floor(pages.length / 2)]).toBeLessThan(100);
      expect(Math.max(...pages)).toBeLessThan(1500);

      const ready = await waitFor(
        'the network figures',
        async () => {
          const r = await get('/api/network');
          return r.res.statusCode === 200 ? r.res : undefined;
        },
        FIGURES_MS,
      );
      // the thread that answers requests stayed mostly idle: the seconds of work were done elsewhere
      const { utilization } = performance.eventLoopUtilization(busy);
      expect(utilization).toBeLessThan(0.5);
      const figures = ready.json();
      expect(figures).toMatchObject({
        status: 'ready',
        ties: expect.any(Number),
        components: expect.any(Number),
      });
      expect(figures.mostCentral).toHaveLength(20);
      expect(figures.mostCentral[0].betweenness).toBeGreaterThan(figures.mostCentral[19].betweenness);
      const page = await get('/network');
      expect(page.res.body).not.toContain('being computed');
      expect(page.res.body).toContain(`<span class="n">${figures.ties.toLocaleString('en')}</span>Ties`);
      expect(page.res.headers['x-cache']).toBe('miss');
      expect((await get('/network')).res.headers['x-cache']).toBe('hit');
    },
    FIGURES_MS + 60_000,
  );

  it(
    'shows the previous figures with their date while new ones are computed after a change',
    async () => {
      const before = (await get('/api/network')).res.json();
      expect(before.status).toBe('ready');
      // a new tie between two places that had none in force
      await importFiles(t.store, [
        {
          name: 'twinnings.csv',
          content:
            'a,b,kind,signed,ended,status,source,notes,listed_by\nQ1000001,Q1000002,sister,2024,,active,,,both\n',
        },
        {
          name: 'places.csv',
          content: 'id,name,kind,country\nQ1000001,Newtown,city,\nQ1000002,Oldtown,city,\n',
        },
      ]);
      version.invalidate();
      const during = await get('/api/network');
      expect(during.res.statusCode).toBe(200);
      expect(during.res.json()).toMatchObject({
        status: 'computing',
        computedAt: before.computedAt,
        ties: before.ties,
      });
      expect(during.res.headers['cache-control']).toBe('no-store');
      const page = mainText((await get('/network')).res.body);
      expect(page).toContain('The network figures are being computed');
      expect(page).toMatch(/Meanwhile, the figures computed on \w+\.? \d+, \d{4}, \d\d:\d\d UTC are shown/);
      expect(page).toContain(`${before.ties.toLocaleString('en')} Ties`);
      const after = await waitFor(
        'the new figures',
        async () => {
          const r = (await get('/api/network')).res.json();
          return r.status === 'ready' ? r : undefined;
        },
        FIGURES_MS,
      );
      expect(after.ties).toBe(before.ties + 1);
      expect(after.components).toBe(before.components + 1);
      expect(after.computedAt > before.computedAt).toBe(true);
    },
    FIGURES_MS + 60_000,
  );
});
