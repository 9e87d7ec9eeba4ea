import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** The language a user reads the site's mail in (the interface language they signed up in, or chose). */
export function userLang() {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('users')
        .addColumn('lang', 'text', (c) => c.notNull().defaultTo('en'))
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('users').dropColumn('lang').execute();
    },
  };
}
