import { sql, type Kysely, type Selectable } from 'kysely';
import { sized } from './bulk.js';
import type { DB, ProposalsTable } from './schema.js';

export type ProposalRow = Selectable<ProposalsTable>;

export type ProposalStatus = 'proposed' | 'accepted' | 'rejected' | 'superseded';

/** A change found in Wikidata, as stored. */
export interface Proposal {
  id: number;
  kind: string;
  subjectType: 'place' | 'twinning';
  subjectId: string;
  fact: string;
  oldValue: string | null;
  newValue: string;
  payload: Record<string, unknown>;
  qid: string;
  wdRevision: string | null;
  wdModified: string | null;
  retrievedAt: string;
  editorSet: boolean;
  status: ProposalStatus;
  decidedBy: number | null;
  decidedAt: string | null;
  createdAt: string;
}

export type NewProposal = Omit<Proposal, 'id' | 'status' | 'decidedBy' | 'decidedAt' | 'createdAt'>;

const toProposal = (r: ProposalRow): Proposal => ({
  id: r.id,
  kind: r.kind,
  subjectType: r.subject_type as Proposal['subjectType'],
  subjectId: r.subject_id,
  fact: r.fact,
  oldValue: r.old_value,
  newValue: r.new_value,
  payload: JSON.parse(r.payload) as Record<string, unknown>,
  qid: r.qid,
  wdRevision: r.wd_revision,
  wdModified: r.wd_modified,
  retrievedAt: r.retrieved_at,
  editorSet: !!Number(r.editor_set),
  status: r.status as ProposalStatus,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  createdAt: r.created_at,
});

/** The Wikidata sync's proposals, and the places it looks at. */
export class ProposalsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  /** Places with a Wikidata id: all, or `area` and every place under it. */
  async wikidataPlaces(area?: string): Promise<{ id: string; qid: string }[]> {
    const rows = area
      ? await this.db
          .withRecursive('sub(id)', (db) =>
            db
              .selectFrom('places')
              .select('id')
              .where('id', '=', area)
              .unionAll(
                db.selectFrom('places as c').innerJoin('sub', 'sub.id', 'c.parent_id').select('c.id'),
              ),
          )
          .selectFrom('places')
          .select(['id', 'wikidata'])
          .where('wikidata', 'is not', null)
          .where('id', 'in', (eb) => eb.selectFrom('sub').select('id'))
          .orderBy('id')
          .execute()
      : await this.db
          .selectFrom('places')
          .select(['id', 'wikidata'])
          .where('wikidata', 'is not', null)
          .orderBy('id')
          .execute();
    return rows.map((r) => ({ id: r.id, qid: r.wikidata! }));
  }

  /** The places these Wikidata ids name (by their `wikidata` column, else by id), QID → place id. */
  async placesOf(qids: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const part of sized([...new Set(qids)], 256)) {
      const rows = await this.db
        .selectFrom('places')
        .select(['id', 'wikidata'])
        .where((eb) => eb.or([eb('wikidata', 'in', part), eb('id', 'in', part)]))
        .execute();
      for (const r of rows)
        if (r.id === r.wikidata || !out.has(r.wikidata ?? r.id)) out.set(r.wikidata ?? r.id, r.id);
    }
    return out;
  }

  /** The Wikidata ids of these places (its `wikidata` column), place id → QID. */
  async qidsOf(ids: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const part of sized([...new Set(ids)], 256)) {
      const rows = await this.db
        .selectFrom('places')
        .select(['id', 'wikidata'])
        .where('id', 'in', part)
        .where('wikidata', 'is not', null)
        .execute();
      for (const r of rows) out.set(r.id, r.wikidata!);
    }
    return out;
  }

  /**
   * Stores a proposal unless the same change (kind, subject, fact, value) is stored already, in whatever status;
   * an older proposal of the same fact still waiting with another value is superseded. Whether it was added.
   */
  async add(p: NewProposal, now: string): Promise<boolean> {
    const same = await this.db
      .selectFrom('proposals')
      .select('id')
      .where('kind', '=', p.kind)
      .where('subject_id', '=', p.subjectId)
      .where('fact', '=', p.fact)
      .where('new_value', '=', p.newValue)
      .executeTakeFirst();
    if (same) return false;
    await this.db
      .updateTable('proposals')
      .set({ status: 'superseded', decided_at: now })
      .where('kind', '=', p.kind)
      .where('subject_id', '=', p.subjectId)
      .where('fact', '=', p.fact)
      .where('status', '=', 'proposed')
      .execute();
    await this.db
      .insertInto('proposals')
      .values({
        kind: p.kind,
        subject_type: p.subjectType,
        subject_id: p.subjectId,
        fact: p.fact,
        old_value: p.oldValue,
        new_value: p.newValue,
        payload: JSON.stringify(p.payload),
        qid: p.qid,
        wd_revision: p.wdRevision,
        wd_modified: p.wdModified,
        retrieved_at: p.retrievedAt,
        editor_set: p.editorSet ? 1 : 0,
        created_at: now,
      })
      .execute();
    return true;
  }

  async get(id: number): Promise<Proposal | undefined> {
    const r = await this.db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toProposal(r);
  }

  /** Proposals in a status (newest first), of one kind if given. */
  async list(status: ProposalStatus, kind: string | null, limit: number): Promise<Proposal[]> {
    let q = this.db.selectFrom('proposals').selectAll().where('status', '=', status);
    if (kind) q = q.where('kind', '=', kind);
    const rows = await q.orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toProposal);
  }

  /** How many proposals of each kind are in a status. */
  async counts(status: ProposalStatus): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('proposals')
      .select(['kind', sql<number>`count(*)`.as('n')])
      .where('status', '=', status)
      .groupBy('kind')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
  }

  /** Records a decision on a proposal still waiting for one; whether it was (another may have come first). */
  async decide(
    id: number,
    status: 'accepted' | 'rejected',
    userId: number | null,
    at: string,
  ): Promise<boolean> {
    const r = await this.db
      .updateTable('proposals')
      .set({ status, decided_by: userId, decided_at: at })
      .where('id', '=', id)
      .where('status', '=', 'proposed')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
