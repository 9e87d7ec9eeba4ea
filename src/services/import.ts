import { ValidationError, type Problem } from '../domain/errors.js';
import { sameSources } from '../domain/fields.js';
import { parentCyclesByIndex, validatePlaceRecord, type PlaceInput } from '../domain/places.js';
import {
  validateDisagreementRecord,
  validateManifest,
  validateRedirectRecord,
  type DataManifest,
  type Disagreement,
  type RedirectInput,
} from '../domain/provenance.js';
import { canonicalTwinning, validateTwinningRecord, type TwinningInput } from '../domain/twinnings.js';
import { rowChanged, type PlaceLink, type StoredPlace } from '../store/places-repo.js';
import type { Store } from '../store/store.js';
import { pairKey, tieChanged } from '../store/twinnings-repo.js';
import {
  csvRecords,
  describeAt,
  jsonRecords,
  sizeOf,
  sniff,
  where,
  type InputFile,
  type RecordType,
  type Sniffed,
  type SourceRecord,
} from './interchange.js';

export type { InputFile } from './interchange.js';

/** What an import did, per kind of record: new, changed, and given again as stored (unchanged). */
export interface ImportSummary {
  placesCreated: number;
  placesUpdated: number;
  placesUnchanged: number;
  twinningsCreated: number;
  twinningsUpdated: number;
  twinningsUnchanged: number;
  redirectsCreated: number;
  redirectsUpdated: number;
  redirectsUnchanged: number;
  /** places whose list of disagreements the import replaced */
  disagreementsChanged: number;
  /** 'unchanged' when the manifest was the stored one; null without a manifest */
  manifest: 'saved' | 'unchanged' | null;
  /** whether anything was written; when not, the data version stayed as it was */
  changed: boolean;
  dataVersion: number;
}

/** Progress: `phase` is the file being read, `done` and `total` in bytes. */
export type Progress = (phase: string, done: number, total: number) => void;

/** The meta key holding the dataset's manifest (JSON). */
export const MANIFEST_KEY = 'data_manifest';

/** Problems listed in full; beyond these an import only counts them. */
const MAX_LISTED = 1000;
/** Records checked against the database and written together. */
const CHUNK = 512;

const FIELD_OF_COLUMN: Record<string, string> = {
  population_year: 'populationYear',
  leader_title: 'leaderTitle',
  leader_name: 'leaderName',
  leader_since: 'leaderSince',
  listed_by: 'listedBy',
  source: 'sources',
  sources: 'sources',
};

const GIVEN_PARENT = 1;
const CHECK_COUNTRY = 2;
const WRITTEN = 4;
const SEEN = 8;

/**
 * What the import keeps of each place it has read, to check parents once every file is read: where it was
 * given, its parent, its country and flags. Kept in flat arrays indexed by place (a parent is the index of
 * another entry; an id only referred to gets an entry without SEEN): at a million places this is tens of
 * megabytes instead of the hundreds an object per place costs with the garbage collector's headroom.
 */
class PlaceMarks {
  private readonly index = new IdIndex();
  private parents = new Int32Array(1024);
  private countries = new Uint16Array(1024);
  private ats = new Float64Array(1024);
  private flagBits = new Uint8Array(1024);
  private readonly codes: string[] = [''];
  private readonly codeOf = new Map<string, number>();

  /** The entry of an id, made (not yet seen) if it has none. */
  ref(id: string): number {
    const known = this.index.find(id);
    if (known !== undefined) return known;
    const i = this.index.add(id);
    if (i === this.parents.length) this.grow();
    this.parents[i] = -1;
    return i;
  }

  private grow(): void {
    const n = this.parents.length * 2;
    const copy = <A extends Int32Array | Uint16Array | Float64Array | Uint8Array>(
      a: A,
      make: (n: number) => A,
    ) => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.parents = copy(this.parents, (k) => new Int32Array(k));
    this.countries = copy(this.countries, (k) => new Uint16Array(k));
    this.ats = copy(this.ats, (k) => new Float64Array(k));
    this.flagBits = copy(this.flagBits, (k) => new Uint8Array(k));
  }

  find(id: string): number | undefined {
    return this.index.find(id);
  }

  /** Whether the id is a place of this import. */
  has(id: string): boolean {
    const i = this.index.find(id);
    return i !== undefined && (this.flagBits[i]! & SEEN) !== 0;
  }

  id(i: number): string {
    return this.index.id(i);
  }

  flags(i: number): number {
    return this.flagBits[i]!;
  }

  addFlags(i: number, f: number): void {
    this.flagBits[i]! |= f;
  }

  at(i: number): number {
    return this.ats[i]!;
  }

  see(i: number, at: number): void {
    this.flagBits[i]! |= SEEN;
    this.ats[i] = at;
  }

