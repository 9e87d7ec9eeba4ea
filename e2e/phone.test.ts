import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createContext } from '../src/context.js';
import { importFiles } from '../src/services/import.js';
import { buildApp } from '../src/web/app.js';
import { createTestDb, type TestDb } from '../test/helpers/db.js';
import { fixtureFiles } from '../test/helpers/fixtures.js';
import { provinceFiles } from '../test/helpers/province.js';
import { launchBrowser, screenshot } from './browser.js';

const shots = join(import.meta.dirname, '..', 'var', 'screenshots');

// A source as archives write them: one long word that no browser breaks by itself.
const LONG_SOURCE =
  'https://archives.example.org/city-council/minutes/2001/partnership-agreement-between-hanover-and-malmo-signed-copy-with-annexes.pdf';

/** How far the page is wider than the screen, in CSS pixels (0 when it fits). */
const overflow = (page: Page) =>
  page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));

describe('the public pages on a phone', () => {
  let world: TestDb;
  let province: TestDb;
  let worldApp: FastifyInstance;
  let provinceApp: FastifyInstance;
  let browser: Browser;
  let base: string;
  let provinceBase: string;
  let longTie: number;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    world = await createTestDb('sqlite');
    await importFiles(world.store, [
      ...fixtureFiles(),
      {
        name: 'more-twinnings.csv',
        content: `a,b,kind,signed,status,source\nQ1715,Q2211,partnership,2001-06-12,active,${LONG_SOURCE}\n`,
      },
    ]);
    longTie = (await world.store.twinnings.between('Q1715', 'Q2211'))!.id;
    province = await createTestDb('sqlite');
    await importFiles(province.store, provinceFiles());
    worldApp = await buildApp(createContext(loadConfig({}), world.store));
    provinceApp = await buildApp(createContext(loadConfig({}), province.store));
    base = await worldApp.listen({ port: 0, host: '127.0.0.1' });
    provinceBase = await provinceApp.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await worldApp?.close();
    await provinceApp?.close();
    await world?.drop();
    await province?.drop();
  });

  const phone = () => browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });

  it('fits the ties explorer and a tie page with a long source to the screen', async () => {
    const page = await phone();
    for (const [url, shot] of [
      ['/', 'home-phone.png'],
      ['/ties', 'ties-phone.png'],
      ['/ties?lang=zh', 'ties-zh-phone.png'],
      [`/ties/${longTie}`, 'tie-phone.png'],
      ['/rankings', 'rankings-phone.png'],
    ] as const) {
      await page.goto(`${base}${url}`);
      expect(await overflow(page), url).toBe(0);
      await screenshot(page, join(shots, shot));
    }
    // the whole address is there, wrapped
    await page.goto(`${base}/ties/${longTie}`);
    await expect(page.getByRole('link', { name: LONG_SOURCE }).isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('shows search results as a card per place, nothing cut off or scrolled sideways', async () => {
    const page = await phone();
    for (const lang of ['en', 'de']) {
      await page.goto(`${base}/search?q=a&lang=${lang}`);
      expect(await overflow(page), lang).toBe(0);
      const wrap = page.locator('.table-wrap').first();
      // the results' box scrolls no more than the page: every column of every row is on the screen
      expect(await wrap.evaluate((el) => el.scrollWidth - el.clientWidth), lang).toBe(0);
      const cells = await page.locator('table.results tbody tr').first().locator('td:not(:empty)').all();
      expect(cells.length, lang).toBeGreaterThanOrEqual(4);
      for (const cell of cells) {
        const box = (await cell.boundingBox())!;
        expect(box.x + box.width, lang).toBeLessThanOrEqual(390);
      }
      await screenshot(page, join(shots, `search-${lang}-phone.png`));
    }
    await page.close();
  });

  it('keeps the Chinese column headers of the ties table on one line each', async () => {
    // a small tablet: the explorer is a table there (on phones a card per tie)
    const page = await browser.newPage({ viewport: { width: 660, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(`${base}/ties?lang=zh`);
    expect(await overflow(page)).toBe(0);
    const heights = await page
      .locator('table th')
      .evaluateAll((ths) =>
        ths.map((th) => th.getBoundingClientRect().height / parseFloat(getComputedStyle(th).lineHeight)),
      );
    expect(heights.length).toBe(6);
    // a header's height in lines, padding included: one line and its padding is under 1.7
    for (const h of heights) expect(h).toBeLessThan(1.7);
    await screenshot(page, join(shots, 'ties-zh-tablet.png'));
    await page.close();
  });

  it('draws the statistics charts with labels one can read', async () => {
    const page = await phone();
    await page.goto(`${provinceBase}/places/anhui/stats?partners=international`);
    expect(await overflow(page)).toBe(0);
    for (const chart of ['countries', 'continents', 'growth']) {
      const sizes = await page
        .locator(`svg[aria-labelledby="${chart}-title ${chart}-desc"] text`)
        .evaluateAll((texts) => texts.map((t) => t.getBoundingClientRect().height));
      expect(sizes.length, chart).toBeGreaterThan(0);
      // the rendered text boxes: 11 px and more reads well on a phone, the growth chart's axes at least 9 px
      // (the old charts drew ~5 px)
      expect(Math.min(...sizes), chart).toBeGreaterThanOrEqual(chart === 'growth' ? 9 : 11);
    }
    await screenshot(page, join(shots, 'stats-phone-charts.png'));
    await page.close();
  });
});
