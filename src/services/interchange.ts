// The interchange format: places, twinnings, redirects and disagreements as CSV (one file each) or JSON
// ({"places": [...], "twinnings": [...], "redirects": [...]}), and a dataset's manifest.json. Files are read as
// bytes, checked to be UTF-8 line by line and parsed as a stream, so a large file never has to be held whole;
// every record keeps where it came from, so every problem can name its line.
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Problem } from '../domain/errors.js';
import { asColumns, placeFacts, tieFacts } from './presenters.js';
import { formatSources } from '../domain/fields.js';
import { PLACE_COLUMNS, type Place } from '../domain/places.js';
import {
  DISAGREEMENT_COLUMNS,
  REDIRECT_COLUMNS,
  type Disagreement,
  type Redirect,
} from '../domain/provenance.js';
import { TWINNING_COLUMNS, type Twinning } from '../domain/twinnings.js';

export type RecordType = 'places' | 'twinnings' | 'redirects' | 'disagreements';
export const RECORD_TYPES: readonly RecordType[] = ['places', 'twinnings', 'redirects', 'disagreements'];

/**
 * A file to import: its text, its bytes (decoded strictly as UTF-8), or a way to read it in pieces (a file on
 * disk) with its size in bytes.
 */
export type InputFile =
  | { name: string; content: string | Uint8Array }
  | { name: string; size: number; open: () => AsyncIterable<Uint8Array> };

/** A file on disk as an import reads it: in pieces, never whole. */
export async function fileFromPath(path: string, name = basename(path)): Promise<InputFile> {
  const { size } = await stat(path);
  return { name, size, open: () => createReadStream(path, { highWaterMark: 64 * 1024 }) };
}

export function sizeOf(file: InputFile): number {
  return 'content' in file ? file.content.length : file.size;
}

export interface SourceRecord {
  type: RecordType;
  file: string;
  /** CSV: the line the record starts on */
  line?: number;
  /** JSON: the record's index in its list (records[n] of its type) */
  index?: number;
  fields: Record<string, unknown>;
}

/** Where a record is, as problems name it. */
export function where(
  r: Pick<SourceRecord, 'type' | 'file' | 'line' | 'index'>,
): Pick<Problem, 'file' | 'line' | 'record'> {
  return r.line !== undefined
    ? { file: r.file, line: r.line }
    : { file: r.file, record: `${r.type}[${r.index}]` };
}

export function describeAt(r: Pick<SourceRecord, 'type' | 'file' | 'line' | 'index'>): string {
  return `${r.file} ${r.line !== undefined ? `line ${r.line}` : `${r.type}[${r.index}]`}`;
}

const PIECE = 64 * 1024;

function countLines(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(0x0a); i >= 0; i = b.indexOf(0x0a, i + 1)) n++;
  return n;
}

/**
 * The file's text in pieces that end at a line end, so no character is ever cut in two. Bytes are checked to be
 * UTF-8 piece by piece; each line that is not is given to `badLine` (and its text is not to be trusted).
 */
export async function* textPieces(
  file: InputFile,
  badLine: (line: number) => void,
): AsyncGenerator<{ text: string; bytes: number }> {
  if ('content' in file && typeof file.content === 'string') {
    const s = file.content.charCodeAt(0) === 0xfeff ? file.content.slice(1) : file.content;
    for (let at = 0; at < s.length;) {
      let end = s.indexOf('\n', Math.min(s.length, at + PIECE));
      end = end < 0 ? s.length : end + 1;
      yield { text: s.slice(at, end), bytes: end - at };
      at = end;
    }
    return;
  }
  const source: Iterable<Uint8Array> | AsyncIterable<Uint8Array> =
    'content' in file ? slices(file.content as Uint8Array) : file.open();
  let line = 1;
  let first = true;
  function* emit(part: Buffer) {
    if (first) {
      first = false;
      if (part[0] === 0xef && part[1] === 0xbb && part[2] === 0xbf) part = part.subarray(3);
    }
    if (!isUtf8(part)) {
      let start = 0;
      for (let n = 0; start < part.length; n++) {
        let end = part.indexOf(0x0a, start);
        end = end < 0 ? part.length : end + 1;
        if (!isUtf8(part.subarray(start, end))) badLine(line + n);
        start = end;
      }
    }
    line += countLines(part);
    yield { text: part.toString('utf8'), bytes: part.length };
  }
  // The bytes after the last line end wait for the next piece; kept as a list, so a file without line ends
  // is joined once rather than copied again for every piece.
  let pending: Buffer[] = [];
  for await (const chunk of source) {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const cut = buf.lastIndexOf(0x0a);
    if (cut < 0) {
      pending.push(buf);
      continue;
    }
    yield* emit(Buffer.concat([...pending, buf.subarray(0, cut + 1)]));
    pending = cut + 1 < buf.length ? [buf.subarray(cut + 1)] : [];
  }
  if (pending.length) yield* emit(Buffer.concat(pending));
}

