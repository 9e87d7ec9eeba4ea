import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { DomainError, ValidationError } from '../domain/errors.js';
import {
  MIGRATION_TABLES,
  dropTables,
  fileKind,
  onPath,
  pgDump,
  pgDumpContents,
  pgRestore,
  rowCounts,
  sqliteBackup,
  sqliteContents,
  sqliteRestore,
  tablesOf,
} from '../store/backup.js';
import { isPostgresUrl, openDatabase, sqlitePath, type DialectName } from '../store/db.js';
import { knownMigrations, migrateToLatest } from '../store/migrate.js';

/** Tables that hold no one's data: the schema's bookkeeping, and `meta` (data versions, the cookie secret). */
const BOOKKEEPING = new Set<string>([...MIGRATION_TABLES, 'meta']);

export interface BackupSummary {
  kind: DialectName;
  /** the database backed up, without credentials */
  from: string;
  file: string;
  bytes: number;
  /** rows per table in the backup (SQLite; a pg_dump archive is not opened to count them) */
  counts: Record<string, number> | null;
  tables: number;
}

export interface RestoreSummary {
  kind: DialectName;
  /** the database restored into, without credentials */
  into: string;
  /** rows per table, as restored */
  counts: Record<string, number>;
  /** migrations applied after restoring, when the backup came from an older version */
  migrated: string[];
}

const PG_DUMP_BY_HAND = (file: string) => `pg_dump --format=custom --file=${file} "$DATABASE_URL"`;
const PG_RESTORE_BY_HAND = (file: string) =>
  `pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --dbname="$DATABASE_URL" ${file}`;

const TOOLS_MISSING = (tool: string, byHand: string) =>
  `${tool} is not on PATH: it comes with PostgreSQL's client programs, which must be of the server's major ` +
  `version or newer (Debian and Ubuntu: apt-get install postgresql-client). Install them, or run it yourself:\n` +
  `  ${byHand}`;

/** "12,167 places, 17,401 twinnings, 3 users": the tables that hold rows, most first. */
export function describeCounts(counts: Record<string, number>): string {
  const rows = Object.entries(counts)
    .filter(([t, n]) => n > 0 && !BOOKKEEPING.has(t))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return rows.length ? rows.map(([t, n]) => `${n.toLocaleString('en')} ${t}`).join(', ') : 'no rows';
}

/** Whether a database holds anything beyond its schema: then a restore would replace someone's data. */
function holdsData(counts: Record<string, number>): boolean {
  return Object.entries(counts).some(([t, n]) => n > 0 && !BOOKKEEPING.has(t));
}

/**
 * Writes a consistent copy of the whole database at `url` to `file` (replacing an earlier backup there only
 * once the new one is complete), while servers keep serving: SQLite through its online backup API, PostgreSQL
 * through pg_dump's custom format. Everything is in it: places and ties, accounts and sessions, organizations,
 * entries, comments, photos, revisions, the outbox, the audit log.
 */
export async function makeBackup(url: string, file: string): Promise<BackupSummary> {
  if (isPostgresUrl(url)) {
    if (!(await onPath('pg_dump'))) throw new DomainError(TOOLS_MISSING('pg_dump', PG_DUMP_BY_HAND(file)));
    await pgDump(url, file);
    const tables = (await onPath('pg_restore')) ? (await pgDumpContents(file)).tables.length : 0;
    return {
      kind: 'postgres',
      from: withoutPassword(url),
      file,
      bytes: (await stat(file)).size,
      counts: null,
      tables,
    };
  }
  const path = sqlitePath(url);
  if (path === ':memory:') throw new ValidationError('A database in memory cannot be backed up.');
  if (!(await stat(path).catch(() => null)))
    throw new ValidationError(`There is no database at ${path} to back up; check DATABASE_URL.`);
  if (samePath(path, file)) throw new ValidationError('Give the backup a file of its own, not the database.');
  await sqliteBackup(path, file);
  const contents = sqliteContents(file);
  if (contents.integrity !== 'ok')
    throw new DomainError(`The backup in ${file} fails SQLite's check: ${contents.integrity}`);
  return {
    kind: 'sqlite',
    from: path,
    file,
    bytes: (await stat(file)).size,
    counts: contents.counts,
    tables: contents.tables.length,
  };
}

/**
 * Loads a backup made by `makeBackup` into the database at `url`, which must be of the same kind and empty
 * (a new database, or one with the schema and no rows), unless `force` says to replace what it holds. The
 * schema is then brought up to date, so a backup from an older version restores into a newer one.
 */
