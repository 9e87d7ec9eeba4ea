import { ValidationError, type Problem } from '../domain/errors.js';
import { orderByParent, parentCycle, validatePlaceRecord, type PlaceInput } from '../domain/places.js';
import {
  canonicalPair,
  canonicalTwinning,
  validateTwinningRecord,
  type TwinningInput,
} from '../domain/twinnings.js';
import type { Store } from '../store/store.js';
import { parseInterchange, type SourceRecord } from './interchange.js';

export interface InputFile {
  name: string;
  content: string;
}

export interface ImportSummary {
  placesCreated: number;
  placesUpdated: number;
  twinningsCreated: number;
  twinningsUpdated: number;
  dataVersion: number;
}

export type Progress = (phase: string, done: number, total: number) => void;

interface Located<T> {
  value: T;
  at: SourceRecord;
  /** the fields this record's file carries */
  fields: Set<string>;
}

function where(at: SourceRecord): Pick<Problem, 'file' | 'line' | 'record'> {
  return at.line !== undefined ? { file: at.file, line: at.line } : { file: at.file, record: at.record };
}

const FIELD_OF_COLUMN: Record<string, string> = {
  population_year: 'populationYear',
  leader_title: 'leaderTitle',
  leader_name: 'leaderName',
  leader_since: 'leaderSince',
  listed_by: 'listedBy',
  source: 'sources',
  sources: 'sources',
};

/**
 * Imports places and twinnings from interchange files, as one upsert by id (places) and by pair (ties).
 * All files are checked together first; if any record is wrong, a ValidationError lists every problem and
 * nothing is written.
 */
