import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { CheckedEntry, Entry, EntrySubject, EntrySubjectType, EntryType } from '../domain/entries.js';
import type { DB, EntriesTable } from './schema.js';

/** What entries may be about: ids of places, ties or countries. */
export type Subjects = { type: EntrySubjectType; ids: string[] }[];

const hasIds = (subjects: Subjects) => subjects.some((s) => s.ids.length > 0);

/** Entries about any of the subjects (those with no ids are left out). */
const aboutAny = (subjects: Subjects) => (eb: ExpressionBuilder<DB, 'entries'>) =>
  eb(
    'id',
    'in',
    eb
      .selectFrom('entry_subjects')
      .select('entry_id')
      .where((w) =>
        w.or(
          subjects
            .filter((s) => s.ids.length)
            .map((s) => w.and([w('subject_type', '=', s.type), w('subject_id', 'in', s.ids)])),
        ),
      ),
  );

function toEntry(r: Selectable<EntriesTable>, subjects: EntrySubject[]): Entry {
  return {
    id: r.id,
    orgId: r.org_id,
    type: r.type as EntryType,
    title: r.title,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    data: JSON.parse(r.data) as Entry['data'],
    subjects,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Organizations' entries (posts, events, activities, people, …) and what each is about. */
export class EntriesRepo {
  constructor(private readonly db: Kysely<DB>) {}

  private async withSubjects(rows: Selectable<EntriesTable>[]): Promise<Entry[]> {
    if (!rows.length) return [];
    const links = await this.db
      .selectFrom('entry_subjects')
      .selectAll()
      .where(
        'entry_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    const by = new Map<number, EntrySubject[]>();
    for (const l of links) {
      const list = by.get(l.entry_id) ?? [];
      list.push({ type: l.subject_type as EntrySubjectType, id: l.subject_id });
      by.set(l.entry_id, list);
    }
    return rows.map((r) => toEntry(r, by.get(r.id) ?? []));
  }

  async create(
    e: CheckedEntry & { orgId: number; type: EntryType; subjects: EntrySubject[] },
    userId: number | null,
    now: string,
  ): Promise<number> {
    const r = await this.db
      .insertInto('entries')
      .values({
        org_id: e.orgId,
        type: e.type,
        title: e.title,
        starts_at: e.startsAt,
        ends_at: e.endsAt,
        data: JSON.stringify(e.data),
        created_by: userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.setSubjects(r.id, e.subjects);
    return r.id;
  }

  async update(id: number, e: CheckedEntry & { subjects: EntrySubject[] }, now: string): Promise<void> {
    await this.db
      .updateTable('entries')
      .set({
        title: e.title,
        starts_at: e.startsAt,
        ends_at: e.endsAt,
        data: JSON.stringify(e.data),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await this.setSubjects(id, e.subjects);
  }

  private async setSubjects(id: number, subjects: EntrySubject[]): Promise<void> {
    await this.db.deleteFrom('entry_subjects').where('entry_id', '=', id).execute();
    if (subjects.length)
      await this.db
        .insertInto('entry_subjects')
        .values(subjects.map((s) => ({ entry_id: id, subject_type: s.type, subject_id: s.id })))
        .execute();
  }

  async remove(id: number): Promise<void> {
    await this.db.deleteFrom('entries').where('id', '=', id).execute();
  }

  async get(id: number): Promise<Entry | undefined> {
    const r = await this.db.selectFrom('entries').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? (await this.withSubjects([r]))[0] : undefined;
  }

  /** An organization's entries of a type: dated ones newest first, the others by title. */
  async ofOrg(orgId: number, type: EntryType, limit = 500): Promise<Entry[]> {
    const rows = await this.db
      .selectFrom('entries')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('type', '=', type)
      .orderBy('starts_at', 'desc')
      .orderBy('title')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return this.withSubjects(rows);
  }

  /** Entries of the types, newest first (by start), a page at a time; of one organization or about some subjects. */
  async latest(
    types: EntryType[],
    opts: { limit: number; offset?: number; orgId?: number; about?: Subjects },
  ): Promise<Entry[]> {
    if (opts.about && !hasIds(opts.about)) return [];
    let q = this.db
      .selectFrom('entries')
      .selectAll()
      .where('type', 'in', types)
      .orderBy('starts_at', 'desc')
      .orderBy('id', 'desc')
      .limit(opts.limit);
    if (opts.offset) q = q.offset(opts.offset);
    if (opts.orgId !== undefined) q = q.where('org_id', '=', opts.orgId);
    if (opts.about) q = q.where(aboutAny(opts.about));
    return this.withSubjects(await q.execute());
  }

  /** How many entries of the types there are (about any of the subjects). */
  async count(types: EntryType[], about?: Subjects): Promise<number> {
    if (about && !hasIds(about)) return 0;
    let q = this.db
      .selectFrom('entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('type', 'in', types);
    if (about) q = q.where(aboutAny(about));
    return Number((await q.executeTakeFirstOrThrow()).n);
  }

  /** Events that have not ended at `now`, soonest first; of one organization or about some subjects. */
  async upcoming(now: string, opts: { limit: number; orgId?: number; about?: Subjects }): Promise<Entry[]> {
    if (opts.about && !hasIds(opts.about)) return [];
    let q = this.db
      .selectFrom('entries')
      .selectAll()
      .where('type', '=', 'event')
      .where((eb) =>
        eb.or([eb('ends_at', '>=', now), eb.and([eb('ends_at', 'is', null), eb('starts_at', '>=', now)])]),
      )
      .orderBy('starts_at')
      .orderBy('id')
      .limit(opts.limit);
    if (opts.orgId !== undefined) q = q.where('org_id', '=', opts.orgId);
    if (opts.about) q = q.where(aboutAny(opts.about));
    return this.withSubjects(await q.execute());
  }

  /** Every subject some entry is about, as "type:id" keys (small: entries are written by people). */
  async subjectKeys(): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('entry_subjects')
      .select(['subject_type', 'subject_id'])
      .distinct()
      .execute();
    return new Set(rows.map((r) => `${r.subject_type}:${r.subject_id}`));
  }
}
