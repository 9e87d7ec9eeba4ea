// Backups of the whole database: SQLite through its online backup API (better-sqlite3), PostgreSQL through
// pg_dump and pg_restore in the custom format. Services decide what may be done; this file only does it.
import { spawn } from 'node:child_process';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Database, DialectName } from './db.js';

/** Kysely's record of the migrations applied, and its lock. */
export const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'] as const;

/** What a file is, from its first bytes: a SQLite database, a pg_dump archive in custom format, or neither. */
export async function fileKind(file: string): Promise<DialectName | 'other'> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await handle.read(head, 0, 16, 0);
    const text = head.subarray(0, bytesRead).toString('latin1');
    if (text === 'SQLite format 3\u0000') return 'sqlite';
    if (text.startsWith('PGDMP')) return 'postgres';
    return 'other';
  } finally {
    await handle.close();
  }
}

/** Every table of the database, as its catalogue lists them (so a table added later is never left out). */
export async function tablesOf(database: Database): Promise<string[]> {
  const rows =
    database.dialect === 'sqlite'
      ? await sql<{ name: string }>`
          select name from sqlite_master
          where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name`.execute(database.db)
      : await sql<{ name: string }>`
          select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
          database.db,
        );
  return rows.rows.map((r) => r.name);
}

/** The number of rows in each table. */
export async function rowCounts(database: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await tablesOf(database)) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(
      database.db,
    );
    out[t] = Number(r.rows[0]?.n ?? 0);
  }
  return out;
}

export async function dropTables(database: Database, tables: string[]): Promise<void> {
  for (const t of tables) await sql`drop table if exists ${sql.table(t)} cascade`.execute(database.db);
}

/** Writes to a file beside `file` first and renames it into place, so a failure never leaves half a file. */
async function atomically(file: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = `${file}.partial-${process.pid}`;
  await mkdir(dirname(file), { recursive: true });
  try {
    await write(temporary);
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** Copies every page in one step: consistent as of that moment, and never restarted by other writers. */
const ALL_AT_ONCE = { progress: () => 0x7fffffff };

/**
 * A copy of a SQLite database by the online backup API, consistent while other connections (the server) keep
 * writing: the copy is made inside one read transaction, which in WAL mode holds no writer up. Unlike copying
 * the file, it includes what is still in the write-ahead log.
 */
export async function sqliteBackup(dbPath: string, file: string): Promise<void> {
  const source = new SQLite(dbPath, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await atomically(file, async (temporary) => {
      await source.backup(temporary, ALL_AT_ONCE);
    });
  } finally {
    source.close();
  }
}

export interface SqliteContents {
  /** "ok", or what SQLite's integrity check found wrong */
  integrity: string;
  tables: string[];
  migrations: string[];
  counts: Record<string, number>;
}

/** What a SQLite file holds, read without changing it. */
export function sqliteContents(file: string): SqliteContents {
  const db = new SQLite(file, { fileMustExist: true, readonly: true });
  try {
    const integrity = (db.pragma('quick_check', { simple: true }) as string) ?? 'unknown';
    const tables = (
      db
        .prepare(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name",
        )
        .all() as { name: string }[]
    ).map((r) => r.name);
    const migrations = tables.includes('kysely_migration')
      ? (db.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map(
          (r) => r.name,
        )
      : [];
    const counts: Record<string, number> = {};
    for (const t of tables)
      counts[t] = (
        db.prepare(`select count(*) as n from "${t.replace(/"/g, '""')}"`).get() as { n: number }
      ).n;
    return { integrity, tables, migrations, counts };
  } finally {
    db.close();
  }
}

/**
 * Puts a backup's pages into the database at `dbPath` through the backup API (which takes the database's
 * locks, unlike copying over the file), replacing everything it held.
 */
export async function sqliteRestore(file: string, dbPath: string): Promise<void> {
  await mkdir(dirname(dbPath), { recursive: true });
  const source = new SQLite(file, { fileMustExist: true, readonly: true });
  try {
    await source.backup(dbPath, ALL_AT_ONCE);
  } finally {
    source.close();
  }
}

/** Runs a program to its end: its output, or an error with what it said. */
function run(program: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) return resolve(Buffer.concat(out).toString('utf8'));
      const said = Buffer.concat(err).toString('utf8').trim();
      reject(new Error(`${program} failed (exit code ${code})${said ? `: ${said}` : ''}`));
    });
  });
}

/** Whether a program can be started from PATH. */
export async function onPath(program: string): Promise<boolean> {
  try {
    await run(program, ['--version']);
    return true;
  } catch {
    return false;
  }
}

/** pg_dump in its custom format: one consistent snapshot, taken while the servers keep serving. */
export async function pgDump(url: string, file: string): Promise<void> {
  await atomically(file, async (temporary) => {
    await run('pg_dump', ['--format=custom', '--no-password', `--file=${temporary}`, `--dbname=${url}`]);
  });
}

export interface DumpContents {
  tables: string[];
  migrations: string[];
}

/** The tables a pg_dump archive holds, and the migrations applied to the database it was made from. */
export async function pgDumpContents(file: string): Promise<DumpContents> {
  const list = await run('pg_restore', ['--list', file]);
  const tables = [
    ...new Set([...list.matchAll(/^\d+; \d+ \d+ TABLE (?!DATA )\S+ (\S+) /gm)].map((m) => m[1]!)),
  ].sort();
  let migrations: string[] = [];
  if (tables.includes('kysely_migration')) {
    const data = await run('pg_restore', ['--data-only', '--table=kysely_migration', '--file=-', file]);
    const copy = /^COPY \S+ \(name, [^)]*\) FROM stdin;\n([\s\S]*?)^\\\.$/m.exec(data);
    migrations = (copy?.[1] ?? '')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t')[0]!)
      .sort();
  }
  return { tables, migrations };
}

/**
 * Loads a pg_dump archive in one transaction: its tables are dropped and made again with their rows (owners
 * and grants are the connecting role's), or, on any error, nothing changes.
 */
export async function pgRestore(url: string, file: string): Promise<void> {
  await run('pg_restore', [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    '--exit-on-error',
    '--no-password',
    `--dbname=${url}`,
    file,
  ]);
}
