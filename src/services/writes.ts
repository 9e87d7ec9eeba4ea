import type { Store } from '../store/store.js';
import type { DataVersion } from './data-version.js';
import { SYSTEM, userIdOf, type Acting } from './orgs.js';

/** A revision: the whole state of a record after a change, so that any earlier state can be put back. */
export interface RevisionNote {
  entity: string;
  entityId: string;
  /** 'edit', 'create', 'remove', 'restore', 'merge', 'original' (the data's state before the first edit) … */
  action: string;
  data: unknown;
  /** who made the state recorded; by default the actor ('original' states are nobody's) */
  userId?: number | null;
  /** when the state recorded was made, if not now (an 'original' state: when the record was made) */
  at?: string;
}

/** An entry of the audit log: who did what to what. */
export interface AuditNote {
  action: string;
  subject?: string;
  detail?: string;
}

/**
 * What a write changes for readers: 'data' (places and ties: the gazetteer and network figures follow it),
 * 'content' (sections, entries, comments, photos, names of people: cached pages follow it), or nothing public.
 */
export type Bump = 'data' | 'content';

export interface WriteNotes {
  revision?: RevisionNote;
  audit?: AuditNote;
  bump?: Bump;
}

/**
 * The one way a change is written: the change itself, its revision, its audit entry and the version bump that
 * makes pages show it, all in one transaction — every part lands or none does. After the commit the process's
 * own view of the versions is told at once (other servers see it within a second).
 *
 *   await writes.run(actor, now, async (tx, note) => {
 *     await tx.sections.put(…);
 *     note({ revision: { entity: 'section', entityId, action: 'edit', data }, bump: 'content' });
 *   });
 */
export class Writes {
  constructor(
    private readonly store: Store,
    private readonly version?: DataVersion,
  ) {}

  async run<T>(
    actor: Acting,
    now: Date,
    write: (tx: Store, note: (n: WriteNotes) => void) => Promise<T>,
  ): Promise<T> {
    let bumped = false;
    const result = await this.store.transaction(async (tx) => {
      const notes: WriteNotes[] = [];
      const value = await write(tx, (n) => notes.push(n));
      bumped = await record(tx, actor, now, notes);
      return value;
    });
    if (bumped) this.version?.invalidate();
    return result;
  }
}

/** Writes the notes of a change inside its transaction; whether a version was bumped. */
export async function record(tx: Store, actor: Acting, now: Date, notes: WriteNotes[]): Promise<boolean> {
  const at = now.toISOString();
  const actorId = userIdOf(actor);
  // a write made with an API key says which key, beside the person who made it
  const key = actor !== SYSTEM && actor.apiKey ? `API key ${actor.apiKey.prefix}…` : null;
  let data = false;
  let content = false;
  for (const n of notes) {
    if (n.revision) {
      const { userId, at: madeAt, ...r } = n.revision;
      await tx.revisions.add({ ...r, at: madeAt ?? at, userId: userId === undefined ? actorId : userId });
    }
    if (n.audit) {
      const detail = key ? [n.audit.detail, `(${key})`].filter(Boolean).join(' ') : n.audit.detail;
      await tx.users.audit({ at, actorId, ...n.audit, detail });
    }
    if (n.bump === 'data') data = true;
    if (n.bump === 'content') content = true;
  }
  if (data) await tx.meta.bumpDataVersion();
  if (content) await tx.meta.bumpContentVersion();
  return data || content;
}