function* slices(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += PIECE) yield bytes.subarray(at, at + PIECE);
}

/** The kinds of file an import takes, told apart by name and, for CSV, by header. */
export type Sniffed =
  | { kind: 'csv'; type: RecordType; columns: string[] }
  | { kind: 'json'; doc: Record<string, unknown> }
  | { kind: 'manifest'; doc: unknown }
  /** a data package (`datapackage.json`) describing the files of an export: read past, never imported */
  | { kind: 'package' };

const CSV_KINDS: { type: RecordType; needs: string[]; columns: readonly string[] }[] = [
  { type: 'twinnings', needs: ['a', 'b'], columns: TWINNING_COLUMNS },
  { type: 'redirects', needs: ['from', 'to'], columns: REDIRECT_COLUMNS },
  { type: 'disagreements', needs: ['place', 'fact'], columns: DISAGREEMENT_COLUMNS },
  { type: 'places', needs: ['id'], columns: [...PLACE_COLUMNS, 'sources'] },
];

/**
 * What a file holds: a CSV file's type from its header line, a JSON file parsed (JSON is read whole), a manifest.
 * Problems (a bad header, invalid UTF-8, broken JSON) go to `problem`; then the result is undefined.
 */
export async function sniff(file: InputFile, problem: (p: Problem) => void): Promise<Sniffed | undefined> {
  const name = file.name;
  if (/\.json$/i.test(name)) {
    let text = '';
    const bad: number[] = [];
    for await (const piece of textPieces(file, (l) => bad.push(l))) text += piece.text;
    if (bad.length) {
      for (const line of bad.slice(0, 20)) problem(notUtf8(name, line));
      return undefined;
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      problem({ file: name, message: `is not valid JSON: ${(e as Error).message}` });
      return undefined;
    }
    if (basename(name).toLowerCase() === 'manifest.json') return { kind: 'manifest', doc };
    if (basename(name).toLowerCase() === 'datapackage.json') return { kind: 'package' };
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
      problem({
        file: name,
        message: 'must hold an object with "places", "twinnings" and/or "redirects" lists',
      });
      return undefined;
    }
    for (const key of Object.keys(doc))
      if (key !== 'format' && key !== 'manifest' && !(RECORD_TYPES as readonly string[]).includes(key))
        problem({
          file: name,
          record: key,
          message:
            'is not a known key; use "places", "twinnings", "redirects", "disagreements" and "manifest"',
        });
    return { kind: 'json', doc: doc as Record<string, unknown> };
  }
  if (!/\.(csv|txt)$/i.test(name)) {
    problem({
      file: name,
      message:
        'is neither .csv nor .json; name the file places.csv, twinnings.csv, redirects.csv, disagreements.csv or *.json',
    });
    return undefined;
  }
  let first = '';
  for await (const piece of textPieces(file, () => {})) {
    first += piece.text;
    if (first.trim()) break;
  }
  let header: string[] | undefined;
  try {
    header = (
      parseSync(first, { to_line: 1, skip_empty_lines: true, relax_column_count: true }) as string[][]
    )[0];
  } catch (e) {
    problem({ file: name, line: 1, message: `is not valid CSV: ${(e as Error).message}` });
    return undefined;
  }
  if (!header) {
    problem({ file: name, message: 'is empty; it needs a header line' });
    return undefined;
  }
  const columns = header.map((c) => c.trim().toLowerCase());
  const kind = CSV_KINDS.find((k) => k.needs.every((c) => columns.includes(c)));
  if (!kind) {
    problem({
      file: name,
      line: 1,
      message:
        `the header has neither "id" (a places file: ${PLACE_COLUMNS.slice(0, 10).join(',')}), ` +
        `nor "a" and "b" (a twinnings file: ${TWINNING_COLUMNS.slice(0, 8).join(',')}), ` +
        `nor "from" and "to" (a redirects file), nor "place" and "fact" (a disagreements file)`,
    });
    return undefined;
  }
  let ok = true;
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c)) {
      problem({ file: name, line: 1, column: c, message: 'appears twice in the header' });
      ok = false;
    }
    seen.add(c);
    if (!kind.columns.includes(c)) {
      problem({
        file: name,
        line: 1,
        column: c,
        message: `is not a ${kind.type} column; the columns are ${kind.columns.filter((x) => x !== 'sources').join(', ')}`,
      });
      ok = false;
    }
  }
  return ok ? { kind: 'csv', type: kind.type, columns } : undefined;
}

