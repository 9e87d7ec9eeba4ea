import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

export interface Revision {
  id: number;
  entity: string;
  entityId: string;
  at: string;
  userId: number | null;
  /** the author's name, when the account still exists */
  userName: string | null;
  action: string;
  /** the whole state after the edit, as JSON */
  data: string;
}

/** The history of every edit: the state after each one, with who made it and when. */
export class RevisionsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  async add(r: {
    entity: string;
    entityId: string;
    at: string;
    userId: number | null;
    action: string;
    data: unknown;
  }) {
    const row = await this.db
      .insertInto('revisions')
      .values({
        entity: r.entity,
        entity_id: r.entityId,
        at: r.at,
        user_id: r.userId,
        action: r.action,
        data: JSON.stringify(r.data),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  private select() {
    return this.db
      .selectFrom('revisions as r')
      .leftJoin('users as u', 'u.id', 'r.user_id')
      .select([
        'r.id',
        'r.entity',
        'r.entity_id',
        'r.at',
        'r.user_id',
        'u.name as user_name',
        'r.action',
        'r.data',
      ]);
  }

  /** Newest first. */
  async of(entity: string, entityId: string, limit = 200): Promise<Revision[]> {
    const rows = await this.select()
      .where('r.entity', '=', entity)
      .where('r.entity_id', '=', entityId)
      .orderBy('r.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toRevision);
  }

  async get(id: number): Promise<Revision | undefined> {
    const r = await this.select().where('r.id', '=', id).executeTakeFirst();
    return r ? toRevision(r) : undefined;
  }

  /** "entity:id" of every record of these kinds that has a revision. */
  async edited(entities: string[]): Promise<string[]> {
    const rows = await this.db
      .selectFrom('revisions')
      .select(['entity', 'entity_id'])
      .distinct()
      .where('entity', 'in', entities)
      .execute();
    return rows.map((r) => `${r.entity}:${r.entity_id}`);
  }

  /** The newest edits anywhere, for the admin area. */
  async recent(limit: number): Promise<Revision[]> {
    return (await this.select().orderBy('r.id', 'desc').limit(limit).execute()).map(toRevision);
  }
}

function toRevision(r: {
  id: number;
  entity: string;
  entity_id: string;
  at: string;
  user_id: number | null;
  user_name: string | null;
  action: string;
  data: string;
}): Revision {
  return {
    id: r.id,
    entity: r.entity,
    entityId: r.entity_id,
    at: r.at,
    userId: r.user_id,
    userName: r.user_name,
    action: r.action,
    data: r.data,
  };
}
