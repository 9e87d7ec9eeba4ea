import type { Kysely, Selectable } from 'kysely';
import type { DatePrecision, PartialDate } from '../domain/dates.js';
import type { PlaceKind } from '../domain/places.js';
import {
  canonicalPair,
  type ListedBy,
  type Source,
  type Twinning,
  type TwinningInput,
  type TwinningKind,
  type TwinningStatus,
} from '../domain/twinnings.js';
import { BulkStatement, sized } from './bulk.js';
import type { DialectName } from './db.js';
import { jsonSourcesOf, parseSources } from './json-rows.js';
import { NO_NAMES, namesById } from './places-repo.js';
import { param, Reusable } from './reusable.js';
import type { DB, TwinningsTable } from './schema.js';

type Row = Selectable<TwinningsTable>;

// One collator for all sorting: String#localeCompare builds a new one on every call.
const collator = new Intl.Collator('en');

function partial(date: string | null, precision: string | null): PartialDate | null {
  return date ? { date, precision: (precision ?? 'day') as DatePrecision } : null;
}

export function toTwinning(row: Row, sources: Source[] = []): Twinning {
  return {
    id: row.id,
    a: row.a_id,
    b: row.b_id,
    kind: row.kind as TwinningKind,
    signed: partial(row.signed_on, row.signed_precision),
    ended: partial(row.ended_on, row.ended_precision),
    status: row.status as TwinningStatus,
    listedBy: row.listed_by as ListedBy | null,
    notes: row.notes,
    sources,
    updatedAt: row.updated_at,
  };
}

/** The key of a pair (canonical order) in maps. */
export const pairKey = (a: string, b: string) => `${a}\u0000${b}`;

function toRow(t: TwinningInput, now: string) {
  return {
    a_id: t.a,
    b_id: t.b,
    kind: t.kind ?? 'sister',
    signed_on: t.signed?.date ?? null,
    signed_precision: t.signed?.precision ?? null,
    ended_on: t.ended?.date ?? null,
    ended_precision: t.ended?.precision ?? null,
    status: t.status ?? 'active',
    listed_by: t.listedBy ?? null,
    notes: t.notes ?? null,
    updated_at: now,
  };
}

/** Whether writing `input` (the `fields` a file carried) would change the stored tie; sources aside. */
export function tieChanged(
  input: TwinningInput,
  fields: Set<keyof TwinningInput>,
  stored: Twinning,
): boolean {
  const row = toRow(input, '');
  const old = toRow(stored, '');
  for (const f of fields) for (const c of COLUMN_OF[f] ?? []) if (row[c] !== old[c]) return true;
  return false;
}

const COLUMN_OF: Partial<
  Record<keyof TwinningInput, (keyof TwinningsTable & keyof ReturnType<typeof toRow>)[]>
> = {
  kind: ['kind'],
  signed: ['signed_on', 'signed_precision'],
  ended: ['ended_on', 'ended_precision'],
  status: ['status'],
  listedBy: ['listed_by'],
  notes: ['notes'],
};

/** The partner side of a tie, as a place's list of partners shows it. */
export interface PartnerSummary {
  id: string;
  name: string;
  kind: PlaceKind;
  country: string | null;
  lat: number | null;
  lon: number | null;
  population: number | null;
  /** the names in the interface's other languages, where known (language code → name) */
  names: Readonly<Record<string, string>>;
}

export interface TwinningWithPartner {
  twinning: Twinning;
  partner: PartnerSummary;
}

/** A place's partners in the order its page lists them: by partner country, then name. */
export function sortPartners(list: TwinningWithPartner[]): TwinningWithPartner[] {
  return list.sort(
    (x, y) =>
      collator.compare(x.partner.country ?? '~', y.partner.country ?? '~') ||
      collator.compare(x.partner.name, y.partner.name) ||
      (x.partner.id < y.partner.id ? -1 : 1),
  );
}

export interface CompactTie {
  id: number;
  a: string;
  b: string;
  /** ISO date of signing, null if unknown */
  signed: string | null;
  listedBy: ListedBy | null;
}

export interface TwinningFilters {
  /** ties with at least one side in this country */
  country?: string | undefined;
  /** ties between `country` and this one */
  partnerCountry?: string | undefined;
  kind?: TwinningKind | undefined;
  status?: TwinningStatus | undefined;
  /** signed on or after this ISO date */
  since?: string | undefined;
  /** signed before this ISO date */
  until?: string | undefined;
}