  parent(i: number): string | null {
    const p = this.parents[i]!;
    return p < 0 ? null : this.index.id(p);
  }

  parentIndex(i: number): number {
    return this.parents[i]!;
  }

  get size(): number {
    return this.index.size;
  }

  setParent(i: number, parent: string | null): void {
    this.parents[i] = parent === null ? -1 : this.ref(parent);
  }

  country(i: number): string | null {
    const c = this.countries[i]!;
    return c === 0 ? null : this.codes[c]!;
  }

  setCountry(i: number, code: string | null): void {
    if (code === null) {
      this.countries[i] = 0;
      return;
    }
    let c = this.codeOf.get(code);
    if (c === undefined) {
      c = this.codes.push(code) - 1;
      this.codeOf.set(code, c);
    }
    this.countries[i] = c;
  }

  /** The entries of the places this import gives, in the order it gave them. */
  *seen(): Generator<number> {
    for (let i = 0; i < this.index.size; i++) if (this.flagBits[i]! & SEEN) yield i;
  }
}

interface Pending<T> {
  value: T;
  fields: Set<string>;
  at: number;
}

/** A tie in canonical order, with its sides as the file wrote them (problems name those columns). */
interface PendingTie extends Pending<TwinningInput> {
  written: { a: string; b: string };
}

/** A parent not yet written when its child was: set once every place is in. */
interface LateParent {
  id: string;
  parent: string;
  /** what to set when `parent` turns out not to exist: null for a parent that defaulted to the country */
  given: boolean;
  written: string | null;
  stored: string | null | undefined;
  countedUnchanged: boolean;
}

/**
 * Imports places, twinnings, redirects and disagreements from interchange files (and a dataset's manifest):
 * an upsert of places by id, ties by pair, redirects by old id, disagreements per place. Files are read in
 * pieces and written in chunks inside one transaction; if any record is wrong, every problem is reported with
 * its file and line, and the transaction is rolled back, so nothing is written. Records equal to what is stored
 * are not written, and an import that changes nothing leaves the data version as it was.
 */
export async function importFiles(
  store: Store,
  files: InputFile[],
  progress?: Progress,
): Promise<ImportSummary> {
  const run = new ImportRun(files, progress);
  const plan = await run.sniffAll();
  return store.transaction((tx) => run.execute(tx, plan));
}

class ImportRun {
  private readonly problems: Problem[] = [];
  private problemCount = 0;
  private records = 0;
  private readonly fieldSets = new Map<string, Set<string>>();
  private readonly marks = new PlaceMarks();
  /** stored places outside the import (null: not stored), as far as the import has asked */
  private readonly refs = new Map<string, PlaceLink | null>();
  private readonly pairs = new PairIndex();
  private readonly late: LateParent[] = [];
  private readonly redirects: Pending<RedirectInput>[] = [];
  private readonly disagreements = new Map<string, { at: number; rows: Disagreement[] }>();
  private manifest: DataManifest | undefined;
  private readonly now = new Date().toISOString();
  private readonly summary: ImportSummary = {
    placesCreated: 0,
    placesUpdated: 0,
    placesUnchanged: 0,
    twinningsCreated: 0,
    twinningsUpdated: 0,
    twinningsUnchanged: 0,
    redirectsCreated: 0,
    redirectsUpdated: 0,
    redirectsUnchanged: 0,
    disagreementsChanged: 0,
    manifest: null,
    changed: false,
    dataVersion: 0,
  };
  private tx!: Store;

  constructor(
    private readonly files: InputFile[],
    private readonly progress?: Progress,
  ) {}

  private problem(p: Problem): void {
    this.problemCount++;
    if (this.problems.length < MAX_LISTED) this.problems.push(p);
  }

  private get writing(): boolean {
    return this.problemCount === 0;
  }

  // Kept as small integers (no boxed number per record): the line or index times the number of files, plus the file.
  private at(fileIndex: number, r: SourceRecord): number {
    return (r.line ?? r.index ?? 0) * this.files.length + fileIndex;
  }

  /** The record an `at` points to, for problems and messages. */
  private located(at: number, type: RecordType): Pick<SourceRecord, 'type' | 'file' | 'line' | 'index'> {
    const file = this.files[at % this.files.length]!.name;
    const n = Math.floor(at / this.files.length);
    return /\.json$/i.test(file) ? { type, file, index: n } : { type, file, line: n };
  }

  private problemAt(at: number, type: RecordType, column: string, message: string): void {
    this.problem({ ...where(this.located(at, type)), column, message });
  }