export async function restoreBackup(
  url: string,
  file: string,
  opts: { force?: boolean } = {},
): Promise<RestoreSummary> {
  const kind = await fileKind(file).catch((e: NodeJS.ErrnoException) => {
    throw new ValidationError(
      e.code === 'ENOENT' ? `There is no file ${file}.` : `Cannot read ${file}: ${e.message}`,
    );
  });
  if (kind === 'other')
    throw new ValidationError(
      `${file} is not a backup of Twinning: it is neither a SQLite database nor a pg_dump archive (custom format).`,
    );
  const target: DialectName = isPostgresUrl(url) ? 'postgres' : 'sqlite';
  if (kind !== target)
    throw new ValidationError(
      kind === 'sqlite'
        ? `${file} is a backup of a SQLite database, and DATABASE_URL names a PostgreSQL one. Restore it into a ` +
            `SQLite file (set DATABASE_URL to its path); to move to PostgreSQL, export and import places and ` +
            `ties, or copy the tables.`
        : `${file} is a backup of a PostgreSQL database (pg_dump), and DATABASE_URL names a SQLite file. Set ` +
            `DATABASE_URL to an empty PostgreSQL database to restore it.`,
    );
  return target === 'sqlite'
    ? restoreSqlite(url, file, !!opts.force)
    : restorePostgres(url, file, !!opts.force);
}

function checkContents(file: string, tables: string[], migrations: string[], known: string[]): void {
  const missing = ['kysely_migration', 'meta', 'places'].filter((t) => !tables.includes(t));
  if (missing.length)
    throw new ValidationError(
      `${file} is a database backup, but not of Twinning: it has no ${missing.join(', ')} table.`,
    );
  const unknown = migrations.filter((m) => !known.includes(m));
  if (unknown.length)
    throw new ValidationError(
      `${file} comes from a newer version of Twinning (its schema has ${unknown.join(', ')}); ` +
        'restore it with that version or a later one.',
    );
}

function refuseToReplace(into: string, counts: Record<string, number>): never {
  throw new ValidationError(
    `${into} holds data (${describeCounts(counts)}); restoring would replace all of it. Restore into a new, ` +
      'empty database, or stop every server that uses this one and run again with --force.',
  );
}

async function restoreSqlite(url: string, file: string, force: boolean): Promise<RestoreSummary> {
  const path = sqlitePath(url);
  if (path === ':memory:')
    throw new ValidationError('A backup cannot be restored into a database in memory.');
  if (samePath(path, file)) throw new ValidationError(`${file} is the database itself.`);
  let contents;
  try {
    contents = sqliteContents(file);
  } catch (e) {
    throw new ValidationError(`${file} cannot be read as a SQLite database: ${(e as Error).message}`);
  }
  if (contents.integrity !== 'ok')
    throw new ValidationError(`${file} is damaged; SQLite's check says: ${contents.integrity}`);
  checkContents(file, contents.tables, contents.migrations, knownMigrations('sqlite'));
  if (await stat(path).catch(() => null)) {
    const existing = openDatabase(url);
    try {
      const counts = await rowCounts(existing);
      if (holdsData(counts) && !force) refuseToReplace(path, counts);
    } finally {
      await existing.close();
    }
  }
  await sqliteRestore(file, path);
  const restored = openDatabase(url);
  try {
    const migrated = await migrateToLatest(restored);
    return { kind: 'sqlite', into: path, counts: await rowCounts(restored), migrated };
  } finally {
    await restored.close();
  }
}

async function restorePostgres(url: string, file: string, force: boolean): Promise<RestoreSummary> {
  if (!(await onPath('pg_restore')))
    throw new DomainError(TOOLS_MISSING('pg_restore', PG_RESTORE_BY_HAND(file)));
  let contents;
  try {
    contents = await pgDumpContents(file);
  } catch (e) {
    throw new ValidationError(`${file} cannot be read as a pg_dump archive: ${(e as Error).message}`);
  }
  checkContents(file, contents.tables, contents.migrations, knownMigrations('postgres'));
  const db = openDatabase(url);
  try {
    const counts = await rowCounts(db);
    if (holdsData(counts) && !force) refuseToReplace(db.location, counts);
    // Tables the archive does not have (from a newer schema than the backup's) would stand in the way of the
    // migrations that make them again; the archive's own are dropped and made again by pg_restore.
    const extra = (await tablesOf(db)).filter((t) => !contents.tables.includes(t));
    await dropTables(db, extra);
    await pgRestore(url, file);
    const migrated = await migrateToLatest(db);
    return { kind: 'postgres', into: db.location, counts: await rowCounts(db), migrated };
  } finally {
    await db.close();
  }
}

function withoutPassword(url: string): string {
  const u = new URL(url);
  u.password = '';
  return u.toString();
}

/** Whether two paths name one file (the second need not exist yet). */
function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}