const ROW_COLUMNS = [
  'a_id',
  'b_id',
  'kind',
  'signed_on',
  'signed_precision',
  'ended_on',
  'ended_precision',
  'status',
  'listed_by',
  'notes',
  'updated_at',
] as const;

export class TwinningsRepo {
  private readonly partnersOf;
  private readonly partnerNames;
  private readonly sourcesOfPlaceQuery;
  /** row writes by the set of columns they update on stored rows */
  private readonly rowWriters = new Map<string, BulkStatement>();
  private readonly sourceWriter: BulkStatement;

  constructor(
    private readonly db: Kysely<DB>,
    dialect: DialectName,
  ) {
    this.sourceWriter = new BulkStatement(
      db,
      ['twinning_id', 'position', 'fact', 'url', 'citation'],
      (rows) => db.insertInto('twinning_sources').values(rows as never),
      512,
    );
    const side = (own: 'a_id' | 'b_id', other: 'a_id' | 'b_id') =>
      db
        .selectFrom('twinnings as t')
        .innerJoin('places as p', 'p.id', `t.${other}`)
        .selectAll('t')
        .select([
          'p.id as p_id',
          'p.name as p_name',
          'p.kind as p_kind',
          'p.country as p_country',
          'p.lat as p_lat',
          'p.lon as p_lon',
          'p.population as p_population',
        ])
        .where(`t.${own}`, '=', param('id'));
    this.partnersOf = new Reusable(db, () => side('a_id', 'b_id').unionAll(side('b_id', 'a_id')));
    const sideNames = (own: 'a_id' | 'b_id', other: 'a_id' | 'b_id') =>
      db
        .selectFrom('twinnings as t')
        .innerJoin('place_names as n', 'n.place_id', `t.${other}`)
        .select(['n.place_id', 'n.lang', 'n.name'])
        .where(`t.${own}`, '=', param('id'))
        .where('n.lang', 'not in', ['en', 'und']);
    this.partnerNames = new Reusable(db, () => sideNames('a_id', 'b_id').unionAll(sideNames('b_id', 'a_id')));
    // each tie's sources as one JSON value (json-rows.ts): a busy place's ties have hundreds of them
    const sourcesBy = (own: 'a_id' | 'b_id') =>
      db
        .selectFrom('twinnings as t')
        .select([
          't.id as twinning_id',
          jsonSourcesOf(dialect, 'twinning_sources', 'twinning_sources.twinning_id', 't.id').as(
            'sources_json',
          ),
        ])
        .where(`t.${own}`, '=', param('id'));
    this.sourcesOfPlaceQuery = new Reusable(db, () => sourcesBy('a_id').unionAll(sourcesBy('b_id')));
  }

  /** The sources of every tie of a place, by tie id, each list in order (one prepared query). */
  async sourcesOfPlace(placeId: string): Promise<Map<number, Source[]>> {
    const out = new Map<number, Source[]>();
    for (const r of await this.sourcesOfPlaceQuery.run({ id: placeId })) {
      const sources = parseSources(r.sources_json);
      if (sources.length) out.set(Number(r.twinning_id), sources);
    }
    return out;
  }

  /** Upserts ties (already in canonical order) by their pair; `fields` names the fields the file carried. */
  async upsert(inputs: TwinningInput[], fields: Set<keyof TwinningInput>, now: string): Promise<void> {
    const idOf = await this.writeRows(inputs, fields, now);
    if (!fields.has('sources')) return;
    await this.replaceSources(
      inputs.map((t) => ({ id: idOf.get(pairKey(t.a, t.b)) as number, sources: t.sources ?? [] })),
    );
  }

