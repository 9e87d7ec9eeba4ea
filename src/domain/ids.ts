// Rows are numbered by both databases' `integer`: 32 bits, signed. A number past that names no row, and
// PostgreSQL refuses to compare an integer column with it, so it must be told apart before any query.

export const MAX_ROW_ID = 2_147_483_647;

export function isRowId(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= MAX_ROW_ID;
}

/** A row id written as text ("12"), or null when the text cannot be one. */
export function parseRowId(text: string): number | null {
  if (!/^[0-9]{1,10}$/.test(text)) return null;
  const n = Number(text);
  return isRowId(n) ? n : null;
}