  private fieldsOf(type: RecordType, columns: string[]): Set<string> {
    // Records with the same fields share one set, so they can be written together.
    const names = columns.map((c) => FIELD_OF_COLUMN[c] ?? c).sort();
    const key = `${type}:${names.join(',')}`;
    let set = this.fieldSets.get(key);
    if (!set) this.fieldSets.set(key, (set = new Set(names)));
    return set;
  }

  async sniffAll(): Promise<(Sniffed | undefined)[]> {
    const out: (Sniffed | undefined)[] = [];
    for (const file of this.files) out.push(await sniff(file, (p) => this.problem(p)));
    return out;
  }

  /**
   * The records of one type from every file, with the index of their file and the fields they carry (a CSV
   * file's header decides for all its rows; a JSON record lists only the fields it sets).
   */
  private async *recordsOf(
    type: RecordType,
    plan: (Sniffed | undefined)[],
  ): AsyncGenerator<[number, SourceRecord, Set<string>]> {
    for (const [i, file] of this.files.entries()) {
      const s = plan[i];
      if (s?.kind === 'csv' && s.type === type) {
        const total = sizeOf(file);
        const fields = this.fieldsOf(type, s.columns);
        for await (const r of csvRecords(
          file,
          type,
          s.columns,
          (p) => this.problem(p),
          (done) => this.progress?.(file.name, done, total),
        ))
          yield [i, r, fields];
      } else if (s?.kind === 'json') {
        for (const r of jsonRecords(file.name, s.doc, type, (p) => this.problem(p)))
          yield [i, r, this.fieldsOf(type, Object.keys(r.fields))];
      }
    }
  }

  async execute(tx: Store, plan: (Sniffed | undefined)[]): Promise<ImportSummary> {
    this.tx = tx;
    await this.importPlaces(plan);
    await this.importRedirects(plan);
    await this.importTwinnings(plan);
    await this.importDisagreements(plan);
    for (const [i, s] of plan.entries()) {
      // a manifest file, or the manifest a single JSON export carries
      const doc = s?.kind === 'manifest' ? s.doc : s?.kind === 'json' ? s.doc.manifest : undefined;
      if (doc === undefined) continue;
      const { value, issues } = validateManifest(doc);
      for (const p of issues)
        this.problem({ file: this.files[i]!.name, record: p.column || undefined, message: p.message });
      this.manifest = value;
    }
    if (!this.records && !this.manifest && !this.problemCount)
      this.problem({ message: 'the files hold no records' });
    if (this.manifest && this.writing) {
      const text = JSON.stringify(this.manifest);
      const stored = await tx.meta.get(MANIFEST_KEY);
      this.summary.manifest = stored === text ? 'unchanged' : 'saved';
      if (stored !== text) {
        await tx.meta.set(MANIFEST_KEY, text);
        this.summary.changed = true;
      }
    }
    if (this.problemCount) {
      const n = this.problemCount;
      throw new ValidationError(
        `The import was rejected with ${n} problem${n === 1 ? '' : 's'}; nothing was written.` +
          (n > this.problems.length ? ` The first ${this.problems.length} are listed.` : ''),
        sortProblems(this.problems),
      );
    }
    const s = this.summary;
    s.changed ||=
      s.placesCreated +
        s.placesUpdated +
        s.twinningsCreated +
        s.twinningsUpdated +
        s.redirectsCreated +
        s.redirectsUpdated +
        s.disagreementsChanged >
      0;
    s.dataVersion = s.changed ? await tx.meta.bumpDataVersion() : await tx.meta.dataVersion();
    return s;
  }

  // ---- places ----

  private async importPlaces(plan: (Sniffed | undefined)[]): Promise<void> {
    let chunk: Pending<PlaceInput>[] = [];
    for await (const [i, r, fields] of this.recordsOf('places', plan)) {
      this.records++;
      const at = this.at(i, r);
      const { value, issues } = validatePlaceRecord(r.fields);
      for (const x of issues) this.problem({ ...where(r), column: x.column, message: x.message });
      if (!value.id) continue;
      const m = this.marks.ref(value.id);
      if (this.marks.flags(m) & SEEN) {
        this.problem({
          ...where(r),
          column: 'id',
          message: `${value.id} is already given at ${describeAt(this.located(this.marks.at(m), 'places'))}`,
        });
        continue;
      }
      this.marks.see(m, at);
      chunk.push({ value, fields, at });
      if (chunk.length >= CHUNK) {
        await this.flushPlaces(chunk);
        chunk = [];
      }
    }
    if (chunk.length) await this.flushPlaces(chunk);
    await this.finishPlaces();
  }

