import type { Kysely } from 'kysely';
import type { Section, SectionInput, SubjectType } from '../domain/sections.js';
import { param, Reusable } from './reusable.js';
import type { DB } from './schema.js';

export class SectionsRepo {
  private readonly ofOne;

  constructor(private readonly db: Kysely<DB>) {
    this.ofOne = new Reusable(db, () =>
      db
        .selectFrom('sections')
        .selectAll()
        .where('subject_type', '=', param('type'))
        .where('subject_id', '=', param('id')),
    );
  }

  /** Every section of the subjects, in every language. */
  async of(type: SubjectType, ids: string[]): Promise<Section[]> {
    if (!ids.length) return [];
    const rows =
      ids.length === 1
        ? await this.ofOne.run({ type, id: ids[0] })
        : await this.db
            .selectFrom('sections')
            .selectAll()
            .where('subject_type', '=', type)
            .where('subject_id', 'in', ids)
            .execute();
    return rows.map((r) => ({
      subjectId: r.subject_id,
      key: r.key,
      lang: r.lang,
      body: r.body,
      updatedAt: r.updated_at,
    }));
  }

  async put(s: SectionInput, now: string): Promise<void> {
    await this.db
      .insertInto('sections')
      .values({
        subject_type: s.subjectType,
        subject_id: s.subjectId,
        key: s.key,
        lang: s.lang,
        body: s.body,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc
          .columns(['subject_type', 'subject_id', 'key', 'lang'])
          .doUpdateSet({ body: s.body, updated_at: now }),
      )
      .execute();
  }

  async remove(s: Pick<SectionInput, 'subjectType' | 'subjectId' | 'key' | 'lang'>): Promise<boolean> {
    const r = await this.db
      .deleteFrom('sections')
      .where('subject_type', '=', s.subjectType)
      .where('subject_id', '=', s.subjectId)
      .where('key', '=', s.key)
      .where('lang', '=', s.lang)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
