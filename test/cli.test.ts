import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { COUNTRIES_CSV, PLACES_CSV, TWINNINGS_CSV } from './helpers/fixtures.js';

function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, cb) {
      text += String(chunk);
      cb();
    },
  });
  return { stream, text: () => text };
}

const dir = mkdtempSync(join(tmpdir(), 'twinning-cli-'));
const env = { DATABASE_URL: join(dir, 'cli.db') };

async function twinning(...args: string[]) {
  const out = capture();
  const err = capture();
  const code = await run(args, { stdout: out.stream, stderr: err.stream, env });
  return { code, out: out.text(), err: err.text() };
}

describe('twinning CLI', () => {
  beforeAll(() => {
    writeFileSync(join(dir, 'countries.csv'), COUNTRIES_CSV);
    writeFileSync(join(dir, 'places.csv'), PLACES_CSV);
    writeFileSync(join(dir, 'twinnings.csv'), TWINNINGS_CSV);
  });

  it('explains itself', async () => {
    const r = await twinning('--help');
    expect(r.code).toBe(0);
    for (const cmd of ['serve', 'migrate', 'import', 'export', 'stats', 'places', 'section', 'user'])
      expect(r.out).toContain(cmd);
    expect(r.out).toContain('DATABASE_URL');
  });

  it('migrates', async () => {
    expect((await twinning('migrate')).out).toMatch(/Applied 0001-registry/);
    expect((await twinning('migrate')).out).toMatch(/is up to date/);
  });

  it('imports files', async () => {
    const r = await twinning(
      'import',
      ...['countries.csv', 'places.csv', 'twinnings.csv'].map((f) => join(dir, f)),
    );
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe(
      'Imported 15 new, 0 updated and 0 unchanged places, 4 new, 0 updated and 0 unchanged twinnings.\n',
    );
    // the same files again: a no-op that says so
    const again = await twinning(
      'import',
      ...['countries.csv', 'places.csv', 'twinnings.csv'].map((f) => join(dir, f)),
    );
    expect(again.out).toBe(
      'Nothing changed: the files hold what is stored (0 new, 0 updated and 15 unchanged places, ' +
        '0 new, 0 updated and 4 unchanged twinnings).\n',
    );
  });

  it('refuses a file that is not UTF-8, naming its line', async () => {
    const latin1 = join(dir, 'latin1.csv');
    writeFileSync(
      latin1,
      Buffer.from('id,name,country\nQ7001,Sundsvall,SE\nQ7002,Malm\xf6 stad,SE\n', 'latin1'),
    );
    const r = await twinning('import', latin1);
    expect(r.code).toBe(1);
    expect(r.err).toContain('The import was rejected with 1 problem; nothing was written.');
    expect(r.err).toContain(
      'latin1.csv, line 3: is not valid UTF-8 (a byte that is no character); save the file as UTF-8 and import it again',
    );
    expect((await twinning('places', 'search', 'Sundsvall')).out).toBe('No place found.\n');
  });

  it('rejects a bad file with every problem and exit code 1', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'a,b,signed\nQ74957,Q404,1996\nQ74957,Q2211,1996-02-30\n');
    const r = await twinning('import', bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('The import was rejected with 2 problems; nothing was written.');
    expect(r.err).toContain('bad.csv, line 2, column b: Q404 is neither in the import nor stored');
    expect(r.err).toContain('bad.csv, line 3, column signed: "1996-02-30" is not a day of the calendar');
    expect((await twinning('import', join(dir, 'missing.csv'))).err).toMatch(
      /Cannot read .*missing.csv: no such file/,
    );
  });

  it('searches places', async () => {
    const r = await twinning('places', 'search', '鞍山');
    expect(r.out.split('\n')[0]).toMatch(/^Q74957\s+Anshan \(鞍山\) — city, CN, pop\. 1,199,275; 2 ties$/);
    expect((await twinning('places', 'search', 'zzz')).out).toBe('No place found.\n');
    expect((await twinning('places', 'search', 'a', '--kind', 'town')).code).not.toBe(0);
    expect((await twinning('places', 'search', 'a', '--limit', '0')).err).toMatch(/--limit/);
  });

  it('prints statistics and a paragraph for a place by id or name', async () => {
    const r = await twinning('stats', 'Anshan', '--status', 'active,ended');
    expect(r.out).toMatch(
      /^Anshan \(Q74957\)\n\nAnshan is twinned with 2 places in 2 countries\. 1 is in Europe and North America each\./,
    );
    expect(r.out).toMatch(/By country\n {2}SE +1\n {2}US +1/);
    const json = JSON.parse((await twinning('stats', 'Q79867', '--json', '--status', 'active,ended')).out);
    expect(json).toMatchObject({ total: 2, countries: 2, byCountry: { CN: 1, SE: 1 } });
    expect(json.text).toMatch(/^Birmingham is twinned with 2 places in 2 countries\./);
    const zh = await twinning('stats', 'CN', '--lang', 'zh');
    expect(zh.out).toContain('中国共有');
    expect((await twinning('stats', 'Atlantis')).err).toMatch(/No place has the id or name "Atlantis"/);
    expect((await twinning('stats', 'CN', '--since', '2001-13')).err).toMatch(
      /since: "2001-13" has no month 13/,
    );
    expect((await twinning('stats', 'CN', '--status', 'gone')).err).toMatch(/status: gone not among/);
    expect((await twinning('stats', 'CN', '--international', '--domestic')).code).toBe(2);
  });

  it('exports CSV and JSON', async () => {
    const out = join(dir, 'export');
    expect((await twinning('export', '--format', 'json', out)).code).toBe(0);
    const doc = JSON.parse(readFileSync(join(out, 'places.json'), 'utf8'));
    expect(doc.places).toHaveLength(15);
    expect((await twinning('export', out)).code).toBe(0);
    expect(readFileSync(join(out, 'twinnings.csv'), 'utf8').split('\n')[0]).toBe(
      'a,b,kind,signed,ended,status,source,notes,listed_by',
    );
    expect((await twinning('export', '--format', 'xml', out)).code).not.toBe(0);
  });

  it('merges a duplicate place into another, and says what moved', async () => {
    const dup = join(dir, 'dup.csv');
    writeFileSync(dup, 'id,name,kind,country,names\nQ7100,Malmo,city,SE,sv:Malmö kommun\n');
    const ties = join(dir, 'dup-ties.csv');
    writeFileSync(ties, 'a,b,listed_by\nQ7100,Q1490,a\n');
    expect((await twinning('import', dup, ties)).code).toBe(0);
    const r = await twinning('places', 'merge', 'Q2211', 'Q7100', '--reason', 'duplicate from an old list');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe(
      'Merged Q7100 into Q2211; Q7100 now leads to Q2211.\n' +
        '  ties: 1 moved, 0 merged with one Q2211 had, 0 between the two removed\n' +
        '  names added: sv, und\n',
    );
    expect((await twinning('places', 'search', 'Malmo', '--limit', '1')).out).toMatch(/^Q2211 /);
    const out = join(dir, 'export-merged');
    await twinning('export', out);
    expect(readFileSync(join(out, 'redirects.csv'), 'utf8')).toBe(
      'from,to,reason\nQ7100,Q2211,duplicate from an old list\n',
    );
    expect(await twinning('places', 'merge', 'Q2211', 'Q7100')).toMatchObject({
      code: 1,
      err: 'Q7100 was merged into Q2211 already; it is no longer a place.\n',
    });
    expect(await twinning('places', 'merge', 'Q2211', 'SE')).toMatchObject({
      code: 1,
      err: 'Sweden (SE) is a country; countries are not merged.\n',
    });
  });

  it('reports bad settings', async () => {
    const err = capture();
    const code = await run(['migrate'], {
      stdout: capture().stream,
      stderr: err.stream,
      env: { ...env, PORT: 'eighty', TWINNING_CONTINENTS: 'RU=Europe' },
    });
    expect(code).toBe(1);
    expect(err.text()).toMatch(/PORT="eighty" is not a port number/);
    expect(err.text()).toMatch(/TWINNING_CONTINENTS/);
  });

  it('writes, replaces and removes profile sections from Markdown files', async () => {
    const file = join(dir, 'economy.md');
    writeFileSync(file, 'Steel and **machinery**.\n');
    expect(await twinning('section', 'set', 'Anshan', 'economy', file)).toMatchObject({
      code: 0,
      out: 'Saved the economy section of Anshan (Q74957) in en.\n',
    });
    writeFileSync(file, '鞍钢。');
    expect((await twinning('section', 'set', 'Q74957', 'economy', file, '--lang', 'zh')).out).toContain(
      'in zh',
    );
    const story = join(dir, 'story.md');
    writeFileSync(story, 'Met in 1995.');
    expect((await twinning('section', 'set', 'Anshan', 'story', story, '--partner', 'Birmingham')).out).toBe(
      'Saved the story section of the tie Anshan – Birmingham in en.\n',
    );
    expect((await twinning('section', 'set', 'CN', 'cuisine', story)).out).toContain('section of China (CN)');
    // mistakes are explained, and nothing is written
    const wrongKey = await twinning('section', 'set', 'Anshan', 'gossip', story);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.err).toContain(
      '"gossip" is not a section of a place; use one of programs, locale, economy',
    );
    const noTie = await twinning('section', 'set', 'Anshan', 'story', story, '--partner', 'Tokyo');
    expect(noTie).toMatchObject({ code: 1, err: 'Anshan (Q74957) and Tokyo (Q1490) have no tie.\n' });
    const missing = await twinning('section', 'set', 'Anshan', 'economy', join(dir, 'nope.md'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^Cannot read .*nope\.md/);
    writeFileSync(file, '');
    expect((await twinning('section', 'set', 'Anshan', 'economy', file)).out).toBe(
      'Removed the economy section of Anshan (Q74957) in en.\n',
    );
  });

  it('creates the first administrator, with a generated password shown once', async () => {
    const r = await twinning('user', 'add', 'Admin@Example.org', '--admin');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Created the administrator account admin@example.org \(id \d+\)\.\n/);
    expect(r.out).toMatch(/Password \(shown once, change it after signing in\): [\w-]{20}\n$/);
    const again = await twinning('user', 'add', 'admin@example.org');
    expect(again).toMatchObject({ code: 1, err: 'admin@example.org already has an account.\n' });
    expect((await twinning('user', 'add', 'nope')).err).toContain('"nope" is not an e-mail address');
  });
});