  /** Asks the database about referenced places that are neither written by this import nor known yet. */
  private async lookUp(ids: Iterable<string>): Promise<void> {
    const unknown = new Set<string>();
    for (const id of ids) {
      const m = this.marks.find(id);
      if ((m !== undefined && this.marks.flags(m) & WRITTEN) || this.refs.has(id)) continue;
      unknown.add(id);
    }
    if (!unknown.size) return;
    const found = await this.tx.places.existing([...unknown]);
    for (const id of unknown) this.refs.set(id, found.get(id) ?? null);
  }

  /** Whether a place is in this import or stored. */
  private exists(id: string): boolean {
    return this.marks.has(id) || !!this.refs.get(id);
  }

  /** Whether a place's row is in the database now (so a child may point to it). */
  private present(id: string): boolean {
    const m = this.marks.find(id);
    return (m !== undefined && (this.marks.flags(m) & WRITTEN) !== 0) || !!this.refs.get(id);
  }

  private async flushPlaces(chunk: Pending<PlaceInput>[]): Promise<void> {
    const tx = this.tx;
    const ids = chunk.map((c) => c.value.id);
    const full = this.writing ? await tx.places.stored(ids) : undefined;
    const links = full ? undefined : await tx.places.existing(ids);
    const linkOf = (id: string): PlaceLink | undefined => {
      const st = full?.get(id);
      if (st)
        return { kind: st.row.kind as PlaceLink['kind'], parent: st.row.parent_id, country: st.row.country };
      return links?.get(id);
    };
    // A new place may not take an id that now leads elsewhere.
    const fresh = ids.filter((id) => !linkOf(id));
    if (fresh.length) {
      const moved = await tx.redirects.from(fresh);
      for (const c of chunk) {
        const r = moved.get(c.value.id);
        if (!r) continue;
        const target = (await tx.redirects.resolve(r.from)) ?? r.to;
        this.problemAt(
          c.at,
          'places',
          'id',
          `${r.from} was merged into ${target}${r.reason ? ` (${r.reason})` : ''}; use ${target}, or another id for a new place`,
        );
      }
    }
    const refs: string[] = [];
    for (const c of chunk) {
      if (c.value.parent) refs.push(c.value.parent);
      const country = c.value.country !== undefined ? c.value.country : linkOf(c.value.id)?.country;
      if (country) refs.push(country);
    }
    await this.lookUp(refs);

    const write: { input: PlaceInput; fields: Set<string>; stored?: StoredPlace }[] = [];
    for (const c of chunk) {
      const v = c.value;
      const m = this.marks.find(v.id)!;
      const link = linkOf(v.id);
      const kind = v.kind ?? link?.kind ?? 'city';
      const country = v.country !== undefined ? v.country : (link?.country ?? null);
      this.marks.setCountry(m, country);
      let rowParent: string | null | undefined;
      let late: { parent: string; given: boolean } | undefined;
      let parent: string | null;
      if (v.parent) {
        this.marks.addFlags(m, GIVEN_PARENT | CHECK_COUNTRY);
        parent = v.parent;
        if (this.present(v.parent)) rowParent = v.parent;
        else late = { parent: v.parent, given: true };
      } else if (kind !== 'country' && (v.parent === null || !link) && country && country !== v.id) {
        // A place with a country sits at least under its country, when the file gives no parent.
        parent = country;
        if (this.present(country)) rowParent = country;
        else late = { parent: country, given: false };
      } else parent = v.parent === undefined ? (link?.parent ?? null) : null;
      this.marks.setParent(m, parent);
      if (rowParent === undefined) rowParent = late ? (link?.parent ?? null) : parent;
      if (!this.writing) continue;
      const st = full!.get(v.id);
      const input: PlaceInput = { ...v, parent: rowParent };
      // The defaulted parent of a new place is written even though the file has no parent column.
      const changed = !st || placeChanged(input, c.fields, st);
      if (!st) this.summary.placesCreated++;
      else if (changed) this.summary.placesUpdated++;
      else this.summary.placesUnchanged++;
      if (late)
        this.late.push({
          id: v.id,
          ...late,
          written: rowParent,
          stored: st ? st.row.parent_id : undefined,
          countedUnchanged: !!st && !changed,
        });
      if (changed) write.push({ input, fields: c.fields, stored: st });
    }
    if (this.writing && write.length) await this.writePlaces(write);
    for (const id of ids) this.marks.addFlags(this.marks.find(id)!, WRITTEN);
  }

