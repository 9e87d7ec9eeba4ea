import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FactsService } from '../../src/services/facts.js';
import { importFiles } from '../../src/services/import.js';
import { OrgsService, SYSTEM, actorOf } from '../../src/services/orgs.js';
import { AccountsService } from '../../src/services/accounts.js';
import { DataInfoService } from '../../src/services/data-info.js';
import { DataVersion } from '../../src/services/data-version.js';
import { CHECKED_KEY, SyncService, syncSettings } from '../../src/services/wikidata/sync.js';
import type { Proposal } from '../../src/store/proposals-repo.js';
import { DIALECTS, createTestDb, type TestDb } from '../helpers/db.js';
import { fixtureFiles } from '../helpers/fixtures.js';
import { WIKIDATA_TIES_CSV, startWdqs, type Wdqs } from '../helpers/wdqs.js';

const NOW = new Date('2026-12-01T09:00:00Z');

describe.each(DIALECTS)('the Wikidata sync against a recorded query service (%s)', (dialect) => {
  let t: TestDb;
  let wdqs: Wdqs;
  let sync: SyncService;
  const all = async () => t.store.proposals.list('proposed', null, 1000);
  const one = async (kind: string, subject: string, fact = '') =>
    (await all()).find((p) => p.kind === kind && p.subjectId === subject && p.fact === fact);

  beforeAll(async () => {
    t = await createTestDb(dialect);
    await importFiles(t.store, [...fixtureFiles(), { name: 'wd-twinnings.csv', content: WIKIDATA_TIES_CSV }]);
    // an editor sets Birmingham's population on the site
    const accounts = new AccountsService(t.store);
    const editor = await accounts.addUser({ email: 'ed@example.org', password: 'editor password' });
    const orgs = new OrgsService(t.store);
    const org = await orgs.create(SYSTEM, { name: 'Birmingham Office', kind: 'office', homeId: 'Q79867' });
    await orgs.grant(SYSTEM, org, 'ed@example.org', 'editor');
    const facts = new FactsService(t.store);
    const values = await facts.placeFacts('Q79867');
    await facts.editPlace(await actorOf(t.store, editor), 'Q79867', {
      ...values,
      population: '210000',
      population_year: '2021',
    });
    wdqs = await startWdqs(4161 + DIALECTS.indexOf(dialect));
    // three items a page: the first facts page fails once (503) and is asked again
    wdqs.failOnce(2, 503, '0');
    sync = new SyncService(
      t.store,
      syncSettings(
        { wikidataUrl: wdqs.url, wikidataContact: 'ops@twinning.example.org' },
        { batchSize: 3, backoffMs: 5 },
      ),
    );
  });
  afterAll(async () => {
    await wdqs?.close();
    await t?.drop();
  });

  it('asks in pages with a descriptive User-Agent, retries a failed page, and proposes what differs', async () => {
    const r = await sync.run({}, NOW);
    // the places with a Wikidata id, three a page; each page asks three queries; one was asked twice
    expect(r.places).toBe(8);
    expect(wdqs.requests.filter((q) => q.kind === 'items')).toHaveLength(3);
    expect(wdqs.requests[1]).toMatchObject({ kind: 'facts', status: 503 });
    expect(wdqs.requests[2]).toMatchObject({ kind: 'facts', status: 200, qids: wdqs.requests[1]!.qids });
    expect(r.requests).toBe(wdqs.requests.length);
    expect(new Set(wdqs.requests.map((q) => q.method))).toEqual(new Set(['POST']));
    expect(wdqs.requests[0]!.userAgent).toMatch(
      /^Twinning\/\d+\.\d+\.\d+ \(ops@twinning\.example\.org; .*\) Node\.js\//,
    );
    expect(wdqs.requests[0]!.accept).toBe('application/sparql-results+json');

    // a changed label, and labels the registry lacks
    expect(await one('label', 'Q74957', 'zh')).toMatchObject({
      oldValue: '鞍山',
      newValue: '鞍山市',
      editorSet: false,
    });
    expect(await one('label', 'Q74957', 'ja')).toBeUndefined();
    expect(await one('label', 'Q1715', 'fr')).toMatchObject({ oldValue: null, newValue: 'Hanovre' });
    // a new tie, with its start (month precision)
    expect(await one('new_tie', 'Q1715 Q74957')).toMatchObject({
      payload: { a: 'Q1715', b: 'Q74957', signed: '2016-05', ended: null },
      // found from Hanover's side (its page came first)
      qid: 'Q1715',
      wdRevision: '2289400121',
    });
    // a tie that ended (P582), and one removed from Wikidata
    expect(await one('ended_tie', 'Q1490 Q1715')).toMatchObject({ oldValue: 'dormant', newValue: '2020' });
    expect(await one('gone_tie', 'Q1490 Q2211')).toMatchObject({ newValue: '—' });
    // nothing for ties that agree (stated on either side), or for an end the registry has
    expect(await one('new_tie', 'Q2211 Q74957')).toBeUndefined();
    expect((await all()).filter((p) => p.subjectId === 'Q2211 Q79867')).toEqual([]);
    expect(r.unknownPartners).toBe(1);
    // population: the preferred, newest figure; the one an editor set is flagged
    expect(await one('population', 'Q74957')).toMatchObject({
      oldValue: '1199275',
      newValue: '1325000 (2020)',
    });
    expect(await one('population', 'Q79867')).toMatchObject({
      oldValue: '210000 (2021)',
      newValue: '200733 (2020)',
      editorSet: true,
    });
    expect(await one('coordinates', 'Q2211')).toMatchObject({ newValue: '55.60583, 13.00083' });
    expect(await one('parent', 'Q2211')).toMatchObject({ oldValue: 'SE', newValue: 'Q503361' });
    expect(r.editorSet).toBe(1);
    // nothing was applied
    expect((await t.store.places.get('Q74957'))!.names.zh).toBe('鞍山');
    expect(await t.store.twinnings.between('Q1715', 'Q74957')).toBeUndefined();
  });

  it('does not propose the same change twice, and --since asks only about items changed since', async () => {
    const before = (await all()).length;
    const again = await sync.run({}, NOW);
    expect(Object.values(again.proposed).reduce((a, b) => a + b, 0)).toBe(0);
    expect(again.known).toBe(before);
    expect((await all()).length).toBe(before);
    const since = await sync.run({ since: '2026-11-16', area: 'CN' }, NOW);
    // Anshan and Ma'anshan are in China; only Anshan changed since (2026-11-20)
    expect(since.places).toBe(2);
    expect(since.items).toBe(1);
    await expect(sync.run({ since: 'last week' }, NOW)).rejects.toThrow(/YYYY-MM-DD/);
  });

  it('applies an accepted proposal as an edit with Wikidata and the revision as its source', async () => {
    const label = (await one('label', 'Q74957', 'zh'))!;
    await sync.accept(SYSTEM, label.id, NOW);
    const anshan = (await t.store.places.get('Q74957'))!;
    expect(anshan.names.zh).toBe('鞍山市');
    expect(anshan.names.ja).toBe('鞍山市');
    expect(anshan.sources).toContainEqual({
      fact: 'names',
      url: 'https://www.wikidata.org/w/index.php?title=Q74957&oldid=2301551234',
      citation: 'Wikidata (Q74957, retrieved 2026-12-01)',
    });
    const [rev] = await t.store.revisions.of('place', 'Q74957', 1);
    expect(JSON.parse(rev!.data).from).toMatchObject({
      proposal: label.id,
      qid: 'Q74957',
      revision: '2301551234',
    });
    expect((await t.store.proposals.get(label.id))!.status).toBe('accepted');
    await expect(sync.accept(SYSTEM, label.id, NOW)).rejects.toThrow(/accepted already/);

    const tie = (await one('new_tie', 'Q1715 Q74957'))!;
    await sync.accept(SYSTEM, tie.id, NOW);
    const made = (await t.store.twinnings.between('Q1715', 'Q74957'))!;
    expect(made).toMatchObject({ status: 'active', signed: { date: '2016-05-01', precision: 'month' } });
    expect(made.sources[0]).toMatchObject({
      fact: 'tie',
      citation: 'Wikidata (Q1715, retrieved 2026-12-01)',
    });

    const ended = (await one('ended_tie', 'Q1490 Q1715'))!;
    await sync.accept(SYSTEM, ended.id, NOW);
    expect(await t.store.twinnings.between('Q1490', 'Q1715')).toMatchObject({
      status: 'ended',
      ended: { date: '2020-01-01', precision: 'year' },
    });

    const gone = (await one('gone_tie', 'Q1490 Q2211'))!;
    await sync.accept(SYSTEM, gone.id, NOW);
    expect(await t.store.twinnings.between('Q1490', 'Q2211')).toBeUndefined();
    const removal = await t.store.revisions.of('twinning', String(gone.payload.tie), 1);
    expect(removal[0]).toMatchObject({ action: 'remove' });
  });

  it('accepts all of a kind but a fact an editor set, which a rejection leaves as it is', async () => {
    const r = await sync.acceptAll(SYSTEM, 'population', NOW);
    expect(r.accepted).toBeGreaterThanOrEqual(3);
    expect((await t.store.places.get('Q74957'))!).toMatchObject({
      population: 1325000,
      populationYear: 2020,
    });
    const flagged = (await one('population', 'Q79867')) as Proposal;
    expect(flagged.status).toBe('proposed');
    expect((await t.store.places.get('Q79867'))!.population).toBe(210000);
    await sync.reject(SYSTEM, flagged.id, NOW);
    expect((await t.store.proposals.get(flagged.id))!.status).toBe('rejected');
    expect((await t.store.places.get('Q79867'))!.population).toBe(210000);
    // a rejected change is not proposed again
    await sync.run({ area: 'Q79867' }, NOW);
    expect(await one('population', 'Q79867')).toBeUndefined();
  });

  it('dates the data by the last whole run once nothing it found is waiting', async () => {
    const info = new DataInfoService(t.store);
    // as the site reads it: once per version of the data and content (not re-read within the minute here)
    const version = new DataVersion(t.store, 60_000);
    const onSite = new DataInfoService(t.store, version);
    expect(await onSite.dataDate()).toBeNull();
    // the first run compared every place, but what it found is still waiting for decisions
    expect(await t.store.meta.get(CHECKED_KEY)).toBe(NOW.toISOString());
    expect((await all()).length).toBeGreaterThan(0);
    expect(await info.dataDate()).toBeNull();
    const later = new Date(NOW.getTime() + 3_600_000);
    const waiting = await all();
    for (const p of waiting.slice(0, -1)) await sync.reject(SYSTEM, p.id, later);
    expect(await info.dataDate()).toBeNull();
    // a run over one area, or with a --since given by hand, is not a whole check
    await sync.run({ area: 'Q79867' }, later);
    expect(await t.store.meta.get(CHECKED_KEY)).toBe(NOW.toISOString());
    await sync.reject(SYSTEM, waiting.at(-1)!.id, later);
    expect(await all()).toEqual([]);
    expect(await info.dataDate()).toEqual({ date: '2026-12-01', kind: 'sync' });
    expect((await info.about()).syncedAt).toBe(NOW.toISOString());
    // the site's copy follows once it sees the new version (the sync bumped the content's)
    expect(await onSite.dataDate()).toBeNull();
    version.invalidate();
    expect(await onSite.dataDate()).toEqual({ date: '2026-12-01', kind: 'sync' });
  });

  it('runs daily only when switched on, once a day across servers', async () => {
    expect(await sync.runIfDue(NOW)).toBeNull();
    await sync.setSchedule(SYSTEM, true, NOW);
    const other = new SyncService(
      t.store,
      syncSettings({ wikidataUrl: wdqs.url, wikidataContact: 'x@example.org' }),
    );
    const [a, b] = await Promise.all([sync.runIfDue(NOW), other.runIfDue(NOW)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(await sync.runIfDue(new Date(NOW.getTime() + 3_600_000))).toBeNull();
    expect(await sync.runIfDue(new Date(NOW.getTime() + 86_400_000 + 1))).not.toBeNull();
  });
});
