import type { Store } from '../store/store.js';

/**
 * The versions of the data, as the meta table counts them: `registry` changes with every write to places and
 * ties (imports, fact edits), `content` with every editorial write (sections, posts, events, comments). What is
 * derived from the registry (gazetteer, network figures) is made once per registry version; rendered pages are
 * cached by both (`stamp`). Read at most once per `maxAgeMs`, so each request need not ask the database; a write
 * in another process (a CLI import, or another app server on the same PostgreSQL) shows within that time.
 */
export class DataVersion {
  private value = { registry: -1, content: -1, stamp: '' };
  private readAt = 0;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly store: Store,
    private readonly maxAgeMs = 1000,
  ) {}

  private async read(): Promise<void> {
    if (Date.now() - this.readAt < this.maxAgeMs) return;
    this.pending ??= this.store.meta
      .versions()
      .then((v) => {
        this.value = { ...v, stamp: `${v.registry}.${v.content}` };
        this.readAt = Date.now();
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  /** The registry's version: places and ties. */
  async current(): Promise<number> {
    await this.read();
    return this.value.registry;
  }

  /** Registry and content versions together, for caching what shows both. */
  async stamp(): Promise<string> {
    await this.read();
    return this.value.stamp;
  }

  /** The stamp if it was read recently enough, without waiting; undefined when it must be read again. */
  peek(): string | undefined {
    return Date.now() - this.readAt < this.maxAgeMs ? this.value.stamp : undefined;
  }

  /** After a write in this process: the next call reads the database again. */
  invalidate(): void {
    this.readAt = 0;
  }
}
