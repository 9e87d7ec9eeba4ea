import { execFile } from 'node:child_process';
import { createContext } from '../src/context.js';
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
import sharp from 'sharp';
import { AccountsService } from '../src/services/accounts.js';
import { ApiKeysService } from '../src/services/api-keys.js';
import { CommentsService } from '../src/services/comments.js';
import { EntriesService } from '../src/services/entries.js';
import { DataVersion } from '../src/services/data-version.js';
import { FactsService } from '../src/services/facts.js';
import { Gazetteer } from '../src/services/gazetteer.js';
import { SeekingService } from '../src/services/seeking.js';
import { OrgsService, SYSTEM, actorOf } from '../src/services/orgs.js';
import { PhotosService } from '../src/services/photos.js';
import { htmlLang, LANGS } from '../src/web/i18n/index.js';
import { launchBrowser } from './browser.js';

// Every page the site has, in every language: valid HTML (the Nu Html Checker), and in Chromium at a phone's
// width no horizontal overflow and no Content-Security-Policy violation. axe-core (serious accessibility
// violations) looks at every page in English, in Chinese (CJK type) and in one of the other six languages in turn
// (`axeLangs`): the markup and style sheet are the same in every language, and axe's ~0.7 s a page (60% of the
// browser's time) in all eight made this file a third of the whole suite. What a language alone can break
// (a text missing or empty, so a link or button without a name) test/web/i18n.test.ts checks for every key.
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
  '/places/Q2211/partners/find',
  '/places/Q360235/partners/find',
  '/seeking',
  '/seeking?continent=AS&field=education',
  '/quality',
  '/api',
  '/no/such/page',
];
// the same deployment in home mode (TWINNING_HOME): its home page and a partner's page
const HOME_PAGES = ['/', '/places/Q79867/birmingham'];
/** the page in English and in every other language the site speaks */
const withZh = (p: string) => [
  p,
  ...LANGS.filter((l) => l !== 'en').map((l) => `${p}${p.includes('?') ? '&' : '?'}lang=${l}`),
];
const URLS = PAGES.flatMap(withZh);
const OTHER_LANGS = LANGS.filter((l) => l !== 'en' && l !== 'zh');
/** the languages in which axe looks at the n-th page of a list: English, Chinese and one other in turn */
const axeLangs = (n: number): string[] => ['en', 'zh', OTHER_LANGS[n % OTHER_LANGS.length]!];
/** whether axe looks at this URL, the i-th of a list made by withZh (each page followed by its languages) */
const withAxe = (url: string, i: number): boolean =>
  axeLangs(Math.floor(i / LANGS.length)).includes(/[?&]lang=([a-z]+)/.exec(url)?.[1] ?? 'en');
const HOME_URLS = HOME_PAGES.flatMap(withZh);
// pages of a program's content, and the pages behind sign-in (seen by a site admin), made in beforeAll
const PROGRAM_URLS: string[] = [];
const SIGNED_IN_URLS: string[] = [];
const NEWCOMER_URLS: string[] = [];

const require = createRequire(import.meta.url);
const vnuJar = require('vnu-jar') as string;

