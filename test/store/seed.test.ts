import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../../src/services/seed.js';
import { createTestDb, DIALECTS, type TestDb } from '../helpers/db.js';

describe.each(DIALECTS)('bundled data on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
  }, 120_000);
  afterAll(async () => t?.drop());

  it('loads every country, place and tie on first start', async () => {
    const s = await seedIfEmpty(t.store);
    expect(s).not.toBeNull();
    // 252 countries and territories, the Wikidata places of the 2016 crawl and the 2026 extract, and the regions
    // their admin1 names give; the ties of both, duplicates merged (data/README.md)
    expect(s!.placesCreated).toBeGreaterThan(252 + 10_055);
    expect(s!.twinningsCreated).toBe(20_298);
    expect(await t.store.twinnings.count()).toBe(20_298);
  }, 120_000);

  it('leaves a seeded database alone on later starts', async () => {
    expect(await seedIfEmpty(t.store)).toBeNull();
  });

  it('puts Anshan under Liaoning under China, with its partners', async () => {
    expect((await t.store.places.ancestors('Q74957')).map((p) => [p.id, p.kind])).toEqual([
      ['cn-liaoning', 'region'],
      ['CN', 'country'],
    ]);
    const anshan = await t.store.places.get('Q74957');
    expect(anshan).toMatchObject({ name: 'Anshan', names: { zh: '鞍山', en: 'Anshan' }, geonames: 2038632 });
    const partners = (await t.store.twinnings.forPlace('Q74957')).map((x) => x.partner.country);
    expect(partners.length).toBeGreaterThan(0);
  });

  it('has every ISO 3166 country with currency and languages', async () => {
    const hits = await t.store.places.list({ kind: 'country' }, 500, 0);
    expect(hits.length).toBe(252);
    expect(await t.store.places.get('JP')).toMatchObject({
      currency: 'JPY',
      languages: ['ja'],
      names: { zh: '日本' },
    });
  });

  it('flags the ties only one side lists', async () => {
    const all = await t.store.twinnings.all();
    // the 2016 crawl says which side lists a tie; the 2026 extract does not (null)
    expect(all.filter((x) => x.listedBy === 'a' || x.listedBy === 'b').length).toBe(574);
    expect(all.filter((x) => x.listedBy === null).length).toBe(3_028);
    // every tie names the Wikidata statements (or the extract) that state it
    const stated = (x: (typeof all)[number]) =>
      x.sources.some(
        (src) =>
          src.fact === 'tie' &&
          /wikidata\.org\/wiki\/Q\d+#P190|Wikidata 2026/.test(src.url ?? src.citation ?? ''),
      );
    expect(all.filter((x) => !stated(x)).map((x) => x.id)).toEqual([]);
    const both = all.filter((x) => x.listedBy === 'both');
    expect(both.every((x) => x.sources.filter((src) => src.fact === 'tie' && src.url).length >= 2)).toBe(
      true,
    );
  });

  it('finds places by their English, Chinese and 2016 labels', async () => {
    const first = async (q: string) => (await t.store.places.search(q, {}, 1, 0))[0]?.place.id;
    expect(await first('Malmo')).toBe('Q2211');
    expect(await first('鞍山')).toBe('Q74957');
    expect(await first('Mailand')).toBe('Q490'); // Milan, labelled in German in 2016
  });
});
