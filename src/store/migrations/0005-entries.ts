import type { Kysely } from 'kysely';
import type { DialectName } from '../db.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * What organizations publish and keep: posts, events, activities, committees, people, institutions and
 * memberships, as entries of one table (what is queried by is in columns, the rest is checked JSON); what
 * each is about (places, countries, ties); photos; comments; and who wants to hear of what.
 */
export function entries(dialect: DialectName) {
  const serial = dialect === 'postgres' ? 'serial' : 'integer';
  const autoId = (c: any) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('entries')
        .addColumn('id', serial, autoId)
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        // posts: when published; events: start (UTC); activities: first day; others: null
        .addColumn('starts_at', 'text')
        .addColumn('ends_at', 'text')
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('entries_type_start')
        .on('entries')
        .columns(['type', 'starts_at'])
        .execute();
      await db.schema.createIndex('entries_org_type').on('entries').columns(['org_id', 'type']).execute();
      await db.schema
        .createTable('entry_subjects')
        .addColumn('entry_id', 'integer', (c) => c.notNull().references('entries.id').onDelete('cascade'))
        .addColumn('subject_type', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('entry_subjects_pk', ['entry_id', 'subject_type', 'subject_id'])
        .execute();
      await db.schema
        .createIndex('entry_subjects_subject')
        .on('entry_subjects')
        .columns(['subject_type', 'subject_id'])
        .execute();

      await db.schema
        .createTable('photos')
        .addColumn('id', serial, autoId)
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        // a place's gallery or an entry's (activity, post, event)
        .addColumn('subject_type', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('caption', 'text', (c) => c.notNull())
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('photos_subject')
        .on('photos')
        .columns(['subject_type', 'subject_id'])
        .execute();
      // the image files themselves, in the database so that every app server can answer for them
      await db.schema
        .createTable('photo_files')
        .addColumn('photo_id', 'integer', (c) => c.notNull().references('photos.id').onDelete('cascade'))
        .addColumn('variant', 'text', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('bytes', bytes, (c) => c.notNull())
        .addPrimaryKeyConstraint('photo_files_pk', ['photo_id', 'variant'])
        .execute();

      await db.schema
        .createTable('comments')
        .addColumn('id', serial, autoId)
        .addColumn('entry_id', 'integer', (c) => c.notNull().references('entries.id').onDelete('cascade'))
        .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('body', 'text', (c) => c.notNull())
        // pending → approved | rejected
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('moderated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('moderated_at', 'text')
        .execute();
      await db.schema.createIndex('comments_entry').on('comments').columns(['entry_id', 'id']).execute();
      await db.schema.createIndex('comments_status').on('comments').columns(['status', 'id']).execute();
      // users an organization's editors have blocked from commenting on its posts
      await db.schema
        .createTable('org_blocks')
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('blocked_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('org_blocks_pk', ['org_id', 'user_id'])
        .execute();

      await db.schema
        .createTable('subscriptions')
        .addColumn('id', serial, autoId)
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        // replies (to a post's comments), place (news, events, activities about it), org (its news)
        .addColumn('target_type', 'text', (c) => c.notNull())
        .addColumn('target_id', 'text', (c) => c.notNull())
        // instant: a mail each time; daily: one digest a day
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('subscriptions_unique', ['user_id', 'target_type', 'target_id'])
        .execute();
      await db.schema
        .createIndex('subscriptions_target')
        .on('subscriptions')
        .columns(['target_type', 'target_id'])
        .execute();
      await db.schema
        .createTable('notifications')
        .addColumn('id', serial, autoId)
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        // when it went into the outbox (at once, or in a digest)
        .addColumn('mailed_at', 'text')
        .execute();
      await db.schema
        .createIndex('notifications_pending')
        .on('notifications')
        .columns(['mode', 'mailed_at', 'user_id'])
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const t of [
        'notifications',
        'subscriptions',
        'org_blocks',
        'comments',
        'photo_files',
        'photos',
        'entry_subjects',
        'entries',
      ])
        await db.schema.dropTable(t).execute();
    },
  };
}
