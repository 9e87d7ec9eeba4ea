import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, TooManyError } from '../../src/domain/errors.js';
import { AccountsService, LIMITS } from '../../src/services/accounts.js';
import { openDatabase, type Database } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';
import { createTestDb, DIALECTS, type TestDb } from '../helpers/db.js';

const PASSWORD = 'correct horse battery';
// every attempt that gets through costs a scrypt hash: slow on a busy machine
const SLOW = 120_000;

/**
 * Settles every promise; tells answers from refusals. An answer is a sign-in, or a wrong password said so
 * (the password was checked); a refusal is anything else (the limit, before any check).
 */
async function settle<T>(work: Promise<T>[]) {
  const results = await Promise.allSettled(work);
  const refused = results
    .filter((r) => r.status === 'rejected' && !(r.reason instanceof AuthenticationError))
    .map((r) => (r as PromiseRejectedResult).reason as unknown);
  return { answered: results.length - refused.length, refused };
}

/** A sign-in with a wrong password, whose refusal is expected. */
const wrong = (p: Promise<unknown>) =>
  p.catch((e: unknown) => {
    if (!(e instanceof AuthenticationError)) throw e;
  });

describe.each(DIALECTS)('sign-in limits under parallel attempts on %s', (dialect) => {
  let t: TestDb;
  // a second connection pool on the same database: another app server
  let other: Database;
  let servers: [AccountsService, AccountsService];
  beforeAll(async () => {
    t = await createTestDb(dialect);
    other = openDatabase(t.url);
    servers = [new AccountsService(t.store), new AccountsService(Store.of(other))];
    await servers[0].addUser({ email: 'target@example.org', password: PASSWORD });
  });
  afterAll(async () => {
    await other?.close();
    await t?.drop();
  });

  /** How many passwords were checked for sign-ins (every check leaves an audit entry). */
  const checks = async (action: string) =>
    (await t.store.db.selectFrom('audit_log').select('detail').where('action', '=', action).execute()).length;

  it(
    'checks at most five passwords of 40 wrong ones sent at once for one address',
    async () => {
      const before = await t.store.db
        .selectFrom('audit_log')
        .select('id')
        .where('subject', 'is not', null)
        .where('action', '=', 'signin.failed')
        .execute();
      const { answered, refused } = await settle(
        Array.from({ length: 40 }, (_, i) =>
          // each from its own network address, half through each app server
          servers[i % 2]!.signIn('target@example.org', `guess ${i}`, `10.1.0.${i}`),
        ),
      );
      expect(answered).toBeLessThanOrEqual(LIMITS.signinEmail.max);
      expect(answered).toBeGreaterThan(0);
      expect(refused).toHaveLength(40 - answered);
      for (const e of refused) {
        expect(e).toBeInstanceOf(TooManyError);
        expect((e as TooManyError).retryAfterSeconds).toBe(LIMITS.signinEmail.minutes * 60);
      }
      const after = await t.store.db
        .selectFrom('audit_log')
        .select('id')
        .where('subject', 'is not', null)
        .where('action', '=', 'signin.failed')
        .execute();
      expect(after.length - before.length).toBe(answered);
      // even the right password now waits
      await expect(servers[0].signIn('target@example.org', PASSWORD, '10.1.1.1')).rejects.toThrow(
        TooManyError,
      );
    },
    SLOW,
  );

  it(
    'checks at most 30 passwords of 100 sent at once from one network address',
    async () => {
      const before = await checks('signin.failed');
      const { answered, refused } = await settle(
        Array.from({ length: 100 }, (_, i) =>
          servers[i % 2]!.signIn(`nobody${i}@example.org`, 'wrong password', '10.2.0.1'),
        ),
      );
      expect(answered).toBeLessThanOrEqual(LIMITS.signinIp.max);
      expect(answered).toBeGreaterThan(0);
      expect(await checks('signin.failed')).toBe(before + answered);
      expect(refused.every((e) => e instanceof TooManyError)).toBe(true);
      // no address was charged for a refusal: a refused attempt gives back its place in the address's count
      for (let i = 0; i < 100; i++) {
        expect(
          await t.store.users.attempts(`signin:email:nobody${i}@example.org`, '2000-01-01'),
        ).toBeLessThan(2);
      }
      const charged = await t.store.db
        .selectFrom('throttle')
        .select('id')
        .where('bucket', 'like', 'signin:email:nobody%')
        .execute();
      expect(charged).toHaveLength(answered);
    },
    SLOW,
  );

  it(
    'lets a browser with the account’s device cookie in while its network’s count is full',
    async () => {
      await servers[0].addUser({ email: 'owner@example.org', password: PASSWORD });
      const first = await servers[0].signIn('owner@example.org', PASSWORD, '10.3.0.1');
      expect(first).not.toBeNull();
      for (let i = 0; i < LIMITS.signinIp.max; i++)
        await wrong(servers[1].signIn(`stranger${i}@example.org`, 'wrong password', '10.3.0.1'));
      // the network is full: anyone else from it waits, the owner without the cookie too
      await expect(servers[0].signIn('owner@example.org', PASSWORD, '10.3.0.1')).rejects.toThrow(
        TooManyError,
      );
      // the owner's browser is let in
      const again = await servers[1].signIn(
        'owner@example.org',
        PASSWORD,
        '10.3.0.1',
        new Date(),
        first!.device,
      );
      expect(again?.user.email).toBe('owner@example.org');
      // and its own wrong passwords count on its own bucket, at most five of them checked at once
      const before = await checks('signin.failed');
      const { answered } = await settle(
        Array.from({ length: 20 }, (_, i) =>
          servers[i % 2]!.signIn('owner@example.org', `guess ${i}`, '10.3.0.1', new Date(), first!.device),
        ),
      );
      expect(answered).toBeLessThanOrEqual(LIMITS.signinEmail.max);
      expect(await checks('signin.failed')).toBe(before + answered);
    },
    SLOW,
  );

  it(
    'counts and admits in one step: 200 takes at once over two connections admit exactly the limit',
    async () => {
      const stores = [t.store, Store.of(other)];
      const now = new Date().toISOString();
      const ids = await Promise.all(
        Array.from({ length: 200 }, (_, i) => stores[i % 2]!.users.takeAttempt('race', '2000-01-01', now, 7)),
      );
      expect(ids.filter((id) => id !== undefined)).toHaveLength(7);
      expect(await t.store.users.attempts('race', '2000-01-01')).toBe(7);
    },
    SLOW,
  );
});

describe('sign-in limits across processes on SQLite', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb('sqlite');
  });
  afterAll(async () => t?.drop());

  it('admits exactly the limit when four processes take attempts in one bucket at the same moment', async () => {
    const run = promisify(execFile);
    const script = join(import.meta.dirname, '../helpers/take-attempts.ts');
    const startAt = Date.now() + 2500;
    const outputs = await Promise.all(
      Array.from({ length: 4 }, () =>
        run(process.execPath, ['--import', 'tsx', script, t.url, 'shared', '25', '200', String(startAt)], {
          cwd: join(import.meta.dirname, '../..'),
        }),
      ),
    );
    const taken = outputs.map((o) => Number(o.stdout.trim()));
    expect(taken.reduce((a, b) => a + b, 0)).toBe(25);
    expect(await t.store.users.attempts('shared', '2000-01-01')).toBe(25);
  }, 60_000);
});
