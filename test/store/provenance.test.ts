import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/domain/errors.js';
import { DataInfoService } from '../../src/services/data-info.js';
import { exportAll } from '../../src/services/export.js';
import { importFiles } from '../../src/services/import.js';
import { PlacesService } from '../../src/services/places.js';
import { seedIfEmpty } from '../../src/services/seed.js';
import { createTestDb, DIALECTS, type TestDb } from '../helpers/db.js';
import { COUNTRIES_CSV, fixtureFiles, PLACES_CSV, TWINNINGS_CSV } from '../helpers/fixtures.js';

async function rejected(p: Promise<unknown>): Promise<ValidationError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ValidationError);
  return e as ValidationError;
}

const REDIRECTS_CSV = `from,to,reason
Q-old,Q74957,Wikidata merged Q-old into Q74957
Q-older,Q-old,the id before that
`;

const DISAGREEMENTS_CSV = `place,fact,kept,kept_source,other,other_source
Q74957,population,1199275,GeoNames,1500000,dr5hn
Q74957,coordinates,"41.115,122.94",Natural Earth,"41.1,122.9",dr5hn
Q2211,name,Malmö,Natural Earth,Malmo,Wikidata 2016
`;

const MANIFEST = {
  asOf: '2026-11-22',
  builtBy: 'scripts/build-data.ts',
  sources: [
    {
      id: 'wikidata',
      title: 'Wikidata P190',
      date: '2016-05-01',
      licence: 'CC0-1.0',
      url: 'https://www.wikidata.org',
    },
    {
      id: 'geonames',
      title: 'GeoNames',
      date: '2024-01-01',
      licence: 'CC-BY-4.0',
      url: 'https://www.geonames.org',
    },
  ],
  coverage: { places: 15, withCoordinates: 9 },
};

