// Where the registry's data comes from beyond each fact's own sources: old ids that lead to current places
// (redirects), facts on which the sources disagreed, and the dataset's manifest (its date and sources).
import * as f from './fields.js';
import { PLACE_SOURCE_FACTS, type FieldIssue } from './places.js';

/** An id that no longer names a place, and the place it became (merged into, or renamed). */
export interface Redirect {
  from: string;
  to: string;
  reason: string | null;
  createdAt: string;
}

export type RedirectInput = Omit<Redirect, 'createdAt'>;

export const REDIRECT_COLUMNS = ['from', 'to', 'reason'] as const;

/** A fact of a place on which two sources disagreed, and which value the data kept. */
export interface Disagreement {
  place: string;
  fact: string;
  kept: string | null;
  keptSource: string | null;
  other: string | null;
  otherSource: string | null;
}

export const DISAGREEMENT_COLUMNS = [
  'place',
  'fact',
  'kept',
  'kept_source',
  'other',
  'other_source',
] as const;

type Validated<T> = { value: T; issues: FieldIssue[] };

function checker(record: Record<string, unknown>, columns: readonly string[], what: string) {
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(record))
    if (!columns.includes(key))
      issues.push({ column: key, message: `is not a ${what} column; the columns are ${columns.join(', ')}` });
  function take<T>(column: string, r: f.Parsed<T>): T | undefined {
    if (!r.ok) {
      issues.push({ column, message: r.error });
      return undefined;
    }
    return r.value;
  }
  const required = (column: string, v: string | null | undefined): string => {
    if (!v && !issues.some((i) => i.column === column)) issues.push({ column, message: 'is required' });
    return v ?? '';
  };
  return { issues, take, required };
}

export function validateRedirectRecord(record: Record<string, unknown>): Validated<RedirectInput> {
  const { issues, take, required } = checker(record, REDIRECT_COLUMNS, 'redirects');
  const from = required('from', take('from', f.placeId(record.from)));
  const to = required('to', take('to', f.placeId(record.to)));
  const reason = take('reason', f.line(record.reason, 500)) ?? null;
  if (from && from === to) issues.push({ column: 'to', message: 'a redirect cannot lead to itself' });
  return { value: { from, to, reason }, issues };
}

export function validateDisagreementRecord(record: Record<string, unknown>): Validated<Disagreement> {
  const { issues, take, required } = checker(record, DISAGREEMENT_COLUMNS, 'disagreements');
  const place = required('place', take('place', f.placeId(record.place)));
  const fact = required('fact', take('fact', f.line(record.fact, 30)));
  if (fact && !(PLACE_SOURCE_FACTS as readonly string[]).includes(fact))
    issues.push({
      column: 'fact',
      message: `"${fact}" is not a fact of a place; use one of ${PLACE_SOURCE_FACTS.join(', ')}`,
    });
  const value: Disagreement = {
    place,
    fact,
    kept: take('kept', f.line(record.kept, 2000)) ?? null,
    keptSource: take('kept_source', f.line(record.kept_source, 2000)) ?? null,
    other: take('other', f.line(record.other, 2000)) ?? null,
    otherSource: take('other_source', f.line(record.other_source, 2000)) ?? null,
  };
  if (value.kept === null && value.other === null)
    issues.push({ column: 'other', message: 'give the value kept, the other value, or both' });
  return { value, issues };
}

/** One source the dataset was built from, as its manifest names it. */
export interface ManifestSource {
  id: string;
  title: string;
  date: string | null;
  licence: string | null;
  url: string | null;
}

