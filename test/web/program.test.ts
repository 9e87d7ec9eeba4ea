import { randomBytes } from 'node:crypto';
import { extractFromXml } from '@extractus/feed-extractor';
import ical from 'node-ical';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { AccountsService } from '../../src/services/accounts.js';
import { COMMENT_LIMIT, CommentsService } from '../../src/services/comments.js';
import { EntriesService } from '../../src/services/entries.js';
import { NotifyService } from '../../src/services/notify.js';
import { OrgsService, SYSTEM, actorOf } from '../../src/services/orgs.js';
import type { Store } from '../../src/store/store.js';
import { useTestApp } from '../helpers/app.js';
import { Visitor, csrfOf, mainText, signedInVisitors } from '../helpers/client.js';
import { fixtureFiles } from '../helpers/fixtures.js';

const PASSWORD = 'correct horse battery';

// Anshan (Q74957) is tied to Birmingham (Q79867) and Malmö (Q2211); Hanover (Q1715) to Tokyo (Q1490).
describe('running a program: entries, feeds, comments, notifications and photos', () => {
  const ctx = useTestApp(fixtureFiles, { TWINNING_URL: 'https://twinning.example.org' });
  const as: Record<string, Visitor> = {};
  let tie = 0;

  beforeAll(async () => {
    const orgs = new OrgsService(ctx.t.store);
    Object.assign(
      as,
      await signedInVisitors(
        () => ctx.app,
        ctx.t.store,
        ['editor', 'hanoverEditor', 'reader', 'troll', 'admin'],
        { password: PASSWORD, net: '10.2.0', admins: ['admin'] },
      ),
    );
    const anshan = await orgs.create(SYSTEM, {
      name: 'Anshan Sister Cities',
      kind: 'commission',
      homeId: 'Q74957',
    });
    const hanover = await orgs.create(SYSTEM, {
      name: 'Hanover Partners',
      kind: 'association',
      homeId: 'Q1715',
    });
    await orgs.grant(SYSTEM, anshan, 'editor@example.org', 'editor');
    await orgs.grant(SYSTEM, hanover, 'hanoverEditor@example.org', 'editor');
    tie = (await ctx.t.store.twinnings.between('Q74957', 'Q79867'))!.id;
  });

  const create = (
    who: string,
    org: string,
    type: string,
    fields: Record<string, string>,
    subjects: string[] = [],
  ) =>
    as[who]!.get(`/orgs/${org}/entries/${type}/new`).then((page) => {
      const body = new URLSearchParams({ _csrf: csrfOf(page.body), ...fields });
      for (const s of subjects) body.append('subjects', s);
      return ctx.app.inject({
        method: 'POST',
        url: `/orgs/${org}/entries/${type}/new`,
        remoteAddress: as[who]!.ip,
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: as[who]!.cookieHeader },
        payload: body.toString(),
      });
    });

  it('lets a reader follow the organization and a place before anything is published', async () => {
    const page = await as.reader!.get('/orgs/anshan-sister-cities');
    expect(page.statusCode).toBe(200);
    const org = (await ctx.t.store.orgs.bySlug('anshan-sister-cities'))!;
    const follow = await as.reader!.post('/follow', {
      _csrf: csrfOf(page.body),
      type: 'org',
      id: String(org.id),
      mode: 'instant',
      next: '/orgs/anshan-sister-cities',
    });
    expect(follow.statusCode).toBe(303);
    expect(follow.headers.location).toBe('/orgs/anshan-sister-cities');
    expect(mainText((await as.reader!.get('/orgs/anshan-sister-cities')).body)).toContain(
      'You follow this (a mail each time).',
    );
    const place = await as.troll!.get('/places/Q79867/birmingham');
    expect(
      (
        await as.troll!.post('/follow', {
          _csrf: csrfOf(place.body),
          type: 'place',
          id: 'Q79867',
          mode: 'daily',
        })
      ).statusCode,
    ).toBe(303);
    const bad = await as.reader!.post('/follow', {
      _csrf: csrfOf(page.body),
      type: 'place',
      id: 'Q404',
      mode: 'daily',
    });
    expect(bad.statusCode).toBe(404);
  });

  it('publishes an activity on the tie and both places, newest first, with every problem of a bad form named', async () => {
    const bad = await create('editor', 'anshan-sister-cities', 'activity', {
      title: '',
      kind: 'party',
      date: '2026-13',
      amount: '12,000',
      seeking: 'on',
    });
    expect(bad.statusCode).toBe(400);
    const text = mainText(bad.body);
    expect(text).toContain('Title: is required');
    expect(text).toContain('Kind: "party" is not one of');
    expect(text).toContain('Date: "2026-13" has no month 13');
    expect(text).toContain('Currency: is required with an amount');
    expect(text).toContain('Contact: is required when seeking participants');
    // what was typed stays, marked invalid
    expect(bad.body).toContain('value="12,000"');
    expect(bad.body).toMatch(
      /<input id="f-currency" name="currency" aria-describedby="f-currency-hint f-currency-error" aria-invalid="true"/,
    );

    const older = await create(
      'editor',
      'anshan-sister-cities',
      'activity',
      {
        title: 'Steel delegation',
        kind: 'delegation-out',
        date: '1997-05',
        amount: '2,500,000',
        currency: 'usd',
        participants: 'Angang Steel\n  Mayor Zhang  \n',
      },
      [`twinning:${tie}`],
    );
    expect(older.statusCode).toBe(303);
    expect(older.headers.location).toMatch(/^\/entries\/\d+\/edit\?done=saved$/);
    await create(
      'editor',
      'anshan-sister-cities',
      'activity',
      {
        title: 'Student exchange',
        kind: 'exchange',
        date: '2026-07-01',
        endDate: '2026-07-20',
        seeking: 'on',
        contact: 'exchange@example.org',
      },
      [`twinning:${tie}`, 'place:Q74957'],
    );

    for (const url of [`/ties/${tie}`, '/places/Q79867/birmingham', '/places/Q74957/anshan']) {
      const page = mainText((await new Visitor(() => ctx.app).get(url)).body);
      const log = page.slice(page.indexOf('Activities'));
      expect(log.indexOf('Student exchange'), url).toBeGreaterThan(0);
      expect(log.indexOf('Student exchange'), url).toBeLessThan(log.indexOf('Steel delegation'));
    }
    const id = Number(/\/entries\/(\d+)/.exec(older.headers.location as string)![1]);
    const page = mainText((await new Visitor(() => ctx.app).get(`/activities/${id}`)).body);
    expect(page).toContain('May 1997');
    expect(page).toContain('Participants Angang Steel Mayor Zhang');
    expect(page).toContain('Amount USD 2,500,000');
    // a place the editor's home is not tied to cannot be what it is about
    const outside = await create(
      'editor',
      'anshan-sister-cities',
      'activity',
      { title: 'Trip', kind: 'exchange', date: '2026' },
      ['place:Q1490'],
    );
    expect(outside.statusCode).toBe(400);
    expect(mainText(outside.body)).toContain("Tokyo is neither Anshan Sister Cities's home nor tied to it");
  });

  it("names the organization's own people and institutions among an activity's participants", async () => {
    const person = await create('editor', 'anshan-sister-cities', 'person', {
      title: 'Wang Fang',
      role: 'director',
      position: 'Director of International Affairs',
    });
    const school = await create('editor', 'anshan-sister-cities', 'institution', {
      title: 'Anshan No. 1 High School',
      kind: 'school',
      url: 'https://school.example.org',
    });
    const theirs = await create('hanoverEditor', 'hanover-partners', 'person', {
      title: 'Hans Maier',
      role: 'chair',
    });
    const idOf = (r: { headers: Record<string, unknown> }) =>
      /\/entries\/(\d+)/.exec(String(r.headers.location))![1]!;
    const page = await as.editor!.get('/orgs/anshan-sister-cities/entries/activity/new');
    expect(page.body).toContain(`<input type="checkbox" name="people" value="${idOf(person)}"/> Wang Fang`);
    expect(page.body).not.toContain('Hans Maier');
    const body = new URLSearchParams({
      _csrf: csrfOf(page.body),
      title: 'School visit',
      kind: 'exchange',
      date: '2026-09',
      participants: 'Mayor Zhang',
    });
    body.append('people', idOf(person));
    body.append('institutions', idOf(school));
    const post = (b: URLSearchParams) =>
      ctx.app.inject({
        method: 'POST',
        url: '/orgs/anshan-sister-cities/entries/activity/new',
        remoteAddress: as.editor!.ip,
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: as.editor!.cookieHeader },
        payload: b.toString(),
      });
    const made = await post(body);
    expect(made.statusCode).toBe(303);
    const shown = await new Visitor(() => ctx.app).get(`/activities/${idOf(made)}`);
    expect(mainText(shown.body)).toContain(
      'Participants Wang Fang, Director of International Affairs Anshan No. 1 High School Mayor Zhang',
    );
    expect(shown.body).toContain(
      '<a href="https://school.example.org" rel="external nofollow">Anshan No. 1 High School</a>',
    );
    // someone of another organization cannot be named by id
    const bad = new URLSearchParams(body);
    bad.append('people', idOf(theirs));
    const refused = await post(bad);
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain("lists someone who is not among this organization's people");
  });

  it("keeps each organization's content to its own editors", async () => {
    const post = await create('editor', 'anshan-sister-cities', 'post', {
      title: 'Ours',
      kind: 'news',
      body: 'Text.',
    });
    const id = /\/entries\/(\d+)/.exec(post.headers.location as string)![1];
    expect((await as.hanoverEditor!.get('/orgs/anshan-sister-cities/entries/post/new')).statusCode).toBe(403);
    expect((await as.hanoverEditor!.get(`/entries/${id}/edit`)).statusCode).toBe(403);
    const token = csrfOf((await as.hanoverEditor!.get('/account')).body);
    expect(
      (
        await as.hanoverEditor!.post(`/entries/${id}/edit`, {
          _csrf: token,
          title: 'Theirs',
          kind: 'news',
          body: 'Hijacked.',
        })
      ).statusCode,
    ).toBe(403);
    expect((await as.hanoverEditor!.post(`/entries/${id}/delete`, { _csrf: token })).statusCode).toBe(403);
    expect((await as.reader!.get(`/entries/${id}/history`)).statusCode).toBe(403);
    expect((await ctx.t.store.entries.get(Number(id)))!.title).toBe('Ours');
    // the Hanover editor works in Hanover's own pages
    expect(
      (
        await create('hanoverEditor', 'hanover-partners', 'post', {
          title: 'Hanover news',
          kind: 'news',
          body: 'Hallo.',
        })
      ).statusCode,
    ).toBe(303);
    // and the editor can delete (and the deletion is in the history)
    const del = await as.editor!.post(`/entries/${id}/delete`, {
      _csrf: csrfOf((await as.editor!.get('/account')).body),
    });
    expect(del.statusCode).toBe(303);
    expect(await ctx.t.store.entries.get(Number(id))).toBeUndefined();
    expect((await ctx.t.store.revisions.of('entry', id!)).map((r) => r.action)).toEqual(['delete', 'create']);
  });

  it('edits an entry, keeps every version and restores an old one', async () => {
    const made = await create('editor', 'anshan-sister-cities', 'post', {
      title: 'Festival news',
      kind: 'news',
      summary: 'First.',
      body: 'First text.',
    });
    const id = Number(/\/entries\/(\d+)/.exec(made.headers.location as string)![1]);
    const edit = await as.editor!.get(`/entries/${id}/edit`);
    expect(edit.body).toContain('First text.');
    const saved = await as.editor!.post(`/entries/${id}/edit`, {
      _csrf: csrfOf(edit.body),
      title: 'Festival news',
      kind: 'news',
      summary: 'Second.',
      body: 'Second text.',
    });
    expect(saved.statusCode).toBe(303);
    const history = await as.editor!.get(`/entries/${id}/history`);
    expect(mainText(history.body)).toMatch(/by editor : edited .* by editor : created/);
    const first = (await ctx.t.store.revisions.of('entry', String(id))).at(-1)!;
    const restored = await as.editor!.post(`/entries/restore/${first.id}`, { _csrf: csrfOf(history.body) });
    expect(restored.statusCode).toBe(303);
    expect((await ctx.t.store.entries.get(id))!.data.body).toBe('First text.');
  });

  it('publishes news in an Atom feed that a feed parser reads', async () => {
    await create(
      'editor',
      'anshan-sister-cities',
      'post',
      {
        title: 'Thirty years with Birmingham',
        kind: 'article',
        summary: 'A look back.',
        body: 'Signed on **Nov. 5, 1996**.',
      },
      [`twinning:${tie}`],
    );
    const res = await new Visitor(() => ctx.app).get('/news.atom');
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = extractFromXml(res.body, { normalization: true, descriptionMaxLen: 0 }) as {
      title: string;
      entries: { title: string; link: string; description?: string }[];
    };
    expect(feed.title).toBe('Twinning: news from sister-city programs');
    expect(feed.entries[0]!.title).toBe('Thirty years with Birmingham');
    expect(feed.entries[0]!.link).toMatch(/^https:\/\/twinning\.example\.org\/news\/\d+$/);
    expect(feed.entries.map((e) => e.title)).toContain('Hanover news');
    const own = extractFromXml(
      (await new Visitor(() => ctx.app).get('/orgs/hanover-partners.atom')).body,
    ) as { entries: { title: string }[] };
    expect(own.entries.map((e) => e.title)).toEqual(['Hanover news']);
    // the post's page says what it is about
    const page = mainText(
      (await new Visitor(() => ctx.app).get(/\/news\/\d+/.exec(feed.entries[0]!.link)![0])).body,
    );
    expect(page).toContain('About Anshan – Birmingham');
    expect(page).toContain('Signed on Nov. 5, 1996');
  });

  it('lists upcoming events with their local times, and gives a calendar a parser reads', async () => {
    const bad = await create('editor', 'anshan-sister-cities', 'event', {
      title: 'Gala',
      starts: '2099-03-10T19:00',
      ends: '2099-03-10T18:00',
      timezone: 'Mars/Olympus',
    });
    expect(bad.statusCode).toBe(400);
    expect(mainText(bad.body)).toContain('Time zone: "Mars/Olympus" is not an IANA time zone');
    const gala = await create(
      'editor',
      'anshan-sister-cities',
      'event',
      {
        title: 'Gala',
        starts: '2099-03-10T19:00',
        ends: '2099-03-10T22:30',
        timezone: 'Asia/Shanghai',
        venue: 'Culture Center',
        description: 'Music.',
      },
      ['place:Q74957'],
    );
    expect(gala.statusCode).toBe(303);
    await create('editor', 'anshan-sister-cities', 'event', {
      title: 'Past meeting',
      starts: '2001-01-10T09:00',
      timezone: 'Asia/Shanghai',
    });
    await create('hanoverEditor', 'hanover-partners', 'event', {
      title: 'Schützenfest visit',
      starts: '2099-07-01T10:00',
      timezone: 'Europe/Berlin',
    });
    const events = mainText((await new Visitor(() => ctx.app).get('/events')).body);
    expect(events).toContain('March 10, 2099, 19:00–22:30 (Asia/Shanghai) Gala');
    expect(events).toContain('July 1, 2099, 10:00 (Europe/Berlin) Schützenfest visit');
    expect(events.indexOf('Gala')).toBeLessThan(events.indexOf('Schützenfest'));
    expect(events).not.toContain('Past meeting');

    const ics = await new Visitor(() => ctx.app).get('/events.ics');
    expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const parsed = Object.values(ical.sync.parseICS(ics.body)).filter(
      (c) => c?.type === 'VEVENT',
    ) as ical.VEvent[];
    const g = parsed.find((e) => e.summary === 'Gala')!;
    // 19:00 in Shanghai is 11:00 UTC
    expect(g.start.toISOString()).toBe('2099-03-10T11:00:00.000Z');
    expect(g.end?.toISOString()).toBe('2099-03-10T14:30:00.000Z');
    expect(g.location).toBe('Culture Center');
    expect(typeof g.url === 'string' ? g.url : (g.url as unknown as { val: string }).val).toMatch(
      /^https:\/\/twinning\.example\.org\/events\/\d+$/,
    );
    expect(parsed.map((e) => e.summary)).toContain('Schützenfest visit');
    const one = await new Visitor(() => ctx.app).get(`/events/${g.uid.match(/\d+/)![0]}.ics`);
    expect(Object.values(ical.sync.parseICS(one.body)).filter((c) => c?.type === 'VEVENT')).toHaveLength(1);
  });

  it('moderates comments: waiting until approved, replies told to followers, blocked users kept out', async () => {
    const post = (await ctx.t.store.entries.latest(['post'], { limit: 10 })).find(
      (p) => p.title === 'Thirty years with Birmingham',
    )!;
    const page = await as.reader!.get(`/news/${post.id}`);
    expect(mainText(page.body)).toContain('No comments yet.');
    const sent = await as.reader!.post(`/news/${post.id}/comments`, {
      _csrf: csrfOf(page.body),
      body: 'Congratulations from Birmingham!',
      follow: 'on',
    });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toMatch(new RegExp(`^/news/${post.id}\\?comment=pending#comment-\\d+$`));
    // the writer sees it waiting; the public does not see it yet
    expect(mainText((await as.reader!.get(`/news/${post.id}`)).body)).toContain(
      'Your comment is waiting for an editor.',
    );
    expect(mainText((await new Visitor(() => ctx.app).get(`/news/${post.id}`)).body)).not.toContain(
      'Congratulations',
    );
    // an editor of another organization does not see it to moderate, nor can decide on it
    expect(mainText((await as.hanoverEditor!.get('/moderation')).body)).toContain('Nothing is waiting.');
    const [waiting] = await ctx.t.store.comments.pending(undefined);
    const token = csrfOf((await as.hanoverEditor!.get('/account')).body);
    expect(
      (
        await as.hanoverEditor!.post(`/comments/${waiting!.id}/moderate`, {
          _csrf: token,
          decision: 'approve',
        })
      ).statusCode,
    ).toBe(403);
    // the editor approves it
    const queue = await as.editor!.get('/moderation');
    expect(mainText(queue.body)).toContain('Congratulations from Birmingham!');
    expect(
      (
        await as.editor!.post(`/comments/${waiting!.id}/moderate`, {
          _csrf: csrfOf(queue.body),
          decision: 'approve',
        })
      ).statusCode,
    ).toBe(303);
    expect(mainText((await new Visitor(() => ctx.app).get(`/news/${post.id}`)).body)).toContain(
      'Congratulations from Birmingham!',
    );

    // a reply by the editor appears at once, and the reader (who follows replies) gets a mail
    const before = (await ctx.t.store.outbox.list({ limit: 100, to: 'reader@example.org' })).length;
    const edPage = await as.editor!.get(`/news/${post.id}`);
    const reply = await as.editor!.post(`/news/${post.id}/comments`, {
      _csrf: csrfOf(edPage.body),
      body: 'Thank you!',
      parent: String(waiting!.id),
    });
    expect(reply.headers.location).toMatch(/comment=published/);
    const mails = await ctx.t.store.outbox.list({ limit: 100, to: 'reader@example.org' });
    expect(mails.length).toBe(before + 1);
    expect(mails[0]!.subject).toBe('New comment on "Thirty years with Birmingham"');
    expect(mails[0]!.body).toContain('editor wrote:\n\nThank you!');
    expect(mails[0]!.body).toMatch(/https:\/\/twinning\.example\.org\/news\/\d+#comment-\d+/);
    // the editor is not told of their own reply
    expect(await ctx.t.store.outbox.list({ limit: 10, to: 'editor@example.org' })).toEqual([]);

    // a troll is rejected and blocked: their waiting comments go and they cannot comment again
    const trollPage = await as.troll!.get(`/news/${post.id}`);
    await as.troll!.post(`/news/${post.id}/comments`, { _csrf: csrfOf(trollPage.body), body: 'Spam one' });
    await as.troll!.post(`/news/${post.id}/comments`, { _csrf: csrfOf(trollPage.body), body: 'Spam two' });
    const [spam] = (await ctx.t.store.comments.pending(undefined)).filter((c) => c.body === 'Spam one');
    const q2 = await as.editor!.get('/moderation');
    expect(
      (await as.editor!.post(`/comments/${spam!.id}/moderate`, { _csrf: csrfOf(q2.body), decision: 'block' }))
        .statusCode,
    ).toBe(303);
    expect(await ctx.t.store.comments.pending(undefined)).toEqual([]);
    const again = await as.troll!.post(`/news/${post.id}/comments`, {
      _csrf: csrfOf(trollPage.body),
      body: 'Spam three',
    });
    expect(again.statusCode).toBe(403);
    expect(mainText((await as.troll!.get(`/news/${post.id}`)).body)).toContain(
      'You may not comment on this organization’s posts.',
    );
    expect(mainText((await as.editor!.get('/moderation')).body)).toContain(
      'troll (troll@example.org) · Anshan Sister Cities',
    );
    // anonymous visitors are asked to sign in
    const anon = await new Visitor(() => ctx.app).post(`/news/${post.id}/comments`, { body: 'x' });
    expect(anon.statusCode).toBe(403);
    const empty = await as.reader!.post(`/news/${post.id}/comments`, {
      _csrf: csrfOf(page.body),
      body: '   ',
    });
    expect(empty.statusCode).toBe(400);
    expect(mainText(empty.body)).toContain('The comment is empty');
  });

  it('tells followers of new posts: at once by mail, or once a day in a digest', async () => {
    // the reader follows the organization (instant); the troll follows Birmingham (daily)
    const readerMails = await ctx.t.store.outbox.list({ limit: 100, to: 'reader@example.org' });
    expect(
      readerMails.some((m) => m.subject === 'News from Anshan Sister Cities: Thirty years with Birmingham'),
    ).toBe(true);
    expect(
      readerMails.some((m) => m.subject === 'Activity from Anshan Sister Cities: Steel delegation'),
    ).toBe(true);
    expect(await ctx.t.store.outbox.list({ limit: 10, to: 'troll@example.org' })).toEqual([]);
    const notify = new NotifyService(ctx.t.store, 'https://twinning.example.org');
    expect(await notify.sendDigests()).toBe(1);
    const [digest] = await ctx.t.store.outbox.list({ limit: 10, to: 'troll@example.org' });
    expect(digest!.subject).toMatch(/^Your daily digest: \d+ updates$/);
    expect(digest!.body).toContain('Thirty years with Birmingham');
    expect(digest!.body).toContain('Steel delegation');
    // nothing twice
    expect(await notify.sendDigests()).toBe(0);
    // the admin reads the mail in the outbox
    const outbox = mainText((await as.admin!.get('/admin/outbox')).body);
    expect(outbox).toContain('troll@example.org Your daily digest');
    // unfollowing stops it
    const acc = await as.reader!.get('/account');
    expect(mainText(acc.body)).toContain('Anshan Sister Cities (a mail each time)');
    const org = (await ctx.t.store.orgs.bySlug('anshan-sister-cities'))!;
    await as.reader!.post('/unfollow', { _csrf: csrfOf(acc.body), type: 'org', id: String(org.id) });
    expect(
      await ctx.t.store.notify.ofUser((await ctx.t.store.users.byEmail('reader@example.org'))!.id),
    ).toEqual([expect.objectContaining({ targetType: 'replies' })]);
  });

  it('lets a follower stop notifications from the link in each mail, without signing in', async () => {
    const troll = (await ctx.t.store.users.byEmail('troll@example.org'))!;
    const reader = (await ctx.t.store.users.byEmail('reader@example.org'))!;
    // every notification says why it came and links to the settings; mail programs get a one-click address
    const [digest] = await ctx.t.store.outbox.list({ limit: 1, to: 'troll@example.org' });
    expect(digest!.body).toContain(
      'You get this because you follow it on Twinning. To stop or change what you get:',
    );
    const link = /https:\/\/twinning\.example\.org(\/notifications\/[\w-]+)\n/.exec(digest!.body)![1]!;
    expect(digest!.listUnsubscribe).toBe(`https://twinning.example.org${link}/stop`);
    const [instant] = await ctx.t.store.outbox.list({ limit: 1, to: 'reader@example.org' });
    const readerLink = /https:\/\/twinning\.example\.org(\/notifications\/[\w-]+)\n/.exec(instant!.body)![1]!;
    expect(readerLink).not.toBe(link);

    await ctx.t.store.notify.subscribe(troll.id, 'place', 'Q74957', 'instant', new Date().toISOString());
    const stranger = new Visitor(() => ctx.app, '10.2.9.9');
    const page = await stranger.get(link);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('private, no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const text = mainText(page.body);
    expect(text).toContain('What the site mails to troll@example.org.');
    expect(text).toContain('Birmingham (a daily digest)');
    expect(text).toContain('Anshan (a mail each time)');
    // one follow at a time, with the form's CSRF token
    expect((await stranger.post(`${link}/unfollow`, { type: 'place', id: 'Q74957' })).statusCode).toBe(403);
    const one = await stranger.post(`${link}/unfollow`, {
      _csrf: csrfOf(page.body),
      type: 'place',
      id: 'Q74957',
    });
    expect(one.statusCode).toBe(200);
    expect(mainText(one.body)).toContain('Done: that no longer reaches you.');
    expect((await ctx.t.store.notify.ofUser(troll.id)).map((f) => f.targetId)).toEqual(['Q79867']);

    // the one-click stop of a mail program: no cookie, no token; what waits for the digest goes too
    await ctx.t.store.transaction((tx) =>
      NotifyService.tell(tx, {
        targets: [{ type: 'place', id: 'Q79867' }],
        message: () => ({ subject: 'More from Birmingham', body: 'Hello.' }),
        except: null,
        baseUrl: 'https://twinning.example.org',
      }),
    );
    expect((await ctx.t.store.notify.pendingDigests()).has(troll.id)).toBe(true);
    expect(mainText((await stranger.get(`${link}/stop`)).body)).toContain(
      'Stop every notification to troll@example.org?',
    );
    const stop = await ctx.app.inject({
      method: 'POST',
      url: `${link}/stop`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(stop.statusCode).toBe(200);
    expect(mainText(stop.body)).toContain('Done: you will get no more notifications.');
    expect(await ctx.t.store.notify.ofUser(troll.id)).toEqual([]);
    expect((await ctx.t.store.notify.pendingDigests()).has(troll.id)).toBe(false);
    // some mail programs post multipart forms
    const multipart = await ctx.app.inject({
      method: 'POST',
      url: `${readerLink}/stop`,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n',
    });
    expect(multipart.statusCode).toBe(200);
    expect(await ctx.t.store.notify.ofUser(reader.id)).toEqual([]);
    // a made-up secret opens nothing
    const wrong = await stranger.get('/notifications/this-is-not-anybodys-secret');
    expect(wrong.statusCode).toBe(404);
    expect(mainText(wrong.body)).toContain('This link to notification settings is not (or no longer) good.');
    const wrongStop = await ctx.app.inject({
      method: 'POST',
      url: '/notifications/this-is-not-anybodys-secret/stop',
    });
    expect(wrongStop.statusCode).toBe(404);
  });

  it('takes photos from editors, turns them into thumbnails, and refuses what is not a photo', async () => {
    const jpeg = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#b04020' } })
      .jpeg()
      .toBuffer();
    const upload = async (
      who: string,
      subject: string,
      file: Buffer,
      caption = 'Anshan at dusk',
      filename = 'dusk.jpg',
    ) => {
      const page = await as[who]!.get('/places/Q74957/anshan');
      const token = csrfOf(page.body);
      const boundary = '----twinningtest';
      const part = (name: string, value: string) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
      const payload = Buffer.concat([
        Buffer.from(
          part('_csrf', token) +
            part('subject', subject) +
            part('caption', caption) +
            part('next', '/places/Q74957/anshan'),
        ),
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/jpeg\r\n\r\n`,
        ),
        file,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return ctx.app.inject({
        method: 'POST',
        url: '/photos',
        remoteAddress: as[who]!.ip,
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          cookie: as[who]!.cookieHeader,
        },
        payload,
      });
    };
    const ok = await upload('editor', 'place:Q74957', jpeg);
    expect(ok.statusCode).toBe(303);
    const [photo] = await ctx.t.store.photos.of('place', ['Q74957']);
    expect(photo).toMatchObject({ caption: 'Anshan at dusk', width: 1600, height: 1067 });
    const thumb = await new Visitor(() => ctx.app).get(`/photos/${photo!.id}/thumb.webp`);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect(await sharp(thumb.rawPayload).metadata()).toMatchObject({
      format: 'webp',
      width: 480,
      height: 360,
    });
    const profile = (await new Visitor(() => ctx.app).get('/places/Q74957/anshan')).body;
    // the photo heads the page, with its size so that nothing moves when it arrives, and is not shown twice
    expect(profile).not.toContain(`/photos/${photo!.id}/thumb.webp`);
    expect(profile).not.toContain('id="h-photos"');
    expect(profile).toContain(
      `<h1>Anshan</h1><p class="muted">City · <span lang="zh-Hans">鞍山</span></p><figure class="header-photo"><img src="/photos/${photo!.id}/large.webp" alt="Anshan at dusk" width="1600" height="1067" decoding="async"/><figcaption>Anshan at dusk</figcaption></figure>`,
    );
    // not an image; no caption; someone else's place
    const text = await upload('editor', 'place:Q74957', Buffer.from('not an image at all'));
    expect(text.statusCode).toBe(400);
    expect(mainText(text.body)).toContain('The file is not an image we can read');
    expect((await upload('editor', 'place:Q74957', jpeg, '')).statusCode).toBe(400);
    expect((await upload('hanoverEditor', 'place:Q74957', jpeg)).statusCode).toBe(403);
    expect((await upload('reader', 'place:Q74957', jpeg)).statusCode).toBe(403);
    expect(await ctx.t.store.photos.of('place', ['Q74957'])).toHaveLength(1);
    // without a session the upload is refused before it is read; no other address takes files at all
    const anon = await ctx.app.inject({
      method: 'POST',
      url: '/photos',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="caption"\r\n\r\nHi\r\n--x--\r\n',
    });
    expect(anon.statusCode).toBe(403);
    const elsewhere = await ctx.app.inject({
      method: 'POST',
      url: '/signin',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x--\r\n',
    });
    expect(elsewhere.statusCode).toBe(415);
    expect(await ctx.t.store.photos.of('place', ['Q74957'])).toHaveLength(1);
    // a second photo: the gallery below shows it, the first stays at the top
    expect((await upload('editor', 'place:Q74957', jpeg, 'The steel works')).statusCode).toBe(303);
    const second = (await ctx.t.store.photos.of('place', ['Q74957'])).find((ph) => ph.id !== photo!.id)!;
    const withTwo = (await new Visitor(() => ctx.app).get('/places/Q74957/anshan')).body;
    expect(withTwo).toContain(`<img src="/photos/${second.id}/thumb.webp" alt="The steel works"`);
    expect(withTwo).toContain('id="h-photos"');
    expect(withTwo.split(`/photos/${photo!.id}/`)).toHaveLength(2); // once: at the top
  });

  it('links a long activity log to the whole of it, page by page, and lists the news about a place', async () => {
    const hanoverTokyo = (await ctx.t.store.twinnings.between('Q1715', 'Q1490'))!.id;
    for (let i = 1; i <= 52; i++) {
      const made = await create(
        'hanoverEditor',
        'hanover-partners',
        'activity',
        { title: `Visit ${i}`, kind: 'exchange', date: String(1950 + i) },
        [`twinning:${hanoverTokyo}`],
      );
      expect(made.statusCode).toBe(303);
    }
    await create(
      'hanoverEditor',
      'hanover-partners',
      'post',
      { title: 'Tokyo in spring', kind: 'news', summary: 'Cherry blossoms.', body: 'Hello.' },
      ['place:Q1490'],
    );
    const anyone = new Visitor(() => ctx.app);
    // the tie's page shows the newest fifty and links to all of them
    const tiePage = await anyone.get(`/ties/${hanoverTokyo}`);
    const text = mainText(tiePage.body);
    expect(text).toContain('Visit 52');
    expect(text).toContain('Visit 3');
    expect(text).not.toContain('Visit 2 ');
    expect(tiePage.body).toContain(
      `<a href="/activities?about=twinning%3A${hanoverTokyo}">All 52 activities</a>`,
    );

    const first = await anyone.get(`/activities?about=twinning:${hanoverTokyo}`);
    expect(first.statusCode).toBe(200);
    const firstText = mainText(first.body);
    expect(firstText).toContain('Activities about Tokyo – Hanover');
    expect(firstText).toContain('52 activities');
    expect(firstText.indexOf('Visit 52')).toBeLessThan(firstText.indexOf('Visit 3'));
    expect(firstText).not.toContain('Visit 2 ');
    expect(first.body).toContain(`href="/activities?about=twinning%3A${hanoverTokyo}&amp;page=2" rel="next"`);
    const second = mainText((await anyone.get(`/activities?about=twinning:${hanoverTokyo}&page=2`)).body);
    expect(second.indexOf('Visit 2')).toBeGreaterThan(0);
    expect(second.indexOf('Visit 2')).toBeLessThan(second.indexOf('Visit 1'));
    expect(second).not.toContain('Visit 3');
    expect(second).toContain('Newer');

    // a place's list holds its ties' activities, as its page does; in Chinese too
    expect(mainText((await anyone.get('/activities?about=place:Q1490')).body)).toContain('52 activities');
    expect(mainText((await anyone.get('/activities?about=place:Q1490&lang=zh')).body)).toContain(
      '共52项交流活动',
    );
    // every program's activities
    expect(mainText((await anyone.get('/activities')).body)).toContain('Activities of every program');
    // the news about a place, linked from its page
    const tokyo = await anyone.get('/places/Q1490/tokyo');
    expect(tokyo.body).toContain('<a href="/news?about=place%3AQ1490">All news about it</a>');
    const news = mainText((await anyone.get('/news?about=place:Q1490')).body);
    expect(news).toContain('News about Tokyo');
    // with its own feed
    const tokyoNews = await anyone.get('/news?about=place:Q1490');
    expect(tokyoNews.body).toContain('href="/news.atom?about=place%3AQ1490"');
    const feed = extractFromXml((await anyone.get('/news.atom?about=place%3AQ1490')).body) as {
      title: string;
      entries: { title: string }[];
    };
    expect(feed.title).toBe('Twinning: news about Tokyo');
    expect(feed.entries.map((e) => e.title)).toEqual(['Tokyo in spring']);
    expect(news).toContain('Tokyo in spring');
    expect(mainText((await anyone.get('/news?about=place:Q74957')).body)).not.toContain('Tokyo in spring');
    // twenty news a page, newest first, even when many were published in the same millisecond
    for (let i = 1; i <= 20; i++)
      await create(
        'hanoverEditor',
        'hanover-partners',
        'post',
        { title: `Tokyo note ${i}`, kind: 'news', summary: 'Short.', body: 'Text.' },
        ['place:Q1490'],
      );
    const firstNews = await anyone.get('/news?about=place:Q1490');
    const firstNewsText = mainText(firstNews.body);
    expect(firstNewsText).toContain('21 posts');
    expect(firstNewsText).toContain('Tokyo note 20');
    expect(firstNewsText).not.toContain('Tokyo in spring');
    expect(firstNews.body).toContain('href="/news?about=place%3AQ1490&amp;page=2" rel="next"');
    const secondNews = mainText((await anyone.get('/news?about=place:Q1490&page=2')).body);
    expect(secondNews).toContain('Tokyo in spring');
    expect(secondNews).not.toContain('Tokyo note');
    // what is not there is said so
    for (const about of ['place:Q999999999', 'twinning:abc', 'planet:Mars', 'twinning:999999']) {
      const res = await anyone.get(`/activities?about=${about}`);
      expect(res.statusCode, about).toBe(404);
      expect(mainText(res.body)).toContain(`There is nothing to list about "${about}"`);
    }
    expect((await anyone.get('/news?about=planet:Mars')).statusCode).toBe(404);
  });

  it('shows the comments of a deleted account as a former member’s, in the reader’s language', async () => {
    const post = (await ctx.t.store.entries.latest(['post'], { limit: 50 })).find(
      (p) => p.title === 'Thirty years with Birmingham',
    )!;
    const anyone = new Visitor(() => ctx.app);
    // the page is cached with the name under the comment
    expect((await anyone.get(`/news/${post.id}`)).body).toContain('<strong>reader</strong>');
    // a new name shows at once
    await as.reader!.submit('/account', { name: 'Rita' }, '/account/name');
    expect((await anyone.get(`/news/${post.id}`)).body).toContain('<strong>Rita</strong>');
    const gone = await as.reader!.submit('/account', { current: PASSWORD }, '/account/delete');
    expect(gone.statusCode).toBe(303);
    const en = await anyone.get(`/news/${post.id}`);
    expect(en.body).not.toContain('<strong>Rita</strong>');
    expect(en.body).toContain('<strong>Former member</strong>');
    expect((await anyone.get(`/news/${post.id}?lang=zh`)).body).toContain('<strong>前成员</strong>');
  });
});

describe('room for photos per organization', () => {
  const ctx = useTestApp(fixtureFiles, { TWINNING_PHOTO_QUOTA_MB: '1' });

  it('refuses a photo that would pass the organization’s room, and says what to do', async () => {
    const accounts = new AccountsService(ctx.t.store);
    const orgs = new OrgsService(ctx.t.store);
    await accounts.addUser({ email: 'keeper@example.org', password: PASSWORD });
    const org = await orgs.create(SYSTEM, { name: 'Anshan Office', kind: 'office', homeId: 'Q74957' });
    await orgs.grant(SYSTEM, org, 'keeper@example.org', 'editor');
    const v = new Visitor(() => ctx.app, '10.7.0.1');
    await v.signIn('keeper@example.org', PASSWORD);
    // noise does not compress: about 1.2 MB once stored, more than the whole room
    const w = 1600;
    const h = 1200;
    const noise = await sharp(randomBytes(w * h * 3), { raw: { width: w, height: h, channels: 3 } })
      .jpeg({ quality: 90 })
      .toBuffer();
    const page = await v.get('/places/Q74957/anshan');
    const boundary = '----twinningquota';
    const part = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/photos',
      remoteAddress: v.ip,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: v.cookieHeader },
      payload: Buffer.concat([
        Buffer.from(
          part('_csrf', csrfOf(page.body)) + part('subject', 'place:Q74957') + part('caption', 'Noise'),
        ),
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="noise.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
        ),
        noise,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(res.statusCode).toBe(400);
    expect(mainText(res.body)).toMatch(
      /Anshan Office keeps 0\.0 MB of photos; this one \(1\.\d MB\) would pass its 1\.0 MB\. Remove photos it no longer needs/,
    );
    expect(await ctx.t.store.photos.of('place', ['Q74957'])).toEqual([]);
    // the editors see the room on their organization's page
    expect(mainText((await v.get(`/orgs/${org.slug}/manage`)).body)).toContain(
      'Photos take 0.0 MB of the organization’s 1.0 MB.',
    );
  });

  it('says what is wrong with the setting', () => {
    expect(() => loadConfig({ TWINNING_PHOTO_QUOTA_MB: 'lots' })).toThrow(
      'TWINNING_PHOTO_QUOTA_MB="lots" must be a whole number of megabytes (1 or more)',
    );
  });
});

/** An organization at Anshan with one post, for the comment tests that need no more. */
async function officeWithPost(store: Store) {
  const org = await new OrgsService(store).create(SYSTEM, {
    name: 'Anshan Office',
    kind: 'office',
    homeId: 'Q74957',
  });
  const post = await new EntriesService(store, 'http://localhost').save(
    SYSTEM,
    org,
    'post',
    null,
    { title: 'Open day', kind: 'news', summary: 'Come.', body: 'Come along.' },
    [{ type: 'place', id: 'Q74957' }],
  );
  return { org, post };
}

describe('a flood of comments', () => {
  const ctx = useTestApp(fixtureFiles);

  it('is held back after ten in ten minutes, so the moderation queue stays readable', async () => {
    const accounts = new AccountsService(ctx.t.store);
    const { post } = await officeWithPost(ctx.t.store);
    await accounts.addUser({ email: 'chatty@example.org', password: PASSWORD });
    const v = new Visitor(() => ctx.app, '10.8.0.1');
    await v.signIn('chatty@example.org', PASSWORD);
    const write = (body: string) => v.submit(`/news/${post}`, { body }, `/news/${post}/comments`);
    for (let i = 1; i <= COMMENT_LIMIT.max; i++) expect((await write(`Comment ${i}`)).statusCode).toBe(303);
    const held = await write('One more');
    expect(held.statusCode).toBe(429);
    expect(mainText(held.body)).toContain(
      `Too many comments from you in a short time. Please wait ${COMMENT_LIMIT.minutes} minutes and try again.`,
    );
    expect(await ctx.t.store.comments.ofEntry(post)).toHaveLength(COMMENT_LIMIT.max);
  });
});

describe('taking comments down', () => {
  const ctx = useTestApp(fixtureFiles);

  it('lets writers delete their comments and editors remove any, keeping replies in place', async () => {
    const { org, post } = await officeWithPost(ctx.t.store);
    const as = await signedInVisitors(
      () => ctx.app,
      ctx.t.store,
      ['writer', 'replier', 'stranger', 'editor'],
      {
        password: PASSWORD,
        net: '10.9.0',
      },
    );
    await new OrgsService(ctx.t.store).grant(SYSTEM, org, 'editor@example.org', 'editor');
    const comments = new CommentsService(ctx.t.store, 'http://localhost');
    const actor = async (who: string) =>
      actorOf(ctx.t.store, (await ctx.t.store.users.byEmail(`${who}@example.org`))!);
    const first = await comments.add(await actor('writer'), post, { body: 'I will come.' });
    await comments.moderate(SYSTEM, first.id, 'approve');
    const reply = await comments.add(await actor('replier'), post, {
      body: 'See you there.',
      parentId: first.id,
    });
    await comments.moderate(SYSTEM, reply.id, 'approve');
    const anyone = new Visitor(() => ctx.app);
    expect(mainText((await anyone.get(`/news/${post}`)).body)).toContain('I will come.');

    // nobody else may; the writer may
    expect((await as.stranger!.submit(`/news/${post}`, {}, `/comments/${first.id}/remove`)).statusCode).toBe(
      403,
    );
    const own = await as.writer!.get(`/news/${post}`);
    expect(mainText(own.body)).toContain('Delete my comment');
    const deleted = await as.writer!.post(`/comments/${first.id}/remove`, { _csrf: csrfOf(own.body) });
    expect(deleted.statusCode).toBe(303);
    expect(deleted.headers.location).toBe(`/news/${post}?comment=removed#h-comments`);
    let text = mainText((await anyone.get(`/news/${post}`)).body);
    expect(text).not.toContain('I will come.');
    expect(text).toContain('This comment was removed.');
    expect(text).toContain('See you there.');

    // an editor takes the reply down; with no reply left, the removed comment goes too
    const page = await as.editor!.get(`/news/${post}`);
    expect(mainText(page.body)).toContain('Remove');
    expect(
      (await as.editor!.post(`/comments/${reply.id}/remove`, { _csrf: csrfOf(page.body) })).statusCode,
    ).toBe(303);
    text = mainText((await anyone.get(`/news/${post}`)).body);
    expect(text).not.toContain('See you there.');
    expect(text).not.toContain('This comment was removed.');
    expect(text).toContain('No comments yet.');
    expect(
      (await as.editor!.post(`/comments/${reply.id}/remove`, { _csrf: csrfOf(page.body) })).statusCode,
    ).toBe(404);
    const audit = await ctx.t.store.users.auditLog(10);
    expect(audit.filter((a) => a.action === 'comment.remove').map((a) => a.detail)).toEqual([
      expect.stringMatching(/^by an editor/),
      'by its writer',
    ]);
  });
});
