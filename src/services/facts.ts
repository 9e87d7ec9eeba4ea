import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.js';
import { validatePlaceRecord, type Place, type PlaceInput } from '../domain/places.js';
import { parseKeywords } from '../domain/profile.js';
import {
  canonicalPair,
  validateTwinningRecord,
  type Source,
  type Twinning,
  type TwinningInput,
} from '../domain/twinnings.js';
import type { Store } from '../store/store.js';
import type { DataVersion } from './data-version.js';
import { placeRecord, twinningRecord } from './interchange.js';
import { Permissions, type Acting } from './orgs.js';
import { Writes, type AuditNote, type WriteNotes } from './writes.js';
import { placeById } from './place-lookup.js';

/** The facts of a place an editor keeps on the web (interchange column names). */
export const PLACE_FACTS = [
  'population',
  'population_year',
  'leader_title',
  'leader_name',
  'leader_since',
  'languages',
  'currency',
  'timezone',
] as const;
/** The facts of a place (not a country) as its editor keeps them: its facts and its profile keywords. */
export const PLACE_EDIT_FACTS = [...PLACE_FACTS, 'keywords'] as const;
/** The facts of a tie an editor keeps on the web. */
export const TIE_FACTS = ['kind', 'signed', 'ended', 'status', 'source', 'notes'] as const;

export type FactValues = Record<string, string>;

const MAP_PLACE: Record<string, keyof PlaceInput> = {
  population: 'population',
  population_year: 'populationYear',
  leader_title: 'leaderTitle',
  leader_name: 'leaderName',
  leader_since: 'leaderSince',
  languages: 'languages',
  currency: 'currency',
  timezone: 'timezone',
};
const MAP_TIE: Record<string, keyof TwinningInput> = {
  kind: 'kind',
  signed: 'signed',
  ended: 'ended',
  status: 'status',
  source: 'sources',
  notes: 'notes',
};

/** A place's editable facts as the form shows them (languages separated by "; "). */
export function placeFactValues(place: Place): FactValues {
  const r = placeRecord(place);
  return Object.fromEntries(
    PLACE_FACTS.map((c) => [
      c,
      Array.isArray(r[c]) ? (r[c] as string[]).join('; ') : r[c] == null ? '' : String(r[c]),
    ]),
  );
}

/** A place's facts with its profile keywords (a revision of a place's facts holds both). */
async function withKeywords(store: Store, place: Place): Promise<FactValues> {
  return { ...placeFactValues(place), keywords: (await store.keywords.of(place.id)).join('; ') };
}

/** A source as its line in the form: its address, else its citation. */
export const sourceLine = (s: Source): string => s.url ?? s.citation ?? '';

/** A tie's editable facts as the form shows them (one source per line). */
export function tieFactValues(tie: Twinning): FactValues {
  const r = twinningRecord(tie);
  return {
    kind: String(r.kind),
    signed: String(r.signed ?? ''),
    ended: String(r.ended ?? ''),
    status: String(r.status),
    source: tie.sources.map(sourceLine).join('\n'),
    notes: String(r.notes ?? ''),
  };
}

function problems(issues: { column: string; message: string }[], what: string): ValidationError {
  return new ValidationError(
    `The ${what} cannot be saved: ${issues.map((i) => `${i.column} ${i.message}`).join('; ')}.`,
    issues.map((i) => ({ column: i.column, message: i.message })),
  );
}

/**
 * Facts of places and ties, edited on the web by those who may (the same checks as the importer's). Every
 * change is a revision of the whole set of facts, so it can be compared and restored.
 */
export class FactsService {
  private readonly can: Permissions;

  private readonly writes: Writes;

  constructor(
    private readonly store: Store,
    version?: DataVersion,
  ) {
    this.can = new Permissions(store);
    this.writes = new Writes(store, version);
  }

  /** A place's editable facts as the form shows them (languages and keywords separated by "; "). */
  async placeFacts(id: string): Promise<FactValues> {
    return withKeywords(this.store, await placeById(this.store, id));
  }

