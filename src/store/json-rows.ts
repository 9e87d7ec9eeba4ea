import { sql, type RawBuilder } from 'kysely';
import type { Source } from '../domain/fields.js';
import type { DialectName } from './db.js';

// A small list that belongs to one row (a place's names, a tie's sources) read as one JSON value of that row
// instead of as rows of their own: the drivers make an object per row, and for a list of ten that cost more
// than the query. SQLite answers the JSON as text; node-postgres parses `json` itself. An aggregate's own
// `order by` needs SQLite 3.44 or later (better-sqlite3 bundles its own, 3.53 in 12.10).

/**
 * `(select json array of [col, col, …] from table where key = outer ordered by …)`: the rows of `table` whose
 * `key` equals the outer query's `outer`, each as an array of `columns`, in `orderBy` order; `[]` when none.
 * The names are the code's own (never input).
 */
export function jsonRowsOf(
  dialect: DialectName,
  table: string,
  columns: readonly string[],
  key: string,
  outer: string,
  orderBy: string,
): RawBuilder<unknown> {
  const cols = sql.join(columns.map((c) => sql.ref(c)));
  return dialect === 'postgres'
    ? sql`(select coalesce(json_agg(json_build_array(${cols}) order by ${sql.ref(orderBy)}), '[]'::json) from ${sql.table(table)} where ${sql.ref(key)} = ${sql.ref(outer)})`
    : sql`(select json_group_array(json_array(${cols}) order by ${sql.ref(orderBy)}) from ${sql.table(table)} where ${sql.ref(key)} = ${sql.ref(outer)})`;
}

/** The value a `jsonRowsOf` column came back as: rows of values, as arrays. */
export function parseJsonRows(value: unknown): unknown[][] {
  const rows = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (!Array.isArray(rows)) throw new Error(`expected a JSON array of rows, got ${typeof rows}`);
  return rows as unknown[][];
}

/**
 * The sources of the outer query's row, kept in `table` (place_sources, twinning_sources: fact, url, citation,
 * position) under `key`, as one JSON value in position order; `parseSources` reads it.
 */
export function jsonSourcesOf(
  dialect: DialectName,
  table: 'place_sources' | 'twinning_sources',
  key: string,
  outer: string,
): RawBuilder<unknown> {
  return jsonRowsOf(dialect, table, ['fact', 'url', 'citation'], key, outer, 'position');
}

/** The sources a `jsonSourcesOf` column came back as. */
export function parseSources(value: unknown): Source[] {
  return parseJsonRows(value).map(([fact, url, citation]) => ({
    fact: fact as string | null,
    url: url as string | null,
    citation: citation as string | null,
  }));
}
