import { beforeAll, describe, expect, it } from 'vitest';
import { EntriesService } from '../../src/services/entries.js';
import { OrgsService, SYSTEM } from '../../src/services/orgs.js';
import { useTestApp } from '../helpers/app.js';
import type { Visitor } from '../helpers/client.js';
import { csrfOf, mainText, signedInVisitors } from '../helpers/client.js';
import { fixtureFiles } from '../helpers/fixtures.js';

const PASSWORD = 'correct horse battery';

// Anshan (Q74957) is tied to Birmingham (Q79867); Malmö (Q2211) and Malmö Municipality (Q503361) start alike.
describe('editing sections and facts, and what the admin area says of it', () => {
  const ctx = useTestApp(fixtureFiles);
  const as: Record<string, Visitor> = {};
  let tie = 0;

  beforeAll(async () => {
    Object.assign(
      as,
      await signedInVisitors(() => ctx.app, ctx.t.store, ['admin', 'editor'], {
        password: PASSWORD,
        net: '10.9.0',
        admins: ['admin'],
      }),
    );
    const orgs = new OrgsService(ctx.t.store);
    const org = await orgs.create(SYSTEM, { name: 'Anshan Office', kind: 'office', homeId: 'Q74957' });
    await orgs.grant(SYSTEM, org, 'editor@example.org', 'editor');
    tie = (await ctx.t.store.twinnings.between('Q74957', 'Q79867'))!.id;
  });

  const sourcesOf = (html: string) =>
    /<textarea[^>]*name="source"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)![1]!.replace(/&amp;/g, '&');

  it('shows only the sources that came or went in the history of a tie’s facts', async () => {
    const form = await as.editor!.get(`/edit/tie/${tie}`);
    const sources = sourcesOf(form.body);
    expect(sources).toBe('https://example.org/anshan-birmingham\nCity council minutes 1996');
    const facts = { kind: 'sister', signed: '1996-11-05', ended: '', status: 'active' };
    // as a browser sends a textarea (CRLF), with one more source written as people write addresses
    const first = await as.editor!.post(`/edit/tie/${tie}/facts`, {
      _csrf: csrfOf(form.body),
      ...facts,
      source: `${sources.replace(/\n/g, '\r\n')}\r\nHTTPS://Example.org/Renewal`,
      notes: 'Both steel cities',
    });
    expect(first.statusCode).toBe(303);
    // the next edit leaves the sources as the form shows them and changes the notes only
    const again = await as.editor!.get(`/edit/tie/${tie}`);
    const second = await as.editor!.post(`/edit/tie/${tie}/facts`, {
      _csrf: csrfOf(again.body),
      ...facts,
      source: sourcesOf(again.body).replace(/\n/g, '\r\n'),
      notes: 'Both steel cities; renewed in 2016',
    });
    expect(second.statusCode).toBe(303);
    const history = await as.editor!.get(`/history/tie/${tie}/facts`);
    const items = history.body.split('<li value=').slice(1);
    expect(items).toHaveLength(3);
    // newest: the notes changed, the sources did not
    expect(mainText(items[0]!)).toContain('Notes Both steel cities → Both steel cities; renewed in 2016');
    expect(mainText(items[0]!)).not.toContain('Sources');
    // the first edit: one source came; the two that stayed are neither struck out nor marked new
    expect(items[1]).toContain('<ins>https://example.org/Renewal</ins>');
    expect(items[1]).not.toContain('<del>');
    expect(items[1]).not.toContain('<ins>https://example.org/anshan-birmingham');
    expect(mainText(items[1]!)).not.toContain('Notes');
  });

  it('keeps what a source supports and its citation when its line is left as it was', async () => {
    const malmo = (await ctx.t.store.twinnings.between('Q2211', 'Q74957'))!;
    const source = { fact: 'signed', url: 'https://example.org/minutes', citation: 'Minutes, p. 3' };
    await ctx.t.store.twinnings.upsert(
      [{ a: malmo.a, b: malmo.b, sources: [source] }],
      new Set(['sources'] as const),
      new Date().toISOString(),
    );
    const form = await as.editor!.get(`/edit/tie/${malmo.id}`);
    expect(sourcesOf(form.body)).toBe('https://example.org/minutes');
    const saved = await as.editor!.post(`/edit/tie/${malmo.id}/facts`, {
      _csrf: csrfOf(form.body),
      kind: 'friendship',
      signed: '1989',
      ended: '',
      status: 'active',
      source: 'https://example.org/minutes\r\nCity archive',
      notes: '',
    });
    expect(saved.statusCode).toBe(303);
    expect((await ctx.t.store.twinnings.get(malmo.id))!.sources).toEqual([
      source,
      { fact: null, url: null, citation: 'City archive' },
    ]);
  });

  it('links to the public page after saving a section or the facts', async () => {
    const saved = await as.editor!.submit('/edit/place/Q74957/economy?in=en', { body: 'Steel.' });
    expect(saved.headers.location).toBe('/edit/place/Q74957/economy?in=en&done=saved');
    const page = await as.editor!.get(saved.headers.location as string);
    expect(mainText(page.body)).toContain('Saved.');
    expect(page.body).toContain('<a href="/places/Q74957/anshan">See it on the site</a>');
    const zh = await as.editor!.get(`/edit/tie/${tie}?done=saved&lang=zh`);
    expect(zh.body).toContain(`<a href="/ties/${tie}?lang=zh">在网站上查看</a>`);
    // not before anything was saved
    expect((await as.editor!.get('/edit/place/Q74957/economy?in=en')).body).not.toContain(
      'See it on the site',
    );
  });

  it('answers a refused form about something one may not edit with that, as a page', async () => {
    const token = csrfOf((await as.editor!.get('/account')).body);
    // Hanover (Q1715) is not Anshan's: the NUL character is not what the answer is about
    const res = await as.editor!.post('/edit/place/Q1715/facts', { _csrf: token, population: '1\u0000' });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('text/html');
    expect(mainText(res.body)).toContain('You may not edit Hanover');
  });

  it('names what each recent edit was of in the admin area, with a link to its history', async () => {
    await as.editor!.submit(`/edit/tie/${tie}/programs?in=en`, { body: 'Steel exchanges.' });
    const org = (await ctx.t.store.orgs.bySlug('anshan-office'))!;
    const entry = await new EntriesService(ctx.t.store, 'http://localhost:3000').save(
      SYSTEM,
      org,
      'activity',
      null,
      { title: 'Steel delegation', kind: 'exchange', date: '2026-10-12' },
      [{ type: 'twinning', id: String(tie) }],
    );
    const page = await as.admin!.get('/admin/edits');
    expect(page.statusCode).toBe(200);
    const text = mainText(page.body);
    expect(text).toContain('Anshan – Birmingham · Programs and exchanges (en)');
    expect(text).toContain('Anshan – Birmingham · facts');
    expect(text).toContain('Anshan · Economy (en)');
    expect(text).toContain('Entry: Steel delegation');
    // no internal keys
    expect(text).not.toMatch(/section twinning\/|entry \d+/);
    expect(page.body).toContain(`href="/history/tie/${tie}/programs?in=en"`);
    expect(page.body).toContain(`href="/history/tie/${tie}/facts"`);
    expect(page.body).toContain(`href="/entries/${entry}/history"`);
    // in Chinese, the places by their Chinese names
    expect(mainText((await as.admin!.get('/admin/edits?lang=zh')).body)).toContain('鞍山 · 经济（en）');
  });

  it('takes a home place by name, asks which when several fit, and still takes an id', async () => {
    const form = await as.admin!.get('/admin/orgs');
    // a text field that suggests places as one types (suggest.js) and works as a plain field without it
    expect(form.body).toMatch(/<input[^>]*name="homeId"[^>]*data-pick[\s/>=]/);
    const byName = await as.admin!.submit('/admin/orgs', {
      name: 'Anshan Friends',
      kind: 'other',
      homeId: '鞍山',
    });
    expect(byName.statusCode).toBe(303);
    expect((await ctx.t.store.orgs.bySlug('anshan-friends'))!.homeId).toBe('Q74957');
    const picked = await as.admin!.submit('/admin/orgs', {
      name: 'Malmo Friends',
      kind: 'other',
      homeId: 'Malmö (Q2211)',
    });
    expect(picked.statusCode).toBe(303);
    expect((await ctx.t.store.orgs.bySlug('malmo-friends'))!.homeId).toBe('Q2211');

    const vague = await as.admin!.submit('/admin/orgs', {
      name: 'Scania Friends',
      kind: 'other',
      homeId: 'malm',
    });
    expect(vague.statusCode).toBe(400);
    const text = mainText(vague.body);
    expect(text).toContain('Several places are called "malm" or start so: choose the one you mean.');
    expect(text).toContain('Which place do you mean?');
    expect(vague.body).toContain('name="homeChoice" value="Q2211"');
    expect(vague.body).toContain('name="homeChoice" value="Q503361"');
    // what was typed stays
    expect(vague.body).toContain('value="Scania Friends"');
    const chosen = await as.admin!.post('/admin/orgs', {
      _csrf: csrfOf(vague.body),
      name: 'Scania Friends',
      kind: 'other',
      homeId: 'malm',
      homeChoice: 'Q503361',
    });
    expect(chosen.statusCode).toBe(303);
    expect((await ctx.t.store.orgs.bySlug('scania-friends'))!.homeId).toBe('Q503361');

    // the beginning of one place's name is not taken for it unasked
    const partly = await as.admin!.submit('/admin/orgs', { name: 'Birm', kind: 'other', homeId: 'Birm' });
    expect(partly.statusCode).toBe(400);
    expect(mainText(partly.body)).toContain('No place is called exactly "Birm"');
    expect(partly.body).toContain('name="homeChoice" value="Q79867"');

    const nowhere = await as.admin!.submit('/admin/orgs', {
      name: 'Nowhere',
      kind: 'other',
      homeId: 'Atlantis',
    });
    expect(nowhere.statusCode).toBe(400);
    expect(mainText(nowhere.body)).toContain('No place is called "Atlantis"');
    expect(await ctx.t.store.orgs.bySlug('nowhere')).toBeUndefined();
  });
});