  /** A tie as stored. */
  async tie(id: number): Promise<Twinning> {
    const tie = await this.store.twinnings.get(id);
    if (!tie) throw new NotFoundError(`There is no tie with id ${id}.`);
    return tie;
  }

  /** A tie's editable facts as the form shows them (one source per line). */
  async tieFacts(id: number): Promise<FactValues> {
    const tie = await this.store.twinnings.get(id);
    if (!tie) throw new NotFoundError(`There is no tie with id ${id}.`);
    return tieFactValues(tie);
  }

  async editPlace(
    actor: Acting,
    id: string,
    raw: FactValues,
    now = new Date(),
    action = 'edit',
  ): Promise<void> {
    const place = await placeById(this.store, id);
    if (!(await this.can.mayEditPlace(actor, id)))
      throw new ForbiddenError(
        `You may not edit ${place.name}: only editors of an organization whose home is this place or tied to it, and site admins, may.`,
      );
    const record: Record<string, unknown> = { id, name: place.name };
    for (const c of PLACE_FACTS) record[c] = (raw[c] ?? '').trim();
    // "zh, en" as well as "zh; en"
    record.languages = String(record.languages).replace(/\s*,\s*/g, ';');
    // "1,200,000" as people write it
    record.population = String(record.population).replace(/[,\s]/g, '');
    const { value, issues } = validatePlaceRecord(record);
    // keywords are kept as they are when the form (a country's) or an older revision has none
    const keywords = raw.keywords === undefined ? undefined : parseKeywords(raw.keywords);
    for (const message of keywords?.problems ?? []) issues.push({ column: 'keywords', message });
    if (issues.length) throw problems(issues, 'facts');
    const fields = new Set(PLACE_FACTS.map((c) => MAP_PLACE[c]!));
    const before = await withKeywords(this.store, place);
    await this.writes.run(actor, now, async (tx, note) => {
      await this.baseline(tx, 'place', id, before, note);
      await tx.places.upsert([value], fields, now.toISOString());
      if (keywords) await tx.keywords.set(id, keywords.value);
      // the facts as stored ("CNY" for "cny", "zh; en" for "zh, en"), so that the next edit compares like with like
      const data = await withKeywords(tx, (await tx.places.get(id))!);
      note({ bump: 'data', revision: { entity: 'place', entityId: id, action, data } });
    });
  }

  async editTie(
    actor: Acting,
    id: number,
    raw: FactValues,
    now = new Date(),
    action = 'edit',
  ): Promise<void> {
    const tie = await this.store.twinnings.get(id);
    if (!tie) throw new NotFoundError(`There is no tie with id ${id}.`);
    if (!(await this.can.mayEditTie(actor, id)))
      throw new ForbiddenError(
        'You may not edit this tie: only editors of an organization whose home is one of its places, and site admins, may.',
      );
    const record: Record<string, unknown> = { a: tie.a, b: tie.b };
    for (const c of TIE_FACTS) record[c] = (raw[c] ?? '').trim();
    const lines = String(record.source)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    // a line left as it was keeps its source whole (the fact it supports, a citation beside a URL)
    const kept = new Map(tie.sources.map((x) => [sourceLine(x), x]));
    record.source = lines.length ? lines.map((l) => kept.get(l) ?? l) : '';
    const { value, issues } = validateTwinningRecord(record);
    if (value.signed && value.ended && value.ended.date < value.signed.date)
      issues.push({ column: 'ended', message: 'is before the signing' });
    if (issues.length) throw problems(issues, 'tie');
    const fields = new Set(TIE_FACTS.map((c) => MAP_TIE[c]!));
    const before = tieFactValues(tie);
    await this.writes.run(actor, now, async (tx, note) => {
      await this.baseline(tx, 'twinning', String(id), before, note);
      await tx.twinnings.upsert([value], fields, now.toISOString());
      // the facts as stored (addresses normalized, text trimmed), so that the next edit compares like with like
      const data = tieFactValues((await tx.twinnings.get(id))!);
      note({ bump: 'data', revision: { entity: 'twinning', entityId: String(id), action, data } });
    });
  }

