// Faults a probe of the importer found: bytes that are not UTF-8 taken silently, a line break kept in a name,
// identical re-imports counted as updates (and bumping the data version), time cubic in the depth of parents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/domain/errors.js';
import { importFiles, type InputFile } from '../../src/services/import.js';
import { createTestDb, DIALECTS, type TestDb } from '../helpers/db.js';
import { fixtureFiles, PLACES_CSV } from '../helpers/fixtures.js';

async function rejected(p: Promise<unknown>): Promise<ValidationError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ValidationError);
  return e as ValidationError;
}

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)))),
  );

describe.each(DIALECTS)('import faults on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    await importFiles(t.store, fixtureFiles());
  });
  afterAll(async () => t?.drop());

  it('refuses bytes that are not UTF-8, naming the file and each line, and writes nothing', async () => {
    const version = await t.store.meta.dataVersion();
    const content = bytes(
      'id,name,country\nQ7001,Good,DE\nQ7002,Bad ',
      [0xff, 0xfe],
      ' name,DE\nQ7003,Malm',
      [0xf6],
      ',SE\nQ7004,Fine 鞍山,CN\n',
    );
    const e = await rejected(importFiles(t.store, [{ name: 'latin1.csv', content }]));
    expect(e.problems).toEqual([
      {
        file: 'latin1.csv',
        line: 3,
        message: expect.stringMatching(/is not valid UTF-8.*save the file as UTF-8/),
      },
      { file: 'latin1.csv', line: 4, message: expect.stringMatching(/is not valid UTF-8/) },
    ]);
    expect(await t.store.places.get('Q7001')).toBeUndefined();
    expect(await t.store.meta.dataVersion()).toBe(version);
    const json = bytes('{"places": [\n{"id": "Q7005", "name": "', [0xc3, 0x28], '"}\n]}\n');
    const e2 = await rejected(importFiles(t.store, [{ name: 'bad.json', content: json }]));
    expect(e2.problems[0]).toMatchObject({
      file: 'bad.json',
      line: 2,
      message: expect.stringMatching(/UTF-8/),
    });
  });

  it('reads UTF-8 that arrives in pieces cut inside characters and lines', async () => {
    const text = 'id,name,country,names\nQ7006,Ōsaka-ku,JP,ja:大阪区;zh:大阪区\nQ7007,"Çanakkale, İl",TR,\n';
    const all = Buffer.from('\ufeff' + text, 'utf8');
    // one byte at a time: every multi-byte character and the byte-order mark are cut
    const file: InputFile = {
      name: 'pieces.csv',
      size: all.length,
      open: async function* () {
        for (let i = 0; i < all.length; i++) yield all.subarray(i, i + 1);
      },
    };
    const s = await importFiles(t.store, [file]);
    expect(s.placesCreated).toBe(2);
    expect(await t.store.places.get('Q7006')).toMatchObject({
      name: 'Ōsaka-ku',
      names: { ja: '大阪区', zh: '大阪区' },
    });
    expect((await t.store.places.get('Q7007'))!.name).toBe('Çanakkale, İl');
  });

  it('refuses line breaks and other control characters in one-line fields, and keeps them in notes', async () => {
    const e = await rejected(
      importFiles(t.store, [
        {
          name: 'names.csv',
          content:
            'id,name,country,names,leader_name\n' +
            'Q7010,"New\nTown",DE,,\n' +
            'Q7011,Bell\u0007,DE,,\n' +
            'Q7012,Fine,DE,"de:Zwei\r\nZeilen",\n' +
            'Q7013,Fine,DE,,"Ada\u2028Lovelace"\n' +
            'Q7014,"Tab\there",DE,,\n',
        },
        { name: 'names.json', content: JSON.stringify({ places: [{ id: 'Q7015', name: 'A\nB' }] }) },
      ]),
    );
    expect(e.problems.map((p) => [p.file, p.line ?? p.record, p.column, p.message])).toEqual([
      ['names.csv', 2, 'name', 'contains a line break; write it on one line'],
      ['names.csv', 4, 'name', 'contains the control character U+0007; remove it'],
      ['names.csv', 5, 'names', 'the de name contains a line break; write it on one line'],
      ['names.csv', 7, 'leader_name', 'contains a line break; write it on one line'],
      ['names.csv', 8, 'name', 'contains the control character U+0009; remove it'],
      ['names.json', 'places[0]', 'name', 'contains a line break; write it on one line'],
    ]);
    const s = await importFiles(t.store, [
      { name: 'ties.csv', content: 'a,b,notes\nQ1715,Q2211,"Line one\r\nLine two"\n' },
    ]);
    expect(s.twinningsCreated).toBe(1);
    expect((await t.store.twinnings.between('Q1715', 'Q2211'))!.notes).toBe('Line one\nLine two');
    const e2 = await rejected(
      importFiles(t.store, [
        {
          name: 'ties.json',
          content: JSON.stringify({ twinnings: [{ a: 'Q1715', b: 'Q2211', sources: ['Minutes\n1997'] }] }),
        },
      ]),
    );
    expect(e2.problems[0]).toMatchObject({
      column: 'source',
      message: 'a source contains a line break; write it on one line',
    });
  });

  it('writes only the rows that changed, and leaves the data version alone when nothing did', async () => {
    const before = new Map((await t.store.places.all()).map((p) => [p.id, p]));
    const version = await t.store.meta.dataVersion();
    const changed = PLACES_CSV.replace(
      'Q1715,Hanover,city,DE,,52.37,9.73,532163',
      'Q1715,Hanover,city,DE,,52.37,9.73,535061',
    );
    const s = await importFiles(t.store, [{ name: 'places.csv', content: changed }]);
    expect(s).toMatchObject({ placesCreated: 0, placesUpdated: 1, placesUnchanged: 9, changed: true });
    expect(s.dataVersion).toBe(version + 1);
    for (const p of await t.store.places.all()) {
      if (p.id === 'Q1715') {
        expect(p.population).toBe(535061);
        expect(p.updatedAt).not.toBe(before.get(p.id)!.updatedAt);
      } else expect(p).toEqual(before.get(p.id));
    }
    const again = await importFiles(t.store, [{ name: 'places.csv', content: changed }]);
    expect(again).toMatchObject({
      placesUpdated: 0,
      placesUnchanged: 10,
      changed: false,
      dataVersion: version + 1,
    });
    expect(await t.store.meta.dataVersion()).toBe(version + 1);
  });

  it('imports a chain of places 3,000 deep, given from either end, and finds a cycle through it once', async () => {
    const depth = 3000;
    for (const [prefix, order] of [
      ['p', 'parent first'],
      ['c', 'child first'],
    ] as const) {
      const rows = Array.from(
        { length: depth },
        (_, i) => `${prefix}${i},Level ${i},DE,${i ? `${prefix}${i - 1}` : 'DE'}`,
      );
      if (order === 'child first') rows.reverse();
      const started = Date.now();
      const s = await importFiles(t.store, [
        { name: `${prefix}.csv`, content: `id,name,country,parent\n${rows.join('\n')}\n` },
      ]);
      // was 36 s when the checks walked every chain once per place
      expect(Date.now() - started, order).toBeLessThan(15_000);
      expect(s.placesCreated).toBe(depth);
      expect((await t.store.places.get(`${prefix}${depth - 1}`))!.parent).toBe(`${prefix}${depth - 2}`);
      expect((await t.store.places.ancestors(`${prefix}${depth - 1}`)).length).toBe(depth);
    }
    // closing the chain on itself through the stored places: one problem, at the one record given
    const e = await rejected(
      importFiles(t.store, [
        { name: 'loop.csv', content: `id,name,country,parent\np0,Level 0,DE,p${depth - 1}\n` },
      ]),
    );
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatchObject({
      line: 2,
      column: 'parent',
      message: `parents go round in a circle: p0 → p2999 → p2998 → p2997 → p2996 → p2995 → p2994 → p2993 → … (2990 more) → p2 → p1 → p0`,
    });
  });

  it('lists the first thousand problems and counts them all', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `Q8${String(i).padStart(4, '0')},Town ${i},XX`);
    const e = await rejected(
      importFiles(t.store, [{ name: 'many.csv', content: `id,name,country\n${rows.join('\n')}\n` }]),
    );
    expect(e.message).toBe(
      'The import was rejected with 1500 problems; nothing was written. The first 1000 are listed.',
    );
    expect(e.problems).toHaveLength(1000);
    expect(e.problems[0]).toMatchObject({ line: 2, column: 'country' });
  });
});
