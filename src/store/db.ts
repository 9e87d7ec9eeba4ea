import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { createRequire } from 'node:module';
import type * as Pg from 'pg';
import { statementName } from './reusable.js';
import type { DB } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** where the data lives, without credentials, for messages */
  location: string;
  /** the address it was opened with, credentials included (for another connection to it; never shown) */
  url: string;
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

// PostgreSQL's driver is loaded only for a postgres:// address (~15 MB a SQLite server need not hold)
const require = createRequire(import.meta.url);

export interface OpenOptions {
  /**
   * SQLite: map the file into memory (reads without copying, for a server that reads the same pages again and
   * again). A command that goes over the data once gains nothing, and the mapped file counts in its memory:
   * an identical re-import of 10x the bundled data peaked at 373 MB mapped, 208 MB not.
   */
  mapFile?: boolean;
}

export function openDatabase(url: string, { mapFile = true }: OpenOptions = {}): Database {
  if (isPostgresUrl(url)) {
    const pg = require('pg') as typeof Pg;
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      // COUNT(*) and other bigint results fit a JS number here; read them as numbers, not strings.
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === 20
            ? (v: string) => Number(v)
            : pg.types.getTypeParser(oid, format)) as typeof Pg.types.getTypeParser,
      },
    });
    // A connection can fail at any time (the server restarts or fails over, an administrator ends it). An idle
    // one makes the pool emit 'error'; one checked out by a request or a transaction emits 'error' on the
    // client itself when no query is running (between a transaction's statements, say). Without listeners
    // either event ends the whole process. The request that held the connection fails on its next query
    // (`isConnectionLost`: 503 at the edge) and the pool drops the broken client when it is released.
    let closing = false;
    pool.on('error', (err) => {
      if (!closing)
        console.warn(`PostgreSQL: an idle connection was lost (${err.message}); it will be replaced`);
    });
    pool.on('connect', (client) => {
      client.on('error', (err) => {
        if (!closing) console.warn(`PostgreSQL: a connection in use was lost (${err.message})`);
      });
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: retryingReads(pool) }) });
    const u = new URL(url);
    u.password = '';
    return {
      db,
      dialect: 'postgres',
      location: u.toString(),
      url,
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
  // A server's reads dominate: the file is mapped into memory (the kernel's page cache holds it, shared and
  // reclaimable), so SQLite's own cache (private memory) needs little; 64 MB held ~35 MB more after a load of
  // the bundled data for no measurable speed (NOTES.md, "Memory under load").
  sqlite.pragma('cache_size = -16384');
  if (mapFile) sqlite.pragma('mmap_size = 268435456');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', location: path, url, close: () => db.destroy() };
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

/** SQLSTATE classes and codes, and socket errors, that mean the server went away rather than refused the query. */
const LOST_CODES = new Set(['57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/**
 * Whether a query failed because the database could not be reached or ended the connection (restart,
 * failover, administrator): nothing is wrong with the request, and trying again shortly may succeed.
 */
export function isConnectionLost(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  if (typeof code === 'string' && (LOST_CODES.has(code) || code.startsWith('08'))) return true;
  const message = String((e as Error)?.message ?? '');
  return /^Connection terminated|not queryable|Client was closed|timeout exceeded when trying to connect/i.test(
    message,
  );
}

type PgClient = Pg.PoolClient;

/**
 * The pool as Kysely sees it, with two changes. A read outside a transaction whose connection was lost is tried
 * once more on a fresh connection, so a failover costs readers nothing; writes and anything inside a
 * transaction fail as they are (the caller's transaction is gone with the connection). And the texts of
 * reusable queries (reusable.ts) run as named prepared statements: the driver otherwise sends every query
 * unnamed, which PostgreSQL parses and plans anew each time.
 */
function retryingReads(pool: Pg.Pool): Pg.Pool {
  const wrapped = new WeakMap<PgClient, PgClient>();
  const inTransaction = new WeakSet<PgClient>();
  const wrap = (client: PgClient): PgClient => {
    let w = wrapped.get(client);
    if (w) return w;
    const query = client.query.bind(client) as (
      text: string | Pg.QueryConfig,
      values?: unknown[],
    ) => Promise<Pg.QueryResult>;
    /** statements this connection no longer runs by name (see preparedGone) */
    const unnamed = new Set<string>();
    const run = async (text: string, values?: unknown[]) => {
      // a reusable query's text runs as a named prepared statement, outside transactions: there a failed
      // statement would end the transaction instead of letting the text run again
      const name = inTransaction.has(client) ? undefined : statementName(text);
      if (name && !unnamed.has(name)) {
        try {
          return await query({ name, text, values: values ?? [] });
        } catch (e) {
          if (!preparedGone(e)) throw e;
          unnamed.add(name);
        }
      }
      return query(text, values);
    };
    const retrying = async (text: unknown, values?: unknown[]) => {
      if (typeof text !== 'string') return (client.query as (q: unknown) => unknown)(text);
      if (/^\s*(begin|start transaction)\b/i.test(text)) inTransaction.add(client);
      else if (/^\s*(commit|rollback)\s*$/i.test(text)) inTransaction.delete(client);
      const read = !inTransaction.has(client) && /^\s*select\b/i.test(text);
      try {
        return await run(text, values);
      } catch (e) {
        if (!read || !isConnectionLost(e)) throw e;
        // Not from the pool: after a restart its idle connections may be dead without knowing it yet.
        const fresh = new (require('pg') as typeof Pg).Client(pool.options);
        fresh.on('error', () => {});
        try {
          await fresh.connect();
          return await fresh.query(text, values);
        } finally {
          void fresh.end().catch(() => {});
        }
      }
    };
    w = new Proxy(client, {
      get(target, prop, receiver) {
        if (prop === 'query') return retrying;
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    wrapped.set(client, w);
    return w;
  };
  return new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop === 'connect') return async () => wrap(await target.connect());
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

/**
 * Whether a named prepared statement failed as a statement, not as a query: its plan no longer fits the table
 * (a migration by a newer server changed the columns it returns: "cached plan must not change result type"),
 * or the server connection behind a pooler (PgBouncer in transaction mode) does not hold it, or holds it
 * already under the same name. The text itself may still run, unnamed.
 */
function preparedGone(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return (
    code === '26000' ||
    code === '42P05' ||
    (code === '0A000' && /cached plan must not change result type/i.test(String((e as Error)?.message)))
  );
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