  /** Inserts or updates the rows alone; returns the id of each pair (`pairKey`). */
  async writeRows(
    inputs: TwinningInput[],
    fields: Set<keyof TwinningInput>,
    now: string,
  ): Promise<Map<string, number>> {
    const update = [...new Set([...fields].flatMap((f) => COLUMN_OF[f] ?? []))].sort();
    const key = update.join(',');
    let writer = this.rowWriters.get(key);
    if (!writer) {
      writer = new BulkStatement(
        this.db,
        ROW_COLUMNS,
        (rows) =>
          this.db
            .insertInto('twinnings')
            .values(rows as never)
            .onConflict((oc) =>
              oc.columns(['a_id', 'b_id']).doUpdateSet((eb) => {
                const set: Record<string, unknown> = { updated_at: eb.ref('excluded.updated_at') };
                for (const c of update) set[c] = eb.ref(`excluded.${c}`);
                return set;
              }),
            )
            .returning(['id', 'a_id', 'b_id']),
        256,
      );
      this.rowWriters.set(key, writer);
    }
    const rows = await writer.run<{ id: number; a_id: string; b_id: string }>(
      inputs.map((t) => {
        const row = toRow(t, now);
        return ROW_COLUMNS.map((c) => row[c]);
      }),
    );
    const idOf = new Map<string, number>();
    for (const r of rows) idOf.set(pairKey(r.a_id, r.b_id), r.id);
    return idOf;
  }

  /** Makes these ties' sources exactly the given ones, in order. */
  async replaceSources(list: { id: number; sources: Source[] }[]): Promise<void> {
    for (const part of sized(list, 512))
      await this.db
        .deleteFrom('twinning_sources')
        .where(
          'twinning_id',
          'in',
          part.map((t) => t.id),
        )
        .execute();
    await this.sourceWriter.run(
      list.flatMap((t) => t.sources.map((s, position) => [t.id, position, s.fact, s.url, s.citation])),
    );
  }

  /** The stored ties of these pairs (canonical order), by `pairKey`; with their sources if asked. */
  async byPairs(pairs: { a: string; b: string }[], withSources: boolean): Promise<Map<string, Twinning>> {
    const out = new Map<string, Twinning>();
    for (const part of sized(pairs, 256)) {
      const rows = await this.db
        .selectFrom('twinnings')
        .selectAll()
        .where((eb) =>
          eb(
            eb.refTuple('a_id', 'b_id'),
            'in',
            part.map((p) => eb.tuple(p.a, p.b)),
          ),
        )
        .execute();
      const sources = withSources ? await this.sourcesOf(rows.map((r) => r.id)) : new Map<number, Source[]>();
      for (const r of rows) out.set(pairKey(r.a_id, r.b_id), toTwinning(r, sources.get(r.id)));
    }
    return out;
  }

  /** Every tie of a place, with its sources (for merging places). */
  async ofPlace(placeId: string): Promise<Twinning[]> {
    const rows = await this.db
      .selectFrom('twinnings')
      .selectAll()
      .where((eb) => eb.or([eb('a_id', '=', placeId), eb('b_id', '=', placeId)]))
      .orderBy('id')
      .execute();
    const sources = await this.sourcesOf(rows.map((r) => r.id));
    return rows.map((r) => toTwinning(r, sources.get(r.id)));
  }

