import { sql, type Kysely } from 'kysely';
import type { Redirect, RedirectInput } from '../domain/provenance.js';
import { sized } from './bulk.js';
import type { DB } from './schema.js';

/** How far a chain of redirects is followed; a longer one (or a cycle) leads nowhere. */
export const MAX_REDIRECT_HOPS = 32;

/** Old place ids and where they lead now. */
export class RedirectsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * The place an old id leads to: the first place along its chain of redirects (one recursive query); undefined
   * when the id leads nowhere, or round in a circle. Call it for ids that are not places themselves.
   */
  async resolve(id: string): Promise<string | undefined> {
    const r = await sql<{ id: string }>`
      with recursive chain(id, depth) as (
        select to_id, 1 from place_redirects where from_id = ${id}
        union all
        select r.to_id, c.depth + 1 from place_redirects r join chain c on r.from_id = c.id
        where c.depth < ${MAX_REDIRECT_HOPS}
      )
      select c.id from chain c join places p on p.id = c.id order by c.depth limit 1`.execute(this.db);
    return r.rows[0]?.id;
  }

  /** The stored redirects from these ids. */
  async from(ids: string[]): Promise<Map<string, Redirect>> {
    const out = new Map<string, Redirect>();
    for (const part of sized([...new Set(ids)], 512)) {
      const rows = await this.db
        .selectFrom('place_redirects')
        .selectAll()
        .where('from_id', 'in', part)
        .execute();
      for (const r of rows) out.set(r.from_id, toRedirect(r));
    }
    return out;
  }

  /** Adds or changes redirects (by their old id); a new one is dated `now`. */
  async upsert(list: RedirectInput[], now: string): Promise<void> {
    for (const part of sized(list, 256)) {
      await this.db
        .insertInto('place_redirects')
        .values(part.map((r) => ({ from_id: r.from, to_id: r.to, reason: r.reason, created_at: now })))
        .onConflict((oc) =>
          oc.column('from_id').doUpdateSet((eb) => ({
            to_id: eb.ref('excluded.to_id'),
            reason: eb.ref('excluded.reason'),
          })),
        )
        .execute();
    }
  }

  async all(): Promise<Redirect[]> {
    const rows = await this.db.selectFrom('place_redirects').selectAll().orderBy('from_id').execute();
    return rows.map(toRedirect);
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('place_redirects')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

function toRedirect(r: {
  from_id: string;
  to_id: string;
  reason: string | null;
  created_at: string;
}): Redirect {
  return { from: r.from_id, to: r.to_id, reason: r.reason, createdAt: r.created_at };
}
