import type { FastifyInstance } from 'fastify';
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createContext } from '../../src/context.js';
import { importFiles } from '../../src/services/import.js';
import { OrgsService, SYSTEM } from '../../src/services/orgs.js';
import { buildApp } from '../../src/web/app.js';
import { Visitor, csrfOf, mainText, signedInVisitors } from '../helpers/client.js';
import { DIALECTS, createTestDb, type TestDb } from '../helpers/db.js';
import { fixtureFiles } from '../helpers/fixtures.js';

const PASSWORD = 'correct horse battery';
/** past the 32-bit integers both databases number rows with */
const HUGE = '99999999999';

// The program's pages on both databases: what an address or a form names that cannot exist is "not found" or
// a form's problem, never a server fault; what feeds carry; what an editor is offered after saving.
describe.each(DIALECTS)("organizations' pages on %s", (dialect) => {
  let t: TestDb;
  let app: FastifyInstance;
  let as: Record<string, Visitor> = {};
  beforeAll(async () => {
    t = await createTestDb(dialect);
    await importFiles(t.store, fixtureFiles());
    app = await buildApp(createContext(loadConfig({}), t.store));
    as = await signedInVisitors(() => app, t.store, ['editor', 'reader'], {
      password: PASSWORD,
      net: '10.31.0',
    });
    const org = await new OrgsService(t.store).create(SYSTEM, {
      name: 'Anshan Sister Cities',
      kind: 'commission',
      homeId: 'Q74957',
    });
    await new OrgsService(t.store).grant(SYSTEM, org, 'editor@example.org', 'editor');
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  /** Opens the form of a new entry and sends it with the fields and subjects. */
  async function create(type: string, fields: Record<string, string>, subjects: string[] = []) {
    const page = await as.editor!.get(`/orgs/anshan-sister-cities/entries/${type}/new`);
    const body = new URLSearchParams({ _csrf: csrfOf(page.body), ...fields });
    for (const s of subjects) body.append('subjects', s);
    return app.inject({
      method: 'POST',
      url: `/orgs/anshan-sister-cities/entries/${type}/new`,
      remoteAddress: as.editor!.ip,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: as.editor!.cookieHeader },
      payload: body.toString(),
    });
  }

  it('answers "not found" for ids past 32 bits, in addresses and in forms', async () => {
    const anyone = new Visitor(() => app);
    for (const url of [
      `/news/${HUGE}`,
      `/events/${HUGE}`,
      `/events/${HUGE}.ics`,
      `/activities/${HUGE}`,
      `/photos/${HUGE}/thumb.webp`,
      `/activities?about=twinning:${HUGE}`,
      `/news.atom?about=twinning:${HUGE}`,
    ]) {
      expect((await anyone.get(url)).statusCode, url).toBe(404);
    }
    for (const url of [`/entries/${HUGE}/edit`, `/entries/${HUGE}/history`]) {
      expect((await as.editor!.get(url)).statusCode, url).toBe(404);
    }
    const token = csrfOf((await as.reader!.get('/account')).body);
    for (const url of [
      `/news/${HUGE}/comments`,
      `/comments/${HUGE}/remove`,
      `/comments/${HUGE}/moderate`,
      `/entries/restore/${HUGE}`,
      `/photos/${HUGE}/delete`,
    ]) {
      const res = await as.reader!.post(url, { _csrf: token, body: 'Hello', decision: 'approve' });
      expect(res.statusCode, url).toBe(404);
    }
    for (const type of ['org', 'replies']) {
      const res = await as.reader!.post('/follow', { _csrf: token, type, id: HUGE, mode: 'daily' });
      expect(res.statusCode, type).toBe(404);
    }
    const tie = await create('activity', { title: 'Trip', kind: 'exchange', date: '2026' }, [
      `twinning:${HUGE}`,
    ]);
    expect(tie.statusCode).toBe(400);
    expect(mainText(tie.body)).toContain(`there is no tie ${HUGE}`);
    // a reply to a comment that cannot exist
    const post = await create('post', { title: 'Open day', kind: 'news', body: 'Come.' });
    const postPath = `/news/${/\/entries\/(\d+)/.exec(String(post.headers.location))![1]}`;
    const reply = await as.reader!.submit(postPath, { body: 'Hi', parent: HUGE }, `${postPath}/comments`);
    expect(reply.statusCode).toBe(400);
    expect(mainText(reply.body)).toContain('The comment you reply to is not on this post.');
  });

  it('refuses a NUL character in an entry form with the form and its problem', async () => {
    const res = await create('post', { title: 'Open\u0000day', kind: 'news', body: 'Come.' });
    expect(res.statusCode).toBe(400);
    expect(mainText(res.body)).toContain('The form contains a NUL character');
    expect(res.body).toContain('name="title"');
  });

  it("gives calendars an event's description as plain text, not Markdown", async () => {
    const made = await create('event', {
      title: 'Gala',
      starts: '2099-03-10T19:00',
      timezone: 'Asia/Shanghai',
      description: 'Music by **the Anshan Orchestra**.\n\n- Tickets at [the office](https://example.org/t)',
    });
    expect(made.statusCode).toBe(303);
    const id = /\/entries\/(\d+)/.exec(String(made.headers.location))![1]!;
    for (const url of ['/events.ics', `/events/${id}.ics`, '/orgs/anshan-sister-cities.ics']) {
      const ics = await new Visitor(() => app).get(url);
      const [event] = Object.values(ical.sync.parseICS(ics.body)).filter(
        (c) => c?.type === 'VEVENT',
      ) as ical.VEvent[];
      const text = String(event!.description);
      expect(text, url).toContain('Anshan Sister Cities.');
      expect(text, url).toContain('Music by the Anshan Orchestra.');
      expect(text, url).toMatch(/Tickets at the office \[?https:\/\/example\.org\/t\]?/);
      expect(text, url).not.toMatch(/\*\*|\]\(/);
    }
  });

  it('offers to view an entry on the site once it is saved', async () => {
    const made = await create('post', { title: 'Spring festival', kind: 'news', body: 'Come along.' });
    expect(made.statusCode).toBe(303);
    const id = /\/entries\/(\d+)/.exec(String(made.headers.location))![1]!;
    const saved = await as.editor!.get(String(made.headers.location));
    expect(mainText(saved.body)).toContain('Saved.');
    expect(saved.body).toContain(`<a href="/news/${id}">View it on the site</a>`);
    // a person has no page of their own: their organization's page shows them
    const person = await create('person', { title: 'Wang Fang', role: 'director' });
    const personPage = await as.editor!.get(String(person.headers.location));
    expect(personPage.body).toContain('<a href="/orgs/anshan-sister-cities">View it on the site</a>');
    // in Chinese too
    const zh = await as.editor!.get(`/entries/${id}/edit?done=saved&lang=zh`);
    expect(zh.body).toContain(`<a href="/news/${id}?lang=zh">在网站上查看</a>`);
  });

  it('gives a refused comment back in its box, with what to fix', async () => {
    const post = await create('post', { title: 'Harvest fair', kind: 'news', body: 'Come.' });
    const path = `/news/${/\/entries\/(\d+)/.exec(String(post.headers.location))![1]}`;
    const long = 'Lovely! '.repeat(700).trim();
    const res = await as.reader!.submit(path, { body: long }, `${path}/comments`);
    expect(res.statusCode).toBe(400);
    expect(mainText(res.body)).toContain(`The comment is ${long.length} characters long; the limit is 5000.`);
    expect(res.body).toContain(`maxlength="5000" required>${long}</textarea>`);
    // the post is still there above it
    expect(mainText(res.body)).toContain('Harvest fair');
  });

  it("speaks the reader's language on organizations' pages and forms", async () => {
    const anyone = new Visitor(() => app);
    const org = mainText((await anyone.get('/orgs/anshan-sister-cities?lang=zh')).body);
    expect(org).toContain('所在地： 鞍山');
    expect(org).toContain('近期活动日程');
    expect(mainText((await anyone.get('/orgs?lang=zh')).body)).toContain('机构');
    expect(mainText((await anyone.get('/news?lang=zh')).body)).toMatch(/各友城项目的新闻 .* 共\d+篇/);
    const form = mainText(
      (await as.editor!.get('/orgs/anshan-sister-cities/entries/event/new?lang=zh')).body,
    );
    expect(form).toContain('添加日程 · Anshan Sister Cities');
    expect(form).toContain('时区');
    const bad = await create('membership', { title: 'Sister Cities International', since: 'long ago' });
    expect(bad.statusCode).toBe(400);
    expect(mainText(bad.body)).toContain('Member since (year): ');
  });
});
