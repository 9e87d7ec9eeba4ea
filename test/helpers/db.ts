import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type DialectName } from '../../src/store/db.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { Store } from '../../src/store/store.js';

/**
 * Store tests run on SQLite always, and on PostgreSQL when TEST_POSTGRES_URL names a server database to
 * create test databases from (e.g. postgres://postgres@127.0.0.1:5432/postgres); .ci/run sets it.
 */
export const PG_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? '';
export const DIALECTS: DialectName[] = PG_ADMIN_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDb {
  database: Database;
  store: Store;
  url: string;
  drop(): Promise<void>;
}

let counter = 0;

/** A fresh, migrated, empty database of the given kind; `drop` removes it. */
export async function createTestDb(dialect: DialectName): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'twinning-test-'));
    const url = join(dir, 'test.db');
    const database = openDatabase(url);
    await migrateToLatest(database);
    return {
      database,
      store: Store.of(database),
      url,
      drop: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `twinning_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name} encoding 'UTF8' template template0`);
  await admin.end();
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  const database = openDatabase(url);
  await migrateToLatest(database);
  return {
    database,
    store: Store.of(database),
    url,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
