import { sql, type Kysely, type Selectable } from 'kysely';
import type { DatePrecision } from '../domain/dates.js';
import { normalizeName, prefixUpperBound, searchTerms } from '../domain/names.js';
import type { Place, PlaceInput, PlaceKind } from '../domain/places.js';
import { param, Reusable } from './reusable.js';
import type { DB, PlacesTable } from './schema.js';

type Row = Selectable<PlacesTable>;

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function toPlace(row: Row, names: Record<string, string> = {}): Place {
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

function toRow(p: PlaceInput, now: string): Row {
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
  /** the Simplified Chinese name, where known */
  nameZh: string | null;
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
}

export class PlacesRepo {
  private readonly byId: Reusable<Row, { id: string }>;
  private readonly namesById: Reusable<{ lang: string; name: string }, { id: string }>;

  constructor(private readonly db: Kysely<DB>) {
    this.byId = new Reusable(db, () => db.selectFrom('places').selectAll().where('id', '=', param('id')));
    this.namesById = new Reusable(db, () =>
      db.selectFrom('place_names').select(['lang', 'name']).where('place_id', '=', param('id')),
    );
  }

  async get(id: string): Promise<Place | undefined> {
    const [row] = await this.byId.run({ id });
    if (!row) return undefined;
    const names: Record<string, string> = {};
    for (const n of await this.namesById.run({ id })) names[n.lang] = n.name;
    return toPlace(row, names);
  }

  async getMany(ids: string[]): Promise<Map<string, Place>> {
    const out = new Map<string, Place>();
    for (const part of chunks([...new Set(ids)], 500)) {
      const rows = await this.db.selectFrom('places').selectAll().where('id', 'in', part).execute();
      const names = await this.namesOf(part);
      for (const r of rows) out.set(r.id, toPlace(r, names.get(r.id)));
    }
    return out;
  }

  async namesOf(ids: string[]): Promise<Map<string, Record<string, string>>> {
    const out = new Map<string, Record<string, string>>();
    for (const part of chunks(ids, 500)) {
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

  /** The subset of `ids` that is stored, with each one's parent and country. */
  async existing(ids: string[]): Promise<Map<string, { parent: string | null; country: string | null }>> {
    const out = new Map<string, { parent: string | null; country: string | null }>();
    for (const part of chunks([...new Set(ids)], 500)) {
      const rows = await this.db
        .selectFrom('places')
        .select(['id', 'parent_id', 'country'])
        .where('id', 'in', part)
        .execute();
      for (const r of rows) out.set(r.id, { parent: r.parent_id, country: r.country });
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
   * Inserts or updates places by id. Fields left undefined in every input are not touched on stored rows;
   * `fields` names the ones the file carried.
   */
  async upsert(inputs: PlaceInput[], fields: Set<keyof PlaceInput>, now: string): Promise<void> {
    const update = [...fields].flatMap((f) => COLUMN_OF[f] ?? []);
    for (const part of chunks(inputs, 400)) {
      await this.db
        .insertInto('places')
        .values(part.map((p) => toRow(p, now)))
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => {
            const set: Record<string, unknown> = { updated_at: eb.ref('excluded.updated_at') };
            for (const c of update) set[c] = eb.ref(`excluded.${c}`);
            return set;
          }),
        )
        .execute();
    }
    const ids = inputs.map((p) => p.id);
    if (fields.has('names')) {
      for (const part of chunks(inputs, 400)) {
        await this.db
          .deleteFrom('place_names')
          .where(
            'place_id',
            'in',
            part.map((p) => p.id),
          )
          .execute();
        const rows = part.flatMap((p) =>
          Object.entries(p.names ?? {}).map(([lang, name]) => ({ place_id: p.id, lang, name })),
        );
        for (const r of chunks(rows, 2000)) await this.db.insertInto('place_names').values(r).execute();
      }
    }
    await this.reindex(ids);
  }

  /** Rebuilds the search keys of these places from their stored names. */
  async reindex(ids: string[]): Promise<void> {
    for (const part of chunks(ids, 500)) {
      await this.db.deleteFrom('place_terms').where('place_id', 'in', part).execute();
      const [rows, names] = await Promise.all([
        this.db.selectFrom('places').select(['id', 'name']).where('id', 'in', part).execute(),
        this.namesOf(part),
      ]);
      const terms: { term: string; place_id: string; whole: number }[] = [];
      for (const r of rows) {
        const best = new Map<string, number>();
        for (const n of [r.name, ...Object.values(names.get(r.id) ?? {})]) {
          for (const t of searchTerms(n)) best.set(t.term, Math.max(best.get(t.term) ?? 0, t.whole ? 1 : 0));
        }
        for (const [term, whole] of best) terms.push({ term, place_id: r.id, whole });
      }
      for (const c of chunks(terms, 3000)) await this.db.insertInto('place_terms').values(c).execute();
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

  private async withTies(rows: Row[]): Promise<PlaceHit[]> {
    const ids = rows.map((r) => r.id);
    const [names, ties] = await Promise.all([this.namesOf(ids), this.tieCounts(ids)]);
    return rows.map((r) => ({ place: toPlace(r, names.get(r.id)), ties: ties.get(r.id) ?? 0 }));
  }

  async tieCounts(ids: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (!ids.length) return out;
    for (const part of chunks(ids, 500)) {
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
      .leftJoin('place_names as n', (j) => j.onRef('n.place_id', '=', 'p.id').on('n.lang', '=', 'zh'))
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
        'n.name as name_zh',
      ])
      .execute();
    return rows.map(({ name_zh, parent_id, population, ...r }) => ({
      ...r,
      population: population === null ? null : Number(population),
      kind: r.kind as PlaceKind,
      parent: parent_id,
      nameZh: name_zh,
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
    return rows.map((r) => toPlace(r, names.get(r.id)));
  }
}