  private async writePlaces(write: { input: PlaceInput; fields: Set<string>; stored?: StoredPlace }[]) {
    const tx = this.tx;
    const groups = new Map<Set<string>, PlaceInput[]>();
    for (const w of write) {
      const g = groups.get(w.fields);
      if (g) g.push(w.input);
      else groups.set(w.fields, [w.input]);
    }
    for (const [fields, inputs] of groups)
      await tx.places.writeRows(inputs, fields as Set<keyof PlaceInput>, this.now);
    const names = write.filter(
      (w) =>
        w.fields.has('names') &&
        (w.stored
          ? !sameNames(w.input.names ?? {}, w.stored.names)
          : Object.keys(w.input.names ?? {}).length > 0),
    );
    if (names.length)
      await tx.places.replaceNames(names.map((w) => ({ id: w.input.id, names: w.input.names ?? {} })));
    const sources = write.filter(
      (w) =>
        w.fields.has('sources') &&
        (w.stored
          ? !sameSources(w.input.sources ?? [], w.stored.sources)
          : (w.input.sources ?? []).length > 0),
    );
    if (sources.length)
      await tx.places.replaceSources(
        sources.map((w) => ({ id: w.input.id, sources: w.input.sources ?? [] })),
      );
    // Search keys come from the names: rebuilt for new places and where a name changed.
    const named = new Set(names.map((w) => w.input.id));
    const reindex = write.filter(
      (w) => !w.stored || named.has(w.input.id) || w.stored.row.name !== w.input.name,
    );
    if (reindex.length) await tx.places.reindex(reindex.map((w) => w.input.id));
  }

  /** Once every place is read: parents given later than their children, then the checks of the whole tree. */
  private async finishPlaces(): Promise<void> {
    const updates: { id: string; parent: string | null }[] = [];
    for (const l of this.late) {
      const final = this.exists(l.parent) ? l.parent : null;
      this.marks.setParent(this.marks.find(l.id)!, final);
      if (final !== l.written) updates.push({ id: l.id, parent: final });
      if (l.countedUnchanged && final !== l.stored) {
        this.summary.placesUnchanged--;
        this.summary.placesUpdated++;
      }
    }
    this.late.length = 0;
    // Given parents were looked up as their children were read: what is not found now does not exist.
    const missing = new Set<string>();
    const marks = this.marks;
    for (const m of marks.seen()) {
      const parent = marks.parent(m);
      if (marks.flags(m) & GIVEN_PARENT && parent && !this.exists(parent)) missing.add(parent);
    }
    const hints = await this.redirectHints([...missing]);
    for (const m of marks.seen()) {
      const parent = marks.parent(m);
      if (!parent) continue;
      if (marks.flags(m) & GIVEN_PARENT && !this.exists(parent)) {
        this.problemAt(
          marks.at(m),
          'places',
          'parent',
          hints.get(parent) ?? `${parent} is neither in the import nor stored; add it as a place first`,
        );
        marks.setParent(m, null);
        continue;
      }
      const country = marks.country(m);
      if (marks.flags(m) & CHECK_COUNTRY && country) {
        const p = marks.find(parent)!;
        const pc = marks.flags(p) & SEEN ? marks.country(p) : this.refs.get(parent)?.country;
        if (pc && pc !== country)
          this.problemAt(
            marks.at(m),
            'places',
            'parent',
            `${parent} is in ${pc} but this place is in ${country}`,
          );
      }
    }
    // Cycles may run through stored places: their stored ancestors are read in one recursive query.
    const outside = new Set<string>();
    for (const m of marks.seen()) {
      const parent = marks.parent(m);
      if (parent && !marks.has(parent)) outside.add(parent);
    }
    const lineage = outside.size ? await this.tx.places.lineage([...outside]) : new Map<string, PlaceLink>();
    for (const [id, link] of lineage) {
      marks.ref(id);
      if (link.parent) marks.ref(link.parent);
    }
    const storedParent = (m: number) => {
      const p = lineage.get(marks.id(m))?.parent;
      return p ? marks.find(p)! : -1;
    };
    const cycles = parentCyclesByIndex(
      marks.size,
      (m) => (marks.flags(m) & SEEN ? marks.parentIndex(m) : storedParent(m)),
      (m) => (marks.flags(m) & SEEN ? marks.at(m) : Infinity),
    );
    for (const cycle of cycles) {
      const ids = cycle.map((m) => marks.id(m));
      const shown =
        ids.length > 12 ? [...ids.slice(0, 8), `… (${ids.length - 10} more)`, ...ids.slice(-2)] : ids;
      this.problemAt(
        marks.at(cycle[0]!),
        'places',
        'parent',
        `parents go round in a circle: ${[...shown, ids[0]].join(' → ')}`,
      );
    }
    if (this.writing && updates.length) await this.tx.places.setParents(updates, this.now);
  }

  /** For ids that are neither in the import nor stored: a message naming where each was merged to, if it was. */
  private async redirectHints(ids: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (!ids.length) return out;
    for (const r of (await this.tx.redirects.from(ids)).values()) {
      const target = (await this.tx.redirects.resolve(r.from)) ?? r.to;
      out.set(
        r.from,
        `${r.from} was merged into ${target}${r.reason ? ` (${r.reason})` : ''}; write ${target}`,
      );
    }
    return out;
  }