  /**
   * Writes place facts that come from an outside source (the Wikidata sync), as an editor's edit is written:
   * the same permission and checks, a revision of the facts (holding `from`: where they came from), an audit
   * entry and the version bump. `record` holds interchange columns (name, names, country, lat, lon, parent,
   * population, population_year); `source` replaces the sources of its fact (for names: the earlier ones from
   * the same source). `also` runs in the same transaction (the proposal's decision).
   */
  async applyPlace(
    actor: Acting,
    id: string,
    change: {
      record: Record<string, unknown>;
      source: Source;
      from: Record<string, unknown>;
      audit: AuditNote;
      also?: (tx: Store) => Promise<void>;
    },
    now = new Date(),
  ): Promise<void> {
    const place = await placeById(this.store, id);
    if (!(await this.can.mayEditPlace(actor, id)))
      throw new ForbiddenError(
        `You may not edit ${place.name}: only editors of an organization whose home is this place or tied to it, and site admins, may.`,
      );
    const sameOrigin = (s: Source) =>
      (s.citation ?? '').startsWith(change.source.citation?.split(' (')[0] ?? '\0');
    const kept = place.sources.filter(
      (s) => s.fact !== change.source.fact || (s.fact === 'names' && !sameOrigin(s)),
    );
    const record = { id, name: place.name, ...change.record, source: [...kept, change.source] };
    const { value, issues } = validatePlaceRecord(record);
    if (value.parent) {
      if (!(await this.store.places.get(value.parent)))
        issues.push({ column: 'parent', message: `${value.parent} is not a place` });
      else if ((await this.store.places.ancestors(value.parent)).some((p) => p.id === id))
        issues.push({ column: 'parent', message: `${value.parent} lies within ${id}` });
    }
    if (issues.length) throw problems(issues, 'facts');
    const fields = new Set<keyof PlaceInput>(['sources']);
    for (const k of Object.keys(value) as (keyof PlaceInput)[])
      if (k !== 'id' && k !== 'wikidata' && (k !== 'name' || 'name' in change.record)) fields.add(k);
    const before = await withKeywords(this.store, place);
    await this.writes.run(actor, now, async (tx, note) => {
      await this.baseline(tx, 'place', id, before, note);
      await tx.places.upsert([value], fields, now.toISOString());
      if (fields.has('parent'))
        await tx.places.setParents([{ id, parent: value.parent ?? null }], now.toISOString());
      const data = { ...(await withKeywords(tx, (await tx.places.get(id))!)), from: change.from };
      note({
        bump: 'data',
        audit: change.audit,
        revision: { entity: 'place', entityId: id, action: 'edit', data },
      });
      await change.also?.(tx);
    });
  }

