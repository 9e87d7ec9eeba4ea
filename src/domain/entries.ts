// What an organization publishes and keeps, as entries: each type has its fields, checked here. What entries are
// queried by (title, start, end) are columns; the rest is kept as checked JSON.
import { DateTime } from 'luxon';
import { EMAIL } from './accounts.js';
import { isCountryCode } from './countries.js';
import { ValidationError, type Problem } from './errors.js';
import * as f from './fields.js';
import { formatPartialDate, type PartialDate } from './dates.js';

export const ENTRY_TYPES = [
  'post',
  'event',
  'activity',
  'committee',
  'person',
  'institution',
  'membership',
] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

export const POST_KINDS = ['news', 'article'] as const;
export const ACTIVITY_KINDS = [
  'delegation-in',
  'delegation-out',
  'exchange',
  'program',
  'festival',
  'conference',
  'business',
] as const;
export const PERSON_ROLES = [
  'co-chair',
  'chair',
  'director',
  'secretary',
  'treasurer',
  'contact',
  'member',
] as const;
export const INSTITUTION_KINDS = [
  'university',
  'school',
  'company',
  'agency',
  'hospital',
  'museum',
  'other',
] as const;

export type FieldKind =
  | 'text'
  | 'longtext'
  | 'markdown'
  | 'choice'
  | 'bool'
  | 'date'
  | 'datetime'
  | 'timezone'
  | 'year'
  | 'amount'
  | 'currency'
  | 'email'
  | 'phone'
  | 'url'
  | 'country'
  | 'place'
  | 'lines'
  | 'committee'
  /** the organization's people (person entries) or institutions, by id */
  | 'people'
  | 'institutions';

export interface FieldDef {
  name: string;
  kind: FieldKind;
  required?: boolean;
  max?: number;
  options?: readonly string[];
}

/** The fields of each type, in the order forms show them. Every type has a title (a person's is their name). */
export const ENTRY_FIELDS: Record<EntryType, FieldDef[]> = {
  post: [
    { name: 'title', kind: 'text', required: true, max: 200 },
    { name: 'kind', kind: 'choice', required: true, options: POST_KINDS },
    { name: 'summary', kind: 'longtext', max: 500 },
    { name: 'body', kind: 'markdown', required: true, max: 50_000 },
  ],
  event: [
    { name: 'title', kind: 'text', required: true, max: 200 },
    { name: 'starts', kind: 'datetime', required: true },
    { name: 'ends', kind: 'datetime' },
    { name: 'timezone', kind: 'timezone', required: true },
    { name: 'venue', kind: 'text', max: 300 },
    { name: 'description', kind: 'markdown', max: 20_000 },
  ],
  activity: [
    { name: 'title', kind: 'text', required: true, max: 200 },
    { name: 'kind', kind: 'choice', required: true, options: ACTIVITY_KINDS },
    { name: 'date', kind: 'date', required: true },
    { name: 'endDate', kind: 'date' },
    { name: 'venue', kind: 'text', max: 300 },
    { name: 'summary', kind: 'markdown', max: 20_000 },
    { name: 'people', kind: 'people' },
    { name: 'institutions', kind: 'institutions' },
    { name: 'participants', kind: 'lines', max: 200 },
    { name: 'outcome', kind: 'longtext', max: 2000 },
    { name: 'amount', kind: 'amount' },
    { name: 'currency', kind: 'currency' },
    { name: 'seeking', kind: 'bool' },
    { name: 'contact', kind: 'text', max: 300 },
  ],
  committee: [
    { name: 'title', kind: 'text', required: true, max: 200 },
    { name: 'country', kind: 'country', required: true },
    { name: 'about', kind: 'longtext', max: 2000 },
  ],
  person: [
    { name: 'title', kind: 'text', required: true, max: 200 },
    { name: 'role', kind: 'choice', required: true, options: PERSON_ROLES },
    { name: 'position', kind: 'text', max: 200 },
    { name: 'committee', kind: 'committee' },
    { name: 'email', kind: 'email' },
    { name: 'phone', kind: 'phone' },
    { name: 'public', kind: 'bool' },
  ],
  institution: [
    { name: 'title', kind: 'text', required: true, max: 200 },
    { name: 'kind', kind: 'choice', required: true, options: INSTITUTION_KINDS },
    { name: 'place', kind: 'place' },
    { name: 'url', kind: 'url' },
  ],
  membership: [
    { name: 'title', kind: 'text', required: true, max: 200 },
    { name: 'since', kind: 'year', required: true },
    { name: 'url', kind: 'url' },
  ],
};

/** Types an entry may be about places, countries and ties. */
export const WITH_SUBJECTS: readonly EntryType[] = ['post', 'event', 'activity'];
export const SUBJECT_TYPES = ['place', 'country', 'twinning'] as const;
export type EntrySubjectType = (typeof SUBJECT_TYPES)[number];
export interface EntrySubject {
  type: EntrySubjectType;
  id: string;
}

export type EntryData = Record<string, string | number | boolean | string[] | PartialDate | null>;

