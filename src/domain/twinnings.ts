import type { PartialDate } from './dates.js';
import * as f from './fields.js';
import type { Source } from './fields.js';
import type { FieldIssue } from './places.js';

export type { Source } from './fields.js';

export const TWINNING_KINDS = ['sister', 'friendship', 'partnership', 'cooperation'] as const;
export type TwinningKind = (typeof TWINNING_KINDS)[number];

export const TWINNING_STATUSES = ['proposed', 'active', 'dormant', 'suspended', 'ended'] as const;
export type TwinningStatus = (typeof TWINNING_STATUSES)[number];

/** Which side's own list names the tie; null when the source does not say. */
export const LISTED_BY = ['both', 'a', 'b'] as const;
export type ListedBy = (typeof LISTED_BY)[number];

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

/** The facts of a tie a source can back (`fact=` in a source); `tie` is the tie itself. */
export const TIE_SOURCE_FACTS = ['tie', 'kind', 'signed', 'ended', 'status', 'listed_by', 'notes'] as const;

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
  const src = take('source', f.sources(record.source, TIE_SOURCE_FACTS));
  if (src !== undefined) value.sources = src;
  const notes = take('notes', f.multiline(record.notes, 5000));
  if (notes !== undefined) value.notes = notes;
  const listedBy = take('listed_by', f.oneOf(record.listed_by, LISTED_BY));
  if (listedBy !== undefined) value.listedBy = listedBy;
  return { value, issues };
}

/** The places whose own lists name a tie, or null when unknown. */
function listers(t: Pick<Twinning, 'a' | 'b' | 'listedBy'>): Set<string> | null {
  if (t.listedBy === null) return null;
  if (t.listedBy === 'both') return new Set([t.a, t.b]);
  return new Set([t.listedBy === 'a' ? t.a : t.b]);
}

function listedByOf(a: string, b: string, who: Set<string> | null): ListedBy | null {
  if (!who) return null;
  const byA = who.has(a);
  const byB = who.has(b);
  return byA && byB ? 'both' : byA ? 'a' : byB ? 'b' : null;
}

const swapId = (id: string, from: string, to: string) => (id === from ? to : id);

/**
 * A tie of `from` given to `to` instead: the pair in canonical order, and which side lists it (the side that
 * listed it still does, wherever the order puts it).
 */
export function repointTie(
  t: Pick<Twinning, 'a' | 'b' | 'listedBy'>,
  from: string,
  to: string,
): { a: string; b: string; listedBy: ListedBy | null } {
  const [a, b] = canonicalPair(swapId(t.a, from, to), swapId(t.b, from, to));
  const who = listers(t);
  return { a, b, listedBy: listedByOf(a, b, who && new Set([...who].map((id) => swapId(id, from, to)))) };
}

/**
 * Two ties between the same places (one of them moved over from a merged duplicate) as one: the kept tie's
 * facts win, facts it lacks come from the other where they agree with its own, sources are the union and
 * each place that listed either tie lists the result. `other` is given with its sides already repointed.
 */
export function combineTies(kept: Twinning, other: Twinning): TwinningInput & { filled: string[] } {
  const filled: string[] = [];
  const out: TwinningInput & { filled: string[] } = {
    a: kept.a,
    b: kept.b,
    kind: kept.kind,
    signed: kept.signed,
    ended: kept.ended,
    status: kept.status,
    notes: kept.notes,
    filled,
  };
  if (!out.signed && other.signed && (!out.ended || other.signed.date <= out.ended.date)) {
    out.signed = other.signed;
    filled.push('signed');
  }
  // an end date only where the kept tie's status already says it ended or was suspended
  if (
    !out.ended &&
    other.ended &&
    (kept.status === 'ended' || kept.status === 'suspended') &&
    (!out.signed || other.ended.date >= out.signed.date)
  ) {
    out.ended = other.ended;
    filled.push('ended');
  }
  if (!out.notes && other.notes) {
    out.notes = other.notes;
    filled.push('notes');
  }
  const a = listers(kept);
  const b = listers(other);
  out.listedBy = listedByOf(kept.a, kept.b, a && b ? new Set([...a, ...b]) : (a ?? b));
  if (out.listedBy !== kept.listedBy) filled.push('listed_by');
  const sources = [...kept.sources];
  for (const s of other.sources)
    if (!sources.some((m) => m.fact === s.fact && m.url === s.url && m.citation === s.citation))
      sources.push(s);
  out.sources = sources.slice(0, f.MAX_SOURCES);
  if (out.sources.length !== kept.sources.length) filled.push('sources');
  return out;
}
