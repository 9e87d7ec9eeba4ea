import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountsService, hashPassword, verifyPassword } from '../../src/services/accounts.js';
import { createTestDb, DIALECTS, type TestDb } from '../helpers/db.js';

describe('password hashing', () => {
  it('hashes with scrypt and a salt, and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});

describe.each(DIALECTS)('accounts and sessions on %s', (dialect) => {
  let t: TestDb;
  let accounts: AccountsService;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    accounts = new AccountsService(t.store);
  });
  afterAll(async () => t?.drop());

  it('creates accounts with checked fields, one per address, and logs it', async () => {
    const admin = await accounts.addUser({
      email: ' Chair@Example.org ',
      password: 'long enough pw',
      admin: true,
    });
    expect(admin).toMatchObject({ email: 'chair@example.org', name: 'chair', isAdmin: true });
    await expect(
      accounts.addUser({ email: 'CHAIR@example.org', password: 'another password' }),
    ).rejects.toThrow('chair@example.org already has an account.');
    await expect(accounts.addUser({ email: 'not-an-address', password: 'short' })).rejects.toThrow(
      'The account cannot be created: "not-an-address" is not an e-mail address; the password must be at least 10 characters long.',
    );
    const log = await t.store.users.auditLog(10);
    expect(log.map((e) => e.action).sort()).toEqual(['role.grant', 'user.add']);
  });

  it('signs in with the right password only, logging failures, and keeps sessions until they expire', async () => {
    const user = await accounts.addUser({
      email: 'editor@example.org',
      name: 'Ed',
      password: 'editor password',
    });
    expect(await accounts.checkPassword('Editor@Example.org', 'wrong password')).toBeNull();
    expect(await accounts.checkPassword('nobody@example.org', 'editor password')).toBeNull();
    const ok = await accounts.checkPassword('editor@example.org', 'editor password');
    expect(ok).toMatchObject({ id: user.id, name: 'Ed' });
    expect(ok).not.toHaveProperty('passwordHash');
    const actions = (await t.store.users.auditLog(3)).map((e) => e.action);
    expect(actions).toEqual(['signin', 'signin.failed', 'signin.failed']);

    const now = new Date('2026-11-24T10:00:00Z');
    const { token, expiresAt } = await accounts.startSession(user.id, now);
    expect(expiresAt.toISOString()).toBe('2026-12-08T10:00:00.000Z');
    expect((await accounts.sessionUser(token, now))?.id).toBe(user.id);
    // the database holds only a hash of the token
    const stored = await t.store.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
    expect(await accounts.sessionUser(token, new Date('2026-12-08T10:00:01Z'))).toBeNull();
    expect(await accounts.sessionUser('x'.repeat(43), now)).toBeNull();
    expect(await accounts.sessionUser('not a token!', now)).toBeNull();
    await accounts.endSession(token);
    expect(await accounts.sessionUser(token, now)).toBeNull();
  });
});
