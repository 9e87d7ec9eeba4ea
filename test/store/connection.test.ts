import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { createTestDb, DIALECTS, PG_ADMIN_URL, type TestDb } from '../helpers/db.js';
import { isConnectionLost } from '../../src/store/db.js';
import { param, Reusable, statementName } from '../../src/store/reusable.js';

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

describe.runIf(DIALECTS.includes('postgres'))('PostgreSQL ending connections in use', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb('postgres');
  });
  afterAll(async () => t?.drop());

  async function terminateAll(): Promise<number> {
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    const ended = await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [new URL(t.url).pathname.slice(1)],
    );
    await admin.end();
    return ended.rowCount ?? 0;
  }

  it('fails the transactions that held them, keeps the process, and serves the next query', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      // transactions that sit between two statements when their connections are ended: the client has no
      // query running then, so the failure arrives as an 'error' event on the checked-out client
      let started = 0;
      const running = Array.from({ length: 6 }, () =>
        t.store.transaction(async (trx) => {
          await sql`select 1`.execute(trx.db);
          started++;
          await new Promise((r) => setTimeout(r, 400));
          await sql`select 2`.execute(trx.db);
        }),
      );
      while (started < 6) await new Promise((r) => setTimeout(r, 10));
      expect(await terminateAll()).toBeGreaterThanOrEqual(6);
      const results = await Promise.allSettled(running);
      const failures = results.filter((r) => r.status === 'rejected');
      expect(failures).toHaveLength(6);
      for (const f of failures) expect(isConnectionLost((f as PromiseRejectedResult).reason)).toBe(true);
      await new Promise((r) => setTimeout(r, 100));
      expect(uncaught).toEqual([]);
      const r = await sql<{ one: number }>`select 1 as one`.execute(t.store.db);
      expect(r.rows).toEqual([{ one: 1 }]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });

  it('answers a read whose connection is ended while it runs, on a fresh connection', async () => {
    const read = sql<{ one: number }>`select 1 as one from pg_sleep(0.5)`.execute(t.store.db);
    await new Promise((r) => setTimeout(r, 150));
    expect(await terminateAll()).toBeGreaterThanOrEqual(1);
    expect((await read).rows).toEqual([{ one: 1 }]);
  });

  it('does not repeat a write whose connection is ended while it runs', async () => {
    await sql`create table if not exists writes (n int)`.execute(t.store.db);
    const write = sql`insert into writes select 1 from pg_sleep(0.5)`.execute(t.store.db).then(
      () => 'written',
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 150));
    await terminateAll();
    expect(isConnectionLost(await write)).toBe(true);
    const r = await sql<{ n: number }>`select count(*)::int as n from writes`.execute(t.store.db);
    expect(r.rows).toEqual([{ n: 0 }]);
  });
});

/** a table of the tests' own, beside the app's */
interface Gauges {
  gauges: { id: string; level: number; unit?: string };
}

describe.runIf(DIALECTS.includes('postgres'))('reusable queries on PostgreSQL', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb('postgres');
    await sql`create table gauges (id text primary key, level int)`.execute(t.store.db);
    await sql`insert into gauges values ('a', 1), ('b', 2)`.execute(t.store.db);
  });
  afterAll(async () => t?.drop());

  /** `fn` on one pooled connection, with a way to list the statements that connection has prepared */
  async function onOneConnection<T>(
    fn: (db: Kysely<Gauges>, prepared: () => Promise<string[]>) => Promise<T>,
  ): Promise<T> {
    return t.store.db
      .connection()
      .execute((db) =>
        fn(db as unknown as Kysely<Gauges>, async () =>
          (
            await sql<{ name: string }>`select name from pg_prepared_statements order by name`.execute(db)
          ).rows.map((r) => r.name),
        ),
      );
  }

  it('run as named prepared statements, once parsed per connection; other texts stay unnamed', async () => {
    await onOneConnection(async (db, prepared) => {
      const byId = new Reusable<{ id: string; level: number }, { id: string }>(db, () =>
        db.selectFrom('gauges').select(['id', 'level']).where('id', '=', param('id')),
      );
      expect(await prepared()).toEqual([]);
      expect(await byId.run({ id: 'a' })).toEqual([{ id: 'a', level: 1 }]);
      expect(await byId.run({ id: 'b' })).toEqual([{ id: 'b', level: 2 }]);
      const text = byId.sql();
      const name = statementName(text);
      expect(name).toMatch(/^tw_[0-9a-f]{24}$/);
      expect(await prepared()).toEqual([name]);
      await db.selectFrom('gauges').select('id').where('id', '=', 'a').execute();
      expect(await prepared()).toEqual([name]);
    });
  });

  it('still answer when the statement no longer fits its table or the connection lost it', async () => {
    await onOneConnection(async (db, prepared) => {
      const all = new Reusable<Record<string, unknown>, { id: string }>(db, () =>
        db.selectFrom('gauges').selectAll().where('id', '=', param('id')),
      );
      expect(await all.run({ id: 'a' })).toEqual([{ id: 'a', level: 1 }]);
      // a newer server's migration adds a column: the prepared plan of `select *` no longer fits
      await sql`alter table gauges add column unit text default 'm'`.execute(db);
      expect(await all.run({ id: 'a' })).toEqual([{ id: 'a', level: 1, unit: 'm' }]);
      expect(await all.run({ id: 'b' })).toEqual([{ id: 'b', level: 2, unit: 'm' }]);
      // a pooler's reset (DISCARD ALL) drops every prepared statement behind the driver's back
      const byLevel = new Reusable<{ id: string }, { level: number }>(db, () =>
        db.selectFrom('gauges').select('id').where('level', '=', param<number>('level')),
      );
      expect(await byLevel.run({ level: 2 })).toEqual([{ id: 'b' }]);
      expect(await prepared()).toContain(statementName(byLevel.sql()));
      await sql`deallocate all`.execute(db);
      expect(await byLevel.run({ level: 2 })).toEqual([{ id: 'b' }]);
      expect(await byLevel.run({ level: 1 })).toEqual([{ id: 'a' }]);
    });
  });
});
