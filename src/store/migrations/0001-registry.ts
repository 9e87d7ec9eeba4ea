import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../db.js';

// Migrations take Kysely<any>: they describe the schema as it was at that step, not as the types say today.
/* eslint-disable @typescript-eslint/no-explicit-any */
export function registry(dialect: DialectName) {
  const serial = dialect === 'postgres' ? 'serial' : 'integer';
  // Search keys are compared byte-wise (prefix ranges), whatever collation the PostgreSQL database has.
  const termType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  const autoId = (c: any) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('places')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('country', 'text')
        .addColumn('parent_id', 'text', (c) => c.references('places.id'))
        .addColumn('lat', 'double precision')
        .addColumn('lon', 'double precision')
        .addColumn('population', 'bigint')
        .addColumn('population_year', 'integer')
        .addColumn('timezone', 'text')
        .addColumn('languages', 'text')
        .addColumn('currency', 'text')
        .addColumn('leader_title', 'text')
        .addColumn('leader_name', 'text')
        .addColumn('leader_since', 'text')
        .addColumn('leader_since_precision', 'text')
        .addColumn('wikidata', 'text')
        .addColumn('geonames', 'integer')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('places_country').on('places').columns(['country', 'kind']).execute();
      await db.schema.createIndex('places_parent').on('places').column('parent_id').execute();
      await db.schema.createIndex('places_wikidata').on('places').column('wikidata').execute();

      await db.schema
        .createTable('place_names')
        .addColumn('place_id', 'text', (c) => c.notNull().references('places.id').onDelete('cascade'))
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('place_names_pk', ['place_id', 'lang'])
        .execute();

      await db.schema
        .createTable('place_terms')
        .addColumn('term', termType, (c) => c.notNull())
        .addColumn('place_id', 'text', (c) => c.notNull().references('places.id').onDelete('cascade'))
        .addColumn('whole', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('place_terms_pk', ['term', 'place_id'])
        .execute();
      await db.schema.createIndex('place_terms_place').on('place_terms').column('place_id').execute();

      await db.schema
        .createTable('twinnings')
        .addColumn('id', serial, autoId)
        .addColumn('a_id', 'text', (c) => c.notNull().references('places.id'))
        .addColumn('b_id', 'text', (c) => c.notNull().references('places.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('signed_on', 'text')
        .addColumn('signed_precision', 'text')
        .addColumn('ended_on', 'text')
        .addColumn('ended_precision', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('listed_by', 'text')
        .addColumn('notes', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('twinnings_pair', ['a_id', 'b_id'])
        .addCheckConstraint(
          'twinnings_order',
          dialect === 'postgres' ? sql`a_id collate "C" < b_id collate "C"` : sql`a_id < b_id`,
        )
        .execute();
      await db.schema.createIndex('twinnings_b').on('twinnings').column('b_id').execute();
      await db.schema.createIndex('twinnings_signed').on('twinnings').column('signed_on').execute();

      await db.schema
        .createTable('twinning_sources')
        .addColumn('id', serial, autoId)
        .addColumn('twinning_id', 'integer', (c) =>
          c.notNull().references('twinnings.id').onDelete('cascade'),
        )
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('fact', 'text')
        .addColumn('url', 'text')
        .addColumn('citation', 'text')
        .execute();
      await db.schema
        .createIndex('twinning_sources_twinning')
        .on('twinning_sources')
        .column('twinning_id')
        .execute();

      await db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['meta', 'twinning_sources', 'twinnings', 'place_terms', 'place_names', 'places']) {
        await db.schema.dropTable(t).execute();
      }
    },
  };
}
