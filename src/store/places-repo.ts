import { sql, type Kysely, type Selectable } from 'kysely';
import type { DatePrecision } from '../domain/dates.js';
import { normalizeName, prefixUpperBound, searchTerms } from '../domain/names.js';
import type { Source } from '../domain/fields.js';
import type { Place, PlaceInput, PlaceKind } from '../domain/places.js';
import { BulkStatement, sized } from './bulk.js';
import type { DialectName } from './db.js';
import { jsonRowsOf, jsonSourcesOf, parseJsonRows, parseSources } from './json-rows.js';
import { param, Reusable } from './reusable.js';
import type { DB, PlacesTable } from './schema.js';

export type PlaceRow = Selectable<PlacesTable>;
type Row = PlaceRow;

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function toPlace(row: Row, names: Record<string, string> = {}, sources: Source[] = []): Place {
  return {
    id: row.id,
    kind: row.kind as PlaceKind,
    name: row.name,
    country: row.country,
    parent: row.parent_id,
    lat: row.lat,
    lon: row.lon,
    population: row.population === null ? null : Number(row.population),
    populationYear: row.population_year,
    timezone: row.timezone,
    languages: row.languages ? row.languages.split(';') : [],
    currency: row.currency,
    leaderTitle: row.leader_title,
    leaderName: row.leader_name,
    leaderSince: row.leader_since
      ? { date: row.leader_since, precision: (row.leader_since_precision ?? 'day') as DatePrecision }
      : null,
    wikidata: row.wikidata,
    geonames: row.geonames,
    names,
    sources,
    updatedAt: row.updated_at,
  };
}

/** Which stored column each input field writes. */
const COLUMN_OF: Partial<Record<keyof PlaceInput, (keyof PlacesTable)[]>> = {
  name: ['name'],
  kind: ['kind'],
  country: ['country'],
  parent: ['parent_id'],
  lat: ['lat'],
  lon: ['lon'],
  population: ['population'],
  populationYear: ['population_year'],
  timezone: ['timezone'],
  languages: ['languages'],
  currency: ['currency'],
  leaderTitle: ['leader_title'],
  leaderName: ['leader_name'],
  leaderSince: ['leader_since', 'leader_since_precision'],
  wikidata: ['wikidata'],
  geonames: ['geonames'],
};

/** The columns of a place's row, in the order bulk writes give them. */
const ROW_COLUMNS = [
  'id',
  'kind',
  'name',
  'country',
  'parent_id',
  'lat',
  'lon',
  'population',
  'population_year',
  'timezone',
  'languages',
  'currency',
  'leader_title',
  'leader_name',
  'leader_since',
  'leader_since_precision',
  'wikidata',
  'geonames',
  'updated_at',
] as const satisfies readonly (keyof Row)[];

export function toRow(p: PlaceInput, now: string): Row {
  return {
    id: p.id,
    kind: p.kind ?? 'city',
    name: p.name,
    country: p.country ?? null,
    parent_id: p.parent ?? null,
    lat: p.lat ?? null,
    lon: p.lon ?? null,
    population: p.population ?? null,
    population_year: p.populationYear ?? null,
    timezone: p.timezone ?? null,
    languages: p.languages?.length ? p.languages.join(';') : null,
    currency: p.currency ?? null,
    leader_title: p.leaderTitle ?? null,
    leader_name: p.leaderName ?? null,
    leader_since: p.leaderSince?.date ?? null,
    leader_since_precision: p.leaderSince?.precision ?? null,
    wikidata: p.wikidata ?? null,
    geonames: p.geonames ?? null,
    updated_at: now,
  };
}

/** Whether writing `input` (the `fields` a file carried) would change the stored row; names and sources aside. */
export function rowChanged(input: PlaceInput, fields: Set<keyof PlaceInput>, stored: Row): boolean {
  const row = toRow(input, stored.updated_at);
  for (const f of fields) {
    for (const c of COLUMN_OF[f] ?? []) {
      const [x, y] = [row[c], stored[c]];
      // bigint columns read back as numbers; compare by value
      if (x !== y && !(x !== null && y !== null && Number(x) === Number(y))) return true;
    }
  }
  return false;
}

/** A stored place as the importer compares it with a record: the row, its names and its sources. */
export interface StoredPlace {
  row: Row;
  names: Record<string, string>;
  sources: Source[];
}

/** A place's position in the tree, for checking parents. */
export interface PlaceLink {
  kind: PlaceKind;
  parent: string | null;
  country: string | null;
}

