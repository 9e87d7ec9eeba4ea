import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataVersion } from '../../src/services/data-version.js';
import { Gazetteer } from '../../src/services/gazetteer.js';
import { ContentService } from '../../src/services/content.js';
import { importFiles } from '../../src/services/import.js';
import { createTestDb, DIALECTS, type TestDb } from '../helpers/db.js';
import { fixtureFiles } from '../helpers/fixtures.js';

describe.each(DIALECTS)('sections, ties and the gazetteer on %s', (dialect) => {
  let t: TestDb;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    await importFiles(t.store, fixtureFiles());
  });
  afterAll(async () => t?.drop());

  it('writes, replaces and removes sections, bumping the content version and keeping every revision', async () => {
    const content = new ContentService(t.store);
    const before = await t.store.meta.versions();
    const s = {
      subjectType: 'place' as const,
      subjectId: 'Q74957',
      key: 'economy',
      lang: 'en',
      body: 'Steel.',
    };
    expect(await content.setSection(s)).toBe('saved');
    expect(await content.setSection({ ...s, body: 'Steel and\r\nmachinery.  ' })).toBe('saved');
    await content.setSection({ ...s, lang: 'zh', body: '钢铁。' });
    const map = await content.sections('place', 'Q74957');
    expect(map.get('economy')?.get('en')?.body).toBe('Steel and\nmachinery.');
    expect(map.get('economy')?.get('zh')?.body).toBe('钢铁。');
    // the same text again is no change
    expect(await content.setSection({ ...s, body: 'Steel and\nmachinery.' })).toBe('unchanged');
    // content has its own version: pages change, what is derived from places and ties is not made again
    expect(await t.store.meta.versions()).toEqual({ registry: before.registry, content: before.content + 3 });
    expect(await content.setSection({ ...s, body: '' })).toBe('removed');
    expect((await content.sections('place', 'Q74957')).get('economy')?.has('en')).toBe(false);
    expect(await t.store.meta.versions()).toEqual({ registry: before.registry, content: before.content + 4 });
    // every change is a revision, newest first, by the command line (no user)
    const revs = await content.history(s);
    expect(revs.map((r) => [r.action, JSON.parse(r.data).body, r.userId])).toEqual([
      ['remove', '', null],
      ['edit', 'Steel and\nmachinery.', null],
      ['edit', 'Steel.', null],
    ]);
  });

  it('finds the tie between two places either way round, and lists ties by decade', async () => {
    const tie = await t.store.twinnings.between('Q79867', 'Q74957');
    expect(tie).toMatchObject({ a: 'Q74957', b: 'Q79867', signed: { date: '1996-11-05', precision: 'day' } });
    expect(tie?.sources).toHaveLength(2);
    expect(await t.store.twinnings.between('Q74957', 'Q1490')).toBeUndefined();
    const nineties = { since: '1990-01-01', until: '2000-01-01' };
    expect(await t.store.twinnings.countWhere(nineties)).toBe(2);
    expect((await t.store.twinnings.list(nineties, 10, 0)).map((x) => x.signed?.date)).toEqual([
      '1997-04-01',
      '1996-11-05',
    ]);
    expect(await t.store.twinnings.countWhere({ country: 'CN', partnerCountry: 'US' })).toBe(1);
    expect(await t.store.twinnings.recentlyChanged(2)).toHaveLength(2);
  });

  it('reads a place whole in one query: its names and its sources in their order', async () => {
    await importFiles(t.store, [
      {
        name: 'p.csv',
        content:
          'id,name,kind,country,source,names\n' +
          'Q4242,Sources Town,city,SE,https://z.example/3 | Register B | population=https://a.example/1,sv:Källstad;de:Quellstadt;zh:源镇\n',
      },
    ]);
    const place = (await t.store.places.get('Q4242'))!;
    expect(place.names).toEqual({ de: 'Quellstadt', sv: 'Källstad', zh: '源镇' });
    expect(place.sources.map((x) => [x.fact, x.url, x.citation])).toEqual([
      [null, 'https://z.example/3', null],
      [null, null, 'Register B'],
      ['population', 'https://a.example/1', null],
    ]);
    // the order is the sources' positions, not the order the rows were written in
    await t.database.db
      .updateTable('place_sources')
      .set((eb) => ({ position: eb(eb.val(10), '-', eb.ref('position')) }))
      .where('place_id', '=', 'Q4242')
      .execute();
    expect((await t.store.places.get('Q4242'))!.sources.map((x) => x.url ?? x.citation)).toEqual([
      'https://a.example/1',
      'Register B',
      'https://z.example/3',
    ]);
    // as the bulk read finds every place, names, sources and all
    const ids = (await t.store.places.all()).map((p) => p.id);
    const many = await t.store.places.getMany(ids);
    for (const id of ids) expect(await t.store.places.get(id)).toEqual(many.get(id));
    expect(await t.store.places.get('Q1000001')).toMatchObject({ names: {}, sources: [] });
  });

  it("reads a place's ties' sources in one query, each tie's in their order", async () => {
    const tie = (await t.store.twinnings.between('Q79867', 'Q74957'))!;
    const urlOrCitation = (list: { url: string | null; citation: string | null }[] | undefined) =>
      list?.map((x) => x.url ?? x.citation);
    for (const id of ['Q74957', 'Q79867', 'Q1490', 'Q1000001']) {
      const bySql = await t.store.twinnings.sourcesOfPlace(id);
      for (const { twinning } of await t.store.twinnings.forPlace(id))
        expect(bySql.get(twinning.id) ?? []).toEqual(twinning.sources);
    }
    expect(urlOrCitation((await t.store.twinnings.sourcesOfPlace('Q74957')).get(tie.id))).toEqual([
      'https://example.org/anshan-birmingham',
      'City council minutes 1996',
    ]);
    // the order is the sources' positions, not the order the rows were written in
    await t.database.db
      .updateTable('twinning_sources')
      .set((eb) => ({ position: eb(eb.val(10), '-', eb.ref('position')) }))
      .where('twinning_id', '=', tie.id)
      .execute();
    expect(urlOrCitation((await t.store.twinnings.sourcesOfPlace('Q79867')).get(tie.id))).toEqual([
      'City council minutes 1996',
      'https://example.org/anshan-birmingham',
    ]);
  });

  it('keeps every place and tie in memory, listing partners as the database does', async () => {
    const version = new DataVersion(t.store);
    const gazetteer = new Gazetteer(t.store, version);
    // the partner as the database summarizes it (the gazetteer's place also has its parent and Wikidata id)
    const asListed = async (id: string) =>
      (await gazetteer.partners(id)).map(({ twinning, partner: p }) => ({
        twinning,
        partner: {
          id: p.id,
          name: p.name,
          kind: p.kind,
          country: p.country,
          lat: p.lat,
          lon: p.lon,
          population: p.population,
          names: p.names,
        },
      }));
    const fromDb = async (id: string) =>
      // the gazetteer leaves sources out: a tie's sources are on its own page
      (await t.store.twinnings.forPlace(id)).map((i) => ({ ...i, twinning: { ...i.twinning, sources: [] } }));
    for (const id of ['Q74957', 'Q79867', 'Q1000001']) {
      expect(await asListed(id)).toEqual(await fromDb(id));
      // the order is kept per data version; each caller gets a list of its own
      (await gazetteer.partners(id)).reverse();
      expect(await asListed(id)).toEqual(await fromDb(id));
    }
    // what is kept per data version: places with ties only, however many other ids are asked for
    const kept = () =>
      (gazetteer as unknown as { partnerOrder: WeakMap<object, Map<string, unknown>> }).partnerOrder.get(
        snap,
      )!.size;
    const snap = await gazetteer.snapshot();
    const before0 = kept();
    for (let i = 0; i < 50; i++) expect(await gazetteer.partners(`Q999999${i}`)).toEqual([]);
    expect(await gazetteer.partners('Q503361')).toEqual([]);
    expect(kept()).toBe(before0);
    // a new tie shows with the next data version, in its place in the order
    const before = (await gazetteer.partners('Q74957')).length;
    await t.store.twinnings.upsert(
      [{ a: 'Q1490', b: 'Q74957' }],
      new Set(['a', 'b']),
      new Date().toISOString(),
    );
    await t.store.meta.bumpDataVersion();
    version.invalidate();
    expect(await gazetteer.partners('Q74957')).toHaveLength(before + 1);
    expect(await asListed('Q74957')).toEqual(await fromDb('Q74957'));
    expect(await asListed('Q1490')).toEqual(await fromDb('Q1490'));
    expect((await gazetteer.lineage('Q74957')).map((p) => p.id)).toEqual(['cn-liaoning', 'CN']);
    expect((await gazetteer.snapshot()).countries.get('CN')?.currency).toBe('CNY');
  });
});