  /** Moves a tie to another pair of places (canonical order), keeping its id and what refers to it. */
  async setPair(id: number, a: string, b: string, listedBy: ListedBy | null, now: string): Promise<void> {
    await this.db
      .updateTable('twinnings')
      .set({ a_id: a, b_id: b, listed_by: listedBy, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  async remove(id: number): Promise<void> {
    await this.db.deleteFrom('twinnings').where('id', '=', id).execute();
  }

  /** Which of these pairs (canonical order) are stored, as `a\u0000b` keys. */
  async existingPairs(pairs: { a: string; b: string }[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const part of sized([...new Set(pairs.map((t) => t.a))], 512)) {
      const rows = await this.db
        .selectFrom('twinnings')
        .select(['a_id', 'b_id'])
        .where('a_id', 'in', part)
        .execute();
      for (const r of rows) out.add(pairKey(r.a_id, r.b_id));
    }
    return out;
  }

  async sourcesOf(ids: number[]): Promise<Map<number, Source[]>> {
    const out = new Map<number, Source[]>();
    for (const part of sized(ids, 512)) {
      const rows = await this.db
        .selectFrom('twinning_sources')
        .select(['twinning_id', 'fact', 'url', 'citation'])
        .where('twinning_id', 'in', part)
        .orderBy('twinning_id')
        .orderBy('position')
        .execute();
      for (const r of rows) {
        const list = out.get(r.twinning_id) ?? [];
        list.push({ fact: r.fact, url: r.url, citation: r.citation });
        out.set(r.twinning_id, list);
      }
    }
    return out;
  }

  async get(id: number): Promise<Twinning | undefined> {
    const row = await this.db.selectFrom('twinnings').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    return toTwinning(row, (await this.sourcesOf([id])).get(id));
  }

  /** How many ties have a known signing date. */
  async countDated(): Promise<number> {
    const r = await this.db
      .selectFrom('twinnings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('signed_on', 'is not', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('twinnings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Every tie of a place, with the partner's essentials, ordered by partner country then name. */
  async forPlace(placeId: string): Promise<TwinningWithPartner[]> {
    const rows = await this.partnersOf.run({ id: placeId });
    const sources = await this.sourcesOf(rows.map((r) => r.id));
    const names = namesById(await this.partnerNames.run({ id: placeId }));
    return sortPartners(
      rows.map((r) => ({
        twinning: toTwinning(r, sources.get(r.id)),
        partner: {
          id: r.p_id,
          name: r.p_name,
          kind: r.p_kind as PlaceKind,
          country: r.p_country,
          lat: r.p_lat,
          lon: r.p_lon,
          population: r.p_population === null ? null : Number(r.p_population),
          names: names.get(r.p_id) ?? NO_NAMES,
        },
      })),
    );
  }

  private filtered(filters: TwinningFilters) {
    let q = this.db
      .selectFrom('twinnings as t')
      .innerJoin('places as pa', 'pa.id', 't.a_id')
      .innerJoin('places as pb', 'pb.id', 't.b_id')
      .selectAll('t');
    const { country, partnerCountry } = filters;
    if (country && partnerCountry) {
      q = q.where((eb) =>
        eb.or([
          eb.and([eb('pa.country', '=', country), eb('pb.country', '=', partnerCountry)]),
          eb.and([eb('pb.country', '=', country), eb('pa.country', '=', partnerCountry)]),
        ]),
      );
    } else if (country) {
      q = q.where((eb) => eb.or([eb('pa.country', '=', country), eb('pb.country', '=', country)]));
    }
    if (filters.kind) q = q.where('t.kind', '=', filters.kind);
    if (filters.status) q = q.where('t.status', '=', filters.status);
    if (filters.since) q = q.where('t.signed_on', '>=', filters.since);
    if (filters.until) q = q.where('t.signed_on', '<', filters.until);
    return q;
  }

  /** Ties matching the filters, newest signing first, then by id. */
  async list(filters: TwinningFilters, limit: number, offset: number): Promise<Twinning[]> {
    const rows = await this.filtered(filters)
      .orderBy('t.signed_on', (o) => o.desc().nullsLast())
      .orderBy('t.id')
      .limit(limit)
      .offset(offset)
      .execute();
    const sources = await this.sourcesOf(rows.map((r) => r.id));
    return rows.map((r) => toTwinning(r, sources.get(r.id)));
  }

  async countWhere(filters: TwinningFilters): Promise<number> {
    const r = await this.filtered(filters)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** The ties changed last (imported, edited), newest first; with `after`, only those changed since then. */
  async recentlyChanged(limit: number, after?: string): Promise<Twinning[]> {
    const rows = await this.db
      .selectFrom('twinnings')
      .selectAll()
      .$if(after !== undefined, (q) => q.where('updated_at', '>', after!))
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => toTwinning(r));
  }

  /** The tie between two places, whichever order they are given in. */
  async between(x: string, y: string): Promise<Twinning | undefined> {
    const [a, b] = canonicalPair(x, y);
    const row = await this.db
      .selectFrom('twinnings')
      .selectAll()
      .where('a_id', '=', a)
      .where('b_id', '=', b)
      .executeTakeFirst();
    return row ? toTwinning(row, (await this.sourcesOf([row.id])).get(row.id)) : undefined;
  }

  /** Every tie without its sources (for the in-memory gazetteer). */
  async allBare(): Promise<Twinning[]> {
    const rows = await this.db.selectFrom('twinnings').selectAll().orderBy('id').execute();
    return rows.map((r) => toTwinning(r));
  }

  async all(): Promise<Twinning[]> {
    const rows = await this.db.selectFrom('twinnings').selectAll().orderBy('a_id').orderBy('b_id').execute();
    const sources = await this.sourcesOf(rows.map((r) => r.id));
    return rows.map((r) => toTwinning(r, sources.get(r.id)));
  }
}
