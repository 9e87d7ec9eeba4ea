import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Addresses are confirmed before the site mails anything but the confirmation itself and password resets:
 * nobody can sign a stranger's address up for notifications. Accounts made before this (by the command line or
 * an admin) count as confirmed. The one-time links of `password_resets` now say what they are for.
 */
export function emailConfirm() {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('users').addColumn('email_confirmed_at', 'text').execute();
      await sql`update users set email_confirmed_at = created_at`.execute(db);
      await db.schema
        .alterTable('password_resets')
        .addColumn('purpose', 'text', (c) => c.notNull().defaultTo('reset'))
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('password_resets').dropColumn('purpose').execute();
      await db.schema.alterTable('users').dropColumn('email_confirmed_at').execute();
    },
  };
}
