import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/context.js';
import { loadConfig } from '../../src/config.js';
import { EntriesService } from '../../src/services/entries.js';
import { FactsService } from '../../src/services/facts.js';
import { OrgsService, SYSTEM } from '../../src/services/orgs.js';
import { seedIfEmpty } from '../../src/services/seed.js';
import { buildApp } from '../../src/web/app.js';
import type { FastifyInstance } from 'fastify';
import { useTestApp } from '../helpers/app.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { fixtureFiles } from '../helpers/fixtures.js';

/** the versions are re-read at most once a second */
const nextVersion = () => new Promise((r) => setTimeout(r, 1100));

describe('home mode leads to the program: its organization, committees and contacts', () => {
  const ctx = useTestApp(fixtureFiles, { TWINNING_HOME: 'Q74957' });
  const get = async (url: string) => (await ctx.app.inject({ method: 'GET', url })).body;
  let committee = 0;

  it('has no program link before an organization runs the home', async () => {
    const html = await get('/');
    expect(html).not.toContain('Our program');
    expect(await get('/places/Q79867/birmingham')).not.toContain('h-our-program');
  });

  it('links the header to the organization once there is one', async () => {
    const org = await new OrgsService(ctx.t.store, 'http://localhost').create(SYSTEM, {
      name: 'Anshan Foreign Affairs Office',
      kind: 'office',
      homeId: 'Q74957',
      about: 'We run the ties.',
    });
    const entries = new EntriesService(ctx.t.store, 'http://localhost');
    committee = await entries.save(
      SYSTEM,
      org,
      'committee',
      null,
      { title: 'US Committee', country: 'US' },
      [],
    );
    await entries.save(SYSTEM, org, 'committee', null, { title: 'Japan Committee', country: 'JP' }, []);
    const person = (data: Record<string, string>) => entries.save(SYSTEM, org, 'person', null, data, []);
    await person({
      title: 'Li Wei',
      role: 'co-chair',
      committee: String(committee),
      email: 'li@example.org',
      phone: '+86 412 555 0100',
      public: 'on',
    });
    await person({
      title: 'Wang Fang',
      role: 'co-chair',
      committee: String(committee),
      email: 'private@example.org',
    });
    await person({ title: 'Zhao Lei', role: 'director', email: 'office@example.org', public: 'on' });
    await nextVersion();
    const html = await get('/');
    expect(html).toContain(
      '<li><a href="/">Home</a></li><li><a href="/orgs/anshan-foreign-affairs-office">Our program</a></li>',
    );
    expect(await get('/ties?lang=zh')).toContain(
      '<a href="/orgs/anshan-foreign-affairs-office?lang=zh">我们的项目</a>',
    );
    // the home page says who runs the program, with every committee and whom to ask
    expect(html).toContain('<h2 id="h-our-program">Our sister-city program</h2>');
    expect(html).toMatch(
      /<dt>Committees<\/dt><dd><ul class="plain"><li><a href="\/orgs\/anshan-foreign-affairs-office#committee-\d+">Japan Committee<\/a><span class="muted"> · Japan<\/span><\/li><li><a href="\/orgs\/anshan-foreign-affairs-office#committee-\d+">US Committee<\/a>/,
    );
    expect(html).toContain('<span class="title">Zhao Lei</span>director');
  });

  it('names the committee for the partner’s country and its contacts on the partner’s page', async () => {
    const html = await get('/places/Q79867/birmingham');
    expect(html).toContain('<h2 id="h-our-program">Our program with Birmingham</h2>');
    expect(html).toContain(
      '<dt>Run by</dt><dd><a href="/orgs/anshan-foreign-affairs-office">Anshan Foreign Affairs Office</a></dd>',
    );
    expect(html).toContain(
      `<dt>Committee</dt><dd><ul class="plain"><li><a href="/orgs/anshan-foreign-affairs-office#committee-${committee}">US Committee</a></li></ul></dd>`,
    );
    expect(html).toContain('<a href="mailto:li@example.org">li@example.org</a>');
    expect(html).toContain('<a href="tel:+864125550100">+86 412 555 0100</a>');
    // a person not marked public is named, their address is not
    expect(html).toContain('<span class="title">Wang Fang</span>co-chair');
    expect(html).not.toContain('private@example.org');
    expect(html).not.toContain('Japan Committee');
    expect(html).toContain('All committees and contacts of Anshan Foreign Affairs Office');
    // a partner in a country without a committee: the organization and its office
    const malmo = await get('/places/Q2211/malmo');
    expect(malmo).toContain('<h2 id="h-our-program">Our program with Malmö</h2>');
    expect(malmo).not.toContain('<dt>Committee</dt>');
    expect(malmo).toContain('<a href="mailto:office@example.org">office@example.org</a>');
    // in Chinese
    expect(await get('/places/Q79867/birmingham?lang=zh')).toMatch(
      /<h2 id="h-our-program">我们与.+的交流项目<\/h2>/,
    );
    // a place not tied to the home has no such panel
    expect(await get('/places/Q1715/hanover')).not.toContain('h-our-program');
  });

  it('puts committees and contacts first on the organization’s page', async () => {
    const html = await get('/orgs/anshan-foreign-affairs-office');
    expect(html).toContain('<h2 id="h-contacts">Committees and contacts</h2>');
    expect(html).toContain(
      `<h3 id="committee-${committee}">US Committee<span class="muted"> · <a href="/countries/US">United States</a></span></h3>`,
    );
    expect(html).toContain('<h3>Office and officers</h3>');
    expect(html.indexOf('h-contacts')).toBeLessThan(html.indexOf('h-news'));
    expect(html).not.toContain('private@example.org');
  });
});

