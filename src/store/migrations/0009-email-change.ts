import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** A one-time link may carry what it is about: the new address of an e-mail change ('email' links). */
export function emailChange() {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('password_resets').addColumn('detail', 'text').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('password_resets').dropColumn('detail').execute();
    },
  };
}
