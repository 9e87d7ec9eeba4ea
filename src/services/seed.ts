import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from '../store/store.js';
import { importFiles, type ImportSummary, type Progress } from './import.js';
import { fileFromPath, type InputFile } from './interchange.js';

/** The bundled dataset, in the interchange format (see data/README.md). */
export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');
export const SEED_FILES = ['countries.csv', 'places.csv', 'twinnings.csv'];
/** Files the dataset may ship besides: old ids that lead on, where its sources disagreed, its manifest. */
export const OPTIONAL_SEED_FILES = ['redirects.csv', 'disagreements.csv', 'manifest.json'];

/** The dataset's files as an import reads them (in pieces); the optional ones only where present. */
export async function readSeedFiles(dir = DATA_DIR): Promise<InputFile[]> {
  const present = async (name: string) =>
    access(join(dir, name)).then(
      () => true,
      () => false,
    );
  const names = [...SEED_FILES];
  for (const name of OPTIONAL_SEED_FILES) if (await present(name)) names.push(name);
  return Promise.all(names.map((name) => fileFromPath(join(dir, name))));
}

/**
 * Loads the bundled data into an empty database, once: a database that already holds places, or was seeded
 * before, is left as it is, so later starts reuse it and editors' changes survive.
 */
export async function seedIfEmpty(
  store: Store,
  progress?: Progress,
  dir = DATA_DIR,
): Promise<ImportSummary | null> {
  if ((await store.meta.get('seeded_at')) || (await store.places.count()) > 0) return null;
  const summary = await importFiles(store, await readSeedFiles(dir), progress);
  await store.meta.set('seeded_at', new Date().toISOString());
  await store.meta.set(
    SEED_COUNTS_KEY,
    JSON.stringify({ places: summary.placesCreated, ties: summary.twinningsCreated }),
  );
  return summary;
}

const SEED_COUNTS_KEY = 'seeded_counts';

/** When the bundled data was loaded and what it brought; null where it never was (an imported registry). */
export interface SeedLoad {
  at: string;
  /** null for a database seeded before the counts were kept */
  places: number | null;
  ties: number | null;
}

export async function seedLoad(store: Store): Promise<SeedLoad | null> {
  const [at, counts] = await Promise.all([store.meta.get('seeded_at'), store.meta.get(SEED_COUNTS_KEY)]);
  if (!at) return null;
  let places: number | null = null;
  let ties: number | null = null;
  try {
    const c = JSON.parse(counts ?? 'null') as { places?: unknown; ties?: unknown } | null;
    if (typeof c?.places === 'number') places = c.places;
    if (typeof c?.ties === 'number') ties = c.ties;
  } catch {
    // unreadable counts: the date alone
  }
  return { at, places, ties };
}
