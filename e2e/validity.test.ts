import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { ContentService } from '../src/services/content.js';
import { importFiles } from '../src/services/import.js';
import { buildApp } from '../src/web/app.js';
import { createTestDb, type TestDb } from '../test/helpers/db.js';
import { fixtureFiles } from '../test/helpers/fixtures.js';
import { provinceFiles } from '../test/helpers/province.js';
import { launchBrowser } from './browser.js';

// Every page the site has, in both languages: valid HTML (the Nu Html Checker) and no serious accessibility
// violations (axe-core in Chromium).
const PAGES = [
  '/',
  '/places/Q74957/anshan',
  '/places/Q1000001/new-town',
  '/ties',
  '/ties?a=CN&b=US&decade=1990',
  '/ties/1',
  '/places/anhui/stats?partners=international&since=2018',
  '/places/CN/stats',
  '/embed/places/anhui/stats',
  '/countries',
  '/countries/CN',
  '/search?q=malm',
  '/rankings?continent=EU',
  '/path?from=Malmo&to=Birmingham',
  '/network',
  '/places/Q2211/network',
  '/quality',
  '/no/such/page',
];
// the same deployment in home mode (TWINNING_HOME): its home page and a partner's page
const HOME_PAGES = ['/', '/places/Q79867/birmingham'];
const withZh = (p: string) => [p, `${p}${p.includes('?') ? '&' : '?'}lang=zh`];
const URLS = PAGES.flatMap(withZh);
const HOME_URLS = HOME_PAGES.flatMap(withZh);

const require = createRequire(import.meta.url);
const vnuJar = require('vnu-jar') as string;

describe('every page', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let homeApp: FastifyInstance;
  const all = () => [
    ...URLS.map((url) => ({ app, url, label: url })),
    ...HOME_URLS.map((url) => ({ app: homeApp, url, label: `home mode ${url}` })),
  ];
  beforeAll(async () => {
    t = await createTestDb('sqlite');
    // the small world and the province together; the province file's country rows repeat the small world's
    const [provincePlaces, provinceTies] = provinceFiles();
    const known = /^(CN|US|SE|DE|JP),/;
    const files = [
      ...fixtureFiles(),
      {
        name: 'province-places.csv',
        content: provincePlaces!.content
          .split('\n')
          .filter((l) => !known.test(l))
          .join('\n'),
      },
      { name: 'province-twinnings.csv', content: provinceTies!.content },
    ];
    await importFiles(t.store, files);
    // sections as editors write them: headings, lists, links, another language
    const content = new ContentService(t.store);
    await content.setSection({
      subjectType: 'place',
      subjectId: 'Q74957',
      key: 'tourism',
      lang: 'en',
      body: '# Sights\n\n- Jade Buddha Palace\n- Qianshan mountains, see <https://example.org>\n\n> Worth a trip.',
    });
    await content.setSection({
      subjectType: 'place',
      subjectId: 'Q74957',
      key: 'food',
      lang: 'zh',
      body: '**烧烤**',
    });
    await content.setSection({
      subjectType: 'country',
      subjectId: 'CN',
      key: 'cuisine',
      lang: 'en',
      body: 'Eight cuisines.',
    });
    await content.setSection({
      subjectType: 'twinning',
      subjectId: '1',
      key: 'story',
      lang: 'en',
      body: 'Steel.',
    });
    app = await buildApp({ config: loadConfig({}), store: t.store });
    homeApp = await buildApp({ config: loadConfig({ TWINNING_HOME: 'Q74957' }), store: t.store });
  });
  afterAll(async () => {
    await app?.close();
    await homeApp?.close();
    await t?.drop();
  });

  it('is valid HTML', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'twinning-html-'));
    try {
      const files: string[] = [];
      const pages = all();
      for (const [i, { app, url, label }] of pages.entries()) {
        const res = await app.inject({ url });
        expect(res.headers['content-type'], label).toMatch(/text\/html/);
        const file = join(dir, `page-${i}.html`);
        writeFileSync(file, res.body);
        files.push(file);
      }
      const run = promisify(execFile);
      const out = await run('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', ...files], {
        maxBuffer: 16 * 1024 * 1024,
      }).catch((e: { stdout: string; stderr: string }) => e);
      const report = JSON.parse(out.stderr || '{"messages":[]}') as {
        messages: { url: string; message: string }[];
      };
      const problems = report.messages.map(
        (m) => `${pages[Number(/page-(\d+)/.exec(m.url)?.[1])]?.label}: ${m.message}`,
      );
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  describe('in Chromium', () => {
    let browser: Browser;
    let base: string;
    let homeBase: string;
    beforeAll(async () => {
      base = await app.listen({ port: 0, host: '127.0.0.1' });
      homeBase = await homeApp.listen({ port: 0, host: '127.0.0.1' });
      browser = await launchBrowser();
    });
    afterAll(async () => browser?.close());

    it('has no serious accessibility violations', async () => {
      const axe = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
      const page = await browser.newPage();
      const found: string[] = [];
      for (const { app: which, url, label } of all()) {
        await page.goto((which === app ? base : homeBase) + url);
        await page.addScriptTag({ content: axe });
        const { violations, passes } = (await page.evaluate(async () => {
          const axe = (
            window as unknown as { axe: { run: () => Promise<{ violations: unknown[]; passes: unknown[] }> } }
          ).axe;
          const r = await axe.run();
          return { violations: r.violations, passes: r.passes.length };
        })) as {
          violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
          passes: number;
        };
        // axe really looked at the page
        expect(passes, label).toBeGreaterThan(10);
        for (const v of violations) {
          if (v.impact === 'serious' || v.impact === 'critical') {
            found.push(
              `${label}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
            );
          }
        }
      }
      expect(found).toEqual([]);
    }, 120_000);
  });
});