export interface CompactPlace {
  id: string;
  name: string;
  kind: PlaceKind;
  country: string | null;
  parent: string | null;
  lat: number | null;
  lon: number | null;
  population: number | null;
  wikidata: string | null;
  /** every stored name by language code (as `Place.names`) */
  names: Readonly<Record<string, string>>;
}

export interface SearchFilters {
  country?: string | undefined;
  kind?: PlaceKind | undefined;
  /** only places with at least one tie (true) or none (false) */
  hasTies?: boolean | undefined;
}

export interface PlaceHit {
  place: Place;
  ties: number;
  /** from a search: 0 a whole name equals the text, 1 a whole name starts with it, 2 a word of a name does */
  rank?: number;
}

/** A place found, with what lists of places show of it (from the gazetteer in memory). */
export interface CompactHit {
  place: CompactPlace;
  ties: number;
  /** as `PlaceHit.rank` */
  rank?: number;
}

export class PlacesRepo {
  /** a place's row with its names and its sources, each list as one JSON value (json-rows.ts) */
  private readonly byId: Reusable<Row & { names_json: unknown; sources_json: unknown }, { id: string }>;

  /** row writes by the set of columns they update on stored rows */
  private readonly rowWriters = new Map<string, BulkStatement>();
  private readonly nameWriter: BulkStatement;
  private readonly sourceWriter: BulkStatement;
  private readonly termWriter: BulkStatement;

  constructor(
    private readonly db: Kysely<DB>,
    dialect: DialectName,
  ) {
    this.nameWriter = new BulkStatement(
      db,
      ['place_id', 'lang', 'name'],
      (rows) => db.insertInto('place_names').values(rows as never),
      512,
    );
    this.sourceWriter = new BulkStatement(
      db,
      ['place_id', 'position', 'fact', 'url', 'citation'],
      (rows) => db.insertInto('place_sources').values(rows as never),
      512,
    );
    this.termWriter = new BulkStatement(
      db,
      ['term', 'place_id', 'whole'],
      (rows) => db.insertInto('place_terms').values(rows as never),
      1024,
    );
    this.byId = new Reusable(db, () =>
      db
        .selectFrom('places')
        .selectAll('places')
        .select([
          jsonRowsOf(
            dialect,
            'place_names',
            ['lang', 'name'],
            'place_names.place_id',
            'places.id',
            'lang',
          ).as('names_json'),
          jsonSourcesOf(dialect, 'place_sources', 'place_sources.place_id', 'places.id').as('sources_json'),
        ])
        .where('places.id', '=', param('id')),
    );
  }

  /** A place with its names and sources: one query. */
  async get(id: string): Promise<Place | undefined> {
    const [row] = await this.byId.run({ id });
    if (!row) return undefined;
    const names: Record<string, string> = {};
    for (const [lang, name] of parseJsonRows(row.names_json)) names[lang as string] = name as string;
    return toPlace(row, names, parseSources(row.sources_json));
  }

  async getMany(ids: string[], withSources = true): Promise<Map<string, Place>> {
    const out = new Map<string, Place>();
    for (const part of sized([...new Set(ids)], 512)) {
      const rows = await this.db.selectFrom('places').selectAll().where('id', 'in', part).execute();
      const [names, sources] = await Promise.all([
        this.namesOf(part),
        withSources ? this.sourcesOf(part) : new Map<string, Source[]>(),
      ]);
      for (const r of rows) out.set(r.id, toPlace(r, names.get(r.id), sources.get(r.id)));
    }
    return out;
  }

  /** Every search key (see `search`) with its place's population, for an index in memory. */
  async terms(): Promise<{ term: string; place_id: string; whole: number; population: number | null }[]> {
    const rows = await this.db
      .selectFrom('place_terms as t')
      .innerJoin('places as p', 'p.id', 't.place_id')
      .select(['t.term', 't.place_id', 't.whole', 'p.population'])
      .execute();
    return rows.map((r) => ({ ...r, population: r.population === null ? null : Number(r.population) }));
  }

  async sourcesOf(ids: string[]): Promise<Map<string, Source[]>> {
    const out = new Map<string, Source[]>();
    for (const part of sized(ids, 512)) {
      const rows = await this.db
        .selectFrom('place_sources')
        .select(['place_id', 'fact', 'url', 'citation'])
        .where('place_id', 'in', part)
        .orderBy('place_id')
        .orderBy('position')
        .execute();
      for (const r of rows) {
        const list = out.get(r.place_id);
        const s = { fact: r.fact, url: r.url, citation: r.citation };
        if (list) list.push(s);
        else out.set(r.place_id, [s]);
      }
    }
    return out;
  }