describe('every page', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let homeApp: FastifyInstance;
  let session = '';
  /** a reader who has just signed up and not yet confirmed the address */
  let newcomer = '';
  const all = (): { app: FastifyInstance; url: string; label: string; cookie?: string; axe: boolean }[] => [
    ...URLS.map((url, i) => ({ app, url, label: url, axe: withAxe(url, i) })),
    ...HOME_URLS.map((url, i) => ({ app: homeApp, url, label: `home mode ${url}`, axe: withAxe(url, i) })),
    ...PROGRAM_URLS.map((url, i) => ({ app, url, label: url, axe: withAxe(url, i) })),
    ...SIGNED_IN_URLS.map((url, i) => ({
      app,
      url,
      label: `signed in ${url}`,
      cookie: `tw_session=${session}`,
      axe: withAxe(url, i),
    })),
    ...NEWCOMER_URLS.map((url, i) => ({
      app,
      url,
      label: `newcomer ${url}`,
      cookie: `tw_session=${newcomer}`,
      axe: withAxe(url, i),
    })),
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
    // a program: an organization with every kind of entry, a comment waiting, a photo, an edited fact
    const admin = await new AccountsService(t.store).addUser({
      email: 'admin@example.org',
      name: 'Ada',
      password: 'correct horse battery',
      admin: true,
    });
    session = (await new AccountsService(t.store).startSession(admin.id)).token;
    const org = await new OrgsService(t.store).create(SYSTEM, {
      name: 'Anshan Sister Cities',
      kind: 'commission',
      homeId: 'Q74957',
      about: 'The program.',
    });
    const entries = new EntriesService(t.store, 'http://localhost');
    const tie = String((await t.store.twinnings.between('Q74957', 'Q79867'))!.id);
    const committee = await entries.save(
      SYSTEM,
      org,
      'committee',
      null,
      { title: 'US committee', country: 'US' },
      [],
    );
    await entries.save(
      SYSTEM,
      org,
      'person',
      null,
      {
        title: 'Li Wei',
        role: 'co-chair',
        committee: String(committee),
        email: 'li@example.org',
        phone: '+86 412 555 0100',
        public: 'on',
      },
      [],
    );
    await entries.save(
      SYSTEM,
      org,
      'institution',
      null,
      { title: 'Anshan Normal University', kind: 'university', place: 'Q74957', url: 'https://example.org' },
      [],
    );
    await entries.save(
      SYSTEM,
      org,
      'membership',
      null,
      { title: 'Sister Cities International', since: '1996' },
      [],
    );
    const post = await entries.save(
      SYSTEM,
      org,
      'post',
      null,
      { title: 'Thirty years', kind: 'news', summary: 'A look back.', body: 'Signed in **1996**.' },
      [{ type: 'twinning', id: tie }],
    );
    const event = await entries.save(
      SYSTEM,
      org,
      'event',
      null,
      {
        title: 'Festival',
        starts: '2099-05-01T18:00',
        ends: '2099-05-01T21:00',
        timezone: 'Asia/Shanghai',
        venue: 'Culture Center',
        description: 'Music.',
      },
      [{ type: 'place', id: 'Q74957' }],
    );
    const activity = await entries.save(
      SYSTEM,
      org,
      'activity',
      null,
      {
        title: 'Steel delegation',
        kind: 'delegation-out',
        date: '2026-10',
        participants: 'Angang Steel',
        outcome: 'A memorandum.',
        amount: '1000000',
        currency: 'USD',
        seeking: 'on',
        contact: 'office@example.org',
      },
      [{ type: 'twinning', id: tie }],
    );
    const reader = await new AccountsService(t.store).addUser({
      email: 'reader@example.org',
      password: 'correct horse battery',
    });
    const comments = new CommentsService(t.store, 'http://localhost');
    const first = await comments.add(await actorOf(t.store, reader), post, { body: 'Congratulations!' });
    await comments.moderate(SYSTEM, first.id, 'approve');
    await comments.add(await actorOf(t.store, reader), post, { body: 'Waiting for a decision.' });
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3070b0' } })
      .jpeg()
      .toBuffer();
    await new PhotosService(t.store).add(SYSTEM, {
      subjectType: 'place',
      subjectId: 'Q74957',
      caption: 'The river',
      bytes: jpeg,
      org: org.slug,
    });
    await new FactsService(t.store).editPlace(SYSTEM, 'Q74957', {
      population: '1200000',
      leader_title: 'Mayor',
      leader_name: 'Zhang',
    });
    // changes the Wikidata sync proposed: a name, a population an editor set, a new tie
    for (const [kind, subjectType, subjectId, fact, oldValue, newValue, editorSet] of [
      ['label', 'place', 'Q74957', 'zh', '鞍山', '鞍山市', false],
      ['population', 'place', 'Q74957', '', '1200000', '1325000 (2020)', true],
      ['new_tie', 'twinning', 'Q1490 Q74957', '', null, '2016-05', false],
    ] as const)
      await t.store.proposals.add(
        {
          kind,
          subjectType,
          subjectId,
          fact,
          oldValue,
          newValue,
          payload: {},
          qid: 'Q74957',
          wdRevision: '2301551234',
          wdModified: '2026-11-20T08:12:40Z',
          retrievedAt: new Date().toISOString(),
          editorSet,
        },
        new Date().toISOString(),
      );
    await new AccountsService(t.store).requestReset('reader@example.org', '127.0.0.1', 'http://localhost');
    const joiner = await new AccountsService(t.store).signUp(
      { email: 'joiner@example.org', password: 'correct horse battery' },
      '127.0.0.1',
      'http://localhost',
    );
    newcomer = (await new AccountsService(t.store).startSession(joiner.id)).token;
    const [confirmation] = await t.store.outbox.list({ limit: 1, to: 'joiner@example.org' });
    const confirmLink = /http:\/\/localhost(\/confirm\/[\w-]+)/.exec(confirmation!.body)![1]!;
    await new AccountsService(t.store).requestEmailChange(
      reader,
      { email: 'reader.new@example.org', password: 'correct horse battery' },
      'http://localhost',
    );
    const [moving] = await t.store.outbox.list({ limit: 1, to: 'reader.new@example.org' });
    const moveLink = /http:\/\/localhost(\/account\/email\/[\w-]+)/.exec(moving!.body)![1]!;
    // two API keys, one of them revoked (the API keys page lists both)
    const keys = new ApiKeysService(t.store);
    const adminActor = await actorOf(t.store, (await t.store.users.byEmail('admin@example.org'))!);
    await keys.create(adminActor, org.slug, 'Commission website');
    const old = await keys.create(adminActor, org.slug, 'Old newsletter script');
    await keys.revoke(adminActor, org.slug, old.key.id);
    // someone invited who has no account yet (the manage page lists the invitation)
    await new OrgsService(t.store).grant(SYSTEM, org, 'invited@example.org', 'member');
    // profile keywords on Anshan, and its office's "seeking partners" listing
    const facts = new FactsService(t.store);
    await facts.editPlace(SYSTEM, 'Q74957', {
      ...(await facts.placeFacts('Q74957')),
      keywords: 'steel; port; university; glass making',
    });
    const version = new DataVersion(t.store);
    await new SeekingService(t.store, new Gazetteer(t.store, version), version).publish(
      SYSTEM,
      'anshan-sister-cities',
      {
        countries: 'DE, FR',
        continents: ['EU'],
        fields: ['education', 'youth', 'trade'],
        note: 'A steel city looking for school exchanges and vocational training.',
        contactName: 'Li Wei',
        contactEmail: 'partners@anshan.example.cn',
      },
    );
    // the notification settings that the link in every notification opens
    const secret = await t.store.users.notifyToken(reader.id, 'validity-test-notification-secret');
    await t.store.notify.subscribe(reader.id, 'place', 'Q74957', 'daily', new Date().toISOString());
    await t.store.notify.subscribe(reader.id, 'replies', String(post), 'instant', new Date().toISOString());
    NEWCOMER_URLS.push(...['/account?done=signup', '/places/Q74957/anshan'].flatMap(withZh));
    PROGRAM_URLS.push(
      ...[
        '/news',
        '/news?about=place:Q74957',
        `/activities?about=twinning:${tie}`,
        '/activities',
        `/news/${post}`,
        '/events',
        `/events/${event}`,
        `/activities/${activity}`,
        '/orgs',
        '/orgs/anshan-sister-cities',
        '/signin',
        '/signup',
        '/reset',
        confirmLink,
        '/confirm/this-link-is-no-good-any-more',
        `/notifications/${secret}`,
        moveLink,
        `/notifications/${secret}/stop`,
      ].flatMap(withZh),
    );
    SIGNED_IN_URLS.push(
      ...[
        '/account',
        '/admin',
        '/admin/users',
        `/admin/users/${joiner.id}/delete`,
        '/admin/orgs',
        '/admin/outbox',
        '/admin/outbox/1',
        '/admin/audit',
        '/admin/edits',
        '/admin/proposals',
        '/admin/proposals?kind=population&done=all&n=2&failed=1',
        '/moderation',
        '/orgs/anshan-sister-cities',
        '/orgs/anshan-sister-cities/manage',
        '/orgs/anshan-sister-cities/seeking',
        '/seeking',
        '/orgs/anshan-sister-cities/history',
        '/orgs/anshan-sister-cities/api-keys',
        '/orgs/anshan-sister-cities/entries/activity',
        ...['post', 'event', 'activity', 'committee', 'person', 'institution', 'membership'].map(
          (type) => `/orgs/anshan-sister-cities/entries/${type}/new`,
        ),
        `/entries/${post}/edit`,
        `/entries/${post}/edit?done=saved`,
        `/entries/${activity}/history`,
        `/news/${post}`,
        '/places/Q74957/anshan',
        `/ties/${tie}`,
        '/edit/place/Q74957',
        `/edit/tie/${tie}`,
        '/edit/place/Q74957/economy?in=en',
        '/history/place/Q74957/facts',
        '/add/tie',
        '/add/tie?from=Q74957&partner=Q1715',
        '/add/place?from=Q74957',
        '/admin/places/merge',
        '/admin/places/merge?keep=Q2211&drop=Q503361',
      ].flatMap(withZh),
    );
    app = await buildApp(createContext(loadConfig({}), t.store));
    homeApp = await buildApp(createContext(loadConfig({ TWINNING_HOME: 'Q74957' }), t.store));
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
      for (const [i, { app, url, label, cookie }] of pages.entries()) {
        const res = await app.inject({ url, headers: cookie ? { cookie } : {} });
        expect(res.headers['content-type'], label).toMatch(/text\/html/);
        // the pages that answer "not found" and "this link is no good" on purpose
        const gone = /^\/(no\/such\/page|confirm\/this-link-is-no-good-any-more)(\?|$)/.test(url);
        expect(res.statusCode === 200 || gone, `${label}: ${res.statusCode}`).toBe(true);
        const file = join(dir, `page-${i}.html`);
        writeFileSync(file, res.body);
        files.push(file);
      }
      // A page the checker must fault: proof that it ran and read the files, not merely that it said nothing.
      const canary = join(dir, 'canary.html');
      writeFileSync(
        canary,
        '<!doctype html><html lang="en"><head></head><body><p>no title</p></body></html>',
      );
      const run = promisify(execFile);
      const out = await run('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', canary, ...files], {
        maxBuffer: 16 * 1024 * 1024,
      }).catch((e: { stdout?: string; stderr?: string; message: string }) => e);
      let report: { version?: string; messages: { url: string; message: string }[] };
      try {
        report = JSON.parse(out.stderr ?? '') as typeof report;
      } catch {
        throw new Error(
          `The Nu Html Checker did not run (java and vnu-jar are needed): ${'message' in out ? out.message : out.stderr}`,
        );
      }
      expect(report.version, 'the checker names its version').toBeTruthy();
      expect(
        report.messages.some((m) => m.url.endsWith('/canary.html')),
        'the checker faults the page without a title',
      ).toBe(true);
      const problems = report.messages
        .filter((m) => !m.url.endsWith('/canary.html'))
        .map((m) => `${pages[Number(/page-(\d+)/.exec(m.url)?.[1])]?.label}: ${m.message}`);
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

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

    it('has no serious accessibility violations, no horizontal overflow on a phone and no CSP violation', async () => {
      const axe = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
      const found: string[] = [];
      const queue = all();
      let checked = 0;
      let axed = 0;
      const langsAxed = new Set<string>();
      // a few tabs at once: the pages are many (every page in every language)
      const worker = async () => {
        // a tab with axe added to every document it opens (outside the page's own policy, and parsed with the
        // document instead of sent over the wire each time), and a tab without it for the other pages
        const tabs = await Promise.all(
          [true, false].map(async (withAxe) => {
            const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
            if (withAxe) await context.addInitScript({ content: axe });
            const page = await context.newPage();
            const violations: string[] = [];
            page.on('console', (m) => {
              if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
            });
            return { context, page, violations };
          }),
        );
        for (let item = queue.shift(); item; item = queue.shift()) {
          const { app: which, url, label, cookie } = item;
          const { context, page, violations } = tabs[item.axe ? 0 : 1]!;
          const origin = which === app ? base : homeBase;
          await context.clearCookies();
          if (cookie) {
            await context.addCookies([
              { name: 'tw_session', value: cookie.slice('tw_session='.length), url: origin },
            ]);
          }
          violations.length = 0;
          await page.goto(origin + url);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          if (width > 390) found.push(`${label}: ${width} px wide at 390 px`);
          if (item.axe) {
            const { violations: broken, passes } = (await page.evaluate(async () => {
              const axe = (
                window as unknown as {
                  axe: {
                    run: (
                      c: Document,
                      o: { resultTypes: string[] },
                    ) => Promise<{ violations: unknown[]; passes: unknown[] }>;
                  };
                }
              ).axe;
              // violations in full; passes, incomplete and inapplicable with one node per rule (much faster)
              const r = await axe.run(document, { resultTypes: ['violations'] });
              return { violations: r.violations, passes: r.passes.length };
            })) as {
              violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
              passes: number;
            };
            // axe really looked at the page
            expect(passes, label).toBeGreaterThan(10);
            for (const v of broken) {
              if (v.impact === 'serious' || v.impact === 'critical') {
                found.push(
                  `${label}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
                );
              }
            }
            axed++;
            langsAxed.add(await page.evaluate(() => document.documentElement.lang));
          }
          for (const v of violations) found.push(`${label}: ${v}`);
          checked++;
        }
        for (const { context } of tabs) await context.close();
      };
      const total = queue.length;
      await Promise.all([worker(), worker(), worker()]);
      expect(checked).toBe(total);
      // axe looked at three of every eight pages, and in every language on some of them
      expect(axed).toBe(total * (3 / LANGS.length));
      expect([...langsAxed].sort()).toEqual(LANGS.map(htmlLang).sort());
      expect(found).toEqual([]);
    }, 1_200_000);
  });
});
