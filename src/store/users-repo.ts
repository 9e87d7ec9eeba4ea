import type { Kysely, Selectable } from 'kysely';
import type { User } from '../domain/accounts.js';
import type { DB, UsersTable } from './schema.js';

function toUser(r: Selectable<UsersTable>): User {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    isAdmin: r.is_admin === 1,
    createdAt: r.created_at,
    disabledAt: r.disabled_at,
  };
}

/** Accounts, their sessions and the audit log of sign-ins and permission changes. */
export class UsersRepo {
  constructor(private readonly db: Kysely<DB>) {}

  async create(u: { email: string; name: string; passwordHash: string; isAdmin: boolean }, now: string) {
    const row = await this.db
      .insertInto('users')
      .values({
        email: u.email,
        name: u.name,
        password_hash: u.passwordHash,
        is_admin: u.isAdmin ? 1 : 0,
        created_at: now,
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

  async auditLog(limit: number) {
    return this.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit).execute();
  }
}
