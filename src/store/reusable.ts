import type { Compilable, CompiledQuery, Kysely } from 'kysely';

// Kysely builds and compiles a query's SQL on every call; on the hottest reads that costs as much as SQLite
// takes to answer. A reusable query is built and compiled once, with named placeholders standing in for its
// values, and each run swaps the real values in.
const MARK = '\u0000param:';

/** A stand-in for a value given at run time. */
export function param<T = string>(name: string): T {
  return `${MARK}${name}` as T;
}

export class Reusable<R, P extends Record<string, unknown>> {
  private compiled: CompiledQuery<R> | undefined;
  private slots: (string | null)[] = [];

  constructor(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    private readonly db: Kysely<any>,
    private readonly build: () => Compilable<R>,
  ) {}

  async run(values: P): Promise<R[]> {
    if (!this.compiled) {
      this.compiled = this.build().compile();
      this.slots = this.compiled.parameters.map((p) =>
        typeof p === 'string' && p.startsWith(MARK) ? p.slice(MARK.length) : null,
      );
      for (const name of Object.keys(values))
        if (!this.slots.includes(name)) throw new Error(`reusable query has no parameter ${name}`);
    }
    const compiled = this.compiled;
    const parameters = compiled.parameters.map((p, i) => {
      const slot = this.slots[i];
      return slot === null || slot === undefined ? p : values[slot];
    });
    return (await this.db.executeQuery<R>({ ...compiled, parameters })).rows;
  }
}
