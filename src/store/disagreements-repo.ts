import type { Kysely } from 'kysely';
import type { Disagreement } from '../domain/provenance.js';
import { sized } from './bulk.js';
import type { DB } from './schema.js';

/** Facts of places on which the dataset's sources disagreed, for the quality report. */
export class DisagreementsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  /** The stored disagreements about these places, in their order. */
  async of(placeIds: string[]): Promise<Map<string, Disagreement[]>> {
    const out = new Map<string, Disagreement[]>();
    for (const part of sized([...new Set(placeIds)], 512)) {
      const rows = await this.db
        .selectFrom('place_disagreements')
        .selectAll()
        .where('place_id', 'in', part)
        .orderBy('place_id')
        .orderBy('position')
        .execute();
      for (const r of rows) {
        const list = out.get(r.place_id) ?? [];
        list.push(toDisagreement(r));
        out.set(r.place_id, list);
      }
    }
    return out;
  }

  /** Makes the disagreements about each of these places exactly the given ones. */
  async replace(list: { place: string; rows: Disagreement[] }[]): Promise<void> {
    for (const part of sized(list, 256)) {
      await this.db
        .deleteFrom('place_disagreements')
        .where(
          'place_id',
          'in',
          part.map((p) => p.place),
        )
        .execute();
      const rows = part.flatMap((p) =>
        p.rows.map((d, position) => ({
          place_id: p.place,
          position,
          fact: d.fact,
          kept: d.kept,
          kept_source: d.keptSource,
          other: d.other,
          other_source: d.otherSource,
        })),
      );
      for (const c of sized(rows, 256)) await this.db.insertInto('place_disagreements').values(c).execute();
    }
  }

  /** A page of all disagreements, by place then order; optionally of one fact only. */
  async list(limit: number, offset: number, fact?: string): Promise<Disagreement[]> {
    let q = this.db.selectFrom('place_disagreements').selectAll();
    if (fact) q = q.where('fact', '=', fact);
    const rows = await q.orderBy('place_id').orderBy('position').limit(limit).offset(offset).execute();
    return rows.map(toDisagreement);
  }

  async count(fact?: string): Promise<number> {
    let q = this.db.selectFrom('place_disagreements').select((eb) => eb.fn.countAll<number>().as('n'));
    if (fact) q = q.where('fact', '=', fact);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }

  /** Gives the disagreements about one place to another (merging places); returns how many. */
  async move(from: string, to: string): Promise<number> {
    const r = await this.db
      .updateTable('place_disagreements')
      .set({ place_id: to })
      .where('place_id', '=', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async all(): Promise<Disagreement[]> {
    const rows = await this.db
      .selectFrom('place_disagreements')
      .selectAll()
      .orderBy('place_id')
      .orderBy('position')
      .execute();
    return rows.map(toDisagreement);
  }
}

function toDisagreement(r: {
  place_id: string;
  fact: string;
  kept: string | null;
  kept_source: string | null;
  other: string | null;
  other_source: string | null;
}): Disagreement {
  return {
    place: r.place_id,
    fact: r.fact,
    kept: r.kept,
    keptSource: r.kept_source,
    other: r.other,
    otherSource: r.other_source,
  };
}