describe.each(DIALECTS)('sources, redirects, disagreements and the manifest on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    await importFiles(t.store, fixtureFiles());
  });
  afterAll(async () => t?.drop());

  it("keeps the sources of a place's facts: a file with the column replaces them, one without keeps them", async () => {
    await importFiles(t.store, [
      {
        name: 'sourced.csv',
        content:
          'id,name,population,source\n' +
          'Q74957,Anshan,1199275,name=https://www.wikidata.org/wiki/Q74957 | population=GeoNames 2024 | Anshan yearbook\n',
      },
    ]);
    const expected = [
      { fact: 'name', url: 'https://www.wikidata.org/wiki/Q74957', citation: null },
      { fact: 'population', url: null, citation: 'GeoNames 2024' },
      { fact: null, url: null, citation: 'Anshan yearbook' },
    ];
    expect((await t.store.places.get('Q74957'))!.sources).toEqual(expected);
    // the read path of GET /api/places/{id} and the place's page
    expect((await new PlacesService(t.store).detail('Q74957')).place.sources).toEqual(expected);
    expect((await t.store.places.getMany(['Q74957'])).get('Q74957')!.sources).toEqual(expected);
    await importFiles(t.store, [{ name: 'p.csv', content: 'id,name,population\nQ74957,Anshan,1199276\n' }]);
    expect((await t.store.places.get('Q74957'))!.sources).toEqual(expected);
    await importFiles(t.store, [
      { name: 'p.csv', content: 'id,name,source\nQ2211,Malmö,https://example.org/a\n' },
    ]);
    await importFiles(t.store, [{ name: 'p.csv', content: 'id,name,source\nQ2211,Malmö,\n' }]);
    expect((await t.store.places.get('Q2211'))!.sources).toEqual([]);
    // JSON: objects or text items, under "sources" or "source"
    await importFiles(t.store, [
      {
        name: 'p.json',
        content: JSON.stringify({
          places: [
            {
              id: 'Q1715',
              name: 'Hanover',
              sources: [{ fact: 'coordinates', url: 'https://example.org/hanover' }, 'names=Stadtarchiv'],
            },
          ],
        }),
      },
    ]);
    expect((await t.store.places.get('Q1715'))!.sources).toEqual([
      { fact: 'coordinates', url: 'https://example.org/hanover', citation: null },
      { fact: 'names', url: null, citation: 'Stadtarchiv' },
    ]);
  });

  it('checks sources: known facts, http(s) URLs, no citation that reads as a fact or splits in CSV', async () => {
    const e = await rejected(
      importFiles(t.store, [
        {
          name: 'p.csv',
          content:
            'id,name,source\n' +
            'Q74957,Anshan,mayor=https://example.org/m\n' +
            'Q2211,Malmö,ftp://example.org/x\n' +
            'Q1715,Hanover,name=\n' +
            'Q1490,Tokyo,https://example.org/a |  | b\n',
        },
        {
          name: 'p.json',
          content: JSON.stringify({
            places: [
              { id: 'Q79867', name: 'Birmingham', source: [{ citation: 'page=12' }] },
              { id: 'Q360235', name: "Ma'anshan", source: [{ citation: 'a | b' }] },
            ],
            twinnings: [{ a: 'Q74957', b: 'Q79867', source: ['population=https://example.org'] }],
          }),
        },
      ]),
    );
    expect(e.problems.map((p) => `${p.line ?? p.record} ${p.column}: ${p.message}`)).toEqual([
      '2 source: "mayor" is not a fact a source can back here; use one of name, names, kind, country, parent, coordinates, population, population_year, wikidata, geonames, timezone, languages, currency, leader, leader_title, leader_name, leader_since',
      '3 source: "ftp://example.org/x" is not a valid http(s) URL',
      '4 source: the source of name is empty',
      '5 source: a source is empty; remove the extra " | "',
      'places[0] source: the citation "page=12" begins like a fact ("page="); give its fact or reword it',
      'places[1] source: the citation "a | b" contains " | ", which separates sources',
      'twinnings[0] source: "population" is not a fact a source can back here; use one of tie, kind, signed, ended, status, listed_by, notes',
    ]);
  });

  it("writes each source's fact to CSV, so CSV and JSON exports import back exactly", async () => {
    await importFiles(t.store, [
      {
        name: 't.csv',
        content: 'a,b,source\nQ74957,Q79867,tie=https://example.org/tie | signed=Council minutes 1996\n',
      },
    ]);
    for (const format of ['csv', 'json'] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'twinning-export-'));
      const files = await exportAll(t.store, dir, format);
      if (format === 'csv') {
        const places = readFileSync(join(dir, 'places.csv'), 'utf8');
        expect(places).toContain(
          'name=https://www.wikidata.org/wiki/Q74957 | population=GeoNames 2024 | Anshan yearbook',
        );
        expect(readFileSync(join(dir, 'twinnings.csv'), 'utf8')).toContain(
          'tie=https://example.org/tie | signed=Council minutes 1996',
        );
      }
      const copy = await createTestDb('sqlite');
      try {
        await importFiles(
          copy.store,
          files.map((f) => ({ name: f.split('/').pop()!, content: readFileSync(f) })),
        );
        const strip = <T extends { updatedAt: string; id?: unknown }>(xs: T[]) =>
          xs.map(({ updatedAt: _u, ...x }) => ({ ...x, id: typeof x.id === 'number' ? 0 : x.id }));
        expect(strip(await copy.store.places.all()), format).toEqual(strip(await t.store.places.all()));
        expect(strip(await copy.store.twinnings.all()), format).toEqual(strip(await t.store.twinnings.all()));
        expect(await copy.store.redirects.all()).toEqual([]);
      } finally {
        await copy.drop();
      }
    }
  });

  it('imports redirects (chains too), checks where they lead, and exports them', async () => {
    const s = await importFiles(t.store, [{ name: 'redirects.csv', content: REDIRECTS_CSV }]);
    expect(s).toMatchObject({ redirectsCreated: 2, changed: true });
    expect(await t.store.redirects.resolve('Q-older')).toBe('Q74957');
    expect((await new PlacesService(t.store).movedTo('Q-old'))!.id).toBe('Q74957');
    const again = await importFiles(t.store, [{ name: 'redirects.csv', content: REDIRECTS_CSV }]);
    expect(again).toMatchObject({ redirectsCreated: 0, redirectsUnchanged: 2, changed: false });
    const e = await rejected(
      importFiles(t.store, [
        { name: 'places.csv', content: 'id,name,country\nQ9100,Fresh,DE\n' },
        {
          name: 'redirects.csv',
          content:
            'from,to,reason\nQ2211,Q74957,\nQ9100,Q74957,\nQ9101,Q404,\nQ9102,Q9103,\nQ9103,Q9102,\nQ9101,Q74957,\nQ9104,Q9104,\n',
        },
      ]),
    );
    expect(e.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`)).toEqual([
      'redirects.csv:2:from: Q2211 is still a place; merge it first: twinning places merge Q74957 Q2211',
      'redirects.csv:3:from: Q9100 is a place in this import (places.csv line 2); a redirect leads from an id no place has any more',
      'redirects.csv:4:to: Q404 is neither a place (in the import or stored) nor leads to one',
      'redirects.csv:5:to: redirects go round in a circle: Q9102 → Q9103 → Q9102',
      'redirects.csv:6:to: redirects go round in a circle: Q9103 → Q9102 → Q9103',
      'redirects.csv:7:from: Q9101 is already given at redirects.csv line 4',
      'redirects.csv:8:to: a redirect cannot lead to itself',
    ]);
    await importFiles(t.store, [
      {
        name: 'r.json',
        content: JSON.stringify({ redirects: [{ from: 'Q-oldest', to: 'Q-older', reason: null }] }),
      },
    ]);
    expect(await t.store.redirects.resolve('Q-oldest')).toBe('Q74957');
    const dir = mkdtempSync(join(tmpdir(), 'twinning-export-'));
    await exportAll(t.store, dir, 'csv');
    expect(readFileSync(join(dir, 'redirects.csv'), 'utf8')).toBe(
      'from,to,reason\nQ-old,Q74957,Wikidata merged Q-old into Q74957\nQ-older,Q-old,the id before that\nQ-oldest,Q-older,\n',
    );
  });

  it('keeps where the sources disagreed, per place, for the quality report', async () => {
    const s = await importFiles(t.store, [{ name: 'disagreements.csv', content: DISAGREEMENTS_CSV }]);
    expect(s).toMatchObject({ disagreementsChanged: 2, changed: true });
    const info = new DataInfoService(t.store);
    const page = await info.disagreements({ limit: 10, offset: 0 });
    expect(page.total).toBe(3);
    expect(
      page.items.map(
        (d) => `${d.place} ${d.fact}: ${d.kept} (${d.keptSource}) / ${d.other} (${d.otherSource})`,
      ),
    ).toEqual([
      'Q2211 name: Malmö (Natural Earth) / Malmo (Wikidata 2016)',
      'Q74957 population: 1199275 (GeoNames) / 1500000 (dr5hn)',
      'Q74957 coordinates: 41.115,122.94 (Natural Earth) / 41.1,122.9 (dr5hn)',
    ]);
    expect(page.places.get('Q74957')!.name).toBe('Anshan');
    expect((await info.disagreements({ limit: 10, offset: 0, fact: 'name' })).total).toBe(1);
    expect(
      (await importFiles(t.store, [{ name: 'disagreements.csv', content: DISAGREEMENTS_CSV }])).changed,
    ).toBe(false);
    // a file naming a place replaces that place's list; other places keep theirs
    await importFiles(t.store, [
      {
        name: 'd.csv',
        content:
          'place,fact,kept,kept_source,other,other_source\nQ74957,population,1199275,GeoNames,1210000,census\n',
      },
    ]);
    expect((await info.disagreementsOf('Q74957')).map((d) => d.other)).toEqual(['1210000']);
    expect((await info.disagreementsOf('Q2211')).length).toBe(1);
    const e = await rejected(
      importFiles(t.store, [
        {
          name: 'd.csv',
          content:
            'place,fact,kept,kept_source,other,other_source\nQ404,population,1,a,2,b\nQ74957,mayor,a,b,c,d\nQ74957,name,,,,\n',
        },
      ]),
    );
    expect(e.problems.map((p) => `${p.line}:${p.column}`)).toEqual(['2:place', '3:fact', '4:other']);
  });

  it("keeps the dataset's manifest: its date and sources", async () => {
    const info = new DataInfoService(t.store);
    expect(await info.info()).toBeNull();
    const s = await importFiles(t.store, [{ name: 'manifest.json', content: JSON.stringify(MANIFEST) }]);
    expect(s).toMatchObject({ manifest: 'saved', changed: true });
    // a manifest without matching rules keeps an empty list of them
    expect(await info.info()).toEqual({ ...MANIFEST, rules: [] });
    expect(
      (await importFiles(t.store, [{ name: 'manifest.json', content: JSON.stringify(MANIFEST) }])).changed,
    ).toBe(false);
    const e = await rejected(
      importFiles(t.store, [
        {
          name: 'manifest.json',
          content: JSON.stringify({
            ...MANIFEST,
            asOf: 'soon',
            sources: [{ id: 'x', title: 'X', url: 'ftp://x' }],
            extra: 1,
          }),
        },
      ]),
    );
    expect(e.problems.map((p) => `${p.record}: ${p.message}`)).toEqual([
      'asOf: must be a date such as 2026-11-22',
      'extra: is not a manifest key; use asOf, builtBy, sources, coverage and rules',
      'sources[0].url: "ftp://x" is not an http(s) URL',
    ]);
  });
});

describe.each(DIALECTS)('seeding with the optional files on %s', (dialect) => {
  it('loads redirects, disagreements and the manifest when the dataset ships them, and does without', async () => {
    const write = (files: Record<string, string>) => {
      const dir = mkdtempSync(join(tmpdir(), 'twinning-seed-'));
      for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
      return dir;
    };
    const core = { 'countries.csv': COUNTRIES_CSV, 'places.csv': PLACES_CSV, 'twinnings.csv': TWINNINGS_CSV };
    const full = write({
      ...core,
      'redirects.csv': REDIRECTS_CSV,
      'disagreements.csv': DISAGREEMENTS_CSV,
      'manifest.json': JSON.stringify(MANIFEST),
    });
    const t = await createTestDb(dialect);
    try {
      const s = await seedIfEmpty(t.store, undefined, full);
      expect(s).toMatchObject({
        placesCreated: 15,
        twinningsCreated: 4,
        redirectsCreated: 2,
        disagreementsChanged: 2,
        manifest: 'saved',
      });
      expect(await t.store.redirects.resolve('Q-older')).toBe('Q74957');
      expect((await new DataInfoService(t.store).info())?.asOf).toBe('2026-11-22');
      expect(await seedIfEmpty(t.store, undefined, full)).toBeNull();
    } finally {
      await t.drop();
    }
    const t2 = await createTestDb(dialect);
    try {
      expect(await seedIfEmpty(t2.store, undefined, write(core))).toMatchObject({
        placesCreated: 15,
        manifest: null,
      });
      expect(await new DataInfoService(t2.store).info()).toBeNull();
    } finally {
      await t2.drop();
    }
  });
});
