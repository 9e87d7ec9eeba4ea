import { hash } from 'node:crypto';
import type { Compilable, CompiledQuery, Kysely } from 'kysely';

// Kysely builds and compiles a query's SQL on every call; on the hottest reads that costs as much as SQLite
// takes to answer. A reusable query is built and compiled once, with named placeholders standing in for its
// values, and each run swaps the real values in.
const MARK = '\u0000param:';

/**
 * The SQL texts of reusable queries, each with a statement name (from its text, so the same text always gets the
 * same name). PostgreSQL connections run these as named prepared statements (db.ts): parsed and planned once per
 * connection instead of on every run. Only these: their number is fixed by the code, where every other text
 * (an `in (…)` list of any length, a search's filters) would make a new statement that each connection keeps.
 */
const NAMES = new Map<string, string>();

/** The statement name of a reusable query's SQL text; undefined for any other text. */
export function statementName(sql: string): string | undefined {
  return NAMES.get(sql);
}

/** A stand-in for a value given at run time. */
export function param<T = string>(name: string): T {
  return `${MARK}${name}` as T;
}

export class Reusable<R, P extends Record<string, unknown>> {
  private compiled: CompiledQuery<R> | undefined;
  private slots: (string | null)[] = [];
  /** whether the first run's values were checked against the query's parameters */
  private checked = false;

  constructor(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    private readonly db: Kysely<any>,
    private readonly build: () => Compilable<R>,
  ) {}

  private compile(): CompiledQuery<R> {
    if (!this.compiled) {
      this.compiled = this.build().compile();
      if (!NAMES.has(this.compiled.sql))
        NAMES.set(this.compiled.sql, `tw_${hash('sha1', this.compiled.sql, 'hex').slice(0, 24)}`);
      this.slots = this.compiled.parameters.map((p) =>
        typeof p === 'string' && p.startsWith(MARK) ? p.slice(MARK.length) : null,
      );
    }
    return this.compiled;
  }

  /** The query's SQL text, as it is sent. */
  sql(): string {
    return this.compile().sql;
  }

  async run(values: P): Promise<R[]> {
    const compiled = this.compile();
    if (!this.checked) {
      for (const name of Object.keys(values))
        if (!this.slots.includes(name)) throw new Error(`reusable query has no parameter ${name}`);
      this.checked = true;
    }
    const parameters = compiled.parameters.map((p, i) => {
      const slot = this.slots[i];
      return slot === null || slot === undefined ? p : values[slot];
    });
    return (await this.db.executeQuery<R>({ ...compiled, parameters })).rows;
  }
}
