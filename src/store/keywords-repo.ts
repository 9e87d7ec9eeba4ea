import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

/** Profile keywords of places, in the order their editors gave them. */
export class KeywordsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  async of(placeId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('place_keywords')
      .select('keyword')
      .where('place_id', '=', placeId)
      .orderBy('position')
      .execute();
    return rows.map((r) => r.keyword);
  }

  /** Every place's keywords (a few rows per place that has any). */
  async all(): Promise<Map<string, string[]>> {
    const rows = await this.db
      .selectFrom('place_keywords')
      .select(['place_id', 'keyword'])
      .orderBy('place_id')
      .orderBy('position')
      .execute();
    const out = new Map<string, string[]>();
    for (const r of rows) {
      const list = out.get(r.place_id);
      if (list) list.push(r.keyword);
      else out.set(r.place_id, [r.keyword]);
    }
    return out;
  }

  /** Replaces a place's keywords. */
  async set(placeId: string, keywords: readonly string[]): Promise<void> {
    await this.db.deleteFrom('place_keywords').where('place_id', '=', placeId).execute();
    if (!keywords.length) return;
    await this.db
      .insertInto('place_keywords')
      .values(keywords.map((keyword, position) => ({ place_id: placeId, keyword, position })))
      .execute();
  }
}
