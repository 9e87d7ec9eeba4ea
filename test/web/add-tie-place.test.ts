import { beforeAll, describe, expect, it } from 'vitest';
import { OrgsService, SYSTEM } from '../../src/services/orgs.js';
import { useTestApp } from '../helpers/app.js';
import type { Visitor } from '../helpers/client.js';
import { csrfOf, mainText, signedInVisitors } from '../helpers/client.js';
import { fixtureFiles } from '../helpers/fixtures.js';

const PASSWORD = 'correct horse battery';

const TIE = {
  kind: 'friendship',
  signed: '2024-05',
  ended: '',
  status: 'active',
  source: 'https://example.org/anshan-tokyo\r\nCity council minutes, 12 May 2024',
  notes: '',
};

// Anshan (Q74957) is the editor's home, tied to Birmingham (Q79867) and Malmö (Q2211); Hanover (Q1715) is
// tied to Tokyo (Q1490) only.
describe('adding ties and places from the web, and merging duplicates', () => {
  const ctx = useTestApp(fixtureFiles);
  const as: Record<string, Visitor> = {};

  beforeAll(async () => {
    Object.assign(
      as,
      await signedInVisitors(() => ctx.app, ctx.t.store, ['admin', 'editor', 'other', 'member'], {
        password: PASSWORD,
        net: '10.13.0',
        admins: ['admin'],
      }),
    );
    const orgs = new OrgsService(ctx.t.store);
    const anshan = await orgs.create(SYSTEM, { name: 'Anshan Office', kind: 'office', homeId: 'Q74957' });
    await orgs.grant(SYSTEM, anshan, 'editor@example.org', 'editor');
    await orgs.grant(SYSTEM, anshan, 'member@example.org', 'member');
    const hanover = await orgs.create(SYSTEM, { name: 'Hanover Friends', kind: 'office', homeId: 'Q1715' });
    await orgs.grant(SYSTEM, hanover, 'other@example.org', 'editor');
  });

  const audit = async (action: string) =>
    (await ctx.t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute()) as {
      subject: string;
      actor_id: number | null;
    }[];

  it('lets an editor add a tie of the home, with its revision, audit entry and history', async () => {
    const form = await as.editor!.get('/add/tie?from=Q74957');
    expect(form.statusCode).toBe(200);
    expect(mainText(form.body)).toContain('Add a tie of Anshan');
    const res = await as.editor!.post('/add/tie', {
      _csrf: csrfOf(form.body),
      from: 'Q74957',
      partner: 'Tokyo (Q1490)',
      ...TIE,
    });
    expect(res.statusCode).toBe(303);
    const tie = (await ctx.t.store.twinnings.between('Q74957', 'Q1490'))!;
    expect(tie).toMatchObject({ kind: 'friendship', status: 'active', signed: { date: '2024-05-01' } });
    expect(tie.sources.map((s) => s.url ?? s.citation)).toEqual([
      'https://example.org/anshan-tokyo',
      'City council minutes, 12 May 2024',
    ]);
    expect(res.headers.location).toBe(`/edit/tie/${tie.id}?done=added`);
    const done = await as.editor!.get(res.headers.location!);
    expect(mainText(done.body)).toContain('The tie is added.');
    expect(done.body).toContain(`href="/ties/${tie.id}"`);
    const revs = await ctx.t.store.revisions.of('twinning', String(tie.id));
    expect(revs.map((r) => r.action)).toEqual(['create']);
    expect((await audit('tie.add')).map((a) => a.subject)).toContain(`twinning:${tie.id}`);
    const history = await as.editor!.get(`/history/tie/${tie.id}/facts`);
    expect(history.statusCode).toBe(200);
    expect(mainText(history.body)).toContain('by editor : created');
    expect(mainText(history.body)).toContain('https://example.org/anshan-tokyo');
    // the partner's page lists it
    const bare = await as.editor!.get('/places/Q1490');
    const tokyo = await as.editor!.get(bare.headers.location!);
    expect(mainText(tokyo.body)).toContain('Anshan');
  });

  it('re-renders the form with its problems and stores nothing when the tie is not right', async () => {
    const before = await ctx.t.store.twinnings.count();
    const form = await as.editor!.get('/add/tie');
    const send = (fields: Record<string, string>) =>
      as.editor!.post('/add/tie', { _csrf: csrfOf(form.body), from: 'Q74957', ...TIE, ...fields });
    // with itself; a tie it has already; dates the wrong way round; no source
    const self = await send({ partner: 'Q74957' });
    expect(self.statusCode).toBe(400);
    expect(mainText(self.body)).toContain('a place cannot be twinned with itself');
    const twice = await send({ partner: 'Birmingham (Q79867)' });
    expect(twice.statusCode).toBe(400);
    expect(mainText(twice.body)).toContain('is tied to this place already');
    const dates = await send({ partner: 'Q503361', signed: '2010', ended: '2001', status: 'ended' });
    expect(dates.statusCode).toBe(400);
    expect(mainText(dates.body)).toContain('Ended: is before the signing date');
    const unsourced = await send({ partner: 'Q503361', source: '  ' });
    expect(unsourced.statusCode).toBe(400);
    expect(mainText(unsourced.body)).toContain('Sources: is required');
    const unknown = await send({ partner: 'Atlantis' });
    expect(unknown.statusCode).toBe(400);
    expect(mainText(unknown.body)).toContain('no place is called "Atlantis"');
    // what was typed is shown again
    expect(unsourced.body).toContain('value="Q503361"');
    expect(await ctx.t.store.twinnings.count()).toBe(before);
  });

  it('refuses ties of another place to editors, and everything to members and strangers', async () => {
    const before = await ctx.t.store.twinnings.count();
    // an editor of Anshan names Hanover as the first place
    const form = await as.editor!.get('/add/tie');
    const other = await as.editor!.post('/add/tie', {
      _csrf: csrfOf(form.body),
      from: 'Q1715',
      partner: 'Q2211',
      ...TIE,
    });
    expect(other.statusCode).toBe(403);
    expect((await as.editor!.get('/add/tie?from=Q1715')).statusCode).toBe(403);
    // Hanover's editor may add Hanover's, not Anshan's
    const hanoverForm = await as.other!.get('/add/tie?from=Q1715');
    expect(hanoverForm.statusCode).toBe(200);
    const refused = await as.other!.post('/add/tie', {
      _csrf: csrfOf(hanoverForm.body),
      from: 'Q74957',
      partner: 'Q1715',
      ...TIE,
    });
    expect(refused.statusCode).toBe(403);
    // a member edits nothing
    expect((await as.member!.get('/add/tie')).statusCode).toBe(403);
    expect((await as.member!.get('/add/place')).statusCode).toBe(403);
    const memberPage = await as.member!.get('/account');
    const member = await as.member!.post('/add/tie', {
      _csrf: csrfOf(memberPage.body),
      from: 'Q74957',
      partner: 'Q1715',
      ...TIE,
    });
    expect(member.statusCode).toBe(403);
    // strangers are sent to sign in
    const stranger = await ctx.app.inject({ method: 'GET', url: '/add/tie' });
    expect(stranger.statusCode).toBe(303);
    expect(stranger.headers.location).toContain('/signin');
    expect(await ctx.t.store.twinnings.count()).toBe(before);
  });

  it('lets a site admin add a tie between any two places', async () => {
    const form = await as.admin!.get('/add/tie');
    expect(form.body).toContain('name="from"');
    const res = await as.admin!.post('/add/tie', {
      _csrf: csrfOf(form.body),
      from: 'Hanover (Q1715)',
      partner: 'Malmö',
      ...TIE,
    });
    expect(res.statusCode).toBe(303);
    expect(await ctx.t.store.twinnings.between('Q1715', 'Q2211')).toBeDefined();
  });

  it('finds likely duplicates by Wikidata id, name in any language, similar name and distance', async () => {
    const ask = async (q: string) => {
      const res = await ctx.app.inject({ method: 'GET', url: `/api/places/duplicates?${q}` });
      expect(res.statusCode).toBe(200);
      return (JSON.parse(res.body) as { items: { id: string; reasons: string[]; detail: string }[] }).items;
    };
    expect((await ask('wikidata=Q74957'))[0]).toMatchObject({ id: 'Q74957', reasons: ['wikidata'] });
    // the same name in another language, in the same country
    expect((await ask('name=%E9%9E%8D%E5%B1%B1&country=CN')).map((i) => i.id)).toEqual(['Q74957']);
    // not in another country
    expect(await ask('name=Anshan&country=US')).toEqual([]);
    // a letter off, case and accents ignored
    expect((await ask('name=ANSHAM&country=cn')).map((i) => i.id)).toContain('Q74957');
    expect((await ask('name=Malmo&country=SE')).map((i) => i.id)).toEqual(
      expect.arrayContaining(['Q2211', 'Q503361']),
    );
    // within a few km, whatever the name
    const near = await ask('name=Tiexi&country=CN&lat=41.13&lon=122.96');
    expect(near[0]).toMatchObject({ id: 'Q74957', reasons: ['near'] });
    expect(near[0]!.detail).toContain('km away');
    expect(await ask('lat=41.5&lon=123.5')).toEqual([]);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/places/duplicates?lat=100' })).statusCode).toBe(
      400,
    );
  });

  it('lets an editor add a place, asking first when it looks like one already there', async () => {
    const form = await as.editor!.get('/add/place?from=Q74957');
    expect(form.statusCode).toBe(200);
    const place = {
      name: 'Ansham',
      country: 'CN',
      kind: 'city',
      parent: '',
      lat: '41.12',
      lon: '122.95',
      wikidata: '',
      source: 'https://example.org/ansham',
    };
    const post = (fields: Record<string, string>) =>
      as.editor!.post('/add/place?from=Q74957', { _csrf: csrfOf(form.body), ...place, ...fields });
    const asked = await post({});
    expect(asked.statusCode).toBe(400);
    expect(mainText(asked.body)).toContain('This looks like Anshan (China, 3 ties): add anyway?');
    expect(asked.body).toContain('name="confirm"');
    // the Wikidata id of another place is refused even when confirmed
    const taken = await post({ name: 'Anshan District', wikidata: 'q74957', confirm: '1' });
    expect(taken.statusCode).toBe(400);
    expect(mainText(taken.body)).toContain('is the Wikidata id of Anshan (Q74957) already');
    const bad = await post({ name: '', lat: '95', source: '', confirm: '1' });
    expect(bad.statusCode).toBe(400);
    expect(mainText(bad.body)).toMatch(/Name: is required/);
    expect(mainText(bad.body)).toMatch(/Latitude: /);
    expect(mainText(bad.body)).toMatch(/Sources: is required/);
    expect(await ctx.t.store.places.get('cn-ansham')).toBeUndefined();

    // a place that looks like nothing stored is added at once
    const added = await post({
      name: 'Haicheng',
      lat: '40.85',
      lon: '122.75',
      wikidata: 'Q1021045',
      source: 'https://example.org/haicheng',
    });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe('/add/tie?from=Q74957&partner=Q1021045&added=Q1021045');
    const haicheng = (await ctx.t.store.places.get('Q1021045'))!;
    expect(haicheng).toMatchObject({
      name: 'Haicheng',
      country: 'CN',
      parent: 'CN',
      lat: 40.85,
      lon: 122.75,
    });
    expect(haicheng.sources.map((s) => s.url)).toEqual(['https://example.org/haicheng']);
    const next = await as.editor!.get(added.headers.location!);
    expect(mainText(next.body)).toContain('Haicheng is added.');
    expect(next.body).toContain('value="Haicheng (Q1021045)"');

    // confirmed: added under a generated id
    const confirmed = await post({ confirm: '1' });
    expect(confirmed.statusCode).toBe(303);
    const made = (await ctx.t.store.places.get('cn-ansham'))!;
    expect(made).toMatchObject({ name: 'Ansham', kind: 'city', country: 'CN', wikidata: null });
    const revs = await ctx.t.store.revisions.of('place', 'cn-ansham');
    expect(revs.map((r) => r.action)).toEqual(['create']);
    expect(JSON.parse(revs[0]!.data)).toMatchObject({
      name: 'Ansham',
      country: 'CN',
      coordinates: '41.12, 122.95',
    });
    expect((await audit('place.add')).map((a) => a.subject)).toEqual(
      expect.arrayContaining(['place:Q1021045', 'place:cn-ansham']),
    );
    // a second one of the same name gets the next id
    const again = await post({ lat: '', lon: '', confirm: '1' });
    expect(again.statusCode).toBe(303);
    expect(await ctx.t.store.places.get('cn-ansham-2')).toBeDefined();
  });

  it('shows the new place in its history once it is tied to the home', async () => {
    const form = await as.editor!.get('/add/tie?from=Q74957&partner=Q1021045');
    const res = await as.editor!.post('/add/tie', {
      _csrf: csrfOf(form.body),
      from: 'Q74957',
      partner: 'Haicheng (Q1021045)',
      ...TIE,
      source: 'https://example.org/haicheng-tie',
    });
    expect(res.statusCode).toBe(303);
    const history = await as.editor!.get('/history/place/Q1021045/facts');
    expect(history.statusCode).toBe(200);
    expect(mainText(history.body)).toContain('created');
    expect(mainText(history.body)).toContain('Haicheng');
    expect(mainText(history.body)).toContain('40.85, 122.75');
    const profile = await as.editor!.get((await as.editor!.get('/places/Q74957')).headers.location!);
    expect(profile.body).toContain('href="/add/tie?from=Q74957"');
  });

  it('lets only a site admin merge places, with a preview, a typed confirmation and a redirect after', async () => {
    expect((await as.editor!.get('/admin/places/merge')).statusCode).toBe(403);
    const page = await as.admin!.get('/admin/places/merge?keep=Q74957&drop=cn-ansham-2');
    expect(page.statusCode).toBe(200);
    expect(mainText(page.body)).toContain('What the merge does');
    const preview = await as.admin!.get('/admin/places/merge?keep=Q74957&drop=cn-ansham');
    expect(mainText(preview.body)).toContain('names added');
    // nothing was merged by the preview
    expect(await ctx.t.store.places.get('cn-ansham')).toBeDefined();
    const wrong = await as.admin!.post('/admin/places/merge', {
      _csrf: csrfOf(preview.body),
      keep: 'Q74957',
      drop: 'cn-ansham',
      confirm: 'cn-ansham-2',
    });
    expect(wrong.statusCode).toBe(400);
    expect(mainText(wrong.body)).toContain('type the id of the place that goes (cn-ansham)');
    expect(await ctx.t.store.places.get('cn-ansham')).toBeDefined();
    const done = await as.admin!.post('/admin/places/merge', {
      _csrf: csrfOf(preview.body),
      keep: 'Q74957',
      drop: 'cn-ansham',
      confirm: 'cn-ansham',
    });
    expect(done.statusCode).toBe(303);
    expect(mainText((await as.admin!.get(done.headers.location!)).body)).toContain(
      'cn-ansham is merged into Anshan (Q74957)',
    );
    expect(await ctx.t.store.places.get('cn-ansham')).toBeUndefined();
    const old = await ctx.app.inject({ method: 'GET', url: '/places/cn-ansham' });
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toContain('/places/Q74957');
    expect((await audit('place.merge')).map((a) => a.subject)).toContain('place:Q74957');
    const history = await as.admin!.get('/history/place/Q74957/facts');
    expect(mainText(history.body)).toContain('merged a duplicate place into this one');
    // countries cannot be merged: the preview says why
    const refused = await as.admin!.get('/admin/places/merge?keep=Q74957&drop=CN');
    expect(mainText(refused.body)).toContain('These two cannot be merged');
  });
});