  // ---- redirects ----

  private async importRedirects(plan: (Sniffed | undefined)[]): Promise<void> {
    const byFrom = new Map<string, Pending<RedirectInput>>();
    for await (const [i, r, fields] of this.recordsOf('redirects', plan)) {
      this.records++;
      const at = this.at(i, r);
      const { value, issues } = validateRedirectRecord(r.fields);
      for (const x of issues) this.problem({ ...where(r), column: x.column, message: x.message });
      if (issues.length) continue;
      const first = byFrom.get(value.from);
      if (first) {
        this.problem({
          ...where(r),
          column: 'from',
          message: `${value.from} is already given at ${describeAt(this.located(first.at, 'redirects'))}`,
        });
        continue;
      }
      const p = { value, fields, at };
      byFrom.set(value.from, p);
      this.redirects.push(p);
    }
    if (!this.redirects.length) return;
    const tx = this.tx;
    const ids = new Set<string>();
    for (const { value } of this.redirects) ids.add(value.from).add(value.to);
    await this.lookUp(ids);
    for (const { value, at } of this.redirects) {
      if (this.marks.has(value.from))
        this.problemAt(
          at,
          'redirects',
          'from',
          `${value.from} is a place in this import (${describeAt(this.located(this.marks.at(this.marks.find(value.from)!), 'places'))}); a redirect leads from an id no place has any more`,
        );
      else if (this.refs.get(value.from))
        this.problemAt(
          at,
          'redirects',
          'from',
          `${value.from} is still a place; merge it first: twinning places merge ${value.to} ${value.from}`,
        );
    }
    // Where each redirect leads: a place, or another redirect (of this import or stored) that leads to one.
    const stored = await tx.redirects.from(this.redirects.map((r) => r.value.to));
    for (const { value, at } of this.redirects) {
      const seen = [value.from];
      let cur = value.to;
      while (!this.exists(cur)) {
        if (seen.includes(cur)) {
          this.problemAt(
            at,
            'redirects',
            'to',
            `redirects go round in a circle: ${[...seen, cur].join(' → ')}`,
          );
          break;
        }
        seen.push(cur);
        const next = byFrom.get(cur)?.value.to;
        if (next) {
          cur = next;
          continue;
        }
        if (!stored.has(cur) || (await tx.redirects.resolve(cur)) === undefined)
          this.problemAt(
            at,
            'redirects',
            'to',
            `${value.to} is neither a place (in the import or stored) nor leads to one`,
          );
        break;
      }
    }
    if (!this.writing) return;
    const before = await tx.redirects.from(this.redirects.map((r) => r.value.from));
    const changed: RedirectInput[] = [];
    for (const { value } of this.redirects) {
      const b = before.get(value.from);
      if (!b) this.summary.redirectsCreated++;
      else if (b.to !== value.to || b.reason !== value.reason) this.summary.redirectsUpdated++;
      else {
        this.summary.redirectsUnchanged++;
        continue;
      }
      changed.push(value);
    }
    if (changed.length) await tx.redirects.upsert(changed, this.now);
  }

  // ---- twinnings ----

  private async importTwinnings(plan: (Sniffed | undefined)[]): Promise<void> {
    let chunk: PendingTie[] = [];
    for await (const [i, r, fields] of this.recordsOf('twinnings', plan)) {
      this.records++;
      const at = this.at(i, r);
      const { value, issues } = validateTwinningRecord(r.fields);
      // Problems name the columns as the editor wrote them; the canonical order comes after.
      for (const x of issues) this.problem({ ...where(r), column: x.column, message: x.message });
      if (!value.a || !value.b || value.a === value.b) continue;
      const canonical = canonicalTwinning(value);
      const first = this.pairs.get(canonical.a, canonical.b);
      if (first !== undefined) {
        this.problem({
          ...where(r),
          column: 'b',
          message: `the tie ${canonical.a}–${canonical.b} is already given at ${describeAt(this.located(first, 'twinnings'))}`,
        });
        continue;
      }
      this.pairs.set(canonical.a, canonical.b, at);
      chunk.push({ value: canonical, fields, at, written: value });
      if (chunk.length >= CHUNK) {
        await this.flushTwinnings(chunk);
        chunk = [];
      }
    }
    if (chunk.length) await this.flushTwinnings(chunk);
  }

