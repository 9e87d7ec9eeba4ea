import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createContext } from '../src/context.js';
import { AccountsService } from '../src/services/accounts.js';
import { importFiles } from '../src/services/import.js';
import { OrgsService, SYSTEM } from '../src/services/orgs.js';
import { buildApp } from '../src/web/app.js';
import { createTestDb, type TestDb } from '../test/helpers/db.js';
import { fixtureFiles } from '../test/helpers/fixtures.js';
import { launchBrowser, screenshot } from './browser.js';

const shots = join(import.meta.dirname, '..', 'var', 'screenshots');
const PASSWORD = 'correct horse battery';

// An organization's editor adds a partner place the registry lacks (coordinates from a click on the map, the
// duplicate check while typing), then its tie with the home, and sees it on the home's page.
describe('adding a place and its tie in Chromium', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    t = await createTestDb('sqlite');
    await importFiles(t.store, fixtureFiles());
    await new AccountsService(t.store).addUser({
      email: 'editor@example.org',
      name: 'Edda Editor',
      password: PASSWORD,
    });
    const orgs = new OrgsService(t.store);
    const org = await orgs.create(SYSTEM, { name: 'Anshan Office', kind: 'office', homeId: 'Q74957' });
    await orgs.grant(SYSTEM, org, 'editor@example.org', 'editor');
    app = await buildApp(createContext(loadConfig({}), t.store));
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  it('signs in as an editor, adds a place and a tie to it, and sees it on the profile', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${base}/signin`);
    await page.getByLabel('E-mail address').fill('editor@example.org');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/account`);

    // from the home's page: add a tie, then "not in the registry? add the place"
    await page.goto(`${base}/places/Q74957/anshan`);
    await page.getByRole('link', { name: 'Add a tie' }).click();
    await page.waitForURL(`${base}/add/tie?from=Q74957`);
    await page.getByRole('link', { name: 'Add the place' }).click();
    await page.waitForURL(`${base}/add/place?from=Q74957`);

    // a name like Malmö's in Sweden: the likely duplicates show under the name as it is typed
    await page.getByLabel('Country').selectOption('SE');
    await page.getByLabel('Name', { exact: true }).pressSequentially('Malmo', { delay: 20 });
    await expect.poll(() => page.locator('#duplicates').innerText()).toContain('Malmö');
    await page.getByLabel('Name', { exact: true }).fill('Lund');
    await expect.poll(() => page.locator('#duplicates').innerText()).toContain('No place in the registry');

    // a click on the map fills in the coordinates: southern Sweden is at about 55.7 N, 13.2 E
    const map = page.locator('svg.pick-map');
    const box = (await map.boundingBox())!;
    await map.click({
      position: { x: ((13.2 + 180) / 360) * box.width, y: ((90 - 55.7) / 180) * box.height },
    });
    const lat = Number(await page.getByRole('textbox', { name: 'Latitude' }).inputValue());
    const lon = Number(await page.getByRole('textbox', { name: 'Longitude' }).inputValue());
    // a pixel of the map is about half a degree
    expect(Math.abs(lat - 55.7)).toBeLessThan(1);
    expect(Math.abs(lon - 13.2)).toBeLessThan(1);
    await page.getByRole('textbox', { name: 'Latitude' }).fill('55.7047');
    await page.getByRole('textbox', { name: 'Longitude' }).fill('13.191');
    await page.getByLabel('Sources').fill('https://example.org/lund');
    await screenshot(page, join(shots, 'add-place-1280.png'));
    await page.getByRole('button', { name: 'Add the place' }).click();

    // the tie form comes next, with the new place as the partner
    await page.waitForURL(/\/add\/tie\?from=Q74957&partner=se-lund&added=se-lund$/);
    await expect.poll(() => page.locator('main').innerText()).toContain('Lund is added.');
    expect(await page.getByLabel('Partner place').inputValue()).toBe('Lund (se-lund)');
    await page.getByLabel('Kind of tie').selectOption('friendship');
    await page.getByLabel('Signed').fill('2025-06');
    await page.getByLabel('Sources').fill('https://example.org/anshan-lund');
    await screenshot(page, join(shots, 'add-tie-1280.png'));
    await page.getByRole('button', { name: 'Add the tie' }).click();
    await page.waitForURL(/\/edit\/tie\/\d+\?done=added$/);
    await expect.poll(() => page.locator('main').innerText()).toContain('The tie is added.');
    await page.getByRole('link', { name: 'See it on the site' }).click();
    await page.waitForURL(/\/ties\/\d+/);

    // the home's page lists the new partner
    await page.goto(`${base}/places/Q74957/anshan`);
    await expect.poll(() => page.locator('#h-partners').innerText()).toContain('3');
    expect(await page.locator('main').innerText()).toContain('Lund');
    expect(errors).toEqual([]);
    await context.close();
  });
});
