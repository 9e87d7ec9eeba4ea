import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { openDatabase } from '../src/store/db.js';
import { Store } from '../src/store/store.js';
import { COUNTRIES_CSV, PLACES_CSV, TWINNINGS_CSV } from './helpers/fixtures.js';
import { WIKIDATA_TIES_CSV, startWdqs, type Wdqs } from './helpers/wdqs.js';

const exec = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');

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

// `twinning sync wikidata` end to end: the command in a process of its own, against a local stand-in for the
// Wikidata Query Service that answers from recorded results; only TWINNING_WIKIDATA_URL differs from production.
describe('twinning sync wikidata', () => {
  const dir = mkdtempSync(join(tmpdir(), 'twinning-sync-'));
  let wdqs: Wdqs;
  let env: Record<string, string>;
  const twinning = async (...args: string[]) => {
    const out = capture();
    const err = capture();
    const code = await run(args, { stdout: out.stream, stderr: err.stream, env });
    return { code, out: out.text(), err: err.text() };
  };

  beforeAll(async () => {
    wdqs = await startWdqs(4165);
    env = {
      DATABASE_URL: join(dir, 'sync.db'),
      TWINNING_WIKIDATA_URL: wdqs.url,
      TWINNING_WIKIDATA_CONTACT: 'ops@twinning.example.org',
    };
    for (const [name, content] of Object.entries({
      'countries.csv': COUNTRIES_CSV,
      'places.csv': PLACES_CSV,
      'twinnings.csv': TWINNINGS_CSV,
      'wd-twinnings.csv': WIKIDATA_TIES_CSV,
    }))
      writeFileSync(join(dir, name), content);
    const r = await twinning(
      'import',
      ...['countries.csv', 'places.csv', 'twinnings.csv', 'wd-twinnings.csv'].map((f) => join(dir, f)),
    );
    expect(r.code).toBe(0);
  });
  afterAll(async () => {
    await wdqs?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports what it would propose in a dry run, and stores nothing', async () => {
    const r = await twinning('sync', 'wikidata', '--dry-run', '--area', 'Anshan');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Asked ${wdqs.url} about 1 places in Q74957 in 3 requests.`);
    expect(r.out).toMatch(/Would propose \d+ changes:\n {2}new_tie {6,}1\n/);
    const db = openDatabase(env.DATABASE_URL!);
    try {
      expect(await Store.of(db).proposals.counts('proposed')).toEqual({});
    } finally {
      await db.close();
    }
  });

  it('asks in pages, retries a page that failed once, and prints the proposals by kind', async () => {
    const before = wdqs.requests.length;
    // the second request of the run fails once (503, come back in a second)
    wdqs.failOnce(before + 2, 503, '1');
    const { stdout, stderr } = await exec(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), 'sync', 'wikidata', '--batch', '3'],
      { cwd: ROOT, env: { ...process.env, ...env } },
    );
    const mine = wdqs.requests.slice(before);
    expect(mine.map((q) => `${q.kind} ${q.status}`)).toEqual([
      'items 200',
      'facts 503',
      'facts 200',
      'ties 200',
      ...['items 200', 'facts 200', 'ties 200', 'items 200', 'facts 200', 'ties 200'],
    ]);
    expect(mine[0]!.userAgent).toMatch(/^Twinning\/[\d.]+ \(ops@twinning\.example\.org; /);
    expect(stderr).toMatch(/Wikidata: HTTP 503; trying again \(1\) in 1\.0 s\./);
    expect(stdout).toContain(`Asked ${wdqs.url} about 8 places in 10 requests.`);
    expect(stdout).toMatch(/Proposed \d+ changes:/);
    for (const line of [
      'new_tie           1',
      'ended_tie         1',
      'gone_tie          1',
      'parent            1',
    ])
      expect(stdout).toContain(`  ${line}\n`);
    expect(stdout).toMatch(/ {2}label {8}\s+\d+\n {2}coordinates\s+\d+\n {2}population\s+\d+\n/);
    expect(stdout).toContain('1 twinnings name a partner the registry does not have.');
    expect(stdout).toContain('Review them at /admin/proposals.');

    // again: nothing new
    const again = await twinning('sync', 'wikidata');
    expect(again.out).toMatch(/Nothing new to propose \(\d+ changes were proposed before\)\./);
  });

  it('says what is wrong with its arguments or the service', async () => {
    expect((await twinning('sync', 'wikidata', '--since', 'yesterday')).err).toMatch(/YYYY-MM-DD/);
    expect((await twinning('sync', 'wikidata', '--area', 'Atlantis')).code).toBe(1);
    expect((await twinning('sync', 'wikidata', '--batch', '0')).code).toBe(2);
    // a service that refuses the query: no retry, a message, exit code 1
    const broken = { ...env, TWINNING_WIKIDATA_URL: `${wdqs.url}/nowhere` };
    const err = capture();
    const code = await run(['sync', 'wikidata'], {
      stdout: capture().stream,
      stderr: err.stream,
      env: broken,
    });
    expect(code).toBe(1);
    expect(err.text()).toMatch(/refused the query \(400\)/);
  });
});
