import type { PartialDate } from './dates.js';
import * as f from './fields.js';
import type { FieldIssue } from './places.js';

export const TWINNING_KINDS = ['sister', 'friendship', 'partnership', 'cooperation'] as const;
export type TwinningKind = (typeof TWINNING_KINDS)[number];

export const TWINNING_STATUSES = ['proposed', 'active', 'dormant', 'suspended', 'ended'] as const;
export type TwinningStatus = (typeof TWINNING_STATUSES)[number];

/** Which side's own list names the tie; null when the source does not say. */
export const LISTED_BY = ['both', 'a', 'b'] as const;
export type ListedBy = (typeof LISTED_BY)[number];

export interface Source {
  /** the fact it supports, e.g. "signed"; null for the tie as a whole */
  fact: string | null;
  url: string | null;
  citation: string | null;
}

/** A tie as stored: a and b in canonical order (see canonicalPair). */
export interface Twinning {
  id: number;
  a: string;
  b: string;
  kind: TwinningKind;
  signed: PartialDate | null;
  ended: PartialDate | null;
  status: TwinningStatus;
  listedBy: ListedBy | null;
  notes: string | null;
  sources: Source[];
  updatedAt: string;
}

export interface TwinningInput {
  a: string;
  b: string;
  kind?: TwinningKind;
  signed?: PartialDate | null;
  ended?: PartialDate | null;
  status?: TwinningStatus;
  listedBy?: ListedBy | null;
  notes?: string | null;
  sources?: Source[] | null;
}

export const TWINNING_COLUMNS = [
  'a',
  'b',
  'kind',
  'signed',
  'ended',
  'status',
  'source',
  'notes',
  'listed_by',
] as const;

/** A tie is undirected: one stored row per pair, with the smaller id first. */
export function canonicalPair(a: string, b: string): [string, string, boolean] {
  return a < b ? [a, b, false] : [b, a, true];
}

function flipListedBy(l: ListedBy | null | undefined): ListedBy | null | undefined {
  return l === 'a' ? 'b' : l === 'b' ? 'a' : l;
}

/** Puts a tie's sides in canonical order, swapping "which side lists it" along with them. */
export function canonicalTwinning(t: TwinningInput): TwinningInput {
  const [a, b, swapped] = canonicalPair(t.a, t.b);
  if (!swapped) return t;
  const out: TwinningInput = { ...t, a, b };
  if (t.listedBy !== undefined) out.listedBy = flipListedBy(t.listedBy) ?? null;
  return out;
}

/** Sources: in CSV one cell, several separated by " | "; in JSON a list of text or {url, citation, fact}. */
function sources(v: unknown): f.Parsed<Source[] | null> {
  if (f.isBlank(v)) return { ok: true, value: null };
  const items: unknown[] = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/\s+\|\s+/) : [v];
  const out: Source[] = [];
  for (const item of items) {
    let fact: unknown = null;
    let body: unknown = item;
    let citation: unknown = null;
    if (item && typeof item === 'object') {
      const o = item as Record<string, unknown>;
      fact = o.fact ?? null;
      body = o.url ?? null;
      citation = o.citation ?? null;
    }
    const factText = f.text(fact, 50);
    const bodyText = f.text(body, 2000);
    const citeText = f.text(citation, 2000);
    if (!factText.ok) return { ok: false, error: `a source's fact ${factText.error}` };
    if (!bodyText.ok) return { ok: false, error: `a source ${bodyText.error}` };
    if (!citeText.ok) return { ok: false, error: `a source's citation ${citeText.error}` };
    let url: string | null = null;
    let cite = citeText.value;
    if (bodyText.value && /^[a-z][a-z0-9+.-]*:\/\//i.test(bodyText.value)) {
      try {
        const u = new URL(bodyText.value);
        if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme');
        url = u.toString();
      } catch {
        return { ok: false, error: `"${bodyText.value}" is not a valid http(s) URL` };
      }
    } else if (bodyText.value) {
      if (item && typeof item === 'object')
        return { ok: false, error: `"${bodyText.value}" is not a valid http(s) URL; put text in "citation"` };
      cite = bodyText.value;
    }
    if (!url && !cite) return { ok: false, error: 'a source needs a URL or a citation' };
    out.push({ fact: factText.value, url, citation: cite });
  }
  return { ok: true, value: out };
}

export function validateTwinningRecord(record: Record<string, unknown>): {
  value: TwinningInput;
  issues: FieldIssue[];
} {
  const issues: FieldIssue[] = [];
  const has = (c: string) => Object.hasOwn(record, c);
  function take<T>(column: string, r: f.Parsed<T>): T | undefined {
    if (!has(column)) return undefined;
    if (!r.ok) {
      issues.push({ column, message: r.error });
      return undefined;
    }
    return r.value;
  }
  // JSON records may call the source list "sources"
  if (has('sources') && !has('source')) {
    record = { ...record, source: record.sources };
    delete record.sources;
  }
  for (const key of Object.keys(record)) {
    if (!(TWINNING_COLUMNS as readonly string[]).includes(key)) {
      issues.push({
        column: key,
        message: `is not a twinnings column; the columns are ${TWINNING_COLUMNS.join(', ')}`,
      });
    }
  }
  const a = take('a', f.placeId(record.a));
  const b = take('b', f.placeId(record.b));
  for (const [col, v] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (!v && !issues.some((i) => i.column === col))
      issues.push({ column: col, message: 'is required (a place id)' });
  }
  if (a && b && a === b) issues.push({ column: 'b', message: 'a place cannot be twinned with itself' });
  const value: TwinningInput = { a: a ?? '', b: b ?? '' };

  const kind = take('kind', f.oneOf(record.kind, TWINNING_KINDS));
  if (has('kind')) value.kind = kind ?? 'sister';
  const signed = take('signed', f.partialDate(record.signed));
  if (signed !== undefined) value.signed = signed;
  const ended = take('ended', f.partialDate(record.ended));
  if (ended !== undefined) value.ended = ended;
  const status = take('status', f.oneOf(record.status, TWINNING_STATUSES));
  if (has('status')) value.status = status ?? (value.ended ? 'ended' : 'active');
  else if (value.ended) value.status = 'ended';
  if (value.signed && value.ended && value.ended.date < value.signed.date) {
    issues.push({ column: 'ended', message: 'is before the signing date' });
  }
  if (value.ended && value.status && !['ended', 'suspended'].includes(value.status)) {
    issues.push({
      column: 'status',
      message: `is ${value.status} but the tie has an end date; make it ended or suspended, or clear "ended"`,
    });
  }
  const src = take('source', sources(record.source));
  if (src !== undefined) value.sources = src;
  const notes = take('notes', f.text(record.notes, 5000));
  if (notes !== undefined) value.notes = notes;
  const listedBy = take('listed_by', f.oneOf(record.listed_by, LISTED_BY));
  if (listedBy !== undefined) value.listedBy = listedBy;
  return { value, issues };
}
