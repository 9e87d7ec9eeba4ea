import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, DIALECTS, PG_ADMIN_URL, type TestDb } from '../helpers/db.js';

describe.runIf(DIALECTS.includes('postgres'))('a lost PostgreSQL connection', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb('postgres');
  });
  afterAll(async () => t?.drop());

  it('is replaced: the server ending idle connections neither crashes the process nor fails the next query', async () => {
    // open a few pooled connections and leave them idle
    await Promise.all([1, 2, 3].map(() => sql`select pg_sleep(0.05)`.execute(t.store.db)));
    const name = new URL(t.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    const ended = await admin.query(
      'select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [name],
    );
    await admin.end();
    expect(ended.rowCount).toBeGreaterThanOrEqual(3);
    // let the pool see the closed sockets
    await new Promise((r) => setTimeout(r, 200));
    const r = await sql<{ one: number }>`select 1 as one`.execute(t.store.db);
    expect(r.rows).toEqual([{ one: 1 }]);
  });
});
