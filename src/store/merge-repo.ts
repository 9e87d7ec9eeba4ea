import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

/** What moved from one subject to another, per kind of thing that refers to it. */
export interface MovedRefs {
  sections: number;
  /** sections the target already had in the same key and language: dropped (their text is returned) */
  sectionsDropped: { key: string; lang: string; body: string }[];
  entries: number;
  photos: number;
  follows: number;
  organizations: number;
}

/**
 * Everything outside the registry that refers to a place or a tie by id (sections, entries' subjects, photos,
 * follows, organizations' homes), moved from one id to another when places are merged. Where the target
 * already has the same thing (a section in that key and language, an entry already about it, a follow by the
 * same user) the target's is kept and the other dropped.
 */
export class MergeRepo {
  constructor(private readonly db: Kysely<DB>) {}

  async moveRefs(type: 'place' | 'twinning', from: string, to: string): Promise<MovedRefs> {
    const db = this.db;
    const moved = await db
      .updateTable('sections')
      .set({ subject_id: to })
      .where('subject_type', '=', type)
      .where('subject_id', '=', from)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('sections as s2')
              .select(sql`1`.as('x'))
              .where('s2.subject_type', '=', type)
              .where('s2.subject_id', '=', to)
              .whereRef('s2.key', '=', 'sections.key')
              .whereRef('s2.lang', '=', 'sections.lang'),
          ),
        ),
      )
      .executeTakeFirst();
    const { sectionsDropped } = await this.dropRefs(type, from, false);

    const entries = await db
      .updateTable('entry_subjects')
      .set({ subject_id: to })
      .where('subject_type', '=', type)
      .where('subject_id', '=', from)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('entry_subjects as e2')
              .select(sql`1`.as('x'))
              .where('e2.subject_type', '=', type)
              .where('e2.subject_id', '=', to)
              .whereRef('e2.entry_id', '=', 'entry_subjects.entry_id'),
          ),
        ),
      )
      .executeTakeFirst();
    await db
      .deleteFrom('entry_subjects')
      .where('subject_type', '=', type)
      .where('subject_id', '=', from)
      .execute();

    let photos = 0;
    let follows = 0;
    let organizations = 0;
    if (type === 'place') {
      photos = Number(
        (
          await db
            .updateTable('photos')
            .set({ subject_id: to })
            .where('subject_type', '=', 'place')
            .where('subject_id', '=', from)
            .executeTakeFirst()
        ).numUpdatedRows,
      );
      follows = Number(
        (
          await db
            .updateTable('subscriptions')
            .set({ target_id: to })
            .where('target_type', '=', 'place')
            .where('target_id', '=', from)
            .where(({ not, exists, selectFrom }) =>
              not(
                exists(
                  selectFrom('subscriptions as s2')
                    .select(sql`1`.as('x'))
                    .where('s2.target_type', '=', 'place')
                    .where('s2.target_id', '=', to)
                    .whereRef('s2.user_id', '=', 'subscriptions.user_id'),
                ),
              ),
            )
            .executeTakeFirst()
        ).numUpdatedRows,
      );
      await db
        .deleteFrom('subscriptions')
        .where('target_type', '=', 'place')
        .where('target_id', '=', from)
        .execute();
      organizations = Number(
        (
          await db
            .updateTable('organizations')
            .set({ home_id: to })
            .where('home_id', '=', from)
            .executeTakeFirst()
        ).numUpdatedRows,
      );
      // profile keywords the target lacks join its own, after them
      await sql`insert into place_keywords (place_id, keyword, position)
        select ${to}, k.keyword, k.position + 1000 from place_keywords k
        where k.place_id = ${from} and not exists (
          select 1 from place_keywords t where t.place_id = ${to} and t.keyword = k.keyword)`.execute(db);
    }
    return {
      sections: Number(moved.numUpdatedRows),
      sectionsDropped,
      entries: Number(entries.numUpdatedRows),
      photos,
      follows,
      organizations,
    };
  }

  /**
   * Entries whose data names the place in one of `fields` (an institution's place), re-pointed; returns how
   * many. The data is JSON, read and written here rather than matched in SQL, alike on both databases.
   */
  async moveEntryData(
    types: string[],
    fields: string[],
    from: string,
    to: string,
    now: string,
  ): Promise<number> {
    if (!types.length) return 0;
    const rows = await this.db
      .selectFrom('entries')
      .select(['id', 'data'])
      .where('type', 'in', types)
      .execute();
    let n = 0;
    for (const r of rows) {
      const data = JSON.parse(r.data) as Record<string, unknown>;
      const hit = fields.filter((f) => data[f] === from);
      if (!hit.length) continue;
      for (const f of hit) data[f] = to;
      await this.db
        .updateTable('entries')
        .set({ data: JSON.stringify(data), updated_at: now })
        .where('id', '=', r.id)
        .execute();
      n++;
    }
    return n;
  }

  /**
   * Removes what refers to a subject that goes away without a successor (a tie between two merged places):
   * its sections (returned) and entries' links to it; the entries themselves stay.
   */
  async dropRefs(
    type: 'place' | 'twinning',
    id: string,
    entries = true,
  ): Promise<{ sectionsDropped: { key: string; lang: string; body: string }[] }> {
    const sectionsDropped = await this.db
      .selectFrom('sections')
      .select(['key', 'lang', 'body'])
      .where('subject_type', '=', type)
      .where('subject_id', '=', id)
      .orderBy('key')
      .orderBy('lang')
      .execute();
    await this.db
      .deleteFrom('sections')
      .where('subject_type', '=', type)
      .where('subject_id', '=', id)
      .execute();
    if (entries)
      await this.db
        .deleteFrom('entry_subjects')
        .where('subject_type', '=', type)
        .where('subject_id', '=', id)
        .execute();
    return { sectionsDropped };
  }
}
