import type { Store } from '../store/store.js';

/**
 * The version of the data, as the meta table counts it (every import bumps it in its transaction). Read at most
 * once per `maxAgeMs`, so each request need not ask the database; a write in another process (a CLI import, or
 * another app server on the same PostgreSQL) shows within that time.
 */
export class DataVersion {
  private value = -1;
  private readAt = 0;
  private pending: Promise<number> | undefined;

  constructor(
    private readonly store: Store,
    private readonly maxAgeMs = 1000,
  ) {}

  async current(): Promise<number> {
    if (Date.now() - this.readAt < this.maxAgeMs) return this.value;
    this.pending ??= this.store.meta
      .dataVersion()
      .then((v) => {
        this.value = v;
        this.readAt = Date.now();
        return v;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  /** The version if it was read recently enough, without waiting; undefined when it must be read again. */
  peek(): number | undefined {
    return Date.now() - this.readAt < this.maxAgeMs ? this.value : undefined;
  }

  /** After a write in this process: the next call reads the database again. */
  invalidate(): void {
    this.readAt = 0;
  }
}
