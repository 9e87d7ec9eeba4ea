import type { Kysely } from 'kysely';
import type { DialectName } from '../db.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Profile keywords editors set on places (what matching counts as a shared profile), and the "seeking partners"
 * listings organizations publish for their home place: one per organization, opened and closed.
 */
export function seeking(dialect: DialectName) {
  const serial = dialect === 'postgres' ? 'serial' : 'integer';
  const autoId = (c: any) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('place_keywords')
        .addColumn('place_id', 'text', (c) => c.notNull().references('places.id').onDelete('cascade'))
        // a controlled keyword's id (steel, port…) or a free keyword in lower case
        .addColumn('keyword', 'text', (c) => c.notNull())
        // the order the editor's list has
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('place_keywords_pk', ['place_id', 'keyword'])
        .execute();
      await db.schema
        .createTable('seeking_listings')
        .addColumn('id', serial, autoId)
        .addColumn('org_id', 'integer', (c) =>
          c.notNull().unique().references('organizations.id').onDelete('cascade'),
        )
        // open, closed
        .addColumn('status', 'text', (c) => c.notNull())
        // JSON arrays: ISO country codes, continent codes, fields
        .addColumn('countries', 'text', (c) => c.notNull())
        .addColumn('continents', 'text', (c) => c.notNull())
        .addColumn('fields', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('contact_name', 'text', (c) => c.notNull())
        .addColumn('contact_email', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('seeking_listings_status')
        .on('seeking_listings')
        .column('status')
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('seeking_listings').execute();
      await db.schema.dropTable('place_keywords').execute();
    },
  };
}
