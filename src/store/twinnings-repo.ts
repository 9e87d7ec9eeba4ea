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
import { chunks } from './places-repo.js';
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

const COLUMN_OF: Partial<Record<keyof TwinningInput, (keyof TwinningsTable)[]>> = {
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
  /** the name in Chinese, where known (the interface's other language) */
  nameZh: string | null;
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

export class TwinningsRepo {
  private readonly partnersOf;

  constructor(private readonly db: Kysely<DB>) {
    const side = (own: 'a_id' | 'b_id', other: 'a_id' | 'b_id') =>
      db
        .selectFrom('twinnings as t')
        .innerJoin('places as p', 'p.id', `t.${other}`)
        .leftJoin('place_names as n', (j) => j.onRef('n.place_id', '=', 'p.id').on('n.lang', '=', 'zh'))
        .selectAll('t')
        .select([
          'p.id as p_id',
          'p.name as p_name',
          'p.kind as p_kind',
          'p.country as p_country',
          'p.lat as p_lat',
          'p.lon as p_lon',
          'p.population as p_population',
          'n.name as p_name_zh',
        ])
        .where(`t.${own}`, '=', param('id'));
    this.partnersOf = new Reusable(db, () => side('a_id', 'b_id').unionAll(side('b_id', 'a_id')));
  }

  /** Upserts ties (already in canonical order) by their pair; `fields` names the fields the file carried. */
  async upsert(inputs: TwinningInput[], fields: Set<keyof TwinningInput>, now: string): Promise<void> {
    const update = [...fields].flatMap((f) => COLUMN_OF[f] ?? []);
    const idOf = new Map<string, number>();
    for (const part of chunks(inputs, 500)) {
      const rows = await this.db
        .insertInto('twinnings')
        .values(
          part.map((t) => ({
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
          })),
        )
        .onConflict((oc) =>
          oc.columns(['a_id', 'b_id']).doUpdateSet((eb) => {
            const set: Record<string, unknown> = { updated_at: eb.ref('excluded.updated_at') };
            for (const c of update) set[c] = eb.ref(`excluded.${c}`);
            return set;
          }),
        )
        .returning(['id', 'a_id', 'b_id'])
        .execute();
      for (const r of rows) idOf.set(`${r.a_id}\u0000${r.b_id}`, r.id);
    }
    if (!fields.has('sources')) return;
    const ids = inputs.map((t) => idOf.get(`${t.a}\u0000${t.b}`) as number);
    for (const part of chunks(ids, 500))
      await this.db.deleteFrom('twinning_sources').where('twinning_id', 'in', part).execute();
    const rows = inputs.flatMap((t) =>
      (t.sources ?? []).map((s, position) => ({
        twinning_id: idOf.get(`${t.a}\u0000${t.b}`) as number,
        position,
        fact: s.fact,
        url: s.url,
        citation: s.citation,
      })),
    );
    for (const part of chunks(rows, 2000))
      await this.db.insertInto('twinning_sources').values(part).execute();
  }

  /** Which of these pairs (canonical order) are stored, as `a\u0000b` keys. */
  async existingPairs(pairs: { a: string; b: string }[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const part of chunks([...new Set(pairs.map((t) => t.a))], 500)) {
      const rows = await this.db
        .selectFrom('twinnings')
        .select(['a_id', 'b_id'])
        .where('a_id', 'in', part)
        .execute();
      for (const r of rows) out.add(`${r.a_id}\u0000${r.b_id}`);
    }
    return out;
  }

  async sourcesOf(ids: number[]): Promise<Map<number, Source[]>> {
    const out = new Map<number, Source[]>();
    for (const part of chunks(ids, 500)) {
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
          nameZh: r.p_name_zh,
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

  /** The ties changed last (imported, edited), newest first. */
  async recentlyChanged(limit: number): Promise<Twinning[]> {
    const rows = await this.db
      .selectFrom('twinnings')
      .selectAll()
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
