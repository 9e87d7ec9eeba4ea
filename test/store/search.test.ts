import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/services/import.js';
import { createTestDb, DIALECTS, type TestDb } from '../helpers/db.js';
import { fixtureFiles } from '../helpers/fixtures.js';

describe.each(DIALECTS)('place search on %s', (dialect) => {
  let t: TestDb;
  const ids = async (q: string, filters = {}, limit = 20, offset = 0) =>
    (await t.store.places.search(q, filters, limit, offset)).map((h) => h.place.id);

  beforeAll(async () => {
    t = await createTestDb(dialect);
    await importFiles(t.store, [
      ...fixtureFiles(),
      {
        name: 'more.csv',
        content: `id,name,country,population,names
Q100,Malmberget,SE,5000,
Q101,Upper Malm,SE,900000,
Q102,Malmo Heights,US,,
`,
      },
    ]);
  });
  afterAll(async () => t?.drop());

  it('ignores case and diacritics', async () => {
    expect((await ids('malmo'))[0]).toBe('Q2211');
    expect(await ids('MALMÖ')).toContain('Q2211');
  });

  it('finds names in other scripts, and inside unspaced names', async () => {
    expect(await ids('鞍山')).toEqual(['Q74957', 'Q360235']);
    expect(await ids('東京')).toEqual(['Q1490']);
    expect(await ids('Deutschland')).toEqual(['DE']);
    expect(await ids('hannover')).toEqual(['Q1715']);
  });

  it('ranks exact names, then name prefixes by population, then words inside names', async () => {
    // Names starting with "malm" by population (unknown last), then "Upper Malm", matched by a word only,
    // although it is the most populous of all.
    expect(await ids('malm')).toEqual(['Q2211', 'Q100', 'Q102', 'Q503361', 'Q101']);
    // An exact name beats a longer name with a larger population.
    expect(await ids('malmberget')).toEqual(['Q100']);
    await importFiles(t.store, [
      { name: 'p.csv', content: 'id,name,country,population\nQ103,Malmberget City,SE,99999\n' },
    ]);
    expect(await ids('malmberget')).toEqual(['Q100', 'Q103']);
  });

  it('matches word prefixes inside names', async () => {
    expect(await ids('heights')).toEqual(['Q102']);
    expect(await ids('anshan')).toEqual(['Q74957', 'Q360235']);
  });

  it('filters by country, kind and ties', async () => {
    expect(await ids('malm', { country: 'US' })).toEqual(['Q102']);
    expect(await ids('a', { kind: 'region' })).toEqual(['us-alabama']);
    const tied = await ids('malm', { hasTies: true });
    expect(tied).toEqual(['Q2211']);
    expect(await ids('malm', { hasTies: false })).not.toContain('Q2211');
  });

  it('pages without overlap', async () => {
    const all = await ids('m', {}, 100);
    const first = await ids('m', {}, 2, 0);
    const second = await ids('m', {}, 2, 2);
    expect([...first, ...second]).toEqual(all.slice(0, 4));
  });

  it('finds nothing for punctuation or unknown names', async () => {
    expect(await ids('---')).toEqual([]);
    expect(await ids('zzzz')).toEqual([]);
  });

  it('lists the most populous places without a query', async () => {
    const hits = await t.store.places.list({ kind: 'city' }, 3, 0);
    expect(hits.map((h) => h.place.id)).toEqual(['Q1490', 'Q360235', 'Q74957']);
    expect(hits[2]!.ties).toBe(2);
  });
});