  /** The stored rows, names and sources of these places, for comparing an import with them. */
  async stored(ids: string[]): Promise<Map<string, StoredPlace>> {
    const out = new Map<string, StoredPlace>();
    for (const part of sized([...new Set(ids)], 512)) {
      const [rows, names, sources] = await Promise.all([
        this.db.selectFrom('places').selectAll().where('id', 'in', part).execute(),
        this.namesOf(part),
        this.sourcesOf(part),
      ]);
      for (const row of rows)
        out.set(row.id, { row, names: names.get(row.id) ?? {}, sources: sources.get(row.id) ?? [] });
    }
    return out;
  }

  /** Where these places and all their ancestors sit (one recursive query per 500 ids; safe on cycles). */
  async lineage(ids: string[]): Promise<Map<string, PlaceLink>> {
    const out = new Map<string, PlaceLink>();
    for (const part of sized([...new Set(ids)], 512)) {
      const rows = await this.db
        .withRecursive('up(id, kind, parent_id, country)', (qb) =>
          qb
            .selectFrom('places')
            .select(['id', 'kind', 'parent_id', 'country'])
            .where('id', 'in', part)
            .union((u) =>
              u
                .selectFrom('places as p')
                .innerJoin('up', 'up.parent_id', 'p.id')
                .select(['p.id', 'p.kind', 'p.parent_id', 'p.country']),
            ),
        )
        .selectFrom('up')
        .selectAll()
        .execute();
      for (const r of rows)
        out.set(r.id, { kind: r.kind as PlaceKind, parent: r.parent_id, country: r.country });
    }
    return out;
  }

  async namesOf(ids: string[]): Promise<Map<string, Record<string, string>>> {
    const out = new Map<string, Record<string, string>>();
    for (const part of sized(ids, 512)) {
      const rows = await this.db
        .selectFrom('place_names')
        .selectAll()
        .where('place_id', 'in', part)
        .execute();
      for (const r of rows) {
        const names = out.get(r.place_id) ?? {};
        names[r.lang] = r.name;
        out.set(r.place_id, names);
      }
    }
    return out;
  }

  /** The ids of the places that are this Wikidata item: keyed by it, or carrying it. */
  async withWikidata(qid: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('places')
      .select('id')
      .where((eb) => eb.or([eb('wikidata', '=', qid), eb('id', '=', qid)]))
      .execute();
    return rows.map((r) => r.id);
  }

