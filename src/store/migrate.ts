import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { Database, DialectName } from './db.js';
import { registry } from './migrations/0001-registry.js';
import { content } from './migrations/0002-content.js';
import { accounts } from './migrations/0003-accounts.js';
import { program } from './migrations/0004-program.js';
import { entries } from './migrations/0005-entries.js';
import { userLang } from './migrations/0006-user-lang.js';
import { emailConfirm } from './migrations/0007-email-confirm.js';
import { unsubscribe } from './migrations/0008-unsubscribe.js';
import { emailChange } from './migrations/0009-email-change.js';
import { invites } from './migrations/0010-invites.js';
import { provenance } from './migrations/0011-provenance.js';
import { wikidataSync } from './migrations/0012-wikidata-sync.js';
import { seeking } from './migrations/0013-seeking.js';
import { apiKeys } from './migrations/0014-api-keys.js';

function migrations(dialect: DialectName): Record<string, Migration> {
  return {
    '0001-registry': registry(dialect),
    '0002-content': content(dialect),
    '0003-accounts': accounts(dialect),
    '0004-program': program(dialect),
    '0005-entries': entries(dialect),
    '0006-user-lang': userLang(),
    '0007-email-confirm': emailConfirm(),
    '0008-unsubscribe': unsubscribe(),
    '0009-email-change': emailChange(),
    '0010-invites': invites(dialect),
    '0011-provenance': provenance(dialect),
    '0012-wikidata-sync': wikidataSync(dialect),
    '0013-seeking': seeking(dialect),
    '0014-api-keys': apiKeys(dialect),
  };
}

/** The names of the migrations this version of the program knows, oldest first. */
export function knownMigrations(dialect: DialectName): string[] {
  return Object.keys(migrations(dialect)).sort();
}

/** Brings the schema up to date; safe to call at every start (applied migrations are skipped). */
export async function migrateToLatest(db: Database): Promise<string[]> {
  const migrator = new Migrator({
    db: db.db,
    provider: { getMigrations: async () => migrations(db.dialect) },
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(
      `Migrating the database at ${db.location} failed${failed ? ` in ${failed}` : ''}: ${String(
        (result.error as Error).message ?? result.error,
      )}`,
    );
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