describe('recent changes on a fresh install', () => {
  let t: TestDb;
  let dir: string;
  const apps: FastifyInstance[] = [];
  const start = async (env: NodeJS.ProcessEnv = {}) => {
    const app = await buildApp(createContext(loadConfig(env), t.store));
    apps.push(app);
    return async (url: string) => (await app.inject({ method: 'GET', url })).body;
  };
  const recent = (html: string) => /<section aria-labelledby="h-recent">.*?<\/section>/.exec(html)![0];

  beforeAll(async () => {
    t = await createTestDb('sqlite');
    dir = await mkdtemp(join(tmpdir(), 'twinning-seed-'));
    for (const f of fixtureFiles()) await writeFile(join(dir, f.name), f.content);
    expect(await seedIfEmpty(t.store, undefined, dir)).not.toBeNull();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await t?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('tells the load of the bundled data as one line, not as a change of every tie', async () => {
    for (const get of [await start(), await start({ TWINNING_HOME: 'Q74957' })]) {
      const log = recent(await get('/'));
      expect(log).toMatch(
        /<ul class="log"><li class="seeded"><time datetime="[^"]+">[^<]+<\/time>Bundled data loaded: 15 places and 4 ties <a href="\/about" aria-label="About the bundled data">›<\/a><\/li><\/ul>/,
      );
      expect(log).not.toContain('/ties/');
    }
    const zh = recent(await (await start())('/?lang=zh'));
    expect(zh).toContain('载入内置数据：15个地点、4对友好关系');
  });

  it('lists the ties changed since, above that line', async () => {
    const tie = (await t.store.twinnings.between('Q74957', 'Q79867'))!;
    await nextVersion();
    await new FactsService(t.store).editTie(SYSTEM, tie.id, { notes: 'Two steel cities.' });
    await nextVersion();
    for (const get of [await start(), await start({ TWINNING_HOME: 'Q74957' })]) {
      const log = recent(await get('/'));
      expect(log).toMatch(
        new RegExp(
          `<ul class="log"><li><time[^>]*>[^<]+</time>.*href="/ties/${tie.id}".*</li><li class="seeded">`,
        ),
      );
      expect(log.match(/<li/g)).toHaveLength(2);
    }
  });
});
