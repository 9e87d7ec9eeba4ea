// Parsers for the fields of import records. A record comes from a CSV cell (always text) or a JSON value
// (text, number, array, object), so each parser takes `unknown` and returns a value or an error message that
// says what to write instead. `null` means the cell is empty.
import { parsePartialDate, type PartialDate } from './dates.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

export function text(v: unknown, max: number): Parsed<string | null> {
  if (isBlank(v)) return ok(null);
  if (typeof v !== 'string' && typeof v !== 'number') return fail('must be text');
  const s = String(v).trim();
  if (s.length > max) return fail(`is ${s.length} characters long; the limit is ${max}`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(s)) return fail('contains control characters');
  return ok(s);
}

export function number(v: unknown, min: number, max: number): Parsed<number | null> {
  if (isBlank(v)) return ok(null);
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : NaN;
  if (!Number.isFinite(n)) return fail(`"${String(v)}" is not a number`);
  if (n < min || n > max) return fail(`${n} is out of range; it must be between ${min} and ${max}`);
  return ok(n);
}

export function integer(v: unknown, min: number, max: number): Parsed<number | null> {
  const r = number(typeof v === 'string' ? v.replace(/[_\s]/g, '') : v, min, max);
  if (r.ok && r.value !== null && !Number.isInteger(r.value)) return fail(`${r.value} is not a whole number`);
  return r;
}

export function oneOf<T extends string>(v: unknown, allowed: readonly T[]): Parsed<T | null> {
  if (isBlank(v)) return ok(null);
  const s = String(v).trim().toLowerCase();
  if ((allowed as readonly string[]).includes(s)) return ok(s as T);
  return fail(`"${String(v)}" is not one of ${allowed.join(', ')}`);
}

export function pattern(v: unknown, re: RegExp, what: string): Parsed<string | null> {
  if (isBlank(v)) return ok(null);
  const s = String(v).trim();
  return re.test(s) ? ok(s) : fail(`"${s}" is not ${what}`);
}

export function partialDate(v: unknown): Parsed<PartialDate | null> {
  if (isBlank(v)) return ok(null);
  const r = parsePartialDate(String(v));
  return typeof r === 'string' ? fail(r) : ok(r);
}

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
export const ID_RULE =
  'an id: letters, digits, "_", "." and "-", starting with a letter or digit, at most 100 long';

export function placeId(v: unknown): Parsed<string | null> {
  return pattern(v, ID_PATTERN, ID_RULE);
}

let zones: Set<string> | undefined;
export function timezone(v: unknown): Parsed<string | null> {
  if (isBlank(v)) return ok(null);
  const s = String(v).trim();
  zones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (zones.has(s)) return ok(s);
  try {
    // Intl lists canonical names only; aliases such as Asia/Calcutta are still valid IANA names.
    new Intl.DateTimeFormat('en', { timeZone: s });
    return ok(s);
  } catch {
    return fail(`"${s}" is not an IANA time zone such as Asia/Shanghai`);
  }
}

let currencies: Set<string> | undefined;
export function currency(v: unknown): Parsed<string | null> {
  if (isBlank(v)) return ok(null);
  const s = String(v).trim().toUpperCase();
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(s) ? ok(s) : fail(`"${String(v)}" is not an ISO 4217 currency code such as CNY`);
}

export const LANG_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** A list written `a;b;c` in CSV or as a JSON array. */
export function list(v: unknown): Parsed<string[] | null> {
  if (isBlank(v)) return ok(null);
  if (Array.isArray(v)) {
    if (!v.every((x) => typeof x === 'string')) return fail('must be a list of text');
    return ok(v.map((x: string) => x.trim()).filter(Boolean));
  }
  if (typeof v !== 'string') return fail('must be text separated by ";" or a list');
  return ok(
    v
      .split(';')
      .map((x) => x.trim())
      .filter(Boolean),
  );
}

export function languages(v: unknown): Parsed<string[] | null> {
  const r = list(v);
  if (!r.ok || r.value === null) return r;
  const bad = r.value.filter((l) => !LANG_PATTERN.test(l));
  if (bad.length)
    return fail(`${bad.map((b) => `"${b}"`).join(', ')} not a language code such as zh or pt-BR`);
  return ok([...new Set(r.value)]);
}

/** Names by language: `zh:鞍山;ja:鞍山市` in CSV, `{"zh": "鞍山"}` in JSON. */
export function names(v: unknown): Parsed<Record<string, string> | null> {
  if (isBlank(v)) return ok(null);
  const out: Record<string, string> = {};
  let entries: [string, unknown][];
  if (typeof v === 'string') {
    entries = [];
    for (const part of v.split(';')) {
      if (!part.trim()) continue;
      const i = part.indexOf(':');
      if (i < 0) return fail(`"${part.trim()}" has no language; write lang:name, e.g. zh:鞍山`);
      entries.push([part.slice(0, i).trim(), part.slice(i + 1)]);
    }
  } else if (typeof v === 'object' && !Array.isArray(v)) {
    entries = Object.entries(v as Record<string, unknown>);
  } else {
    return fail('must be lang:name pairs separated by ";" or an object of names by language');
  }
  for (const [lang, raw] of entries) {
    if (!LANG_PATTERN.test(lang)) return fail(`"${lang}" is not a language code such as zh or pt-BR`);
    const name = text(raw, 200);
    if (!name.ok) return fail(`the ${lang} name ${name.error}`);
    if (name.value === null) return fail(`the ${lang} name is empty`);
    if (name.value.includes(';')) return fail(`the ${lang} name contains ";", which separates names`);
    if (Object.hasOwn(out, lang)) return fail(`has two ${lang} names; give one per language`);
    out[lang] = name.value;
  }
  return ok(out);
}
