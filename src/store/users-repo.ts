import { sql, type Kysely, type Selectable } from 'kysely';
import { FORMER_MEMBER, deletedAddress, type User } from '../domain/accounts.js';
import type { DialectName } from './db.js';
import type { DB, UsersTable } from './schema.js';

export type TokenPurpose = 'reset' | 'confirm' | 'email';

function toUser(r: Selectable<UsersTable>): User {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    isAdmin: r.is_admin === 1,
    createdAt: r.created_at,
    disabledAt: r.disabled_at,
    lang: r.lang,
    emailConfirmedAt: r.email_confirmed_at,
  };
}

/** Accounts, their sessions and the audit log of sign-ins and permission changes. */
export class UsersRepo {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: DialectName = 'sqlite',
  ) {}

  async create(
    u: {
      email: string;
      name: string;
      passwordHash: string;
      isAdmin: boolean;
      lang?: string;
      /** when the address was confirmed: null for a sign-up, whose owner has yet to show it is theirs */
      confirmedAt: string | null;
    },
    now: string,
  ) {
    const row = await this.db
      .insertInto('users')
      .values({
        email: u.email,
        name: u.name,
        password_hash: u.passwordHash,
        is_admin: u.isAdmin ? 1 : 0,
        created_at: now,
        lang: u.lang ?? 'en',
        email_confirmed_at: u.confirmedAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUser(row);
  }

  async byEmail(email: string): Promise<(User & { passwordHash: string | null }) | undefined> {
    const r = await this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    return r ? { ...toUser(r), passwordHash: r.password_hash } : undefined;
  }

  async byId(id: number): Promise<User | undefined> {
    const r = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toUser(r) : undefined;
  }

  async setAdmin(id: number, isAdmin: boolean): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ is_admin: isAdmin ? 1 : 0 })
      .where('id', '=', id)
      .execute();
  }

  async addSession(s: { tokenHash: string; userId: number; createdAt: string; expiresAt: string }) {
    await this.db
      .insertInto('sessions')
      .values({
        token_hash: s.tokenHash,
        user_id: s.userId,
        created_at: s.createdAt,
        expires_at: s.expiresAt,
      })
      .execute();
  }

  /** The user of a session that has not expired at `now`. */
  async sessionUser(tokenHash: string, now: string): Promise<User | undefined> {
    const r = await this.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .selectAll('u')
      .where('s.token_hash', '=', tokenHash)
      .where('s.expires_at', '>', now)
      .where('u.disabled_at', 'is', null)
      .executeTakeFirst();
    return r ? toUser(r) : undefined;
  }

  async removeSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  async removeExpiredSessions(now: string): Promise<number> {
    const r = await this.db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** The secret of a user's notification links, made the first time it is asked for (once, even if raced). */
  async notifyToken(userId: number, made: string): Promise<string> {
    const read = async () =>
      (
        await this.db
          .selectFrom('users')
          .select('notify_token')
          .where('id', '=', userId)
          .executeTakeFirstOrThrow()
      ).notify_token;
    const known = await read();
    if (known) return known;
    await this.db
      .updateTable('users')
      .set({ notify_token: made })
      .where('id', '=', userId)
      .where('notify_token', 'is', null)
      .execute();
    return (await read())!;
  }

  /** The user whose notification links carry this secret. */
  async byNotifyToken(token: string): Promise<User | undefined> {
    const r = await this.db
      .selectFrom('users')
      .selectAll()
      .where('notify_token', '=', token)
      .executeTakeFirst();
    return r ? toUser(r) : undefined;
  }

  /** One-time links past their time, used or not: nothing can be done with them any more. */
  async removeExpiredTokens(now: string): Promise<number> {
    const r = await this.db.deleteFrom('password_resets').where('expires_at', '<=', now).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async audit(e: { at: string; actorId: number | null; action: string; subject?: string; detail?: string }) {
    await this.db
      .insertInto('audit_log')
      .values({
        at: e.at,
        actor_id: e.actorId,
        action: e.action,
        subject: e.subject ?? null,
        detail: e.detail ?? null,
      })
      .execute();
  }

  async setPassword(id: number, passwordHash: string): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
  }

  /** Site admins who can still sign in. */
  async countAdmins(): Promise<number> {
    const r = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('is_admin', '=', 1)
      .where('disabled_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /**
   * A deleted account: what identifies the person goes (address, name, password, sessions, links, roles,
   * follows, waiting notifications); the row stays, so their comments and edits keep an author.
   */
  async anonymize(id: number, now: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({
        email: deletedAddress(id),
        name: FORMER_MEMBER,
        password_hash: null,
        is_admin: 0,
        disabled_at: now,
        email_confirmed_at: null,
        notify_token: null,
      })
      .where('id', '=', id)
      .execute();
    await this.db.deleteFrom('sessions').where('user_id', '=', id).execute();
    await this.db.deleteFrom('password_resets').where('user_id', '=', id).execute();
    await this.db.deleteFrom('subscriptions').where('user_id', '=', id).execute();
    await this.db.deleteFrom('notifications').where('user_id', '=', id).execute();
    await this.db.deleteFrom('org_roles').where('user_id', '=', id).execute();
  }

  async setDisabled(id: number, at: string | null): Promise<void> {
    await this.db.updateTable('users').set({ disabled_at: at }).where('id', '=', id).execute();
  }

  /** Signs the user out everywhere (after a password change or when the account is disabled), but `except`. */
  async removeSessionsOf(userId: number, except?: string): Promise<void> {
    let q = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (except) q = q.where('token_hash', '!=', except);
    await q.execute();
  }

  async setName(id: number, name: string, lang?: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set(lang ? { name, lang } : { name })
      .where('id', '=', id)
      .execute();
  }

  async list(limit = 500): Promise<User[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('email').limit(limit).execute();
    return rows.map(toUser);
  }

  /** Attempts in a bucket since `since`. */
  async attempts(bucket: string, since: string): Promise<number> {
    const r = await this.db
      .selectFrom('throttle')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('bucket', '=', bucket)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Attempts in a bucket since `since`, and when the oldest of them was made (null when none). */
  async window(bucket: string, since: string): Promise<{ count: number; oldest: string | null }> {
    const r = await this.db
      .selectFrom('throttle')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
      .where('bucket', '=', bucket)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    return { count: Number(r.n), oldest: (r.oldest as string | null) ?? null };
  }

  async addAttempt(bucket: string, at: string): Promise<void> {
    await this.db.insertInto('throttle').values({ bucket, at }).execute();
  }

  /**
   * Counts an attempt in a bucket unless `max` were counted since `since`: the new attempt's id, or undefined
   * when the bucket is full. Counting and adding are one step, so parallel requests (in this process or on
   * other app servers) cannot all pass a count taken before any of them added theirs.
   */
  async takeAttempt(bucket: string, since: string, at: string, max: number): Promise<number | undefined> {
    const take = async (db: Kysely<DB>) => {
      const r = await sql<{ id: number }>`
        insert into throttle (bucket, at)
        select cast(${bucket} as text), cast(${at} as text)
        where (select count(*) from throttle where bucket = ${bucket} and at > ${since}) < ${max}
        returning id`.execute(db);
      return r.rows[0]?.id;
    };
    // SQLite: a writing statement takes the database's write lock before it reads, so the statement alone is
    // atomic, across connections and processes too.
    if (this.dialect === 'sqlite') return take(this.db);
    // PostgreSQL reads under READ COMMITTED with a snapshot taken when the statement starts: two statements
    // at once would both see room. A transaction-scoped advisory lock on the bucket's name queues them; the
    // insert's snapshot is taken after the lock is held, so it sees what the one before committed.
    const locked = async (trx: Kysely<DB>) => {
      await sql`select pg_advisory_xact_lock(hashtextextended(${bucket}, 0))`.execute(trx);
      return take(trx);
    };
    return this.db.isTransaction ? locked(this.db) : this.db.transaction().execute(locked);
  }

  /** Takes back an attempt counted by `takeAttempt` (the thing it guarded went well, or never happened). */
  async removeAttempt(id: number): Promise<void> {
    await this.db.deleteFrom('throttle').where('id', '=', id).execute();
  }

  async clearAttempts(bucket: string): Promise<void> {
    await this.db.deleteFrom('throttle').where('bucket', '=', bucket).execute();
  }

  async removeAttemptsBefore(at: string): Promise<void> {
    await this.db.deleteFrom('throttle').where('at', '<=', at).execute();
  }

  /** A one-time link's token (only its hash is kept): 'reset' chooses a new password, 'confirm' the address. */
  async addToken(r: {
    tokenHash: string;
    userId: number;
    purpose: TokenPurpose;
    createdAt: string;
    expiresAt: string;
    /** what the link is about: the new address of an 'email' link */
    detail?: string;
  }) {
    await this.db
      .insertInto('password_resets')
      .values({
        token_hash: r.tokenHash,
        user_id: r.userId,
        purpose: r.purpose,
        detail: r.detail ?? null,
        created_at: r.createdAt,
        expires_at: r.expiresAt,
      })
      .execute();
  }

  /** Marks an unused, unexpired token as used and gives its user's id and detail; undefined if there is none. */
  async useToken(
    tokenHash: string,
    purpose: TokenPurpose,
    now: string,
  ): Promise<{ userId: number; detail: string | null } | undefined> {
    const r = await this.db
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning(['user_id', 'detail'])
      .executeTakeFirst();
    return r ? { userId: r.user_id, detail: r.detail } : undefined;
  }

  /** The user an unused, unexpired token is for, and its detail. */
  async tokenUser(
    tokenHash: string,
    purpose: TokenPurpose,
    now: string,
  ): Promise<{ userId: number; detail: string | null } | undefined> {
    const r = await this.db
      .selectFrom('password_resets')
      .select(['user_id', 'detail'])
      .where('token_hash', '=', tokenHash)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return r ? { userId: r.user_id, detail: r.detail } : undefined;
  }

  /**
   * A new address for the account, confirmed by the link that came to it. The secret of the notification links
   * mailed to the old address is dropped (a new one is made for the next notification).
   */
  async setEmail(userId: number, email: string, now: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ email, email_confirmed_at: now, notify_token: null })
      .where('id', '=', userId)
      .execute();
  }

  /** Records that the user showed the address is theirs (the first time only). */
  async confirmEmail(userId: number, now: string): Promise<boolean> {
    const r = await this.db
      .updateTable('users')
      .set({ email_confirmed_at: now })
      .where('id', '=', userId)
      .where('email_confirmed_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async auditLog(limit: number) {
    return this.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit).execute();
  }
}
