import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from '../store/store.js';
import { importFiles, type ImportSummary, type Progress } from './import.js';

/** The bundled dataset, in the interchange format (see data/README.md). */
export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');
export const SEED_FILES = ['countries.csv', 'places.csv', 'twinnings.csv'];

export async function readSeedFiles(dir = DATA_DIR) {
  return Promise.all(
    SEED_FILES.map(async (name) => ({ name, content: await readFile(join(dir, name), 'utf8') })),
  );
}

/**
 * Loads the bundled data into an empty database, once: a database that already holds places, or was seeded
 * before, is left as it is, so later starts reuse it and editors' changes survive.
 */
export async function seedIfEmpty(store: Store, progress?: Progress): Promise<ImportSummary | null> {
  if ((await store.meta.get('seeded_at')) || (await store.places.count()) > 0) return null;
  const summary = await importFiles(store, await readSeedFiles(), progress);
  await store.meta.set('seeded_at', new Date().toISOString());
  return summary;
}