export async function importFiles(
  store: Store,
  files: InputFile[],
  progress?: Progress,
): Promise<ImportSummary> {
  const problems: Problem[] = [];
  const places: Located<PlaceInput>[] = [];
  const twinnings: Located<TwinningInput>[] = [];
  const fieldSets = new Map<string, Set<string>>();

  for (const file of files) {
    const parsed = parseInterchange(file.name, file.content);
    problems.push(...parsed.problems);
    for (const rec of parsed.records) {
      // A JSON record lists only the fields it sets; a CSV file's header decides for all its rows. Records
      // with the same fields share one set, so they can be written together.
      const names = Object.keys(rec.fields)
        .map((c) => FIELD_OF_COLUMN[c] ?? c)
        .sort();
      const key = `${rec.type}:${names.join(',')}`;
      let fields = fieldSets.get(key);
      if (!fields) {
        fields = new Set(names);
        fieldSets.set(key, fields);
      }
      if (rec.type === 'places') {
        const { value, issues } = validatePlaceRecord(rec.fields);
        for (const i of issues) problems.push({ ...where(rec), column: i.column, message: i.message });
        places.push({ value, at: rec, fields });
      } else {
        const { value, issues } = validateTwinningRecord(rec.fields);
        for (const i of issues) problems.push({ ...where(rec), column: i.column, message: i.message });
        // Kept as written, so problems name the columns the editor wrote; canonical order comes at writing.
        twinnings.push({ value, at: rec, fields });
      }
    }
  }
  if (!places.length && !twinnings.length && !problems.length) {
    problems.push({ message: 'the files hold no records' });
  }

  // Duplicates across all files
  const placeById = new Map<string, Located<PlaceInput>>();
  for (const p of places) {
    if (!p.value.id) continue;
    const first = placeById.get(p.value.id);
    if (first) {
      problems.push({
        ...where(p.at),
        column: 'id',
        message: `${p.value.id} is already given at ${describe(first.at)}`,
      });
    } else placeById.set(p.value.id, p);
  }
  const tieByPair = new Map<string, Located<TwinningInput>>();
  for (const t of twinnings) {
    if (!t.value.a || !t.value.b) continue;
    const [a, b] = canonicalPair(t.value.a, t.value.b);
    const key = `${a}\u0000${b}`;
    const first = tieByPair.get(key);
    if (first) {
      problems.push({
        ...where(t.at),
        column: 'b',
        message: `the tie ${a}–${b} is already given at ${describe(first.at)}`,
      });
    } else tieByPair.set(key, t);
  }

  // References: to places in these files or already stored
  const referenced = new Set<string>();
  for (const p of places) if (p.value.parent) referenced.add(p.value.parent);
  for (const p of places) if (p.value.id) referenced.add(p.value.id);
  for (const t of twinnings) {
    if (t.value.a) referenced.add(t.value.a);
    if (t.value.b) referenced.add(t.value.b);
  }
  for (const p of places) if (p.value.country) referenced.add(p.value.country);
  const stored = await store.places.existing([...referenced]);
  const exists = (id: string) => placeById.has(id) || stored.has(id);
  const countryOf = (id: string) =>
    placeById.get(id)?.value.country !== undefined
      ? placeById.get(id)?.value.country
      : stored.get(id)?.country;

  for (const p of places) {
    const v = p.value;
    if (v.parent && !exists(v.parent)) {
      problems.push({
        ...where(p.at),
        column: 'parent',
        message: `${v.parent} is neither in the import nor stored; add it as a place first`,
      });
    }
    // A place with a country sits at least under its country, when the file gives no parent.
    if (!v.parent && v.kind !== 'country' && (v.parent === null || !stored.has(v.id))) {
      const country = v.country !== undefined ? v.country : stored.get(v.id)?.country;
      if (country && country !== v.id && exists(country)) v.parent = country;
    }
    const parent = v.parent;
    const country = v.country !== undefined ? v.country : stored.get(v.id)?.country;
    if (parent && country && exists(parent)) {
      const pc = countryOf(parent);
      if (pc && pc !== country) {
        problems.push({
          ...where(p.at),
          column: 'parent',
          message: `${parent} is in ${pc} but this place is in ${country}`,
        });
      }
    }
  }
  const parentOf = (id: string) => {
    const p = placeById.get(id);
    return p && p.value.parent !== undefined ? p.value.parent : stored.get(id)?.parent;
  };
  const reported = new Set<string>();
  for (const p of places) {
    if (!p.value.id || reported.has(p.value.id)) continue;
    const cycle = parentCycle(p.value.id, parentOf);
    if (cycle) {
      cycle.forEach((id) => reported.add(id));
      problems.push({
        ...where(p.at),
        column: 'parent',
        message: `parents go round in a circle: ${[...cycle, cycle[0]].join(' → ')}`,
      });
    }
  }
  for (const t of twinnings) {
    for (const side of ['a', 'b'] as const) {
      const id = t.value[side];
      if (id && !exists(id)) {
        problems.push({
          ...where(t.at),
          column: side,
          message: `${id} is neither in the import nor stored; add it as a place first`,
        });
      }
    }
  }

  if (problems.length) {
    throw new ValidationError(
      `The import was rejected with ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written.`,
      sortProblems(problems),
    );
  }

  const placesCreated = places.filter((p) => !stored.has(p.value.id)).length;
  const canonical = twinnings.map((t) => ({ ...t, value: canonicalTwinning(t.value) }));
  const storedPairs = await store.twinnings.existingPairs(canonical.map((t) => t.value));
  const twinningsCreated = canonical.filter((t) => !storedPairs.has(`${t.value.a}\u0000${t.value.b}`)).length;
  const now = new Date().toISOString();

  const dataVersion = await store.transaction(async (tx) => {
    const ordered = orderByParent(places.map((p) => p.value));
    const fieldsOf = new Map(places.map((p) => [p.value.id, p.fields]));
    // Rows with the same set of fields are written together, so absent fields are left alone.
    let done = 0;
    await writeGrouped(
      ordered,
      (p) => fieldsOf.get(p.id) as Set<string>,
      async (group, fields) => {
        await tx.places.upsert(group, fields as Set<keyof PlaceInput>, now);
        progress?.('places', (done += group.length), places.length);
      },
    );
    done = 0;
    await writeGrouped(
      canonical,
      (t) => t.fields,
      async (group, fields) => {
        await tx.twinnings.upsert(
          group.map((t) => t.value),
          fields as Set<keyof TwinningInput>,
          now,
        );
        progress?.('twinnings', (done += group.length), twinnings.length);
      },
    );
    return tx.meta.bumpDataVersion();
  });

  return {
    placesCreated,
    placesUpdated: places.length - placesCreated,
    twinningsCreated,
    twinningsUpdated: twinnings.length - twinningsCreated,
    dataVersion,
  };
}

/**
 * Writes items in runs of consecutive items sharing a field set (keeping the given order, which matters for
 * parents), in slices small enough to report progress.
 */
async function writeGrouped<T>(
  items: T[],
  fieldsOf: (item: T) => Set<string>,
  write: (group: T[], fields: Set<string>) => Promise<void>,
): Promise<void> {
  let start = 0;
  while (start < items.length) {
    const fields = fieldsOf(items[start] as T);
    let end = start + 1;
    while (end < items.length && end - start < 2000 && fieldsOf(items[end] as T) === fields) end++;
    await write(items.slice(start, end), fields);
    start = end;
  }
}

function describe(at: SourceRecord): string {
  return `${at.file} ${at.line !== undefined ? `line ${at.line}` : at.record}`;
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (x, y) =>
      (x.file ?? '').localeCompare(y.file ?? '') ||
      (x.line ?? 0) - (y.line ?? 0) ||
      (x.record ?? '').localeCompare(y.record ?? '', 'en', { numeric: true }),
  );
}
