import type { Store } from '../store/store.js';
import type { DataVersion } from './data-version.js';
import { PerVersion } from './per-version.js';

/**
 * Which places, countries and ties have any entry (activity, news, event) or photo, made once per content
 * version. Most of the world's places have none: their pages then skip those queries altogether.
 */
export class ContentIndex {
  private readonly index: PerVersion<{ entries: Set<string>; photos: Set<string> }, string>;

  constructor(store: Store, version: DataVersion) {
    this.index = new PerVersion(
      version,
      async () => {
        const [entries, photos] = await Promise.all([
          store.entries.subjectKeys(),
          store.photos.subjectKeys(),
        ]);
        return { entries, photos };
      },
      'stamp',
    );
  }

  /** Whether any entry is about one of the subjects. */
  async hasEntries(subjects: { type: string; ids: string[] }[]): Promise<boolean> {
    const { entries } = await this.index.get();
    return entries.size > 0 && subjects.some((s) => s.ids.some((id) => entries.has(`${s.type}:${id}`)));
  }

  async hasPhotos(type: string, id: string): Promise<boolean> {
    return (await this.index.get()).photos.has(`${type}:${id}`);
  }
}
