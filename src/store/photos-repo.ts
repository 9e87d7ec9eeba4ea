import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, PhotosTable } from './schema.js';

export interface Photo {
  id: number;
  orgId: number;
  subjectType: string;
  subjectId: string;
  caption: string;
  width: number;
  height: number;
  createdAt: string;
}

const toPhoto = (r: Selectable<PhotosTable>): Photo => ({
  id: r.id,
  orgId: r.org_id,
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  caption: r.caption,
  width: r.width,
  height: r.height,
  createdAt: r.created_at,
});

/** Photos of places' galleries and of entries, with their image files. */
export class PhotosRepo {
  constructor(private readonly db: Kysely<DB>) {}

  async add(
    p: Omit<Photo, 'id' | 'createdAt'>,
    files: { variant: string; mime: string; bytes: Buffer }[],
    userId: number | null,
    now: string,
  ): Promise<number> {
    const r = await this.db
      .insertInto('photos')
      .values({
        org_id: p.orgId,
        subject_type: p.subjectType,
        subject_id: p.subjectId,
        caption: p.caption,
        width: p.width,
        height: p.height,
        created_by: userId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.db
      .insertInto('photo_files')
      .values(files.map((f) => ({ photo_id: r.id, variant: f.variant, mime: f.mime, bytes: f.bytes })))
      .execute();
    return r.id;
  }

  /** The bytes an organization's photos take, every size together. */
  async bytesOf(orgId: number): Promise<number> {
    const r = await this.db
      .selectFrom('photo_files as f')
      .innerJoin('photos as p', 'p.id', 'f.photo_id')
      .select(sql<number>`coalesce(sum(length(f.bytes)), 0)`.as('n'))
      .where('p.org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async get(id: number): Promise<Photo | undefined> {
    const r = await this.db.selectFrom('photos').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toPhoto(r) : undefined;
  }

  async of(subjectType: string, subjectIds: string[]): Promise<Photo[]> {
    if (!subjectIds.length) return [];
    const rows = await this.db
      .selectFrom('photos')
      .selectAll()
      .where('subject_type', '=', subjectType)
      .where('subject_id', 'in', subjectIds)
      .orderBy('id')
      .execute();
    return rows.map(toPhoto);
  }

  async file(id: number, variant: string): Promise<{ mime: string; bytes: Buffer } | undefined> {
    const r = await this.db
      .selectFrom('photo_files')
      .select(['mime', 'bytes'])
      .where('photo_id', '=', id)
      .where('variant', '=', variant)
      .executeTakeFirst();
    return r ? { mime: r.mime, bytes: Buffer.from(r.bytes) } : undefined;
  }

  async remove(id: number): Promise<void> {
    await this.db.deleteFrom('photos').where('id', '=', id).execute();
  }

  /** Every subject with a photo, as "type:id" keys. */
  async subjectKeys(): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('photos')
      .select(['subject_type', 'subject_id'])
      .distinct()
      .execute();
    return new Set(rows.map((r) => `${r.subject_type}:${r.subject_id}`));
  }

  /** Removes the photos of a subject (an entry that is deleted). */
  async removeOf(subjectType: string, subjectId: string): Promise<void> {
    await this.db
      .deleteFrom('photos')
      .where('subject_type', '=', subjectType)
      .where('subject_id', '=', subjectId)
      .execute();
  }
}
