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
}