export interface Entry {
  id: number;
  orgId: number;
  type: EntryType;
  title: string;
  /** posts: published (UTC); events: start (UTC); activities: first day (YYYY-MM-DD) */
  startsAt: string | null;
  endsAt: string | null;
  data: EntryData;
  subjects: EntrySubject[];
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface CheckedEntry {
  title: string;
  startsAt: string | null;
  endsAt: string | null;
  data: EntryData;
}

const PHONE = /^\+?[0-9 ()./-]{5,30}$/;
const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})$/;

export function isEntryType(v: unknown): v is EntryType {
  return typeof v === 'string' && (ENTRY_TYPES as readonly string[]).includes(v);
}

/** A wall-clock time in a zone to UTC (ISO); an error message when it is not a time, or not one in that zone. */
export function zonedToUtc(local: string, zone: string): string | { error: string } {
  const m = LOCAL_TIME.exec(local.trim());
  if (!m) return { error: `"${local}" is not a time; write YYYY-MM-DDTHH:MM` };
  const dt = DateTime.fromISO(`${m[1]}T${m[2]}:${m[3]}`, { zone });
  if (!dt.isValid) return { error: `"${local}" is not a time in ${zone}` };
  // a time skipped by a change to summer time moves forward; luxon says so by a different wall clock
  if (dt.toFormat("yyyy-MM-dd'T'HH:mm") !== `${m[1]}T${m[2]}:${m[3]}`)
    return { error: `${local} does not exist in ${zone} (the clocks change then)` };
  return dt.toUTC().toISO({ suppressMilliseconds: true })!;
}

/**
 * Checks an entry of a type from what a form or the API sent (text values, checkboxes as "on"); every problem
 * is reported with the field it is in. `committees` are the ids of the organization's committees.
 */
export function validateEntry(
  type: EntryType,
  raw: Record<string, unknown>,
  opts: {
    now?: Date;
    committees?: number[];
    people?: number[];
    institutions?: number[];
    publishedAt?: string | null;
  } = {},
): CheckedEntry {
  const problems: Problem[] = [];
  const data: EntryData = {};
  const bad = (column: string, message: string) => problems.push({ column, message });
  for (const def of ENTRY_FIELDS[type]) {
    const v = raw[def.name];
    const blank = f.isBlank(v) || (def.kind === 'bool' && !v) || (Array.isArray(v) && !v.length);
    if (def.required && blank && def.kind !== 'bool') {
      bad(def.name, 'is required');
      continue;
    }
    let r: f.Parsed<unknown>;
    switch (def.kind) {
      case 'text':
      case 'longtext':
      case 'markdown':
        r = f.text(typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : v, def.max ?? 1000);
        break;
      case 'choice':
        r = f.oneOf(v, def.options!);
        break;
      case 'bool':
        r = { ok: true, value: v === true || v === 'on' || v === 'true' || v === '1' };
        break;
      case 'date':
        r = f.partialDate(v);
        break;
      case 'datetime':
        r = f.isBlank(v)
          ? { ok: true, value: null }
          : LOCAL_TIME.test(String(v).trim())
            ? { ok: true, value: String(v).trim().replace(' ', 'T') }
            : { ok: false, error: `"${String(v)}" is not a time; write YYYY-MM-DDTHH:MM` };
        break;
      case 'timezone':
        r = f.timezone(v);
        break;
      case 'year':
        r = f.integer(v, 1000, 2100);
        break;
      case 'amount':
        r = f.number(typeof v === 'string' ? v.replace(/[,_\s]/g, '') : v, 0, 1e15);
        break;
      case 'currency':
        r = f.currency(v);
        break;
      case 'email':
        r = f.pattern(v, EMAIL, 'an e-mail address');
        break;
      case 'phone':
        r = f.pattern(v, PHONE, 'a phone number such as +86 412 555 0100');
        break;
      case 'url':
        r = f.isBlank(v)
          ? { ok: true, value: null }
          : /^https?:\/\/[^\s/]+\.[^\s]+$/.test(String(v).trim()) && String(v).trim().length <= 500
            ? { ok: true, value: String(v).trim() }
            : { ok: false, error: `"${String(v)}" is not a web address starting with https://` };
        break;
      case 'country': {
        const s = String(v ?? '')
          .trim()
          .toUpperCase();
        r = !s
          ? { ok: true, value: null }
          : isCountryCode(s)
            ? { ok: true, value: s }
            : { ok: false, error: `"${s}" is not a country code such as JP` };
        break;
      }
      case 'place':
        r = f.placeId(v);
        break;
      case 'lines': {
        const t = f.text(typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : v, 20_000);
        if (!t.ok || t.value === null) r = t;
        else {
          const lines = t.value
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean);
          r =
            lines.length > (def.max ?? 100)
              ? { ok: false, error: `has ${lines.length} lines; the limit is ${def.max}` }
              : lines.some((l) => l.length > 300)
                ? { ok: false, error: 'has a line longer than 300 characters' }
                : { ok: true, value: lines };
        }
        break;
      }
      case 'people':
      case 'institutions': {
        const allowed = (def.kind === 'people' ? opts.people : opts.institutions) ?? [];
        const list = (Array.isArray(v) ? v : f.isBlank(v) ? [] : [v]).map((x) => String(x).trim());
        const ids = list.map((x) => (/^\d{1,12}$/.test(x) ? Number(x) : NaN));
        r = ids.every((id) => allowed.includes(id))
          ? { ok: true, value: [...new Set(ids)].map(String) }
          : { ok: false, error: `lists someone who is not among this organization's ${def.kind}` };
        break;
      }
      case 'committee': {
        const s = String(v ?? '').trim();
        r = !s
          ? { ok: true, value: null }
          : /^\d+$/.test(s) && (opts.committees ?? []).includes(Number(s))
            ? { ok: true, value: Number(s) }
            : { ok: false, error: 'is not a committee of this organization' };
        break;
      }
    }
    if (!r.ok) bad(def.name, r.error);
    else data[def.name] = r.value as EntryData[string];
  }

  let startsAt: string | null = null;
  let endsAt: string | null = null;
  if (type === 'event' && data.starts && data.timezone) {
    const s = zonedToUtc(String(data.starts), String(data.timezone));
    if (typeof s !== 'string') bad('starts', s.error);
    else startsAt = s;
    if (data.ends) {
      const e = zonedToUtc(String(data.ends), String(data.timezone));
      if (typeof e !== 'string') bad('ends', e.error);
      else if (startsAt && e < startsAt) bad('ends', 'is before the start');
      else endsAt = e;
    }
  }
  if (type === 'activity') {
    const d = data.date as PartialDate | null;
    const e = data.endDate as PartialDate | null;
    if (d) startsAt = d.date;
    if (d && e && e.date < d.date) bad('endDate', 'is before the first day');
    if (e) endsAt = e.date;
    if (data.amount !== null && data.amount !== undefined && !data.currency)
      bad('currency', 'is required with an amount (an ISO 4217 code such as CNY)');
    if (data.seeking && !data.contact)
      bad('contact', 'is required when seeking participants: say whom to contact');
  }
  if (type === 'post') startsAt = opts.publishedAt ?? (opts.now ?? new Date()).toISOString();

  if (problems.length) {
    throw new ValidationError(
      `The ${type} cannot be saved: ${problems.map((p) => `${p.column} ${p.message}`).join('; ')}.`,
      problems,
    );
  }
  return { title: String(data.title), startsAt, endsAt, data };
}