/** The dataset's manifest (`data/manifest.json`): when it was built, by what, from which sources. */
export interface DataManifest {
  /** the date the data describes (ISO) */
  asOf: string;
  builtBy: string | null;
  sources: ManifestSource[];
  /** counts the build reports (how many places have coordinates, …), kept as given */
  coverage: Record<string, unknown>;
  /** the rules that placed places (matching by name, by borders) with their measured precision, kept as given */
  rules: Record<string, unknown>[];
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Checks a manifest; problems name the key (`sources[2].url`). */
export function validateManifest(doc: unknown): { value: DataManifest; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const value: DataManifest = { asOf: '', builtBy: null, sources: [], coverage: {}, rules: [] };
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    issues.push({
      column: '',
      message: 'must hold an object with "asOf", "builtBy", "sources" and "coverage"',
    });
    return { value, issues };
  }
  const o = doc as Record<string, unknown>;
  for (const k of Object.keys(o))
    if (!['asOf', 'builtBy', 'sources', 'coverage', 'rules'].includes(k))
      issues.push({
        column: k,
        message: 'is not a manifest key; use asOf, builtBy, sources, coverage and rules',
      });
  if (o.rules !== undefined) {
    if (!Array.isArray(o.rules) || o.rules.some((r) => !r || typeof r !== 'object' || Array.isArray(r)))
      issues.push({ column: 'rules', message: 'must be a list of objects' });
    else value.rules = o.rules as Record<string, unknown>[];
  }
  if (typeof o.asOf === 'string' && ISO_DAY.test(o.asOf.trim())) value.asOf = o.asOf.trim();
  else issues.push({ column: 'asOf', message: 'must be a date such as 2026-11-22' });
  const builtBy = f.line(o.builtBy, 500);
  if (builtBy.ok) value.builtBy = builtBy.value;
  else issues.push({ column: 'builtBy', message: builtBy.error });
  if (o.sources !== undefined && !Array.isArray(o.sources))
    issues.push({ column: 'sources', message: 'must be a list of {id, title, date, licence, url}' });
  for (const [i, s] of (Array.isArray(o.sources) ? o.sources : []).entries()) {
    const at = `sources[${i}]`;
    if (!s || typeof s !== 'object' || Array.isArray(s)) {
      issues.push({ column: at, message: 'must be an object with id, title, date, licence and url' });
      continue;
    }
    const r = s as Record<string, unknown>;
    const field = (k: string, max: number) => {
      const p = f.line(r[k], max);
      if (!p.ok) issues.push({ column: `${at}.${k}`, message: p.error });
      return p.ok ? p.value : null;
    };
    const source: ManifestSource = {
      id: field('id', 100) ?? '',
      title: field('title', 500) ?? '',
      date: field('date', 30),
      licence: field('licence', 200),
      url: field('url', 2000),
    };
    if (!source.id) issues.push({ column: `${at}.id`, message: 'is required' });
    if (!source.title) issues.push({ column: `${at}.title`, message: 'is required' });
    if (source.url && !/^https?:\/\/\S+$/.test(source.url))
      issues.push({ column: `${at}.url`, message: `"${source.url}" is not an http(s) URL` });
    value.sources.push(source);
  }
  if (o.coverage !== undefined) {
    if (!o.coverage || typeof o.coverage !== 'object' || Array.isArray(o.coverage))
      issues.push({ column: 'coverage', message: 'must be an object' });
    else value.coverage = o.coverage as Record<string, unknown>;
  }
  return { value, issues };
}

/** Where one fact shown on a page comes from: the sources the data names for it, or the person who last set it. */
export interface FactOrigin {
  /** citations or addresses of the fact's sources (record-wide sources are not repeated per fact) */
  sources: string[];
  /** the last edit on the web that changed the fact, when there is one */
  edited: { by: string | null; at: string } | null;
}

/** A recorded state of a record's editable facts (a facts revision), oldest first for `factOrigins`. */
export interface FactsState {
  at: string;
  /** the author's name; null for the data's own state (`original`) or a deleted author */
  by: string | null;
  /** whether a person made this state (false for the state the data had before the first edit) */
  byPerson: boolean;
  data: Record<string, string>;
}

/**
 * The origin of each shown fact. `facts` maps a shown fact to the source facts that support it and the
 * revision fields that hold it ('*' for sources that name no fact): population ← sources of `population`, revisions' `population` and
 * `population_year`. A fact an editor changed after the data was loaded shows the editor and when.
 */
export function factOrigins(
  sources: readonly { fact: string | null; url: string | null; citation: string | null }[],
  states: readonly FactsState[],
  facts: Record<string, { sourceFacts: readonly string[]; fields: readonly string[] }>,
): Record<string, FactOrigin> {
  const out: Record<string, FactOrigin> = {};
  for (const [shown, { sourceFacts, fields }] of Object.entries(facts)) {
    const cited = new Set<string>();
    // a source naming no fact supports the whole record: shown with the facts that list '*'
    for (const s of sources) if (sourceFacts.includes(s.fact ?? '*')) cited.add(s.citation ?? s.url ?? '');
    cited.delete('');
    let edited: FactOrigin['edited'] = null;
    for (let i = 1; i < states.length; i++) {
      const [before, after] = [states[i - 1]!, states[i]!];
      if (after.byPerson && fields.some((k) => (before.data[k] ?? '') !== (after.data[k] ?? '')))
        edited = { by: after.by, at: after.at };
    }
    out[shown] = { sources: [...cited].sort(), edited };
  }
  return out;
}
