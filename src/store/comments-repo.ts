import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'removed';

export interface Comment {
  id: number;
  entryId: number;
  parentId: number | null;
  userId: number;
  userName: string;
  body: string;
  status: CommentStatus;
  createdAt: string;
}

/** Comments on posts, their moderation, and who may not comment on an organization's posts. */
export class CommentsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  private select() {
    return this.db
      .selectFrom('comments as c')
      .innerJoin('users as u', 'u.id', 'c.user_id')
      .select([
        'c.id',
        'c.entry_id',
        'c.parent_id',
        'c.user_id',
        'u.name as user_name',
        'c.body',
        'c.status',
        'c.created_at',
      ]);
  }

  private static to(r: {
    id: number;
    entry_id: number;
    parent_id: number | null;
    user_id: number;
    user_name: string;
    body: string;
    status: string;
    created_at: string;
  }): Comment {
    return {
      id: r.id,
      entryId: r.entry_id,
      parentId: r.parent_id,
      userId: r.user_id,
      userName: r.user_name,
      body: r.body,
      status: r.status as CommentStatus,
      createdAt: r.created_at,
    };
  }

  async add(
    c: { entryId: number; parentId: number | null; userId: number; body: string; status: CommentStatus },
    now: string,
  ) {
    const r = await this.db
      .insertInto('comments')
      .values({
        entry_id: c.entryId,
        parent_id: c.parentId,
        user_id: c.userId,
        body: c.body,
        status: c.status,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  async get(id: number): Promise<Comment | undefined> {
    const r = await this.select().where('c.id', '=', id).executeTakeFirst();
    return r ? CommentsRepo.to(r) : undefined;
  }

  /** A post's comments in the order written; `status` narrows them (readers see approved ones). */
  async ofEntry(entryId: number, status?: CommentStatus): Promise<Comment[]> {
    let q = this.select().where('c.entry_id', '=', entryId).orderBy('c.id');
    if (status) q = q.where('c.status', '=', status);
    return (await q.execute()).map(CommentsRepo.to);
  }

  /** Comments waiting for a decision on the posts of the organizations (all when `orgIds` is undefined). */
  async pending(
    orgIds: number[] | undefined,
    limit = 200,
  ): Promise<(Comment & { entryTitle: string; orgId: number })[]> {
    let q = this.select()
      .innerJoin('entries as e', 'e.id', 'c.entry_id')
      .select(['e.title as entry_title', 'e.org_id'])
      .where('c.status', '=', 'pending')
      .orderBy('c.id')
      .limit(limit);
    if (orgIds) {
      if (!orgIds.length) return [];
      q = q.where('e.org_id', 'in', orgIds);
    }
    return (await q.execute()).map((r) => ({
      ...CommentsRepo.to(r),
      entryTitle: r.entry_title,
      orgId: r.org_id,
    }));
  }

  async setStatus(id: number, status: CommentStatus, by: number | null, now: string): Promise<void> {
    await this.db
      .updateTable('comments')
      .set({ status, moderated_by: by, moderated_at: now })
      .where('id', '=', id)
      .execute();
  }

  /** Rejects every waiting comment of a user on an organization's posts (when they are blocked). */
  async rejectPendingOf(userId: number, orgId: number, by: number | null, now: string): Promise<void> {
    await this.db
      .updateTable('comments')
      .set({ status: 'rejected', moderated_by: by, moderated_at: now })
      .where('user_id', '=', userId)
      .where('status', '=', 'pending')
      .where('entry_id', 'in', (eb) => eb.selectFrom('entries').select('id').where('org_id', '=', orgId))
      .execute();
  }

  async block(orgId: number, userId: number, by: number | null, now: string): Promise<void> {
    await this.db
      .insertInto('org_blocks')
      .values({ org_id: orgId, user_id: userId, blocked_by: by, at: now })
      .onConflict((oc) => oc.columns(['org_id', 'user_id']).doNothing())
      .execute();
  }

  async unblock(orgId: number, userId: number): Promise<void> {
    await this.db
      .deleteFrom('org_blocks')
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .execute();
  }

  async isBlocked(orgId: number, userId: number): Promise<boolean> {
    const r = await this.db
      .selectFrom('org_blocks')
      .select('user_id')
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return !!r;
  }

  async blocked(orgId: number): Promise<{ userId: number; email: string; name: string; at: string }[]> {
    const rows = await this.db
      .selectFrom('org_blocks as b')
      .innerJoin('users as u', 'u.id', 'b.user_id')
      .select(['u.id', 'u.email', 'u.name', 'b.at'])
      .where('b.org_id', '=', orgId)
      .orderBy('u.email')
      .execute();
    return rows.map((r) => ({ userId: r.id, email: r.email, name: r.name, at: r.at }));
  }
}