/** Parses subject references as forms send them: "place:Q74957", "country:JP", "twinning:12". */
export function parseSubjects(values: unknown): EntrySubject[] {
  const list = Array.isArray(values) ? values : values === undefined || values === '' ? [] : [values];
  const out: EntrySubject[] = [];
  for (const v of list) {
    const m =
      typeof v === 'string' ? /^(place|country|twinning):([A-Za-z0-9][A-Za-z0-9_.-]{0,99})$/.exec(v) : null;
    if (!m) throw new ValidationError(`"${String(v)}" is not a place, country or tie to tie this to.`);
    if (!out.some((s) => s.type === m[1] && s.id === m[2]))
      out.push({ type: m[1] as EntrySubjectType, id: m[2]! });
  }
  if (out.length > 50)
    throw new ValidationError('An entry can be about at most 50 places, countries and ties.');
  return out;
}

/** The public address of an entry: posts, events and activities have their own pages, the rest their organization's. */
export function entryPath(e: Pick<Entry, 'id' | 'type'>, orgSlug: string): string {
  if (e.type === 'post') return `/news/${e.id}`;
  if (e.type === 'event') return `/events/${e.id}`;
  if (e.type === 'activity') return `/activities/${e.id}`;
  return `/orgs/${orgSlug}`;
}

/** An entry's stored values as a form (or the API) sends them: text, a checkbox, lines, chosen ids. */
export function entryFormValues(
  e: Pick<Entry, 'data' | 'type'>,
): Record<string, string | boolean | string[]> {
  const out: Record<string, string | boolean | string[]> = {};
  const kinds = new Map(ENTRY_FIELDS[e.type].map((d) => [d.name, d.kind]));
  for (const [k, v] of Object.entries(e.data)) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'boolean') out[k] = v;
    else if (Array.isArray(v)) out[k] = kinds.get(k) === 'lines' ? v.join('\n') : v.map(String);
    else if (typeof v === 'object') out[k] = formatPartialDate(v);
    else out[k] = String(v);
  }
  return out;
}

/** Refuses field names a type of entry does not have (the API is told rather than ignored). */
export function checkEntryFields(type: EntryType, names: string[]): void {
  const known = new Set(ENTRY_FIELDS[type].map((d) => d.name));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length)
    throw new ValidationError(
      `A ${type} has no field ${unknown.map((n) => `"${n}"`).join(', ')}; its fields are ${[...known].join(', ')}.`,
      unknown.map((n) => ({ column: n, message: `is not a field of a ${type}` })),
    );
}
