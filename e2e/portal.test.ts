import { mkdirSync } from 'node:fs';
import { createContext } from '../src/context.js';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { ContentService } from '../src/services/content.js';
import { importFiles } from '../src/services/import.js';
import { buildApp } from '../src/web/app.js';
import { createTestDb, type TestDb } from '../test/helpers/db.js';
import { fixtureFiles } from '../test/helpers/fixtures.js';
import { launchBrowser, screenshot } from './browser.js';

const shots = join(import.meta.dirname, '..', 'var', 'screenshots');

describe('the portal in Chromium', () => {
  let t: TestDb;
  let atlas: FastifyInstance;
  let home: FastifyInstance;
  let browser: Browser;
  let base: string;
  let homeBase: string;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    t = await createTestDb('sqlite');
    await importFiles(t.store, fixtureFiles());
    const content = new ContentService(t.store);
    await content.setSection({
      subjectType: 'country',
      subjectId: 'CN',
      key: 'festivals',
      lang: 'en',
      body: 'The **Spring Festival** opens the year.',
    });
    const tie = await t.store.twinnings.between('Q74957', 'Q79867');
    await content.setSection({
      subjectType: 'twinning',
      subjectId: String(tie!.id),
      key: 'story',
      lang: 'en',
      body: 'Two steel cities signed in 1996.',
    });
    atlas = await buildApp(createContext(loadConfig({}), t.store));
    home = await buildApp(createContext(loadConfig({ TWINNING_HOME: 'Q74957' }), t.store));
    base = await atlas.listen({ port: 0, host: '127.0.0.1' });
    homeBase = await home.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await atlas?.close();
    await home?.close();
    await t?.drop();
  });

  it('suggests places while typing a name in another script, and goes to the chosen one by keyboard', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${base}/`);
    const box = page.getByRole('combobox', { name: 'Find a place, in any language' });
    await box.fill('鞍');
    const options = page.getByRole('option');
    await expect.poll(() => options.count()).toBe(2);
    await expect(options.first().textContent()).resolves.toBe('Anshan city · China · 2 ties');
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('true');
    await screenshot(page, join(shots, 'home-suggest.png'), false);
    await box.press('ArrowDown');
    await expect(box.getAttribute('aria-activedescendant')).resolves.toBe('suggest-0-0');
    await expect(options.first().getAttribute('aria-selected')).resolves.toBe('true');
    await box.press('Enter');
    await page.waitForURL(`${base}/places/Q74957/anshan`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Anshan');
    // Escape closes the list; the form still searches on Enter
    await page.goto(`${base}/`);
    await box.fill('malm');
    await expect.poll(() => options.count()).toBe(2);
    await box.press('Escape');
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=malm/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Places matching “malm”');
    // nothing outside this site was asked for
    expect(requests.filter((u) => !u.startsWith(base))).toEqual([]);
    await page.close();
  });

  it('searches without scripts too', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByLabel('Find a place, in any language').fill('鞍山');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/search\?q=/);
    await expect(page.getByRole('link', { name: 'Anshan', exact: true }).getAttribute('href')).resolves.toBe(
      '/places/Q74957/anshan',
    );
    await context.close();
  });

  it('shows a profile, switches language with the header link and keeps the choice', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/places/Q79867/birmingham`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Birmingham');
    await expect(page.getByRole('heading', { name: 'Partners (2)' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('img', { name: 'Birmingham and its partners' }).isVisible()).resolves.toBe(
      true,
    );
    await screenshot(page, join(shots, 'profile.png'));
    await page.getByRole('link', { name: '中文' }).click();
    await page.waitForURL(`${base}/places/Q79867/birmingham?lang=zh`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Birmingham');
    await expect(page.getByRole('heading', { name: '友好城市（2）' }).isVisible()).resolves.toBe(true);
    // the choice is remembered for addresses without ?lang=
    await page.goto(`${base}/countries`);
    await expect(page.locator('h1').textContent()).resolves.toBe('国家和地区');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${base}/countries`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Countries and territories');
    await context.close();
  });

  it('greets a browser that asks for Chinese in Chinese', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('世界友好城市');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-Hans');
    await screenshot(page, join(shots, 'home-zh.png'));
    await context.close();
  });

  it('lists countries by continent and leads from a country to the ties with a partner country', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${base}/countries`);
    await page.getByRole('link', { name: 'By continent' }).click();
    await expect(page.getByRole('heading', { name: 'Asia' }).isVisible()).resolves.toBe(true);
    await page.getByRole('link', { name: 'China' }).first().click();
    await page.waitForURL(`${base}/countries/CN`);
    await expect(page.getByRole('heading', { name: 'Festivals' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('#s-festivals + div strong').textContent()).resolves.toBe('Spring Festival');
    await screenshot(page, join(shots, 'country.png'));
    await page.getByRole('link', { name: '1 tie with United States' }).click();
    await page.waitForURL(`${base}/ties?a=CN&b=US`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Ties between China and United States');
    await page.getByRole('link', { name: 'Details: Anshan – Birmingham' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Anshan and Birmingham');
    await expect(page.getByText('Two steel cities signed in 1996.').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('filters ties with the explore form', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/ties`);
    await page.getByLabel('Signed in').selectOption('1990');
    await page.getByLabel('Kind').selectOption('partnership');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/decade=1990/);
    await expect(page.getByRole('status').textContent()).resolves.toBe('1 tie matches.');
    await expect(page.getByRole('link', { name: 'Hanover', exact: true }).isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('in home mode, leads with the home’s partners and writes their pages from its point of view', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${homeBase}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Anshan and its sister cities');
    await expect(
      page.getByRole('img', { name: 'Anshan and its partners on the map' }).isVisible(),
    ).resolves.toBe(true);
    await screenshot(page, join(shots, 'home-mode.png'));
    await page.getByRole('link', { name: 'Birmingham' }).first().click();
    await page.waitForURL(`${homeBase}/places/Q79867/birmingham`);
    await expect(page.locator('p.lead.tie').textContent()).resolves.toBe(
      'Partner of Anshan since Nov. 5, 1996. About the tie',
    );
    await expect(page.getByText('Two steel cities signed in 1996.').isVisible()).resolves.toBe(true);
    await screenshot(page, join(shots, 'profile-home-mode.png'));
    // on a phone the page still fits the screen
    await page.setViewportSize({ width: 390, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, join(shots, 'profile-phone.png'));
    await page.close();
  });
});
