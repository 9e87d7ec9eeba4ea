import type { ExpressionBuilder, Kysely, QueryCreator } from 'kysely';
import type { DatePrecision } from '../domain/dates.js';
import type { PlaceKind } from '../domain/places.js';
import type { StatTie } from '../domain/stats.js';
import type { TwinningKind, TwinningStatus } from '../domain/twinnings.js';
import type { DB } from './schema.js';

type WithSub = DB & { sub: { id: string } };

export class StatsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * The ties of a place and everything under it (by parent links) whose partner lies outside: each with its
   * local side inside and its partner outside. A tie between two places inside is not returned.
   */
  async tiesLeavingSubtree(placeId: string): Promise<StatTie[]> {
    const side = (
      db: QueryCreator<WithSub> | ExpressionBuilder<WithSub, never>,
      local: 'a_id' | 'b_id',
      partner: 'a_id' | 'b_id',
    ) =>
      db
        .selectFrom('twinnings as t')
        .innerJoin('places as l', 'l.id', `t.${local}`)
        .innerJoin('places as p', 'p.id', `t.${partner}`)
        .select([
          't.id',
          't.kind',
          't.status',
          't.signed_on',
          't.signed_precision',
          't.ended_on',
          't.ended_precision',
          'l.id as local_id',
          'l.kind as local_kind',
          'l.country as local_country',
          'p.id as partner_id',
          'p.country as partner_country',
        ])
        // "in (subquery)" lets SQLite look ties up by index for each place of the subtree; a join on the
        // recursive table made it scan every tie.
        .where(`t.${local}`, 'in', db.selectFrom('sub').select('sub.id'))
        .where(`t.${partner}`, 'not in', db.selectFrom('sub').select('sub.id'));
    const withSub = this.db.withRecursive('sub(id)', (db) =>
      db
        .selectFrom('places')
        .select('id')
        .where('id', '=', placeId)
        .unionAll(db.selectFrom('places as c').innerJoin('sub', 'sub.id', 'c.parent_id').select('c.id')),
    );
    const rows = await side(withSub, 'a_id', 'b_id')
      .unionAll((eb) => side(eb, 'b_id', 'a_id'))
      .execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as TwinningKind,
      status: r.status as TwinningStatus,
      signed: r.signed_on
        ? { date: r.signed_on, precision: (r.signed_precision ?? 'day') as DatePrecision }
        : null,
      ended: r.ended_on
        ? { date: r.ended_on, precision: (r.ended_precision ?? 'day') as DatePrecision }
        : null,
      localId: r.local_id,
      localKind: r.local_kind as PlaceKind,
      localCountry: r.local_country,
      partnerId: r.partner_id,
      partnerCountry: r.partner_country,
    }));
  }
}
