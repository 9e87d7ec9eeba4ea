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

/** Text that may run over several lines (notes, descriptions): tabs and line breaks are kept. */
export function text(v: unknown, max: number): Parsed<string | null> {
  if (isBlank(v)) return ok(null);
  if (typeof v !== 'string' && typeof v !== 'number') return fail('must be text');
  const s = String(v).trim();
  if (s.length > max) return fail(`is ${s.length} characters long; the limit is ${max}`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(s)) return fail('contains control characters');
  return ok(s);
}

// C0 and C1 control characters, DEL, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex
const NOT_ON_ONE_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

/**
 * Text that is one line wherever it shows (names, titles, citations): a line break or any other control
 * character is refused, whether it came from a quoted CSV cell or a JSON string.
 */
export function line(v: unknown, max: number): Parsed<string | null> {
  if (isBlank(v)) return ok(null);
  if (typeof v !== 'string' && typeof v !== 'number') return fail('must be text');
  const s = String(v).trim();
  if (s.length > max) return fail(`is ${s.length} characters long; the limit is ${max}`);
  const bad = NOT_ON_ONE_LINE.exec(s);
  if (bad) {
    const c = bad[0];
    return fail(
      c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029'
        ? 'contains a line break; write it on one line'
        : `contains the control character U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}; remove it`,
    );
  }
  return ok(s);
}

/** Text that may span lines, with line ends made \n whatever system wrote them. */
export function multiline(v: unknown, max: number): Parsed<string | null> {
  return text(typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : v, max);
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

/** A BCP 47 tag as names use it: `zh`, `pt-BR`, `zh-Hant`, `und`, and private-use tags such as `und-x-alt2`. */
export const LANG_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*(?:-x(?:-[A-Za-z0-9]{1,8})+)?$/;

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
    const name = line(raw, 200);
    if (!name.ok) return fail(`the ${lang} name ${name.error}`);
    if (name.value === null) return fail(`the ${lang} name is empty`);
    if (name.value.includes(';')) return fail(`the ${lang} name contains ";", which separates names`);
    if (Object.hasOwn(out, lang)) return fail(`has two ${lang} names; give one per language`);
    out[lang] = name.value;
  }
  return ok(out);
}

/** Where a fact comes from: a URL or a citation, and the fact it backs (null: the record as a whole). */
export interface Source {
  fact: string | null;
  url: string | null;
  citation: string | null;
}

/** How many sources one record may carry. */
export const MAX_SOURCES = 50;
/** Separates the sources of one CSV cell. */
export const SOURCE_SEPARATOR = ' | ';
// every " | " separates, so an empty item between two of them is seen (and refused)
const SPLIT_SOURCES = /\s\|(?=\s)/;
const FACT_PREFIX = /^([a-z][a-z_]{0,29})=/;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

function sourceUrl(s: string): Parsed<string> {
  try {
    const u = new URL(s);
    if (u.protocol === 'http:' || u.protocol === 'https:') return ok(u.toString());
  } catch {
    // reported below
  }
  return fail(`"${s}" is not a valid http(s) URL`);
}

/**
 * Sources of a record's facts. In CSV one cell, items separated by " | "; an item is `fact=VALUE` or `VALUE`,
 * VALUE an http(s) URL or a citation. In JSON a list of such text items or of `{fact, url, citation}` objects.
 * `facts` are the fact names the record type knows.
 */
export function sources(v: unknown, facts: readonly string[]): Parsed<Source[] | null> {
  if (isBlank(v)) return ok(null);
  const items: unknown[] = Array.isArray(v) ? v : typeof v === 'string' ? v.trim().split(SPLIT_SOURCES) : [v];
  if (items.length > MAX_SOURCES) return fail(`has ${items.length} sources; the limit is ${MAX_SOURCES}`);
  const out: Source[] = [];
  const knownFact = (fact: string): Parsed<string> =>
    facts.includes(fact)
      ? ok(fact)
      : fail(`"${fact}" is not a fact a source can back here; use one of ${facts.join(', ')}`);
  for (const item of items) {
    let source: Source;
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const o = item as Record<string, unknown>;
      for (const k of Object.keys(o))
        if (k !== 'fact' && k !== 'url' && k !== 'citation')
          return fail(`a source has the key "${k}"; a source has "fact", "url" and "citation"`);
      const fact = line(o.fact, 30);
      if (!fact.ok) return fail(`a source's fact ${fact.error}`);
      if (fact.value !== null) {
        const known = knownFact(fact.value);
        if (!known.ok) return known;
      }
      const url = line(o.url, 2000);
      if (!url.ok) return fail(`a source's url ${url.error}`);
      let urlValue: string | null = null;
      if (url.value !== null) {
        if (!HAS_SCHEME.test(url.value))
          return fail(`"${url.value}" is not a valid http(s) URL; put text in "citation"`);
        const u = sourceUrl(url.value);
        if (!u.ok) return u;
        urlValue = u.value;
      }
      const citation = line(o.citation, 2000);
      if (!citation.ok) return fail(`a source's citation ${citation.error}`);
      // Written to CSV, such a citation would read back as the fact it seems to name.
      if (fact.value === null && citation.value !== null && FACT_PREFIX.test(citation.value))
        return fail(
          `the citation "${citation.value}" begins like a fact ("${FACT_PREFIX.exec(citation.value)![1]}="); give its fact or reword it`,
        );
      source = { fact: fact.value, url: urlValue, citation: citation.value };
    } else if (typeof item === 'string') {
      const s = line(item, 2100);
      if (!s.ok) return fail(`a source ${s.error}`);
      let body = s.value ?? '';
      let fact: string | null = null;
      const m = FACT_PREFIX.exec(body);
      if (m) {
        const known = knownFact(m[1]!);
        if (!known.ok) return known;
        fact = m[1]!;
        body = body.slice(m[0].length).trim();
      }
      if (!body)
        return fail(fact ? `the source of ${fact} is empty` : 'a source is empty; remove the extra " | "');
      if (HAS_SCHEME.test(body)) {
        const u = sourceUrl(body);
        if (!u.ok) return u;
        source = { fact, url: u.value, citation: null };
      } else {
        if (body.length > 2000)
          return fail(`a citation is ${body.length} characters long; the limit is 2000`);
        source = { fact, url: null, citation: body };
      }
    } else return fail('a source must be text or an object with "fact", "url" and "citation"');
    if (!source.url && !source.citation) return fail('a source needs a URL or a citation');
    if (source.citation !== null && / \| /.test(source.citation))
      return fail(`the citation "${source.citation}" contains " | ", which separates sources`);
    out.push(source);
  }
  return ok(out);
}

/** One source as a CSV item: `fact=VALUE` or `VALUE`. A source with both a URL and a citation gives two. */
export function formatSource(s: Source): string[] {
  const prefix = s.fact ? `${s.fact}=` : '';
  const values = [s.url, s.citation].filter((x): x is string => !!x);
  return values.map((v) => prefix + v);
}

/** A record's sources as one CSV cell. */
export function formatSources(list: readonly Source[]): string {
  return list.flatMap(formatSource).join(SOURCE_SEPARATOR);
}

export function sameSources(x: readonly Source[], y: readonly Source[]): boolean {
  return (
    x.length === y.length &&
    x.every((s, i) => {
      const o = y[i]!;
      return s.fact === o.fact && s.url === o.url && s.citation === o.citation;
    })
  );
}