  private async flushTwinnings(chunk: PendingTie[]): Promise<void> {
    const tx = this.tx;
    const sides = new Set<string>();
    for (const c of chunk) sides.add(c.value.a).add(c.value.b);
    await this.lookUp(sides);
    const hints = await this.redirectHints([...sides].filter((id) => !this.exists(id)));
    for (const c of chunk) {
      for (const side of ['a', 'b'] as const) {
        const id = c.written[side];
        if (!this.exists(id))
          this.problemAt(
            c.at,
            'twinnings',
            side,
            hints.get(id) ?? `${id} is neither in the import nor stored; add it as a place first`,
          );
      }
    }
    if (!this.writing) return;
    const withSources = chunk.some((c) => c.fields.has('sources'));
    const stored = await tx.twinnings.byPairs(
      chunk.map((c) => c.value),
      withSources,
    );
    const groups = new Map<Set<string>, TwinningInput[]>();
    const sourced: TwinningInput[] = [];
    for (const c of chunk) {
      const st = stored.get(pairKey(c.value.a, c.value.b));
      const sourcesChanged =
        c.fields.has('sources') &&
        (st ? !sameSources(c.value.sources ?? [], st.sources) : !!c.value.sources?.length);
      const changed = !st || sourcesChanged || tieChanged(c.value, c.fields as Set<keyof TwinningInput>, st);
      if (!st) this.summary.twinningsCreated++;
      else if (changed) this.summary.twinningsUpdated++;
      else this.summary.twinningsUnchanged++;
      if (!changed) continue;
      const g = groups.get(c.fields);
      if (g) g.push(c.value);
      else groups.set(c.fields, [c.value]);
      if (sourcesChanged) sourced.push(c.value);
    }
    const ids = new Map<string, number>();
    for (const [fields, inputs] of groups)
      for (const [k, id] of await tx.twinnings.writeRows(
        inputs,
        fields as Set<keyof TwinningInput>,
        this.now,
      ))
        ids.set(k, id);
    if (sourced.length)
      await tx.twinnings.replaceSources(
        sourced.map((t) => ({ id: ids.get(pairKey(t.a, t.b))!, sources: t.sources ?? [] })),
      );
  }

  // ---- disagreements ----

  private async importDisagreements(plan: (Sniffed | undefined)[]): Promise<void> {
    for await (const [i, r] of this.recordsOf('disagreements', plan)) {
      this.records++;
      const { value, issues } = validateDisagreementRecord(r.fields);
      for (const x of issues) this.problem({ ...where(r), column: x.column, message: x.message });
      if (issues.length) continue;
      const entry = this.disagreements.get(value.place);
      if (entry) entry.rows.push(value);
      else this.disagreements.set(value.place, { at: this.at(i, r), rows: [value] });
    }
    if (!this.disagreements.size) return;
    await this.lookUp(this.disagreements.keys());
    for (const [place, { at }] of this.disagreements)
      if (!this.exists(place))
        this.problemAt(at, 'disagreements', 'place', `${place} is neither in the import nor stored`);
    if (!this.writing) return;
    const stored = await this.tx.disagreements.of([...this.disagreements.keys()]);
    const changed: { place: string; rows: Disagreement[] }[] = [];
    for (const [place, { rows }] of this.disagreements) {
      const before = stored.get(place) ?? [];
      const same =
        before.length === rows.length &&
        before.every((d, i) => JSON.stringify(d) === JSON.stringify(rows[i]));
      if (!same) changed.push({ place, rows });
    }
    this.summary.disagreementsChanged = changed.length;
    if (changed.length) await this.tx.disagreements.replace(changed);
  }
}

/**
 * Ids numbered 0, 1, 2… in the order they are added, kept outside the garbage-collected heap: the characters
 * in one flat array, an open-addressing table of entry numbers. About 40 bytes an id where a Map of strings
 * takes about 70, which the collector's headroom multiplies by four.
 */
class IdIndex {
  private chars = new Uint16Array(1 << 16);
  private used = 0;
  private starts = new Int32Array(1024);
  private table = new Int32Array(2048).fill(-1);
  size = 0;

  private static hash(s: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  }

  private hashOf(n: number): number {
    const end = n + 1 < this.size ? this.starts[n + 1]! : this.used;
    let h = 0x811c9dc5;
    for (let i = this.starts[n]!; i < end; i++) h = Math.imul(h ^ this.chars[i]!, 0x01000193);
    return h >>> 0;
  }

  private equals(n: number, s: string): boolean {
    const start = this.starts[n]!;
    const end = n + 1 < this.size ? this.starts[n + 1]! : this.used;
    if (end - start !== s.length) return false;
    for (let i = 0; i < s.length; i++) if (this.chars[start + i] !== s.charCodeAt(i)) return false;
    return true;
  }

  private slot(s: string): number {
    const mask = this.table.length - 1;
    let i = IdIndex.hash(s) & mask;
    while (this.table[i] !== -1 && !this.equals(this.table[i]!, s)) i = (i + 1) & mask;
    return i;
  }

