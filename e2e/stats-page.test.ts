import { mkdirSync } from 'node:fs';
import { createContext } from '../src/context.js';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { importFiles } from '../src/services/import.js';
import { buildApp } from '../src/web/app.js';
import { createTestDb, type TestDb } from '../test/helpers/db.js';
import { provinceFiles } from '../test/helpers/province.js';
import { launchBrowser, screenshot } from './browser.js';

const shots = join(import.meta.dirname, '..', 'var', 'screenshots');

describe('statistics page in Chromium', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    t = await createTestDb('sqlite');
    await importFiles(t.store, provinceFiles());
    app = await buildApp(createContext(loadConfig({}), t.store));
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  it('shows the paragraph, the charts and the map, and switches to Chinese', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${base}/places/anhui/stats?partners=international&since=2018`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Statistics of Anhui');
    await expect(page.locator('p.lead').textContent()).resolves.toContain(
      'Anhui is twinned with 59 places in 15 countries.',
    );
    // every chart is an image with a name
    const names = await page.locator('svg[role="img"] > title').allTextContents();
    expect(names).toEqual([
      'Growth · Anhui',
      'By continent · Anhui',
      'By country · Anhui',
      'Partner countries on the map · Anhui',
    ]);
    const growth = await page.locator('svg[aria-labelledby="growth-title growth-desc"]').boundingBox();
    expect(growth!.width).toBeGreaterThan(600);
    await screenshot(page, join(shots, 'stats-en.png'));

    await page.getByRole('link', { name: '中文' }).click();
    await page.waitForURL(/lang=zh/);
    await expect(page.locator('h1').textContent()).resolves.toBe('安徽省友好城市统计');
    await expect(page.locator('p.lead').textContent()).resolves.toContain('安徽省共有59个友好城市');
    await screenshot(page, join(shots, 'stats-zh.png'));
  });

  it('filters with the form, without JavaScript', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 400, height: 800 },
    });
    const page = await context.newPage();
    await page.goto(`${base}/places/anhui/stats`);
    await page.selectOption('select[name="partners"]', 'domestic');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/partners=domestic/);
    await expect(page.locator('p.lead').textContent()).resolves.toContain(
      'Anhui is twinned with 1 place in 1 country.',
    );
    await screenshot(page, join(shots, 'stats-phone.png'));
    await context.close();
  });

  it('can be reached with the keyboard: the skip link comes first', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/places/anhui/stats`);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
  });
});
