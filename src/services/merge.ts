import { ENTRY_FIELDS } from '../domain/entries.js';
import { NotFoundError, ValidationError } from '../domain/errors.js';
import { formatSource } from '../domain/fields.js';
import { mergePlace, type Place, type PlaceInput } from '../domain/places.js';
import { combineTies, repointTie, type Twinning, type TwinningInput } from '../domain/twinnings.js';
import type { Store } from '../store/store.js';
import type { DataVersion } from './data-version.js';
import { PLACE_FACTS, TIE_FACTS } from './facts.js';
import { placeRecord, twinningRecord } from './interchange.js';
import { Permissions, SYSTEM, userIdOf, type Acting } from './orgs.js';

/** What a merge of two places did. */
export interface MergeResult {
  keep: string;
  drop: string;
  /** ties of the dropped place now of the kept one */
  tiesMoved: number;
  /** ties to a partner the kept place was tied to already, merged into that tie */
  tiesMerged: number;
  /** the tie between the two places, removed */
  tiesRemoved: number;
  /** name keys added to the kept place (the dropped place's name is kept as `und` or `und-x-alt…`) */
  namesAdded: string[];
  /** facts the kept place lacked and took from the dropped one (source fact names) */
  factsFilled: string[];
  children: number;
  sections: number;
  /** sections dropped because the kept place (or tie) had one in the same key and language */
  sectionsDropped: number;
  entries: number;
  photos: number;
  follows: number;
  organizations: number;
  disagreements: number;
  dataVersion: number;
}

/** A place's editable facts as the fact history keeps them, so a merge revision can be restored like an edit. */
function placeFacts(p: Place): Record<string, string> {
  const r = placeRecord(p);
  return Object.fromEntries(
    PLACE_FACTS.map((c) => [
      c,
      Array.isArray(r[c]) ? (r[c] as string[]).join('; ') : r[c] == null ? '' : String(r[c]),
    ]),
  );
}

function tieFacts(t: Twinning): Record<string, string> {
  const r = twinningRecord(t);
  const out: Record<string, string> = {};
  for (const c of TIE_FACTS)
    out[c] = c === 'source' ? t.sources.flatMap(formatSource).join('\n') : r[c] == null ? '' : String(r[c]);
  return out;
}

const TIE_FIELDS = new Set<keyof TwinningInput>([
  'kind',
  'signed',
  'ended',
  'status',
  'listedBy',
  'notes',
  'sources',
]);

/**
 * Merging duplicate places: everything that refers to the dropped place (its ties, names, children, sections,
 * entries, photos, follows, organizations' homes, disagreements) moves to the kept one, in one transaction;
 * the dropped id then leads to the kept place (a redirect), and the revision history and audit log say so.
 */
export class MergeService {
  constructor(
    private readonly store: Store,
    private readonly version?: DataVersion,
  ) {}

  async merge(
    keepId: string,
    dropId: string,
    opts: { actor?: Acting; reason?: string; now?: Date } = {},
  ): Promise<MergeResult> {
    const result = await this.store.transaction((tx) => this.apply(tx, keepId, dropId, opts));
    this.version?.invalidate();
    return result;
  }

  /**
   * What merging would do, without doing it: the merge runs in a transaction that is then rolled back, so the
   * figures are exactly the merge's (for the admin page's preview). Refusals are the merge's.
   */
  async preview(
    keepId: string,
    dropId: string,
    opts: { actor?: Acting; now?: Date } = {},
  ): Promise<MergeResult> {
    let result: MergeResult | undefined;
    const rollback = new Error('preview: rolled back');
    try {
      await this.store.transaction(async (tx) => {
        result = await this.apply(tx, keepId, dropId, opts);
        throw rollback;
      });
    } catch (e) {
      if (e !== rollback) throw e;
    }
    return result!;
  }

