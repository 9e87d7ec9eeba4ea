import type { DataVersion } from './data-version.js';

/**
 * Something derived from the whole data set, made once per version: made again on first use after a write,
 * and made only once when many requests ask at the same time. By default the registry's version (places and
 * ties); `'stamp'` follows editorial content too.
 */
export class PerVersion<T, V extends number | string = number> {
  private made: { version: V; value: T } | undefined;
  private making: Promise<T> | undefined;

  constructor(
    private readonly version: DataVersion,
    private readonly make: (version: V) => Promise<T>,
    private readonly of: 'registry' | 'stamp' = 'registry',
  ) {}

  async get(): Promise<T> {
    const version = (this.of === 'stamp' ? await this.version.stamp() : await this.version.current()) as V;
    if (this.made?.version === version) return this.made.value;
    this.making ??= this.make(version)
      .then((value) => {
        this.made = { version, value };
        return value;
      })
      .finally(() => (this.making = undefined));
    return this.making;
  }
}
