import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

export const TARGET_TYPES = ['replies', 'place', 'org'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];
export type NotifyMode = 'instant' | 'daily';

export interface Subscription {
  id: number;
  userId: number;
  targetType: TargetType;
  targetId: string;
  mode: NotifyMode;
}

/** Who wants to hear of what, and what they are to be told. */
export class NotifyRepo {
  constructor(private readonly db: Kysely<DB>) {}

  async subscribe(userId: number, targetType: TargetType, targetId: string, mode: NotifyMode, now: string) {
    await this.db
      .insertInto('subscriptions')
      .values({ user_id: userId, target_type: targetType, target_id: targetId, mode, created_at: now })
      .onConflict((oc) => oc.columns(['user_id', 'target_type', 'target_id']).doUpdateSet({ mode }))
      .execute();
  }

  async unsubscribe(userId: number, targetType: TargetType, targetId: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom('subscriptions')
      .where('user_id', '=', userId)
      .where('target_type', '=', targetType)
      .where('target_id', '=', targetId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** Stops everything: no follows, and nothing left waiting for the next digest. */
  async unsubscribeAll(userId: number): Promise<number> {
    const r = await this.db.deleteFrom('subscriptions').where('user_id', '=', userId).executeTakeFirst();
    await this.db
      .deleteFrom('notifications')
      .where('user_id', '=', userId)
      .where('mode', '=', 'daily')
      .where('mailed_at', 'is', null)
      .execute();
    return Number(r.numDeletedRows);
  }

  async get(userId: number, targetType: TargetType, targetId: string): Promise<Subscription | undefined> {
    const r = await this.db
      .selectFrom('subscriptions')
      .selectAll()
      .where('user_id', '=', userId)
      .where('target_type', '=', targetType)
      .where('target_id', '=', targetId)
      .executeTakeFirst();
    return r
      ? {
          id: r.id,
          userId: r.user_id,
          targetType: r.target_type as TargetType,
          targetId: r.target_id,
          mode: r.mode as NotifyMode,
        }
      : undefined;
  }

  async ofUser(userId: number): Promise<Subscription[]> {
    const rows = await this.db
      .selectFrom('subscriptions')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      targetType: r.target_type as TargetType,
      targetId: r.target_id,
      mode: r.mode as NotifyMode,
    }));
  }

  /** Subscribers of any of the targets, each once with their strongest wish (instant beats daily). */
  async subscribers(targets: { type: TargetType; id: string }[]): Promise<Map<number, NotifyMode>> {
    const out = new Map<number, NotifyMode>();
    if (!targets.length) return out;
    const rows = await this.db
      .selectFrom('subscriptions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.user_id', 's.mode'])
      .where('u.disabled_at', 'is', null)
      .where((eb) =>
        eb.or(targets.map((t) => eb.and([eb('s.target_type', '=', t.type), eb('s.target_id', '=', t.id)]))),
      )
      .execute();
    for (const r of rows) if (out.get(r.user_id) !== 'instant') out.set(r.user_id, r.mode as NotifyMode);
    return out;
  }

  async addNotification(
    n: { userId: number; subject: string; body: string; mode: NotifyMode; mailedAt: string | null },
    now: string,
  ) {
    await this.db
      .insertInto('notifications')
      .values({
        user_id: n.userId,
        subject: n.subject,
        body: n.body,
        mode: n.mode,
        created_at: now,
        mailed_at: n.mailedAt,
      })
      .execute();
  }

  /** Daily notifications not mailed yet, by user, oldest first. */
  async pendingDigests(): Promise<
    Map<number, { id: number; subject: string; body: string; createdAt: string }[]>
  > {
    const rows = await this.db
      .selectFrom('notifications')
      .select(['id', 'user_id', 'subject', 'body', 'created_at'])
      .where('mode', '=', 'daily')
      .where('mailed_at', 'is', null)
      .orderBy('id')
      .execute();
    const out = new Map<number, { id: number; subject: string; body: string; createdAt: string }[]>();
    for (const r of rows) {
      const list = out.get(r.user_id) ?? [];
      list.push({ id: r.id, subject: r.subject, body: r.body, createdAt: r.created_at });
      out.set(r.user_id, list);
    }
    return out;
  }

  /** Marks notifications as mailed unless someone did already; answers the ids this call marked. */
  async claim(ids: number[], at: string): Promise<number[]> {
    if (!ids.length) return [];
    const rows = await this.db
      .updateTable('notifications')
      .set({ mailed_at: at })
      .where('id', 'in', ids)
      .where('mailed_at', 'is', null)
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }
}
