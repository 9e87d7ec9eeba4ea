import type { Kysely } from 'kysely';
import type { DialectName } from '../db.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
export function content(_dialect: DialectName) {
  return {
    async up(db: Kysely<any>) {
      // Markdown written by editors: subject is a place id, or a tie id as text (subject_type says which).
      await db.schema
        .createTable('sections')
        .addColumn('subject_type', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('sections_pk', ['subject_type', 'subject_id', 'key', 'lang'])
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('sections').execute();
    },
  };
}
