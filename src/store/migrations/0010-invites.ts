import type { Kysely } from 'kysely';
import type { DialectName } from '../db.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * An organization's editors add people by address; someone without an account yet is invited: the role waits
 * here and is given when an account with that address is confirmed (so the address is theirs).
 */
export function invites(dialect: DialectName) {
  const serial = dialect === 'postgres' ? 'serial' : 'integer';
  const autoId = (c: any) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('org_invites')
        .addColumn('id', serial, autoId)
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('invited_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('org_invites_org_email', ['org_id', 'email'])
        .execute();
      await db.schema.createIndex('org_invites_email').on('org_invites').column('email').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('org_invites').execute();
    },
  };
}
