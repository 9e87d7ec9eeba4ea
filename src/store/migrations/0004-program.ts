import type { Kysely } from 'kysely';
import type { DialectName } from '../db.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** Running a program: throttling, password resets, the mail outbox, organizations and revisions. */
export function program(dialect: DialectName) {
  const serial = dialect === 'postgres' ? 'serial' : 'integer';
  const autoId = (c: any) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  return {
    async up(db: Kysely<any>) {
      // Attempts counted per bucket ("signin:email:…", "signin:ip:…", "reset:ip:…") within a window; in the
      // database, so that several app servers agree.
      await db.schema
        .createTable('throttle')
        .addColumn('id', serial, autoId)
        .addColumn('bucket', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('throttle_bucket_at').on('throttle').columns(['bucket', 'at']).execute();

      await db.schema
        .createTable('password_resets')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();

      // Mail waits here until it is delivered (with retries), so nothing is lost while the mail server is down.
      await db.schema
        .createTable('outbox')
        .addColumn('id', serial, autoId)
        .addColumn('to_addr', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        // queued → sending → sent; failed after the last retry
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();

      await db.schema
        .createTable('organizations')
        .addColumn('id', serial, autoId)
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('home_id', 'text', (c) => c.references('places.id'))
        .addColumn('about', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('org_roles')
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('org_roles_pk', ['org_id', 'user_id'])
        .execute();
      await db.schema.createIndex('org_roles_user').on('org_roles').column('user_id').execute();

      // Every edit of content: who, when, and the whole state after it (JSON), so any two can be compared and
      // an old one restored.
      await db.schema
        .createTable('revisions')
        .addColumn('id', serial, autoId)
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('revisions_entity')
        .on('revisions')
        .columns(['entity', 'entity_id', 'id'])
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['revisions', 'org_roles', 'organizations', 'outbox', 'password_resets', 'throttle'])
        await db.schema.dropTable(t).execute();
    },
  };
}
