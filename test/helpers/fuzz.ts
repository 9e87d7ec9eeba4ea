import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { tablesOf } from '../../src/store/backup.js';
import type { Database } from '../../src/store/db.js';

// What the property tests of the web layer share: arbitrary values of the kinds that break parsers (numbers
// out of range, control characters, long and repeated fields, malformed escapes), ways to put them into an
// address or a body, and a fingerprint of the whole database to tell whether a refused request wrote anything.

/** The seed of a run: fixed in CI, else given by FUZZ_SEED or new each time (fast-check prints it on failure). */
export function fuzzSeed(): number {
  if (process.env.FUZZ_SEED) return Number(process.env.FUZZ_SEED);
  if (process.env.CI) return 20_261_201;
  return Math.floor(Math.random() * 2 ** 31);
}

/** Text that numbers, dates, enums and ids are parsed from, at and past their edges. */
const EDGES = [
  '',
  ' ',
  '0',
  '-0',
  '1',
  '-1',
  '2',
  '1.5',
  '1e309',
  '-1e309',
  '1e308',
  '1e-400',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x1F',
  '0b1',
  '9007199254740993',
  '2147483647',
  '2147483648',
  '-2147483649',
  '99999999999999999999999999999',
  'true',
  'false',
  'null',
  'undefined',
  '[]',
  '{}',
  '[object Object]',
  '__proto__',
  'constructor',
  'en',
  'zh',
  'de',
  'xx',
  '2020',
  '1996-11-05',
  '2020-02-30',
  '2020-13-45',
  '9999-12-31',
  '0000-00-00',
  '-0001-01-01',
  '+275760-09-13',
  '1996-11',
  '25:61',
  'Q74957',
  'Q79867',
  'Q999001',
  'CN',
  'US',
  'cn-liaoning',
  'Q0',
  'Q',
  'anshan-sister-cities',
  'post',
  'event',
  'activity',
  'place',
  'country',
  'tie',
  'news',
  'sister',
  'friendship',
  'active',
  'dormant',
  'ended',
  'member',
  'editor',
  'commission',
  'other',
  'approve',
  'reject',
  'block',
  'daily',
  'instant',
  'replies',
  'place:Q74957',
  'entry:1',
  'writer@example.org',
  'nobody@example.org',
  'someone@example.org',
  'a@b',
  '@',
  'Europe/Berlin',
  'Mars/Olympus',
  'EUR',
  'ZZZ',
  '/',
  '//evil.example',
  'https://example.org/',
  'javascript:alert(1)',
  '../../etc/passwd',
  '%',
  '%zz',
  '%00',
  '\u0000',
  'a\u0000b',
  '\u0001\u0008\u001b\u007f',
  '\r\n',
  '\t',
  '\u202e\u200b\ufeff',
  '\ud800',
  '\udfff',
  '😀',
  '中文',
  'Malmö',
  "O'Brien; drop table users; --",
  '<script>alert(1)</script>',
  '"\'`',
  '*',
  '?',
  '#',
  '&',
  '=',
];

/** A string of `n` copies of a unit: long values without the cost of generating each character. */
const long = fc
  .tuple(
    fc.constantFrom('a', '9', '中', '😀', '%', ' ', '\u0000', 'Q1'),
    fc.integer({ min: 101, max: 20_000 }),
  )
  .map(([unit, n]) => unit.repeat(n));

/** Any text a field or parameter might carry. */
export const junkText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...EDGES) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: long },
);

/** The name of a field or parameter: one the route knows (more often) or any. */
export function fieldName(known: readonly string[]): fc.Arbitrary<string> {
  const arbitraries: fc.WeightedArbitrary<string>[] = [
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('lang', 'page', 'q', 'id', 'next', '__proto__', 'a[]', 'a[b]', ''),
    },
  ];
  if (known.length) arbitraries.push({ weight: 5, arbitrary: fc.constantFrom(...known) });
  return fc.oneof(...arbitraries);
}

/** Name–value pairs, names possibly repeated (a parameter given twice arrives as an array). */
export function pairs(known: readonly string[], maxLength = 8): fc.Arbitrary<[string, string][]> {
  return fc.array(fc.tuple(fieldName(known), junkText), { maxLength });
}

/** Percent-encodes text as UTF-8 (a lone surrogate becomes U+FFFD, as browsers send it). */
export function encode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9_.~-]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Raw pieces of a query string or form body that are not well-formed: bad escapes, bare separators. */
export const malformed = fc.constantFrom(
  '%',
  '%zz',
  '%E0%A4%A',
  '%FF%FE',
  '%C0%80',
  '%ED%A0%80',
  '&&',
  '=',
  '==',
  'a=1=2',
  '+',
  '%2B%00',
  ';',
  'a[]=1&a[]=2',
  'a[0]=1',
  'a[b][c]=1',
);

