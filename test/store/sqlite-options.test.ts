import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';

const dir = mkdtempSync(join(tmpdir(), 'twinning-sqlite-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pragma = async (mapFile: boolean | undefined, name: string) => {
  const db = openDatabase(join(dir, 'a.db'), mapFile === undefined ? {} : { mapFile });
  try {
    const r = await sql.raw<Record<string, number>>(`pragma ${name}`).execute(db.db);
    return Object.values(r.rows[0] ?? {})[0];
  } finally {
    await db.close();
  }
};

describe('a SQLite file opened', () => {
  it('by the server is mapped into memory; by a one-off command (import, export) it is not', async () => {
    expect(await pragma(undefined, 'mmap_size')).toBe(268435456);
    expect(await pragma(false, 'mmap_size')).toBe(0);
  });

  it('keeps a 16 MB page cache of its own', async () => {
    expect(await pragma(undefined, 'cache_size')).toBe(-16384);
    expect(await pragma(false, 'cache_size')).toBe(-16384);
  });
});
