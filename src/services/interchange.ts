// The interchange format: places and twinnings as CSV (one file each) or JSON ({"places": [...],
// "twinnings": [...]}). Parsing keeps where each record came from, so every problem can name its line.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { formatPartialDate } from '../domain/dates.js';
import type { Problem } from '../domain/errors.js';
import { PLACE_COLUMNS, type Place } from '../domain/places.js';
import { TWINNING_COLUMNS, type Twinning } from '../domain/twinnings.js';

export type RecordType = 'places' | 'twinnings';

export interface SourceRecord {
  type: RecordType;
  file: string;
  /** CSV: the line the record starts on */
  line?: number;
  /** JSON: the record's path, e.g. places[3] */
  record?: string;
  fields: Record<string, unknown>;
}

export interface ParsedFile {
  records: SourceRecord[];
  problems: Problem[];
}

/** Parses one file of the interchange format; `name` decides CSV or JSON by its extension. */
export function parseInterchange(name: string, content: string): ParsedFile {
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  if (/\.json$/i.test(name)) return parseJson(name, content);
  if (/\.(csv|txt)$/i.test(name)) return parseCsv(name, content);
  return {
    records: [],
    problems: [
      { file: name, message: 'is neither .csv nor .json; name the file places.csv, twinnings.csv or *.json' },
    ],
  };
}

function parseCsv(file: string, content: string): ParsedFile {
  const problems: Problem[] = [];
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(content, {
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof rows;
  } catch (e) {
    const err = e as Error & { lines?: number };
    return {
      records: [],
      problems: [{ file, line: err.lines, message: `is not valid CSV: ${err.message}` }],
    };
  }
  const header = rows.shift();
  if (!header) return { records: [], problems: [{ file, message: 'is empty; it needs a header line' }] };
  const columns = header.record.map((c) => c.trim().toLowerCase());
  let type: RecordType;
  if (columns.includes('a') && columns.includes('b')) type = 'twinnings';
  else if (columns.includes('id')) type = 'places';
  else {
    return {
      records: [],
      problems: [
        {
          file,
          line: 1,
          message:
            `the header has neither "id" (a places file: ${PLACE_COLUMNS.slice(0, 10).join(',')}) ` +
            `nor "a" and "b" (a twinnings file: ${TWINNING_COLUMNS.slice(0, 8).join(',')})`,
        },
      ],
    };
  }
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c)) problems.push({ file, line: 1, column: c, message: 'appears twice in the header' });
    seen.add(c);
  }
  const records: SourceRecord[] = [];
  for (const { record, info } of rows) {
    const line = info.lines - record.reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
    if (record.length !== columns.length) {
      problems.push({
        file,
        line,
        message: `has ${record.length} fields but the header has ${columns.length}; quote fields that contain commas`,
      });
      continue;
    }
    const fields: Record<string, unknown> = {};
    columns.forEach((c, i) => (fields[c] = record[i]));
    records.push({ type, file, line, fields });
  }
  return { records, problems };
}

function parseJson(file: string, content: string): ParsedFile {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch (e) {
    return { records: [], problems: [{ file, message: `is not valid JSON: ${(e as Error).message}` }] };
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    return {
      records: [],
      problems: [{ file, message: 'must hold an object with "places" and/or "twinnings" lists' }],
    };
  }
  const problems: Problem[] = [];
  const records: SourceRecord[] = [];
  for (const key of Object.keys(doc)) {
    if (key !== 'places' && key !== 'twinnings' && key !== 'format') {
      problems.push({ file, record: key, message: 'is not a known key; use "places" and "twinnings"' });
    }
  }
  for (const type of ['places', 'twinnings'] as const) {
    const list = (doc as Record<string, unknown>)[type];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push({ file, record: type, message: 'must be a list of records' });
      continue;
    }
    list.forEach((item, i) => {
      const record = `${type}[${i}]`;
      if (!item || typeof item !== 'object' || Array.isArray(item)) {
        problems.push({ file, record, message: 'must be an object' });
      } else records.push({ type, file, record, fields: item as Record<string, unknown> });
    });
  }
  return { records, problems };
}

/** A place as an interchange record (JSON shape: lists and objects stay structured). */
export function placeRecord(p: Place): Record<string, unknown> {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    country: p.country,
    parent: p.parent,
    lat: p.lat,
    lon: p.lon,
    population: p.population,
    wikidata: p.wikidata,
    names: p.names,
    population_year: p.populationYear,
    geonames: p.geonames,
    timezone: p.timezone,
    languages: p.languages,
    currency: p.currency,
    leader_title: p.leaderTitle,
    leader_name: p.leaderName,
    leader_since: p.leaderSince ? formatPartialDate(p.leaderSince) : null,
  };
}

export function twinningRecord(t: Twinning): Record<string, unknown> {
  return {
    a: t.a,
    b: t.b,
    kind: t.kind,
    signed: t.signed ? formatPartialDate(t.signed) : null,
    ended: t.ended ? formatPartialDate(t.ended) : null,
    status: t.status,
    sources: t.sources,
    notes: t.notes,
    listed_by: t.listedBy,
  };
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(';');
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, string>)
      .map(([k, x]) => `${k}:${x}`)
      .join(';');
  }
  return String(v);
}

export function placesCsv(places: Place[]): string {
  return stringify(
    places.map((p) => {
      const r = placeRecord(p);
      return PLACE_COLUMNS.map((c) => csvCell(r[c]));
    }),
    { header: true, columns: [...PLACE_COLUMNS] },
  );
}

export function twinningsCsv(twinnings: Twinning[]): string {
  return stringify(
    twinnings.map((t) => {
      const r = twinningRecord(t);
      // CSV has no room for a source's fact: a fact-less URL or citation each, joined by " | ".
      r.source = t.sources.map((s) => s.url ?? s.citation).join(' | ');
      return TWINNING_COLUMNS.map((c) => csvCell(r[c]));
    }),
    { header: true, columns: [...TWINNING_COLUMNS] },
  );
}