/** Values a form's fields take when filled in as meant, by field name: to get past the first check. */
const PLAUSIBLE: Record<string, string[]> = {
  name: ['Mei Lin', 'Anshan Friends'],
  slug: ['anshan-friends'],
  kind: ['news', 'commission', 'association', 'sister', 'city', 'other'],
  homeId: ['Q74957', 'Anshan'],
  homeChoice: ['Q74957'],
  email: ['someone@example.org', 'writer@example.org'],
  role: ['member', 'editor'],
  password: ['a long enough password'],
  current: ['not the password'],
  starts: ['2026-05-01T10:00', '2026-05-01'],
  ends: ['2026-05-02T18:00'],
  date: ['2020-05-01', '1996'],
  endDate: ['2020-06-01'],
  since: ['2001-02'],
  signed: ['1996-11-05'],
  ended: ['2001'],
  leader_since: ['2019'],
  timezone: ['Asia/Shanghai', 'Europe/Berlin'],
  amount: ['1000', '12.5'],
  currency: ['CNY', 'EUR'],
  country: ['CN', 'US'],
  phone: ['+86 412 555 0100'],
  public: ['1', 'on'],
  place: ['Q74957', 'Q79867'],
  url: ['https://example.org/'],
  subjects: ['Q74957', 'place:Q74957'],
  population: ['1200000'],
  population_year: ['2020'],
  languages: ['zh; en'],
  status: ['active', 'dormant'],
  source: ['https://example.org/source | City minutes'],
  decision: ['approve', 'reject', 'block'],
  user: ['1', '2'],
  type: ['entry', 'replies', 'org', 'place'],
  id: ['1', 'Q74957'],
  mode: ['daily', 'instant'],
  next: ['/', '/news'],
  parent: ['1'],
  follow: ['1'],
  admin: ['1', '0'],
  disabled: ['1', '0'],
  confirm: ['troll@example.org'],
  subject: ['place:Q74957', 'entry:1'],
  org: ['anshan-sister-cities'],
  lang: ['en', 'zh'],
};

/**
 * A form mostly filled in as meant, with some fields left out or junk: past the first checks, where a
 * half-write would hide.
 */
export function plausibleForm(known: readonly string[]): fc.Arbitrary<[string, string][]> {
  if (!known.length) return fc.constant([]);
  return fc
    .tuple(
      ...known.map((k) =>
        fc.option(
          fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...(PLAUSIBLE[k] ?? ['Some text.'])) },
            { weight: 1, arbitrary: junkText },
          ),
          { freq: 5 },
        ),
      ),
    )
    .map((values) => values.flatMap((v, i): [string, string][] => (v === null ? [] : [[known[i]!, v]])));
}

/** A query string (without "?") over the route's parameters and any others. */
export function queryString(known: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(pairs(known), fc.option(malformed, { freq: 4 }))
    .map(([ps, raw]) =>
      [...ps.map(([k, v]) => `${encode(k)}=${encode(v)}`), ...(raw ? [raw] : [])].join('&'),
    );
}

/** A value for a path parameter: one the seeded data has (by the parameter's name), or anything. */
export function pathSegment(pool: readonly string[]): fc.Arbitrary<string> {
  const ours: fc.WeightedArbitrary<string>[] = pool.length
    ? [{ weight: 4, arbitrary: fc.constantFrom(...pool).map(encode) }]
    : [];
  return fc.oneof(
    ...ours,
    { weight: 3, arbitrary: junkText.map(encode) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%FF', '..', '.', '%2F', '%2e%2e', 'a%2Fb') },
  );
}

/** A row, with the same text whatever order or driver types come back. */
function canonical(row: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(row)
      .sort()
      .map((k) => {
        const v = row[k];
        return [k, v instanceof Date ? v.toISOString() : Buffer.isBuffer(v) ? v.toString('base64') : v];
      }),
    (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v),
  );
}

/** Each table's row count and a checksum of its rows, for every table the catalogue lists. */
export type DbFingerprint = Record<string, string>;

export async function fingerprint(database: Database): Promise<DbFingerprint> {
  const out: DbFingerprint = {};
  for (const table of await tablesOf(database)) {
    const r = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(database.db);
    const lines = r.rows.map(canonical).sort();
    const hash = createHash('sha1');
    for (const line of lines) hash.update(line).update('\n');
    out[table] = `${lines.length} rows, ${hash.digest('hex').slice(0, 12)}`;
  }
  const versions = await sql<{ key: string; value: string }>`
    select key, value from meta where key in ('data_version', 'content_version') order by key`.execute(
    database.db,
  );
  for (const v of versions.rows) out[`meta.${v.key}`] = v.value;
  return out;
}

/** The tables whose fingerprint changed between two readings. */
export function changedTables(before: DbFingerprint, after: DbFingerprint): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((t) => before[t] !== after[t]);
}