  /** The subset of `ids` that is stored, with each one's kind, parent and country. */
  async existing(ids: string[]): Promise<Map<string, PlaceLink>> {
    const out = new Map<string, PlaceLink>();
    for (const part of sized([...new Set(ids)], 512)) {
      const rows = await this.db
        .selectFrom('places')
        .select(['id', 'kind', 'parent_id', 'country'])
        .where('id', 'in', part)
        .execute();
      for (const r of rows)
        out.set(r.id, { kind: r.kind as PlaceKind, parent: r.parent_id, country: r.country });
    }
    return out;
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('places')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /**
   * Inserts or updates places by id, with their names and sources when `fields` has them, and their search keys.
   * Fields not in `fields` are not touched on stored rows.
   */
  async upsert(inputs: PlaceInput[], fields: Set<keyof PlaceInput>, now: string): Promise<void> {
    await this.writeRows(inputs, fields, now);
    if (fields.has('names')) await this.replaceNames(inputs.map((p) => ({ id: p.id, names: p.names ?? {} })));
    if (fields.has('sources'))
      await this.replaceSources(inputs.map((p) => ({ id: p.id, sources: p.sources ?? [] })));
    await this.reindex(inputs.map((p) => p.id));
  }

  /** Inserts or updates the rows alone: the columns of `fields` (and updated_at) on stored rows. */
  async writeRows(inputs: PlaceInput[], fields: Set<keyof PlaceInput>, now: string): Promise<void> {
    const update = [...new Set([...fields].flatMap((f) => COLUMN_OF[f] ?? []))].sort();
    const key = update.join(',');
    let writer = this.rowWriters.get(key);
    if (!writer) {
      writer = new BulkStatement(
        this.db,
        ROW_COLUMNS,
        (rows) =>
          this.db
            .insertInto('places')
            .values(rows as never)
            .onConflict((oc) =>
              oc.column('id').doUpdateSet((eb) => {
                const set: Record<string, unknown> = { updated_at: eb.ref('excluded.updated_at') };
                for (const c of update) set[c] = eb.ref(`excluded.${c}`);
                return set;
              }),
            ),
        256,
      );
      this.rowWriters.set(key, writer);
    }
    await writer.run(
      inputs.map((p) => {
        const row = toRow(p, now);
        return ROW_COLUMNS.map((c) => row[c]);
      }),
    );
  }

  /** Makes these places' names exactly the given ones. */
  async replaceNames(list: { id: string; names: Record<string, string> }[]): Promise<void> {
    for (const part of sized(list, 256)) {
      await this.db
        .deleteFrom('place_names')
        .where(
          'place_id',
          'in',
          part.map((p) => p.id),
        )
        .execute();
      await this.nameWriter.run(
        part.flatMap((p) => Object.entries(p.names).map(([lang, name]) => [p.id, lang, name])),
      );
    }
  }

  /** Makes these places' sources exactly the given ones, in order. */
  async replaceSources(list: { id: string; sources: Source[] }[]): Promise<void> {
    for (const part of sized(list, 256)) {
      await this.db
        .deleteFrom('place_sources')
        .where(
          'place_id',
          'in',
          part.map((p) => p.id),
        )
        .execute();
      await this.sourceWriter.run(
        part.flatMap((p) => p.sources.map((s, position) => [p.id, position, s.fact, s.url, s.citation])),
      );
    }
  }

  /** Sets the parents of these places (and marks them changed). */
  async setParents(list: { id: string; parent: string | null }[], now: string): Promise<void> {
    for (const part of sized(list, 256)) {
      const cases = sql.join(
        part.map((p) => sql`when ${p.id} then cast(${p.parent} as text)`),
        sql` `,
      );
      await this.db
        .updateTable('places')
        .set({ parent_id: sql<string | null>`case id ${cases} end`, updated_at: now })
        .where(
          'id',
          'in',
          part.map((p) => p.id),
        )
        .execute();
    }
  }

  /** Gives the children of `from` to `to`; returns how many moved. */
  async moveChildren(from: string, to: string, now: string): Promise<number> {
    const r = await this.db
      .updateTable('places')
      .set({ parent_id: to, updated_at: now })
      .where('parent_id', '=', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Deletes a place that nothing refers to any more (its names, search keys and sources go with it). */
  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('places').where('id', '=', id).execute();
  }

  /** Rebuilds the search keys of these places from their stored names. */
  async reindex(ids: string[]): Promise<void> {
    for (const part of sized(ids, 512)) {
      await this.db.deleteFrom('place_terms').where('place_id', 'in', part).execute();
      const [rows, names] = await Promise.all([
        this.db.selectFrom('places').select(['id', 'name']).where('id', 'in', part).execute(),
        this.namesOf(part),
      ]);
      const terms: unknown[][] = [];
      for (const r of rows) {
        const best = new Map<string, number>();
        for (const n of [r.name, ...Object.values(names.get(r.id) ?? {})]) {
          for (const t of searchTerms(n)) best.set(t.term, Math.max(best.get(t.term) ?? 0, t.whole ? 1 : 0));
        }
        for (const [term, whole] of best) terms.push([term, r.id, whole]);
      }
      await this.termWriter.run(terms);
    }
  }

  /**
   * Places whose name in any language starts with the text, or has a word that does. Ranked: exact names,
   * then names starting with the text, then words inside names; within each, the most populous first.
   */
  async search(text: string, filters: SearchFilters, limit: number, offset: number): Promise<PlaceHit[]> {
    const q = normalizeName(text);
    if (!q) return [];
    const matches = this.db
      .selectFrom('place_terms')
      .select([
        'place_id',
        sql<number>`min(case when term = ${q} and whole = 1 then 0 when whole = 1 then 1 else 2 end)`.as(
          'rank',
        ),
      ])
      .where('term', '>=', q)
      .where('term', '<', prefixUpperBound(q))
      .groupBy('place_id');
    let query = this.db
      .selectFrom(matches.as('m'))
      .innerJoin('places as p', 'p.id', 'm.place_id')
      .selectAll('p')
      .select('m.rank');
    if (filters.country) query = query.where('p.country', '=', filters.country);
    if (filters.kind) query = query.where('p.kind', '=', filters.kind);
    query = this.tieFilter(query, filters.hasTies);
    const rows = await query
      .orderBy('m.rank')
      .orderBy('p.population', (o) => o.desc().nullsLast())
      .orderBy('p.id')
      .limit(limit)
      .offset(offset)
      .execute();
    return this.withTies(rows);
  }

  /** Places without a search text, most populous first. */
  async list(filters: SearchFilters, limit: number, offset: number): Promise<PlaceHit[]> {
    let query = this.db.selectFrom('places as p').selectAll('p');
    if (filters.country) query = query.where('p.country', '=', filters.country);
    if (filters.kind) query = query.where('p.kind', '=', filters.kind);
    query = this.tieFilter(query, filters.hasTies);
    const rows = await query
      .orderBy('p.population', (o) => o.desc().nullsLast())
      .orderBy('p.id')
      .limit(limit)
      .offset(offset)
      .execute();
    return this.withTies(rows);
  }

  // The generic keeps the caller's selection type; only the where clause is added.
  private tieFilter<Q extends { where: (...args: never[]) => unknown }>(
    query: Q,
    hasTies: boolean | undefined,
  ): Q {
    if (hasTies === undefined) return query;
    const tied = sql<boolean>`exists (select 1 from twinnings t where t.a_id = p.id or t.b_id = p.id)`;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (query as any).where(hasTies ? tied : sql<boolean>`not ${tied}`) as Q;
  }

  private async withTies(rows: (Row & { rank?: number })[]): Promise<PlaceHit[]> {
    const ids = rows.map((r) => r.id);
    const [names, ties] = await Promise.all([this.namesOf(ids), this.tieCounts(ids)]);
    return rows.map((r) => ({
      place: toPlace(r, names.get(r.id)),
      ties: ties.get(r.id) ?? 0,
      ...(r.rank !== undefined ? { rank: Number(r.rank) } : {}),
    }));
  }

  async tieCounts(ids: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (!ids.length) return out;
    for (const part of sized(ids, 512)) {
      const rows = await this.db
        .selectFrom((eb) =>
          eb
            .selectFrom('twinnings')
            .select('a_id as id')
            .where('a_id', 'in', part)
            .unionAll(eb.selectFrom('twinnings').select('b_id as id').where('b_id', 'in', part))
            .as('x'),
        )
        .select(['x.id', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('x.id')
        .execute();
      for (const r of rows) out.set(r.id, Number(r.n));
    }
    return out;
  }

  /** The chain of parents from the place's parent up to the top (country). */
  async ancestors(id: string): Promise<Place[]> {
    const out: Place[] = [];
    const seen = new Set([id]);
    let cur = await this.db.selectFrom('places').select('parent_id').where('id', '=', id).executeTakeFirst();
    while (cur?.parent_id && !seen.has(cur.parent_id)) {
      seen.add(cur.parent_id);
      const p = await this.get(cur.parent_id);
      if (!p) break;
      out.push(p);
      cur = { parent_id: p.parent };
    }
    return out;
  }

  /** Every place's essentials, for whole-network work (rankings, quality report). */
  async compact(): Promise<CompactPlace[]> {
    const rows = await this.db
      .selectFrom('places as p')
      .select([
        'p.id',
        'p.name',
        'p.kind',
        'p.country',
        'p.parent_id',
        'p.lat',
        'p.lon',
        'p.population',
        'p.wikidata',
      ])
      .execute();
    const names = namesById(
      // (in each place's languages' order, as `get` gives them)
      await this.db
        .selectFrom('place_names')
        .select(['place_id', 'lang', 'name'])
        .orderBy('place_id')
        .orderBy('lang')
        .execute(),
    );
    return rows.map(({ parent_id, population, ...r }) => ({
      ...r,
      population: population === null ? null : Number(population),
      kind: r.kind as PlaceKind,
      parent: parent_id,
      names: names.get(r.id) ?? NO_NAMES,
    }));
  }

  async all(): Promise<Place[]> {
    const rows = await this.db.selectFrom('places').selectAll().orderBy('id').execute();
    const names = new Map<string, Record<string, string>>();
    for (const r of await this.db.selectFrom('place_names').selectAll().orderBy('lang').execute()) {
      const n = names.get(r.place_id) ?? {};
      n[r.lang] = r.name;
      names.set(r.place_id, n);
    }
    const sources = new Map<string, Source[]>();
    const sourceRows = await this.db
      .selectFrom('place_sources')
      .selectAll()
      .orderBy('place_id')
      .orderBy('position')
      .execute();
    for (const r of sourceRows) {
      const list = sources.get(r.place_id) ?? [];
      list.push({ fact: r.fact, url: r.url, citation: r.citation });
      sources.set(r.place_id, list);
    }
    return rows.map((r) => toPlace(r, names.get(r.id), sources.get(r.id)));
  }
}

const NO_NAMES: Readonly<Record<string, string>> = Object.freeze({});

/** Names by place and language, from `place_names` rows (the first name of a language wins). */
export function namesById(
  rows: { place_id: string; lang: string; name: string }[],
): Map<string, Readonly<Record<string, string>>> {
  const out = new Map<string, Record<string, string>>();
  for (const r of rows) {
    let m = out.get(r.place_id);
    if (!m) out.set(r.place_id, (m = {}));
    m[r.lang] ??= r.name;
  }
  return out;
}

export { NO_NAMES };