  find(s: string): number | undefined {
    const n = this.table[this.slot(s)]!;
    return n === -1 ? undefined : n;
  }

  /** Adds an id that is not in the index; returns its number. */
  add(s: string): number {
    if (this.used + s.length > this.chars.length) {
      const more = new Uint16Array(Math.max(this.chars.length * 2, this.used + s.length));
      more.set(this.chars);
      this.chars = more;
    }
    if (this.size === this.starts.length) {
      const more = new Int32Array(this.starts.length * 2);
      more.set(this.starts);
      this.starts = more;
    }
    const n = this.size++;
    this.starts[n] = this.used;
    for (let i = 0; i < s.length; i++) this.chars[this.used++] = s.charCodeAt(i);
    if (this.size * 2 > this.table.length) this.rehash();
    else this.table[this.slot(s)] = n;
    return n;
  }

  id(n: number): string {
    const end = n + 1 < this.size ? this.starts[n + 1]! : this.used;
    return String.fromCharCode(...this.chars.subarray(this.starts[n]!, end));
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = this.table.length - 1;
    for (let n = 0; n < this.size; n++) {
      let i = this.hashOf(n) & mask;
      while (this.table[i] !== -1) i = (i + 1) & mask;
      this.table[i] = n;
    }
  }
}

/**
 * The pairs of places an import has given, each kept as a 64-bit fingerprint in flat arrays (about 24 bytes a
 * pair, where a Map of joined ids takes about 140), with where it was given. Two different pairs share a
 * fingerprint with a chance of about 10⁻⁹ in a million pairs.
 */
class PairIndex {
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  private at = new Float64Array(1024);
  private used = 0;

  private static hash(a: string, b: string): [number, number] {
    // two FNV-1a style 32-bit hashes with different seeds and multipliers over a, a separator and b
    let h1 = 0x811c9dc5;
    let h2 = 0x9e3779b9;
    const step = (c: number) => {
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    };
    for (let i = 0; i < a.length; i++) step(a.charCodeAt(i));
    step(0);
    for (let i = 0; i < b.length; i++) step(b.charCodeAt(i));
    h1 >>>= 0;
    h2 >>>= 0;
    return [h1, h2 === 0 && h1 === 0 ? 1 : h2];
  }

  private slot(h1: number, h2: number): number {
    const mask = this.hi.length - 1;
    let i = (h1 ^ Math.imul(h2, 0x27d4eb2d)) & mask;
    while ((this.hi[i] !== 0 || this.lo[i] !== 0) && (this.hi[i] !== h1 || this.lo[i] !== h2))
      i = (i + 1) & mask;
    return i;
  }

  get(a: string, b: string): number | undefined {
    const [h1, h2] = PairIndex.hash(a, b);
    const i = this.slot(h1, h2);
    return this.hi[i] === h1 && this.lo[i] === h2 && (h1 !== 0 || h2 !== 0) ? this.at[i] : undefined;
  }

  set(a: string, b: string, at: number): void {
    if ((this.used + 1) * 2 > this.hi.length) this.grow();
    const [h1, h2] = PairIndex.hash(a, b);
    this.put(h1, h2, at);
  }

  private put(h1: number, h2: number, at: number): void {
    const i = this.slot(h1, h2);
    if (this.hi[i] === 0 && this.lo[i] === 0) this.used++;
    this.hi[i] = h1;
    this.lo[i] = h2;
    this.at[i] = at;
  }

  private grow(): void {
    const [hi, lo, at] = [this.hi, this.lo, this.at];
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(hi.length * 2);
    this.at = new Float64Array(hi.length * 2);
    this.used = 0;
    for (let i = 0; i < hi.length; i++) if (hi[i] !== 0 || lo[i] !== 0) this.put(hi[i]!, lo[i]!, at[i]!);
  }
}

function sameNames(x: Record<string, string>, y: Record<string, string>): boolean {
  const kx = Object.keys(x);
  return kx.length === Object.keys(y).length && kx.every((k) => Object.hasOwn(y, k) && y[k] === x[k]);
}

function placeChanged(input: PlaceInput, fields: Set<string>, st: StoredPlace): boolean {
  return (
    rowChanged(input, fields as Set<keyof PlaceInput>, st.row) ||
    (fields.has('names') && !sameNames(input.names ?? {}, st.names)) ||
    (fields.has('sources') && !sameSources(input.sources ?? [], st.sources))
  );
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (x, y) =>
      (x.file ?? '').localeCompare(y.file ?? '') ||
      (x.line ?? 0) - (y.line ?? 0) ||
      (x.record ?? '').localeCompare(y.record ?? '', 'en', { numeric: true }),
  );
}
