import type { Kysely } from 'kysely';
import type { DialectName } from '../db.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Where a place's facts come from (as ties already had), ids that lead to the place they became (merges), and
 * the facts on which the dataset's sources disagreed.
 */
export function provenance(dialect: DialectName) {
  const serial = dialect === 'postgres' ? 'serial' : 'integer';
  const autoId = (c: any) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('place_sources')
        .addColumn('id', serial, autoId)
        .addColumn('place_id', 'text', (c) => c.notNull().references('places.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('fact', 'text')
        .addColumn('url', 'text')
        .addColumn('citation', 'text')
        .execute();
      await db.schema.createIndex('place_sources_place').on('place_sources').column('place_id').execute();

      // No reference on to_id: it may itself lead on (a place merged twice), and readers follow the chain.
      await db.schema
        .createTable('place_redirects')
        .addColumn('from_id', 'text', (c) => c.primaryKey())
        .addColumn('to_id', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('place_redirects_to').on('place_redirects').column('to_id').execute();

      await db.schema
        .createTable('place_disagreements')
        .addColumn('id', serial, autoId)
        .addColumn('place_id', 'text', (c) => c.notNull().references('places.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('fact', 'text', (c) => c.notNull())
        .addColumn('kept', 'text')
        .addColumn('kept_source', 'text')
        .addColumn('other', 'text')
        .addColumn('other_source', 'text')
        .execute();
      await db.schema
        .createIndex('place_disagreements_place')
        .on('place_disagreements')
        .column('place_id')
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['place_disagreements', 'place_redirects', 'place_sources'])
        await db.schema.dropTable(t).execute();
    },
  };
}
