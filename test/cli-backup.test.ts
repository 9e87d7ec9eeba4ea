import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { importFiles } from '../src/services/import.js';
import { openDatabase } from '../src/store/db.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { Store } from '../src/store/store.js';
import { fixtureFiles } from './helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'twinning-cli-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function twinning(env: NodeJS.ProcessEnv, ...args: string[]) {
  let out = '';
  let err = '';
  const sink = (add: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, cb) {
        add(String(chunk));
        cb();
      },
    });
  const code = await run(args, { stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)), env });
  return { code, out, err };
}

describe('twinning backup and restore', () => {
  it('backs up a SQLite database and restores it into a new one, refusing to overwrite data', async () => {
    const live = { DATABASE_URL: join(dir, 'live.db') };
    const db = openDatabase(live.DATABASE_URL);
    await migrateToLatest(db);
    await importFiles(Store.of(db), fixtureFiles());
    await db.close();
    const file = join(dir, 'nightly.backup');

    const made = await twinning(live, 'backup', file);
    expect(made).toMatchObject({ code: 0, err: '' });
    expect(made.out).toMatch(
      /^Backed up .*live\.db to .*nightly\.backup \(0\.\d MB, SQLite\): \d+ place_terms, 15 places, .*4 twinnings/,
    );

    const fresh = { DATABASE_URL: join(dir, 'fresh.db') };
    const restored = await twinning(fresh, 'restore', file);
    expect(restored).toMatchObject({ code: 0, err: '' });
    expect(restored.out).toMatch(/^Restored .*nightly\.backup into .*fresh\.db: .*15 places, .*4 twinnings/);

    const again = await twinning(fresh, 'restore', file);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(
      /fresh\.db holds data \(.*\); restoring would replace all of it\. .*--force\.\n$/,
    );
    expect((await twinning(fresh, 'restore', '--force', file)).code).toBe(0);

    const wrong = await twinning({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, 'restore', file);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('is a backup of a SQLite database, and DATABASE_URL names a PostgreSQL one');
    expect((await twinning(live, '--help')).out).toMatch(/backup \[options\] <file>|backup <file>/);
  });
});