  /**
   * Makes, ends or drops a tie on an outside source's word (the Wikidata sync), written as an editor's edit is.
   * 'new' makes the tie (signed and ended as given); 'ended' sets its end; 'gone' drops the source's lines and
   * the tie itself when no other source is left. The source line is added for the fact it backs.
   */
  async applyTie(
    actor: Acting,
    change: {
      a: string;
      b: string;
      action: 'new' | 'ended' | 'gone';
      signed?: string | null;
      ended?: string | null;
      source: Source;
      /** which of the tie's sources are the outside source's (dropped for 'gone') */
      isFromSource: (s: Source) => boolean;
      from: Record<string, unknown>;
      audit: AuditNote;
      also?: (tx: Store) => Promise<void>;
    },
    now = new Date(),
  ): Promise<number | null> {
    const [a, b] = canonicalPair(change.a, change.b);
    if (!(await this.can.mayEditPair(actor, a, b)))
      throw new ForbiddenError(
        'You may not edit this tie: only editors of an organization whose home is one of its places, and site admins, may.',
      );
    const tie = await this.store.twinnings.between(a, b);
    const stamp = now.toISOString();
    if (change.action === 'new') {
      if (tie) throw new ConflictError('This tie is in the registry already.');
      for (const id of [a, b]) await placeById(this.store, id);
      const { value, issues } = validateTwinningRecord({
        a,
        b,
        kind: 'sister',
        signed: change.signed ?? '',
        ended: change.ended ?? '',
        status: change.ended ? 'ended' : 'active',
        source: [change.source],
      });
      if (issues.length) throw problems(issues, 'tie');
      return this.writes.run(actor, now, async (tx, note) => {
        await tx.twinnings.upsert([value], new Set(['kind', 'signed', 'ended', 'status', 'sources']), stamp);
        const made = (await tx.twinnings.between(a, b))!;
        const data = { ...tieFactValues(made), from: change.from };
        note({
          bump: 'data',
          audit: change.audit,
          revision: { entity: 'twinning', entityId: String(made.id), action: 'create', data },
        });
        await change.also?.(tx);
        return made.id;
      });
    }
    if (!tie) throw new NotFoundError('This tie is not in the registry (any more).');
    const before = tieFactValues(tie);
    if (change.action === 'ended') {
      const sources = [
        ...tie.sources.filter((s) => !(s.fact === 'ended' && change.isFromSource(s))),
        change.source,
      ];
      const { value, issues } = validateTwinningRecord({
        a,
        b,
        ended: change.ended ?? '',
        status: 'ended',
        source: sources,
      });
      if (value.signed === undefined && tie.signed && value.ended && value.ended.date < tie.signed.date)
        issues.push({ column: 'ended', message: 'is before the signing' });
      if (issues.length) throw problems(issues, 'tie');
      await this.writes.run(actor, now, async (tx, note) => {
        await this.baseline(tx, 'twinning', String(tie.id), before, note);
        await tx.twinnings.upsert([value], new Set(['ended', 'status', 'sources']), stamp);
        const data = { ...tieFactValues((await tx.twinnings.get(tie.id))!), from: change.from };
        note({
          bump: 'data',
          audit: change.audit,
          revision: { entity: 'twinning', entityId: String(tie.id), action: 'edit', data },
        });
        await change.also?.(tx);
      });
      return tie.id;
    }
    const others = tie.sources.filter((s) => !change.isFromSource(s));
    await this.writes.run(actor, now, async (tx, note) => {
      await this.baseline(tx, 'twinning', String(tie.id), before, note);
      if (others.length) {
        await tx.twinnings.upsert([{ a, b, sources: others }], new Set(['sources']), stamp);
        const data = { ...tieFactValues((await tx.twinnings.get(tie.id))!), from: change.from };
        note({ revision: { entity: 'twinning', entityId: String(tie.id), action: 'edit', data } });
      } else {
        await tx.twinnings.remove(tie.id);
        note({
          revision: {
            entity: 'twinning',
            entityId: String(tie.id),
            action: 'remove',
            data: { ...before, from: change.from },
          },
        });
      }
      note({ bump: 'data', audit: change.audit });
      await change.also?.(tx);
    });
    return others.length ? tie.id : null;
  }

  /** Before the first edit on the web, the facts as the data had them, so that they can be restored. */
  private async baseline(
    tx: Store,
    entity: string,
    id: string,
    facts: FactValues,
    note: (n: WriteNotes) => void,
  ): Promise<void> {
    if ((await tx.revisions.of(entity, id, 1)).length) return;
    note({ revision: { entity, entityId: id, action: 'original', data: facts, userId: null } });
  }

  history(entity: 'place' | 'twinning', id: string) {
    return this.store.revisions.of(entity, id);
  }

  /** Puts back the facts an old revision recorded (a new revision records that). */
  async restore(
    actor: Acting,
    revisionId: number,
    now = new Date(),
  ): Promise<{ entity: 'place' | 'twinning'; id: string }> {
    const rev = await this.store.revisions.get(revisionId);
    if (!rev || (rev.entity !== 'place' && rev.entity !== 'twinning'))
      throw new NotFoundError(`There is no revision ${revisionId} of a place's or tie's facts.`);
    const data = JSON.parse(rev.data) as FactValues;
    if (rev.entity === 'place') await this.editPlace(actor, rev.entityId, data, now, 'restore');
    else await this.editTie(actor, Number(rev.entityId), data, now, 'restore');
    return { entity: rev.entity, id: rev.entityId };
  }
}
