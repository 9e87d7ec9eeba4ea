import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Every notification mail says how to stop it: a per-user secret in its links (`users.notify_token`, made the
 * first time the user is told something) opens their notification settings without signing in, and the
 * `List-Unsubscribe` header of the mail (`outbox.list_unsubscribe`) lets mail programs stop it in one click.
 */
export function unsubscribe() {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('users').addColumn('notify_token', 'text').execute();
      await db.schema.createIndex('users_notify_token').unique().on('users').column('notify_token').execute();
      await db.schema.alterTable('outbox').addColumn('list_unsubscribe', 'text').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('outbox').dropColumn('list_unsubscribe').execute();
      await db.schema.dropIndex('users_notify_token').execute();
      await db.schema.alterTable('users').dropColumn('notify_token').execute();
    },
  };
}
