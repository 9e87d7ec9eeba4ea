import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/domain/errors.js';
import { exportAll } from '../../src/services/export.js';
import { importFiles } from '../../src/services/import.js';
import { createTestDb, DIALECTS, type TestDb } from '../helpers/db.js';
import { fixtureFiles } from '../helpers/fixtures.js';

const fixture = fixtureFiles();

async function rejected(p: Promise<unknown>): Promise<ValidationError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ValidationError);
  return e as ValidationError;
}

describe.each(DIALECTS)('import on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(async () => t?.drop());

  it('imports places and ties from CSV', async () => {
    const s = await importFiles(t.store, fixture);
    expect(s).toMatchObject({
      placesCreated: 15,
      placesUpdated: 0,
      twinningsCreated: 4,
      twinningsUpdated: 0,
    });
    const anshan = await t.store.places.get('Q74957');
    expect(anshan).toMatchObject({
      name: 'Anshan',
      kind: 'city',
      country: 'CN',
      parent: 'cn-liaoning',
      lat: 41.11502,
      population: 1199275,
      wikidata: 'Q74957',
      names: { zh: '鞍山', ja: '鞍山市' },
    });
    expect((await t.store.places.get('CN'))?.languages).toEqual(['zh']);
    expect((await t.store.places.ancestors('Q74957')).map((p) => p.id)).toEqual(['cn-liaoning', 'CN']);
  });

  it('puts a place with a country and no parent under its country', async () => {
    expect((await t.store.places.get('Q360235'))?.parent).toBe('CN');
    expect((await t.store.places.get('Q1000001'))?.parent).toBeNull();
  });

  it('stores each tie once, in canonical order, with dates, precision, status and sources', async () => {
    const ties = await t.store.twinnings.forPlace('Q74957');
    expect(ties.map((x) => x.partner.id).sort()).toEqual(['Q2211', 'Q79867']);
    const bham = ties.find((x) => x.partner.id === 'Q79867')!.twinning;
    expect(bham).toMatchObject({
      a: 'Q74957',
      b: 'Q79867',
      kind: 'sister',
      signed: { date: '1996-11-05', precision: 'day' },
      status: 'active',
      listedBy: 'both',
      notes: 'Both steel cities',
      sources: [
        { fact: null, url: 'https://example.org/anshan-birmingham', citation: null },
        { fact: null, url: null, citation: 'City council minutes 1996' },
      ],
    });
    // given as Q79867,Q2211 listed by "a" (Birmingham): stored as Q2211,Q79867 listed by "b"
    const ended = (await t.store.twinnings.forPlace('Q2211')).find(
      (x) => x.partner.id === 'Q79867',
    )!.twinning;
    expect(ended).toMatchObject({
      a: 'Q2211',
      b: 'Q79867',
      status: 'ended',
      listedBy: 'b',
      signed: { date: '1970-01-01', precision: 'year' },
      ended: { date: '2001-01-01', precision: 'year' },
    });
    const hanover = (await t.store.twinnings.forPlace('Q1490'))[0]!.twinning;
    expect(hanover).toMatchObject({ kind: 'partnership', status: 'dormant', signed: { precision: 'month' } });
  });

  it('is a no-op for the same files again: nothing written, all unchanged, the data version kept', async () => {
    const before = await Promise.all([t.store.places.all(), t.store.twinnings.all()]);
    const version = await t.store.meta.dataVersion();
    const s = await importFiles(t.store, fixture);
    expect(s).toMatchObject({
      placesCreated: 0,
      placesUpdated: 0,
      placesUnchanged: 15,
      twinningsCreated: 0,
      twinningsUpdated: 0,
      twinningsUnchanged: 4,
      changed: false,
      dataVersion: version,
    });
    // not even the time of the last change moves
    expect(await Promise.all([t.store.places.all(), t.store.twinnings.all()])).toEqual(before);
    expect(await t.store.meta.dataVersion()).toBe(version);
  });

  it('treats a tie given in the other order as the same tie', async () => {
    const s = await importFiles(t.store, [
      { name: 'twinnings.csv', content: 'a,b,kind,status\nQ79867,Q74957,sister,suspended\n' },
    ]);
    expect(s).toMatchObject({ twinningsCreated: 0, twinningsUpdated: 1 });
    const tie = (await t.store.twinnings.forPlace('Q74957')).find((x) => x.partner.id === 'Q79867')!.twinning;
    // columns the file did not carry keep their values
    expect(tie).toMatchObject({ status: 'suspended', notes: 'Both steel cities', listedBy: 'both' });
    expect(tie.sources).toHaveLength(2);
  });

  it('updates only the columns a file carries', async () => {
    await importFiles(t.store, [{ name: 'p.csv', content: 'id,name,population\nQ74957,Anshan,1500000\n' }]);
    expect(await t.store.places.get('Q74957')).toMatchObject({
      population: 1500000,
      parent: 'cn-liaoning',
      names: { zh: '鞍山', ja: '鞍山市' },
      lat: 41.11502,
    });
  });

  it('rejects a malformed file whole, listing every problem by line and column, and writes nothing', async () => {
    const before = await Promise.all([t.store.places.all(), t.store.twinnings.all()]);
    const version = await t.store.meta.dataVersion();
    const bad = `id,name,kind,country,parent,lat,lon,population,wikidata,names
Q999,Good Town,city,DE,,,,100,,
Q74957,Anshan renamed,city,CN,,,,,,
Q998,,city,DE,,,,,,
Q997,Bad Country,city,XX,,,,,,
Q996,Far Place,city,DE,,123,10,,,
Q995,Orphan,city,DE,nowhere,,,,,
Q999,Twice,city,DE,,,,,,
Q994,"Quoted, with comma",village,DE,,,,,,
`;
    const e = await rejected(importFiles(t.store, [{ name: 'bad.csv', content: bad }]));
    expect(e.message).toMatch(/nothing was written/);
    expect(e.problems.map((p) => [p.line, p.column])).toEqual([
      [4, 'name'],
      [5, 'country'],
      [6, 'lat'],
      [7, 'parent'],
      [8, 'id'],
      [9, 'kind'],
    ]);
    expect(e.problems[4]!.message).toMatch(/Q999 is already given at bad.csv line 2/);
    const after = await Promise.all([t.store.places.all(), t.store.twinnings.all()]);
    expect(after).toEqual(before);
    expect(await t.store.meta.dataVersion()).toBe(version);
  });

  it('rejects ties to unknown places and duplicate pairs, in any file of the import', async () => {
    const before = await t.store.twinnings.all();
    const e = await rejected(
      importFiles(t.store, [
        { name: 'places.csv', content: 'id,name,country\nQ5000,Fresh Town,DE\n' },
        {
          name: 'twinnings.csv',
          content: 'a,b,signed\nQ5000,Q1715,2001\nQ5000,Q404,2002\nQ1715,Q5000,2003\nQ5000,Q5000,\n',
        },
      ]),
    );
    expect(e.problems.map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual([
      'twinnings.csv:3:b',
      'twinnings.csv:4:b',
      'twinnings.csv:5:b',
    ]);
    expect(e.problems[0]!.message).toMatch(/Q404 is neither in the import nor stored/);
    expect(await t.store.places.get('Q5000')).toBeUndefined();
    expect(await t.store.twinnings.all()).toEqual(before);
  });

  it('rejects a parent cycle, including one through stored places', async () => {
    const e = await rejected(
      importFiles(t.store, [{ name: 'p.csv', content: 'id,name,parent\ncn-liaoning,Liaoning,Q74957\n' }]),
    );
    expect(e.problems[0]!.message).toMatch(/circle: cn-liaoning → Q74957 → cn-liaoning/);
  });

  it('rejects a parent in another country', async () => {
    const e = await rejected(
      importFiles(t.store, [{ name: 'p.csv', content: 'id,name,country,parent\nx1,X,DE,cn-liaoning\n' }]),
    );
    expect(e.problems[0]).toMatchObject({
      line: 2,
      column: 'parent',
      message: 'cn-liaoning is in CN but this place is in DE',
    });
  });

  it('reports broken CSV structure and unknown headers', async () => {
    let e = await rejected(importFiles(t.store, [{ name: 'x.csv', content: 'id,name\nQ1,"unclosed\n' }]));
    expect(e.problems[0]!.message).toMatch(/not valid CSV/);
    e = await rejected(importFiles(t.store, [{ name: 'x.csv', content: 'id,name\nQ1,A,extra\n' }]));
    expect(e.problems[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/3 fields but the header has 2/),
    });
    e = await rejected(importFiles(t.store, [{ name: 'x.csv', content: 'city,country\nA,DE\n' }]));
    expect(e.problems[0]!.message).toMatch(/neither "id"/);
    // an unknown column is reported once, at the header, not on every row
    e = await rejected(importFiles(t.store, [{ name: 'x.csv', content: 'id,name,mayor\nQ1,A,B\nQ2,C,D\n' }]));
    expect(e.problems).toEqual([
      {
        file: 'x.csv',
        line: 1,
        column: 'mayor',
        message: expect.stringMatching(/is not a places column; the columns are id, name, /),
      },
    ]);
    e = await rejected(importFiles(t.store, [{ name: 'x.xlsx', content: '' }]));
    expect(e.problems[0]!.message).toMatch(/neither .csv nor .json/);
  });

  it('imports JSON with structured names and sources, and reports JSON problems by record', async () => {
    const doc = {
      places: [{ id: 'Q6000', name: 'Jsonville', country: 'DE', names: { de: 'Jsonstadt' } }],
      twinnings: [
        {
          a: 'Q6000',
          b: 'Q1715',
          signed: '2010-05-01',
          sources: [{ fact: 'signed', url: 'https://example.org/j' }, 'Local paper, 2010'],
        },
      ],
    };
    const s = await importFiles(t.store, [{ name: 'j.json', content: JSON.stringify(doc) }]);
    expect(s).toMatchObject({ placesCreated: 1, twinningsCreated: 1 });
    const tie = (await t.store.twinnings.forPlace('Q6000'))[0]!.twinning;
    expect(tie.sources).toEqual([
      { fact: 'signed', url: 'https://example.org/j', citation: null },
      { fact: null, url: null, citation: 'Local paper, 2010' },
    ]);
    const e = await rejected(
      importFiles(t.store, [{ name: 'j.json', content: JSON.stringify({ places: [{ id: 'Q6001' }, 'x'] }) }]),
    );
    expect(e.problems.map((p) => `${p.record}:${p.column ?? ''}`)).toEqual(['places[0]:name', 'places[1]:']);
    e.problems.length = 0;
    const e2 = await rejected(importFiles(t.store, [{ name: 'j.json', content: '{"places": [' }]));
    expect(e2.problems[0]!.message).toMatch(/not valid JSON/);
  });

  it('exports CSV and JSON that import back to the same data', async () => {
    for (const format of ['csv', 'json'] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'twinning-export-'));
      const files = await exportAll(t.store, dir, format);
      const copy = await createTestDb('sqlite');
      try {
        await importFiles(
          copy.store,
          files.map((f) => ({ name: f.split('/').pop()!, content: readFileSync(f, 'utf8') })),
        );
        const strip = <T extends { updatedAt: string; id?: unknown }>(xs: T[]) =>
          xs.map(({ updatedAt: _u, ...x }) => ({ ...x, id: typeof x.id === 'number' ? 0 : x.id }));
        expect(strip(await copy.store.places.all())).toEqual(strip(await t.store.places.all()));
        const ties = await t.store.twinnings.all();
        // both formats keep which fact a source backs (the JSON import above gave one)
        expect(ties.some((x) => x.sources.some((s) => s.fact === 'signed'))).toBe(true);
        expect(strip(await copy.store.twinnings.all())).toEqual(strip(ties));
      } finally {
        await copy.drop();
      }
    }
  });
});
