import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrgsService, SYSTEM } from '../../src/services/orgs.js';
import { SyncService, syncSettings } from '../../src/services/wikidata/sync.js';
import { useTestApp } from '../helpers/app.js';
import { csrfOf, mainText, signedInVisitors, type Visitor } from '../helpers/client.js';
import { fixtureFiles } from '../helpers/fixtures.js';
import { WIKIDATA_TIES_CSV, startWdqs, type Wdqs } from '../helpers/wdqs.js';

const PASSWORD = 'correct horse battery';

// Proposals from a recorded Wikidata, reviewed over HTTP: a site admin decides anything, an editor of
// Birmingham's office what concerns Birmingham and its partners, a member nothing.
describe('reviewing what Wikidata proposes', () => {
  const ctx = useTestApp(() => [...fixtureFiles(), { name: 'wd.csv', content: WIKIDATA_TIES_CSV }]);
  const as: Record<string, Visitor> = {};
  let wdqs: Wdqs;
  const proposal = async (kind: string, subject: string, fact = '') =>
    (await ctx.t.store.proposals.list('proposed', kind, 1000)).find(
      (p) => p.subjectId === subject && p.fact === fact,
    )!;

  beforeAll(async () => {
    Object.assign(
      as,
      await signedInVisitors(() => ctx.app, ctx.t.store, ['admin', 'editor', 'member'], {
        password: PASSWORD,
        net: '10.7.0',
        admins: ['admin'],
      }),
    );
    const orgs = new OrgsService(ctx.t.store);
    const org = await orgs.create(SYSTEM, { name: 'Birmingham Office', kind: 'office', homeId: 'Q79867' });
    await orgs.grant(SYSTEM, org, 'editor@example.org', 'editor');
    await orgs.grant(SYSTEM, org, 'member@example.org', 'member');
    wdqs = await startWdqs(4164);
    await new SyncService(
      ctx.t.store,
      syncSettings({ wikidataUrl: wdqs.url, wikidataContact: 'ops@example.org' }),
    ).run({});
  });
  afterAll(() => wdqs?.close());

  it('is for site admins and editors; strangers sign in first and members are refused', async () => {
    const anonymous = await ctx.app.inject({ url: '/admin/proposals' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/signin\?next=/);
    expect((await as.member!.get('/admin/proposals')).statusCode).toBe(403);
    const page = await as.admin!.get('/admin/proposals?kind=label');
    expect(page.statusCode).toBe(200);
    const text = mainText(page.body);
    expect(text).toContain('鞍山 → 鞍山市');
    expect(page.body).toContain(
      'href="https://www.wikidata.org/w/index.php?title=Q74957&amp;oldid=2301551234"',
    );
    expect(text).toMatch(/Accept all \d+ of the kind “Name”/);
    // only names: no population figure among the rows
    expect(text).not.toContain('1199275');
    const zh = await as.admin!.get('/admin/proposals?lang=zh');
    expect(mainText(zh.body)).toContain('来自维基数据的修改建议');
  });

  it('shows an editor only what they may decide, and refuses the rest', async () => {
    const page = mainText((await as.editor!.get('/admin/proposals')).body);
    expect(page).toContain('Birmingham');
    expect(page).not.toContain('Tokyo');
    const page2 = await as.editor!.get('/admin/proposals');
    const tokyo = await proposal('population', 'Q1490');
    const refused = await as.editor!.post(`/admin/proposals/${tokyo.id}/accept`, {
      _csrf: csrfOf(page2.body),
    });
    expect(refused.statusCode).toBe(403);
    expect((await ctx.t.store.proposals.get(tokyo.id))!.status).toBe('proposed');
    const schedule = await as.editor!.post('/admin/proposals/schedule', {
      _csrf: csrfOf(page2.body),
      on: '1',
    });
    expect(schedule.statusCode).toBe(403);
    // the editor's own city
    const own = await proposal('population', 'Q79867');
    const ok = await as.editor!.post(`/admin/proposals/${own.id}/accept`, { _csrf: csrfOf(page2.body) });
    expect(ok.statusCode).toBe(303);
    expect((await ctx.t.store.places.get('Q79867'))!.population).toBe(200733);
  });

  it('accepts, rejects and accepts all of a kind for an admin, with the form token only', async () => {
    const label = await proposal('label', 'Q74957', 'zh');
    const noToken = await as.admin!.post(`/admin/proposals/${label.id}/accept`, {});
    expect(noToken.statusCode).toBe(403);
    expect((await ctx.t.store.proposals.get(label.id))!.status).toBe('proposed');

    const page = await as.admin!.get('/admin/proposals?kind=label');
    const accepted = await as.admin!.post(`/admin/proposals/${label.id}/accept`, {
      _csrf: csrfOf(page.body),
      kind: 'label',
    });
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe('/admin/proposals?kind=label&done=accepted');
    expect((await ctx.t.store.places.get('Q74957'))!.names.zh).toBe('鞍山市');
    const profile = await ctx.app.inject({ url: '/places/Q74957/anshan?lang=zh' });
    expect(profile.body).toContain('鞍山市');
    // the edit is in the admin area's recent edits, by the admin
    expect(mainText((await as.admin!.get('/admin/edits')).body)).toContain('admin');

    const gone = await proposal('gone_tie', 'Q1490 Q2211');
    const rejected = await as.admin!.post(`/admin/proposals/${gone.id}/reject`, { _csrf: csrfOf(page.body) });
    expect(rejected.statusCode).toBe(303);
    expect(await ctx.t.store.twinnings.between('Q1490', 'Q2211')).toBeDefined();
    const twice = await as.admin!.post(`/admin/proposals/${gone.id}/accept`, { _csrf: csrfOf(page.body) });
    expect(twice.statusCode).toBe(400);

    const all = await as.admin!.post('/admin/proposals/accept-all', {
      _csrf: csrfOf(page.body),
      kind: 'coordinates',
    });
    expect(all.statusCode).toBe(303);
    expect(all.headers.location).toMatch(/done=all&n=[1-9]\d*&failed=0/);
    expect((await ctx.t.store.places.get('Q2211'))!.lat).toBeCloseTo(55.60583, 4);
    expect(await ctx.t.store.proposals.counts('proposed')).not.toHaveProperty('coordinates');
    const bad = await as.admin!.post('/admin/proposals/accept-all', {
      _csrf: csrfOf(page.body),
      kind: 'nonsense',
    });
    expect(bad.statusCode).toBe(400);

    const on = await as.admin!.post('/admin/proposals/schedule', { _csrf: csrfOf(page.body), on: '1' });
    expect(on.statusCode).toBe(303);
    expect(mainText((await as.admin!.get('/admin/proposals')).body)).toContain('The daily sync is on');
  });
});