  private async apply(
    tx: Store,
    keepId: string,
    dropId: string,
    opts: { actor?: Acting; reason?: string; now?: Date },
  ): Promise<MergeResult> {
    const actor = opts.actor ?? SYSTEM;
    new Permissions(tx).requireAdmin(actor);
    const now = (opts.now ?? new Date()).toISOString();
    {
      const [keep, drop] = await Promise.all([tx.places.get(keepId), tx.places.get(dropId)]);
      for (const [id, p] of [
        [keepId, keep],
        [dropId, drop],
      ] as const) {
        if (p) continue;
        const to = await tx.redirects.resolve(id);
        throw new NotFoundError(
          to
            ? `${id} was merged into ${to} already; it is no longer a place.`
            : `There is no place with id ${id}; find it with \`twinning places search\`.`,
        );
      }
      if (!keep || !drop) throw new Error('unreachable');
      if (keep.id === drop.id)
        throw new ValidationError(`${keep.id} cannot be merged into itself; give two places.`);
      for (const p of [keep, drop])
        if (p.kind === 'country')
          throw new ValidationError(`${p.name} (${p.id}) is a country; countries are not merged.`);
      if (keep.country && drop.country && keep.country !== drop.country)
        throw new ValidationError(
          `${drop.name} (${drop.id}) is in ${drop.country} and ${keep.name} (${keep.id}) in ${keep.country}; only places in the same country can be duplicates.`,
        );
      const lineage = await tx.places.lineage([keep.id]);
      for (
        let cur = lineage.get(keep.id)?.parent, n = 0;
        cur && n <= lineage.size;
        cur = lineage.get(cur)?.parent, n++
      )
        if (cur === drop.id)
          throw new ValidationError(
            `${drop.name} (${drop.id}) is above ${keep.name} (${keep.id}); merge the other way round, or move ${keep.id} first.`,
          );

      const out: Omit<MergeResult, 'dataVersion'> = {
        keep: keep.id,
        drop: drop.id,
        tiesMoved: 0,
        tiesMerged: 0,
        tiesRemoved: 0,
        namesAdded: [],
        factsFilled: [],
        children: 0,
        sections: 0,
        sectionsDropped: 0,
        entries: 0,
        photos: 0,
        follows: 0,
        organizations: 0,
        disagreements: 0,
      };
      const dropped: { subject: string; key: string; lang: string; body: string }[] = [];
      const revise = async (
        entity: 'place' | 'twinning',
        id: string,
        before: Record<string, string>,
        after: Record<string, string>,
      ) => {
        // as fact edits do: the state before the first change is kept, so it can be restored
        if (!(await tx.revisions.of(entity, id, 1)).length)
          await tx.revisions.add({
            entity,
            entityId: id,
            at: now,
            userId: null,
            action: 'original',
            data: before,
          });
        await tx.revisions.add({
          entity,
          entityId: id,
          at: now,
          userId: userIdOf(actor),
          action: 'merge',
          data: after,
        });
      };

      // Ties
      const keepTies = new Map<string, Twinning>();
      for (const t of await tx.twinnings.ofPlace(keep.id)) keepTies.set(t.a === keep.id ? t.b : t.a, t);
      const dropTies = await tx.twinnings.ofPlace(drop.id);
      for (const t of dropTies) {
        const partner = t.a === drop.id ? t.b : t.a;
        if (partner === keep.id) {
          const refs = await tx.merges.dropRefs('twinning', String(t.id));
          for (const s of refs.sectionsDropped) dropped.push({ subject: `twinning/${t.id}`, ...s });
          await tx.twinnings.remove(t.id);
          out.tiesRemoved++;
          continue;
        }
        const moved = { ...t, ...repointTie(t, drop.id, keep.id) };
        const kept = keepTies.get(partner);
        if (!kept) {
          await tx.twinnings.setPair(t.id, moved.a, moved.b, moved.listedBy, now);
          out.tiesMoved++;
          continue;
        }
        const { filled, ...combined } = combineTies(kept, moved);
        // the duplicate tie's row goes first: the pair is unique
        const refs = await tx.merges.moveRefs('twinning', String(t.id), String(kept.id));
        out.sections += refs.sections;
        out.entries += refs.entries;
        for (const s of refs.sectionsDropped) dropped.push({ subject: `twinning/${t.id}`, ...s });
        await tx.twinnings.remove(t.id);
        if (filled.length) {
          await tx.twinnings.upsert([combined], TIE_FIELDS, now);
          const after = await tx.twinnings.get(kept.id);
          await revise('twinning', String(kept.id), tieFacts(kept), tieFacts(after!));
        }
        out.tiesMerged++;
      }

      // Names, facts and sources of the kept place
      const merged = mergePlace(keep, drop);
      out.namesAdded = merged.namesAdded;
      out.factsFilled = merged.filled;
      const input: PlaceInput = merged.input;
      const fields = new Set<keyof PlaceInput>(['names', 'sources']);
      for (const k of Object.keys(input) as (keyof PlaceInput)[])
        if (k !== 'id' && k !== 'name') fields.add(k);
      if (input.country && !keep.parent && (await tx.places.existing([input.country])).size) {
        input.parent = input.country;
        fields.add('parent');
      }
      await tx.places.upsert([input], fields, now);

      // Everything else that refers to the dropped place
      out.children = await tx.places.moveChildren(drop.id, keep.id, now);
      const refs = await tx.merges.moveRefs('place', drop.id, keep.id);
      out.sections += refs.sections;
      out.entries += refs.entries;
      out.photos = refs.photos;
      out.follows = refs.follows;
      out.organizations = refs.organizations;
      for (const s of refs.sectionsDropped) dropped.push({ subject: `place/${drop.id}`, ...s });
      out.sectionsDropped = dropped.length;
      out.disagreements = await tx.disagreements.move(drop.id, keep.id);
      const withPlace = Object.entries(ENTRY_FIELDS).filter(([, defs]) =>
        defs.some((d) => d.kind === 'place'),
      );
      out.entries += await tx.merges.moveEntryData(
        withPlace.map(([type]) => type),
        [
          ...new Set(
            withPlace.flatMap(([, defs]) => defs.filter((d) => d.kind === 'place').map((d) => d.name)),
          ),
        ],
        drop.id,
        keep.id,
        now,
      );

      await tx.places.remove(drop.id);
      await tx.redirects.upsert(
        [{ from: drop.id, to: keep.id, reason: opts.reason?.trim() || `merged into ${keep.id}` }],
        now,
      );

      const after = (await tx.places.get(keep.id))!;
      await revise('place', keep.id, placeFacts(keep), placeFacts(after));
      // The dropped place's last state, with its ties and what was dropped, stays in its history.
      await tx.revisions.add({
        entity: 'place',
        entityId: drop.id,
        at: now,
        userId: userIdOf(actor),
        action: 'merged',
        data: {
          into: keep.id,
          place: placeRecord(drop),
          ties: dropTies.map((t) => ({ id: t.id, ...twinningRecord(t) })),
          sectionsDropped: dropped,
        },
      });
      await tx.users.audit({
        at: now,
        actorId: userIdOf(actor),
        action: 'place.merge',
        subject: `place:${keep.id}`,
        detail:
          `${drop.id} (${drop.name}) merged into ${keep.id} (${keep.name}): ${out.tiesMoved} ties moved, ` +
          `${out.tiesMerged} merged, ${out.tiesRemoved} removed; ${out.children} children` +
          (opts.reason?.trim() ? `; ${opts.reason.trim()}` : ''),
      });
      await tx.meta.bumpContentVersion();
      return { ...out, dataVersion: await tx.meta.bumpDataVersion() };
    }
  }
}