function notUtf8(file: string, line: number): Problem {
  return {
    file,
    line,
    message: 'is not valid UTF-8 (a byte that is no character); save the file as UTF-8 and import it again',
  };
}

/**
 * The records of a CSV file whose header `sniff` has checked, read as a stream. Problems of the file's text or
 * structure go to `problem`; `read` is told how many bytes have been read.
 */
export async function* csvRecords(
  file: InputFile,
  type: RecordType,
  columns: string[],
  problem: (p: Problem) => void,
  read?: (bytes: number) => void,
): AsyncGenerator<SourceRecord> {
  const name = file.name;
  let bytes = 0;
  async function* texts() {
    for await (const piece of textPieces(file, (line) => problem(notUtf8(name, line)))) {
      bytes += piece.bytes;
      read?.(bytes);
      yield piece.text;
    }
  }
  // Lines are counted here rather than by the parser's per-record info objects (garbage at this volume): a
  // record starts where the previous one ended, empty lines come through as [''] and are skipped.
  const parser = parse({ relax_column_count: true });
  const fed = pipeline(Readable.from(texts()), parser).catch(() => {
    // the same error reaches the loop below through the parser
  });
  let line = 1;
  let header = true;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const at = line;
      line++;
      for (const v of record) for (let i = v.indexOf('\n'); i >= 0; i = v.indexOf('\n', i + 1)) line++;
      if (record.length === 1 && record[0] === '') continue;
      if (header) {
        header = false;
        continue;
      }
      if (record.length !== columns.length) {
        problem({
          file: name,
          line: at,
          message: `has ${record.length} fields but the header has ${columns.length}; quote fields that contain commas`,
        });
        continue;
      }
      const fields: Record<string, unknown> = {};
      for (let i = 0; i < columns.length; i++) fields[columns[i]!] = record[i];
      yield { type, file: name, line: at, fields };
    }
  } catch (e) {
    const err = e as Error & { lines?: number };
    problem({ file: name, line: err.lines, message: `is not valid CSV: ${err.message}` });
  } finally {
    parser.destroy();
    await fed;
  }
}

/** The records of one type in a parsed JSON file. */
export function* jsonRecords(
  name: string,
  doc: Record<string, unknown>,
  type: RecordType,
  problem: (p: Problem) => void,
): Generator<SourceRecord> {
  const list = doc[type];
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    problem({ file: name, record: type, message: 'must be a list of records' });
    return;
  }
  for (const [index, item] of list.entries()) {
    if (!item || typeof item !== 'object' || Array.isArray(item))
      problem({ file: name, record: `${type}[${index}]`, message: 'must be an object' });
    else yield { type, file: name, index, fields: item as Record<string, unknown> };
  }
}

/** A place as an interchange record (JSON shape: lists and objects stay structured). */
export function placeRecord(p: Place): Record<string, unknown> {
  return asColumns(placeFacts(p));
}

export function twinningRecord(t: Twinning): Record<string, unknown> {
  return { a: t.a, b: t.b, ...asColumns(tieFacts(t)) };
}

export function redirectRecord(r: Redirect): Record<string, unknown> {
  return { from: r.from, to: r.to, reason: r.reason };
}

export function disagreementRecord(d: Disagreement): Record<string, unknown> {
  return {
    place: d.place,
    fact: d.fact,
    kept: d.kept,
    kept_source: d.keptSource,
    other: d.other,
    other_source: d.otherSource,
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
      r.source = formatSources(p.sources);
      return PLACE_COLUMNS.map((c) => csvCell(r[c]));
    }),
    { header: true, columns: [...PLACE_COLUMNS] },
  );
}

export function twinningsCsv(twinnings: Twinning[]): string {
  return stringify(
    twinnings.map((t) => {
      const r = twinningRecord(t);
      r.source = formatSources(t.sources);
      return TWINNING_COLUMNS.map((c) => csvCell(r[c]));
    }),
    { header: true, columns: [...TWINNING_COLUMNS] },
  );
}

export function redirectsCsv(redirects: Redirect[]): string {
  return stringify(
    redirects.map((r) => REDIRECT_COLUMNS.map((c) => csvCell(redirectRecord(r)[c]))),
    { header: true, columns: [...REDIRECT_COLUMNS] },
  );
}

export function disagreementsCsv(list: Disagreement[]): string {
  return stringify(
    list.map((d) => DISAGREEMENT_COLUMNS.map((c) => csvCell(disagreementRecord(d)[c]))),
    { header: true, columns: [...DISAGREEMENT_COLUMNS] },
  );
}
