import type { Kysely, Selectable } from 'kysely';
import type { ApiKeysTable, DB } from './schema.js';

/** An organization's API key as stored: the hash of its secret and its visible prefix, never the secret. */
export interface ApiKey {
  id: number;
  orgId: number;
  label: string;
  prefix: string;
  createdBy: number | null;
  /** the name of whoever made it (null once their account is gone) */
  createdByName: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

type Row = Selectable<ApiKeysTable> & { creator_name: string | null };

const toKey = (r: Row): ApiKey => ({
  id: r.id,
  orgId: r.org_id,
  label: r.label,
  prefix: r.prefix,
  createdBy: r.created_by,
  createdByName: r.creator_name,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

/** Organizations' API keys. */
export class ApiKeysRepo {
  constructor(private readonly db: Kysely<DB>) {}

  private select() {
    return this.db
      .selectFrom('api_keys')
      .leftJoin('users', 'users.id', 'api_keys.created_by')
      .selectAll('api_keys')
      .select('users.name as creator_name');
  }

  async create(k: {
    orgId: number;
    label: string;
    secretHash: string;
    prefix: string;
    createdBy: number | null;
    createdAt: string;
  }): Promise<number> {
    const r = await this.db
      .insertInto('api_keys')
      .values({
        org_id: k.orgId,
        label: k.label,
        secret_hash: k.secretHash,
        prefix: k.prefix,
        created_by: k.createdBy,
        created_at: k.createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  async get(id: number): Promise<ApiKey | undefined> {
    const r = await this.select().where('api_keys.id', '=', id).executeTakeFirst();
    return r && toKey(r);
  }

  /** The key whose secret has this hash, revoked or not. */
  async byHash(secretHash: string): Promise<ApiKey | undefined> {
    const r = await this.select().where('api_keys.secret_hash', '=', secretHash).executeTakeFirst();
    return r && toKey(r);
  }

  /** An organization's keys, newest first (revoked ones too). */
  async ofOrg(orgId: number): Promise<ApiKey[]> {
    const rows = await this.select()
      .where('api_keys.org_id', '=', orgId)
      .orderBy('api_keys.created_at', 'desc')
      .orderBy('api_keys.id', 'desc')
      .execute();
    return rows.map(toKey);
  }

  /** Marks a key revoked; false if it was revoked already (or is not there). */
  async revoke(id: number, by: number | null, at: string): Promise<boolean> {
    const r = await this.db
      .updateTable('api_keys')
      .set({ revoked_at: at, revoked_by: by })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Records a use, unless one was recorded after `unlessAfter` (one write a minute at most per key). */
  async touch(id: number, at: string, unlessAfter: string): Promise<void> {
    await this.db
      .updateTable('api_keys')
      .set({ last_used_at: at })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', unlessAfter)]))
      .execute();
  }
}
