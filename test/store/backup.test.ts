import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBackup, restoreBackup } from '../../src/services/backup.js';
import { onPath, rowCounts, tablesOf } from '../../src/store/backup.js';
import { openDatabase, type Database, type DialectName } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';
import { createTestDb, DIALECTS, type TestDb } from '../helpers/db.js';
import { fillEveryTable } from '../helpers/every-table.js';

const root = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'twinning-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// PostgreSQL backups run pg_dump and pg_restore; without them the test checks that the message says so
const PG_TOOLS = (await onPath('pg_dump')) && (await onPath('pg_restore'));

type Row = Record<string, unknown>;

/** Every row of a table, in an order that does not depend on how the database returns them. */
async function rowsOf(database: Database, table: string): Promise<Row[]> {
  const rows = (await database.db
    .selectFrom(table as 'meta')
    .selectAll()
    .execute()) as Row[];
  const key = (r: Row) =>
    JSON.stringify(r, (_k, v: unknown) =>
      v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer' ? `bytes:${String(v)}` : v,
    );
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Rows the concurrent writer adds: an audit entry and a sign-in count, always together (one transaction). */
const byWriter = (table: string) => (r: Row) =>
  table === 'audit_log'
    ? r.action === 'writer'
    : table === 'throttle'
      ? String(r.bucket).startsWith('writer:')
      : false;

/**
 * Another connection that writes for as long as it runs: on SQLite a process of its own (the server while an
 * operator runs `twinning backup`), on PostgreSQL a second connection pool.
 */
function startWriter(dialect: DialectName, url: string) {
  let written = 0;
  if (dialect === 'sqlite') {
    const script = join(dir, 'writer.cjs');
    writeFileSync(
      script,
      `const Database = require(${JSON.stringify(join(root, 'node_modules/better-sqlite3'))});
const db = new Database(process.argv[2]);
db.pragma('journal_mode = WAL');
db.pragma('busy_timeout = 5000');
const audit = db.prepare("insert into audit_log (at, action, subject) values (?, 'writer', ?)");
const count = db.prepare('insert into throttle (bucket, at) values (?, ?)');
const write = db.transaction((i) => { const at = new Date().toISOString(); audit.run(at, 'w' + i); count.run('writer:' + i, at); });
let i = 0;
(function loop() { for (let k = 0; k < 10; k++) write(i++); process.stdout.write(i + '\\n'); setTimeout(loop, 2); })();`,
    );
    const child = spawn(process.execPath, [script, url], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (d: Buffer) => (written = Number(String(d).trim().split('\n').pop())));
    return {
      written: () => written,
      stop: async () => {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      },
    };
  }
  const other = openDatabase(url);
  const store = Store.of(other);
  let stopping = false;
  const loop = (async () => {
    while (!stopping) {
      const i = written;
      await store.transaction(async (tx) => {
        const at = new Date().toISOString();
        await tx.users.audit({ at, actorId: null, action: 'writer', subject: `w${i}` });
        await tx.users.addAttempt(`writer:${i}`, at);
      });
      written++;
    }
  })();
  return {
    written: () => written,
    stop: async () => {
      stopping = true;
      await loop;
      await other.close();
    },
  };
}

describe.each(DIALECTS)('backup and restore on %s', (dialect) => {
  let source: TestDb;
  let target: TestDb;
  const file = join(dir, `${dialect}.backup`);
  const tools = dialect === 'sqlite' || PG_TOOLS;
  beforeAll(async () => {
    source = await createTestDb(dialect);
    await fillEveryTable(source.store);
  }, 60_000);
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
  });

  it('has rows in every table the schema has (so that the comparison below covers them all)', async () => {
    const counts = await rowCounts(source.database);
    expect(Object.keys(counts).length).toBeGreaterThanOrEqual(27);
    expect(Object.entries(counts).filter(([, n]) => n === 0)).toEqual([]);
  });

  it.runIf(tools)(
    'backs up while another connection writes, and restores every table into a new database',
    async () => {
      const writer = startWriter(dialect, source.url);
      try {
        while (writer.written() < 50) await new Promise((r) => setTimeout(r, 5));
        const made = await makeBackup(source.url, file);
        expect(made.kind).toBe(dialect);
        expect(made.bytes).toBeGreaterThan(10_000);
        const at = writer.written();
        while (writer.written() < at + 50) await new Promise((r) => setTimeout(r, 5));
      } finally {
        await writer.stop();
      }

      // a new, empty database of the same kind (migrated: the schema alone is no data)
      target = await createTestDb(dialect);
      const restored = await restoreBackup(target.url, file);
      expect(restored.migrated).toEqual([]);
      expect(restored.counts.places).toBe((await rowCounts(source.database)).places);

      const tables = await tablesOf(source.database);
      expect(await tablesOf(target.database)).toEqual(tables);
      for (const table of tables) {
        const [before, after] = [await rowsOf(source.database, table), await rowsOf(target.database, table)];
        const mine = byWriter(table);
        // what no one wrote during the backup is there exactly
        expect(
          after.filter((r) => !mine(r)),
          table,
        ).toEqual(before.filter((r) => !mine(r)));
        // of what the writer wrote, a consistent moment: rows the source has, each transaction whole
        const written = after.filter(mine);
        for (const r of written) expect(before).toContainEqual(r);
      }
      const audits = (await rowsOf(target.database, 'audit_log')).filter(byWriter('audit_log'));
      const counts = (await rowsOf(target.database, 'throttle')).filter(byWriter('throttle'));
      expect(audits.length).toBeGreaterThanOrEqual(50);
      expect(counts.map((r) => String(r.bucket).slice(7)).sort()).toEqual(
        audits.map((r) => String(r.subject).slice(1)).sort(),
      );
      // the writes after the backup are not in it
      expect(
        (await rowsOf(source.database, 'audit_log')).filter(byWriter('audit_log')).length,
      ).toBeGreaterThan(audits.length);
      // photos are in the database, so in the backup
      const photos = await rowsOf(target.database, 'photo_files');
      expect(Buffer.isBuffer(photos[0]!.bytes)).toBe(true);
      expect(photos).toEqual(await rowsOf(source.database, 'photo_files'));
    },
    120_000,
  );

  it.runIf(tools)(
    'refuses to restore over data without --force, and replaces it with --force',
    async () => {
      await expect(restoreBackup(target.url, file)).rejects.toThrow(
        /holds data \(.*\b15 places\b.*\); restoring would replace all of it\. .*--force/,
      );
      await target.store.db.deleteFrom('sections').execute();
      await target.store.users.addAttempt('after the backup', new Date().toISOString());
      const again = await restoreBackup(target.url, file, { force: true });
      expect(again.counts.sections).toBe(1);
      expect(await target.store.users.attempts('after the backup', '2000-01-01')).toBe(0);
    },
    60_000,
  );

  it('refuses a file that is not a backup, or a backup of the other kind of database', async () => {
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'places and ties');
    await expect(restoreBackup(source.url, notes)).rejects.toThrow(
      `${notes} is not a backup of Twinning: it is neither a SQLite database nor a pg_dump archive`,
    );
    await expect(restoreBackup(source.url, join(dir, 'missing.backup'))).rejects.toThrow('There is no file');
    const otherKind = join(dir, dialect === 'sqlite' ? 'fake.dump' : 'fake.db');
    writeFileSync(otherKind, dialect === 'sqlite' ? 'PGDMP\u0001\u000e\u0000' : 'SQLite format 3\u0000');
    await expect(restoreBackup(source.url, otherKind)).rejects.toThrow(
      dialect === 'sqlite' ? /is a backup of a PostgreSQL database/ : /is a backup of a SQLite database/,
    );
  });

  it.runIf(dialect === 'postgres')(
    'says what to install or run when pg_dump or pg_restore is missing',
    async () => {
      const path = process.env.PATH;
      // a PATH without PostgreSQL's programs
      process.env.PATH = mkdtempSync(join(dir, 'bin-'));
      try {
        await expect(makeBackup(source.url, join(dir, 'none.backup'))).rejects.toThrow(
          /^pg_dump is not on PATH: .*postgresql-client.*\n {2}pg_dump --format=custom --file=\S+none\.backup "\$DATABASE_URL"$/,
        );
        await expect(restoreBackup(source.url, file)).rejects.toThrow(
          /^pg_restore is not on PATH: .*\n {2}pg_restore --clean/,
        );
      } finally {
        process.env.PATH = path;
      }
      expect(existsSync(join(dir, 'none.backup'))).toBe(false);
    },
  );
});

describe('backups of a SQLite file', () => {
  it('refuses a SQLite database that is not Twinning’s, and tells when there is nothing to back up', async () => {
    const foreign = join(dir, 'foreign.db');
    const db = openDatabase(foreign);
    await db.db.schema.createTable('notes').addColumn('text', 'text').execute();
    await db.close();
    await expect(restoreBackup(join(dir, 'new.db'), foreign)).rejects.toThrow(
      'is a database backup, but not of Twinning: it has no kysely_migration, meta, places table',
    );
    expect(existsSync(join(dir, 'new.db'))).toBe(false);
    await expect(makeBackup(join(dir, 'nothing-here.db'), join(dir, 'x.backup'))).rejects.toThrow(
      'There is no database at',
    );
  });
});
