import type { Compilable, CompiledQuery, Kysely } from 'kysely';
const MARK = '\u0000bulk:';

/**
 * Slices whose lengths are powers of two up to `max` (a power of two). Bulk statements then come in a dozen
 * sizes: SQLite's statement cache reuses them instead of keeping a new prepared statement (up to a megabyte for
 * hundreds of rows) for every odd-sized remainder, which is what made large imports take gigabytes.
 */
export function sized<T>(items: T[], max: number): T[][] {
  const out: T[][] = [];
  let i = 0;
  for (; items.length - i >= max; i += max) out.push(items.slice(i, i + max));
  for (let size = max >> 1; size >= 1; size >>= 1)
    if (items.length - i >= size) {
      out.push(items.slice(i, i + size));
      i += size;
    }
  return out;
}

/**
 * A multi-row statement (an insert of many rows) built and compiled once per number of rows and reused with new
 * values, as `Reusable` does for reads. Imports write hundreds of thousands of rows: building and compiling the
 * same statement for every slice made most of their garbage. Rows are cut into power-of-two slices up to `max`,
 * so there are only a few statements, each of them prepared once.
 */
export class BulkStatement {
  private readonly compiled = new Map<number, { query: CompiledQuery; slots: number[] }>();

  constructor(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    private readonly db: Kysely<any>,
    /** the columns of each row, in the order `run` is given their values */
    private readonly columns: readonly string[],
    /** the statement for these rows (objects by column) */
    private readonly build: (rows: Record<string, unknown>[]) => Compilable<unknown>,
    private readonly max: number,
  ) {}

  private statement(n: number) {
    let c = this.compiled.get(n);
    if (!c) {
      const rows = Array.from({ length: n }, (_, i) =>
        Object.fromEntries(this.columns.map((col, j) => [col, `${MARK}${i}:${j}`])),
      );
      const query = this.build(rows).compile();
      const slots = query.parameters.map((p) => {
        if (typeof p !== 'string' || !p.startsWith(MARK)) return -1;
        const [i, j] = p.slice(MARK.length).split(':').map(Number) as [number, number];
        return i * this.columns.length + j;
      });
      c = { query, slots };
      this.compiled.set(n, c);
    }
    return c;
  }

  /** Runs the statement over the rows (each the values of `columns`); returns what it returns, in order. */
  async run<R = unknown>(rows: unknown[][]): Promise<R[]> {
    const out: R[] = [];
    for (const part of sized(rows, this.max)) {
      const { query, slots } = this.statement(part.length);
      const width = this.columns.length;
      const parameters = slots.map((s, k) =>
        s < 0 ? query.parameters[k] : (part[Math.floor(s / width)]![s % width] ?? null),
      );
      const r = await this.db.executeQuery<R>({ ...query, parameters });
      for (const row of r.rows) out.push(row);
    }
    return out;
  }
}
