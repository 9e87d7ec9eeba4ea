import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

export class MetaRepo {
  constructor(private readonly db: Kysely<DB>) {}

  async get(key: string): Promise<string | undefined> {
    const r = await this.db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
    return r?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.db
      .insertInto('meta')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }

  /** A counter that changes with every write, so rendered pages and API answers can be cached by it. */
  async dataVersion(): Promise<number> {
    return Number((await this.get('data_version')) ?? 0);
  }

  async bumpDataVersion(): Promise<number> {
    const next = (await this.dataVersion()) + 1;
    await this.set('data_version', String(next));
    return next;
  }

  /** Both counters in one read: the registry's (`data_version`) and editorial content's (`content_version`). */
  async versions(): Promise<{ registry: number; content: number }> {
    const rows = await this.db
      .selectFrom('meta')
      .select(['key', 'value'])
      .where('key', 'in', ['data_version', 'content_version'])
      .execute();
    const of = (k: string) => Number(rows.find((r) => r.key === k)?.value ?? 0);
    return { registry: of('data_version'), content: of('content_version') };
  }

  /** Counts an editorial write (sections, posts, events, comments): cached pages change, derived data stays. */
  async bumpContentVersion(): Promise<void> {
    const next = Number((await this.get('content_version')) ?? 0) + 1;
    await this.set('content_version', String(next));
  }

  /**
   * Sets `key` to `value` only if it still holds `expected` (undefined: is unset); whether it did. Lets one
   * server of several take a job that is due.
   */
  async swap(key: string, expected: string | undefined, value: string): Promise<boolean> {
    if (expected === undefined) {
      const r = await this.db
        .insertInto('meta')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
    }
    const r = await this.db
      .updateTable('meta')
      .set({ value })
      .where('key', '=', key)
      .where('value', '=', expected)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
