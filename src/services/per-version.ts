import type { DataVersion } from './data-version.js';

/**
 * Something derived from the whole data set, made once per data version: made again on first use after a write,
 * and made only once when many requests ask at the same time.
 */
export class PerVersion<T> {
  private made: { version: number; value: T } | undefined;
  private making: Promise<T> | undefined;

  constructor(
    private readonly version: DataVersion,
    private readonly make: (version: number) => Promise<T>,
  ) {}

  async get(): Promise<T> {
    const version = await this.version.current();
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
