import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** where the data lives, without credentials, for messages */
  location: string;
  close(): Promise<void>;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** A SQLite file path from a plain path or a file: URL; ':memory:' stays in memory. */
export function sqlitePath(url: string): string {
  if (url === ':memory:') return url;
  if (url.startsWith('file:')) return url.startsWith('file://') ? fileURLToPath(url) : resolve(url.slice(5));
  return resolve(url);
}

export function openDatabase(url: string): Database {
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      // COUNT(*) and other bigint results fit a JS number here; read them as numbers, not strings.
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === 20
            ? (v: string) => Number(v)
            : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection can fail (the server restarts, an administrator ends it): the pool drops it and the
    // next query opens another. Without a listener the pool's 'error' event would end the whole process.
    let closing = false;
    pool.on('error', (err) => {
      if (!closing)
        console.warn(`PostgreSQL: an idle connection was lost (${err.message}); it will be replaced`);
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const u = new URL(url);
    u.password = '';
    return {
      db,
      dialect: 'postgres',
      location: u.toString(),
      close: () => {
        closing = true;
        return db.destroy();
      },
    };
  }
  const path = sqlitePath(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Reads dominate: keep the whole registry (tens of MB) in the page cache and map the file into memory.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('mmap_size = 268435456');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', location: path, close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; preparing costs more than running a small query. Reads repeat the same SQL
 * text, so prepared statements are kept by text (bounded, oldest dropped). Safe because better-sqlite3 runs each
 * statement to completion before the next begins.
 */
function withStatementCache(db: SQLite.Database, max = 500): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = db.prepare.bind(db);
  const cachedPrepare = (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = prepare(sql);
      cache.set(sql, stmt);
      if (cache.size > max) cache.delete(cache.keys().next().value as string);
    }
    return stmt;
  };
  // methods bound once, not on every access
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'prepare') return cachedPrepare;
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      let b = bound.get(prop);
      if (!b) bound.set(prop, (b = v.bind(target)));
      return b;
    },
  });
}

/** Whether a write failed on a unique index (SQLite and PostgreSQL word it differently). */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /unique|duplicate key/i.test(String((e as Error)?.message))
  );
}
