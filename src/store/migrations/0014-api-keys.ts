import type { Kysely } from 'kysely';
import type { DialectName } from '../db.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * API keys of organizations, for program offices' own systems to write through the API. Only a hash of each
 * secret is kept (the secret is shown once), with a short visible prefix to tell keys apart.
 */
export function apiKeys(dialect: DialectName) {
  const serial = dialect === 'postgres' ? 'serial' : 'integer';
  const autoId = (c: any) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('api_keys')
        .addColumn('id', serial, autoId)
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('label', 'text', (c) => c.notNull())
        // SHA-256 of the secret (base64url); the secret is 32 random bytes, so a fast hash is enough
        .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
        // the secret's first characters ("tw_AbCd1234"), shown in lists to tell keys apart
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .addColumn('revoked_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .execute();
      await db.schema.createIndex('api_keys_org').on('api_keys').column('org_id').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('api_keys').execute();
    },
  };
}
