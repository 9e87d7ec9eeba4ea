import type { Kysely } from 'kysely';
import type { DialectName } from '../db.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Changes the Wikidata sync proposes (a new, ended or vanished tie, a label, a country, coordinates, a population,
 * a parent), each waiting for an editor's decision. One row per change and value: a second run that finds the
 * same change adds nothing.
 */
export function wikidataSync(dialect: DialectName) {
  const serial = dialect === 'postgres' ? 'serial' : 'integer';
  const autoId = (c: any) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('proposals')
        .addColumn('id', serial, autoId)
        // new_tie, ended_tie, gone_tie, label, country, coordinates, population, parent
        .addColumn('kind', 'text', (c) => c.notNull())
        // 'place' or 'twinning'
        .addColumn('subject_type', 'text', (c) => c.notNull())
        // a place id, or a tie's pair "A B" in canonical order (a new tie has no row yet)
        .addColumn('subject_id', 'text', (c) => c.notNull())
        // what of the subject: a label's language, else ''
        .addColumn('fact', 'text', (c) => c.notNull())
        .addColumn('old_value', 'text')
        .addColumn('new_value', 'text', (c) => c.notNull())
        // what applying needs, as JSON
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('qid', 'text', (c) => c.notNull())
        .addColumn('wd_revision', 'text')
        .addColumn('wd_modified', 'text')
        .addColumn('retrieved_at', 'text', (c) => c.notNull())
        // the registry's value was set by a person on the site: never applied without a decision
        .addColumn('editor_set', 'integer', (c) => c.notNull().defaultTo(0))
        // proposed, accepted, rejected, superseded (a later run found another value)
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('proposed'))
        .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('decided_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('proposals_unique')
        .on('proposals')
        .columns(['kind', 'subject_id', 'fact', 'new_value'])
        .unique()
        .execute();
      await db.schema.createIndex('proposals_status').on('proposals').columns(['status', 'kind']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('proposals').execute();
    },
  };
}
