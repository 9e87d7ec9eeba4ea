import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../store/store.js';
import { placeRecord, placesCsv, twinningRecord, twinningsCsv } from './interchange.js';

export type ExportFormat = 'csv' | 'json';

/** Writes every place and tie in the interchange format; returns the files written. */
export async function exportAll(store: Store, dir: string, format: ExportFormat): Promise<string[]> {
  const [places, twinnings] = await Promise.all([store.places.all(), store.twinnings.all()]);
  await mkdir(dir, { recursive: true });
  const files: [string, string][] =
    format === 'csv'
      ? [
          ['places.csv', placesCsv(places)],
          ['twinnings.csv', twinningsCsv(twinnings)],
        ]
      : [
          ['places.json', JSON.stringify({ places: places.map(placeRecord) }, null, 1) + '\n'],
          ['twinnings.json', JSON.stringify({ twinnings: twinnings.map(twinningRecord) }, null, 1) + '\n'],
        ];
  const written: string[] = [];
  for (const [name, content] of files) {
    const path = join(dir, name);
    await writeFile(path, content);
    written.push(path);
  }
  return written;
}
