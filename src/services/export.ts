import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../store/store.js';
import {
  disagreementRecord,
  disagreementsCsv,
  placeRecord,
  placesCsv,
  redirectRecord,
  redirectsCsv,
  twinningRecord,
  twinningsCsv,
} from './interchange.js';
import { MANIFEST_KEY } from './import.js';

export type ExportFormat = 'csv' | 'json';

/**
 * Writes every place, tie, redirect and disagreement in the interchange format, and the dataset's manifest if
 * one was imported; returns the files written. What it writes imports back to the same data.
 */
export async function exportAll(store: Store, dir: string, format: ExportFormat): Promise<string[]> {
  const [places, twinnings, redirects, disagreements, manifest] = await Promise.all([
    store.places.all(),
    store.twinnings.all(),
    store.redirects.all(),
    store.disagreements.all(),
    store.meta.get(MANIFEST_KEY),
  ]);
  await mkdir(dir, { recursive: true });
  const json = (key: string, list: unknown[]) => JSON.stringify({ [key]: list }, null, 1) + '\n';
  const files: [string, string][] =
    format === 'csv'
      ? [
          ['places.csv', placesCsv(places)],
          ['twinnings.csv', twinningsCsv(twinnings)],
          ['redirects.csv', redirectsCsv(redirects)],
          ['disagreements.csv', disagreementsCsv(disagreements)],
        ]
      : [
          ['places.json', json('places', places.map(placeRecord))],
          ['twinnings.json', json('twinnings', twinnings.map(twinningRecord))],
          ['redirects.json', json('redirects', redirects.map(redirectRecord))],
          ['disagreements.json', json('disagreements', disagreements.map(disagreementRecord))],
        ];
  if (manifest) files.push(['manifest.json', JSON.stringify(JSON.parse(manifest), null, 1) + '\n']);
  const written: string[] = [];
  for (const [name, content] of files) {
    const path = join(dir, name);
    await writeFile(path, content);
    written.push(path);
  }
  return written;
}
