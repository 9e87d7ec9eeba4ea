import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeName } from '../../src/domain/names.js';
import type { SearchFilters } from '../../src/store/places-repo.js';
import { DataVersion } from '../../src/services/data-version.js';
import { Gazetteer } from '../../src/services/gazetteer.js';
import { importFiles } from '../../src/services/import.js';
import { PlacesService } from '../../src/services/places.js';
import { SearchIndex } from '../../src/services/search-index.js';
import { readSeedFiles } from '../../src/services/seed.js';
import { createTestDb, DIALECTS, type TestDb } from '../helpers/db.js';
import { fixtureFiles } from '../helpers/fixtures.js';
import { provinceFiles } from '../helpers/province.js';

const FILTERS: SearchFilters[] = [
  {},
  { country: 'CN' },
  { country: 'JP' },
  { kind: 'city' },
  { hasTies: true },
  { hasTies: false },
  { country: 'CN', kind: 'city', hasTies: true },
];

/** The search in memory (the service) finds what the database's search finds, in the same order. */
async function compare(t: TestDb, queries: string[], pages: [number, number][]) {
  const version = new DataVersion(t.store);
  const service = new PlacesService(
    t.store,
    {},
    new Gazetteer(t.store, version),
    new SearchIndex(t.store, version),
  );
  let nonEmpty = 0;
  for (const q of queries) {
    for (const filters of FILTERS) {
      for (const [limit, offset] of pages) {
        // every fact the service gives of a place found (what lists of places show)
        const shape = (hits: Awaited<ReturnType<typeof service.search>>) =>
          hits.map(({ place: p, ties, rank }) => ({
            place: {
              id: p.id,
              name: p.name,
              kind: p.kind,
              country: p.country,
              parent: p.parent,
              lat: p.lat,
              lon: p.lon,
              population: p.population,
              wikidata: p.wikidata,
              names: p.names,
            },
            ties,
            rank,
          }));
        const want = shape(await t.store.places.search(q, filters, limit, offset));
        const got = shape(await service.search(q, filters, limit, offset));
        expect(got, `${q} ${JSON.stringify(filters)} ${limit}+${offset}`).toEqual(want);
        if (want.length) nonEmpty++;
      }
    }
  }
  return nonEmpty;
}

describe.each(DIALECTS)('place search in memory on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    await importFiles(t.store, fixtureFiles());
    await importFiles(t.store, provinceFiles());
  });
  afterAll(async () => t?.drop());

  it('finds what the database finds, ranked the same, with the same tie counts', async () => {
    const names = await t.store.places.compact();
    const queries = new Set(['a', 's', 'an', 'to', '鞍', 'ANSHAN', ' tok ', 'zzz', 'é', 'ö']);
    for (const p of names) {
      const n = normalizeName(p.name);
      queries.add(n.slice(0, 2));
      for (const w of n.split(' ')) queries.add(w);
      for (const v of Object.values(p.names)) queries.add(v);
    }
    const nonEmpty = await compare(
      t,
      [...queries],
      [
        [20, 0],
        [3, 2],
      ],
    );
    // the comparison compared something
    expect(nonEmpty).toBeGreaterThan(100);
  });

  it('follows a change of the data', async () => {
    const version = new DataVersion(t.store);
    const service = new PlacesService(
      t.store,
      {},
      new Gazetteer(t.store, version),
      new SearchIndex(t.store, version),
    );
    expect(await service.search('zanzibarville', {}, 10, 0)).toEqual([]);
    await importFiles(t.store, [
      { name: 'places.csv', content: 'id,name,kind,country\nQ1000077,Zanzibarville,city,\n' },
    ]);
    version.invalidate();
    expect((await service.search('zanzibarv', {}, 10, 0)).map((h) => [h.place.id, h.rank])).toEqual([
      ['Q1000077', 1],
    ]);
  });
});

describe('place search in memory on the bundled data', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb('sqlite');
    await importFiles(t.store, await readSeedFiles());
  }, 120_000);
  afterAll(async () => t?.drop());

  it('finds what the database finds, ranked the same', async () => {
    const queries = [
      'malmo',
      'anshan',
      '鞍山',
      'san',
      'new y',
      'berl',
      'kyo',
      'st',
      'par',
      'москва',
      'nord',
      'wien',
    ];
    queries.push('b', 'x', 'sankt', 'saint', '東', '서울', 'münchen', 'ciudad de', 'la', 'o');
    expect(
      await compare(t, queries, [
        [20, 0],
        [20, 40],
      ]),
    ).toBeGreaterThan(40);
  }, 120_000);
});
