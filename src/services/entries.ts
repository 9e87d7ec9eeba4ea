import {
  ENTRY_TYPES,
  WITH_SUBJECTS,
  checkEntryFields,
  entryFormValues,
  entryPath,
  isEntryType,
  parseSubjects,
  validateEntry,
  type Entry,
  type EntrySubject,
  type EntryType,
} from '../domain/entries.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.js';
import { isRowId, parseRowId } from '../domain/ids.js';
import type { Organization } from '../domain/organizations.js';
import type { Store } from '../store/store.js';
import type { TargetType } from '../store/notify-repo.js';
import type { DataVersion } from './data-version.js';
import { NotifyService } from './notify.js';
import { entryMail } from './mail-text.js';
import { Permissions, userIdOf, type Acting } from './orgs.js';
import { Writes } from './writes.js';

/** What a revision of an entry keeps: everything needed to put it back as it was. */
interface EntrySnapshot {
  title: string;
  startsAt: string | null;
  endsAt: string | null;
  data: Entry['data'];
  subjects: EntrySubject[];
}

/** The type of entry an address names; "not found" for anything else. */
export function entryType(text: string): EntryType {
  if (!isEntryType(text))
    throw new NotFoundError(`"${text}" is not a kind of entry; use one of ${ENTRY_TYPES.join(', ')}.`);
  return text;
}

/**
 * Organizations' entries: posts, events, activities, committees, people, institutions and memberships. Only
 * the organization's editors (and site admins) write them; every write is a revision; new posts, events and
 * activities are told to those who follow the organization or the places they are about.
 */
export class EntriesService {
  private readonly can: Permissions;
  private readonly writes: Writes;

  constructor(
    private readonly store: Store,
    private readonly publicUrl: string,
    version?: DataVersion,
  ) {
    this.can = new Permissions(store);
    this.writes = new Writes(store, version);
  }

  async get(id: number): Promise<{ entry: Entry; org: Organization }> {
    const entry = isRowId(id) ? await this.store.entries.get(id) : undefined;
    const org = entry && (await this.store.orgs.byId(entry.orgId));
    if (!entry || !org) throw new NotFoundError(`There is no entry ${id}.`);
    return { entry, org };
  }

  /**
   * The subjects an editor may tie entries to: any country; the organization's home, the places tied to it and
   * those ties. Site admins may tie entries to anything that exists.
   */
  private async checkSubjects(
    tx: Store,
    actor: Acting,
    org: Organization,
    subjects: EntrySubject[],
  ): Promise<void> {
    const problems: string[] = [];
    const admin = this.can.isAdmin(actor);
    for (const s of subjects) {
      if (s.type === 'twinning') {
        const tieId = parseRowId(s.id);
        const tie = tieId === null ? undefined : await tx.twinnings.get(tieId);
        if (!tie) problems.push(`there is no tie ${s.id}`);
        else if (!admin && org.homeId !== tie.a && org.homeId !== tie.b)
          problems.push(`tie ${s.id} is not one of ${org.name}'s home`);
      } else {
        const place = await tx.places.get(s.id);
        if (!place || (place.kind === 'country') !== (s.type === 'country'))
          problems.push(`there is no ${s.type} ${s.id}`);
        else if (
          s.type === 'place' &&
          !admin &&
          org.homeId !== s.id &&
          !(org.homeId && (await tx.twinnings.between(org.homeId, s.id)))
        )
          problems.push(`${place.name} is neither ${org.name}'s home nor tied to it`);
      }
    }
    if (problems.length)
      throw new ValidationError(
        `This cannot be about that: ${problems.join('; ')}.`,
        problems.map((message) => ({ message, column: 'subjects' })),
      );
  }

  /** Creates (id null) or updates an entry; answers its id. */
  async save(
    actor: Acting,
    org: Organization,
    type: EntryType,
    id: number | null,
    raw: Record<string, unknown>,
    subjects: EntrySubject[],
    now = new Date(),
  ): Promise<number> {
    this.can.requireEditor(actor, org);
    const old = id === null ? undefined : await this.store.entries.get(id);
    if (id !== null && (!old || old.orgId !== org.id || old.type !== type))
      throw new NotFoundError(`There is no ${type} ${id} of ${org.name}.`);
    const ids = async (t: EntryType) => (await this.store.entries.ofOrg(org.id, t)).map((c) => c.id);
    const checked = validateEntry(type, raw, {
      now,
      committees: type === 'person' ? await ids('committee') : [],
      people: type === 'activity' ? await ids('person') : [],
      institutions: type === 'activity' ? await ids('institution') : [],
      publishedAt: old?.startsAt,
    });
    const about = WITH_SUBJECTS.includes(type) ? subjects : [];
    return this.writes.run(actor, now, async (tx, note) => {
      await this.checkSubjects(tx, actor, org, about);
      let entryId: number;
      if (old) {
        await tx.entries.update(old.id, { ...checked, subjects: about }, now.toISOString());
        entryId = old.id;
      } else {
        entryId = await tx.entries.create(
          { ...checked, orgId: org.id, type, subjects: about },
          userIdOf(actor),
          now.toISOString(),
        );
        if (WITH_SUBJECTS.includes(type))
          await this.announce(
            tx,
            org,
            { id: entryId, type, title: checked.title, subjects: about },
            userIdOf(actor),
            now,
          );
      }
      const snapshot: EntrySnapshot = { ...checked, subjects: about };
      note({
        revision: {
          entity: 'entry',
          entityId: String(entryId),
          action: old ? 'edit' : 'create',
          data: snapshot,
        },
        bump: 'content',
      });
      return entryId;
    });
  }

  /**
   * Saves what an entry's form sent: a new entry of a type for an organization (`{ slug, type }`), or an
   * existing entry (`{ id }`). `subjects` are the ticked "place:ID", "country:CODE" and "twinning:ID".
   */
  async saveForm(
    actor: Acting,
    target: { slug: string; type: string } | { id: number },
    raw: Record<string, unknown>,
    subjects: string[],
    now = new Date(),
  ): Promise<number> {
    const about = parseSubjects(subjects);
    if ('id' in target) {
      const { entry, org } = await this.get(target.id);
      return this.save(actor, org, entry.type, entry.id, raw, about, now);
    }
    const type = entryType(target.type);
    const org = await this.store.orgs.bySlug(target.slug);
    if (!org) throw new NotFoundError(`There is no organization at /orgs/${target.slug}.`);
    return this.save(actor, org, type, null, raw, about, now);
  }

  /**
   * A new entry as the API sends it: the type's fields by name (an unknown name is refused), and what it is
   * about ("place:ID", "country:CODE", "twinning:ID"). Saved as the form's are; the entry and its organization.
   */
  async create(
    actor: Acting,
    slug: string,
    type: string,
    fields: Record<string, unknown>,
    subjects: string[],
    now = new Date(),
  ): Promise<{ entry: Entry; org: Organization }> {
    const t = entryType(type);
    const org = await this.store.orgs.bySlug(slug);
    if (!org) throw new NotFoundError(`There is no organization at /orgs/${slug}.`);
    this.can.requireEditor(actor, org);
    checkEntryFields(t, Object.keys(fields));
    const id = await this.save(actor, org, t, null, fields, parseSubjects(subjects), now);
    return { entry: (await this.store.entries.get(id))!, org };
  }

  /**
   * Changes some fields of an entry (the API's PATCH): the fields given replace the stored ones, the others
   * stay; `subjects`, when given, replaces what it is about. Checked and saved as the whole form would be.
   */
  async patch(
    actor: Acting,
    id: number,
    fields: Record<string, unknown>,
    subjects: string[] | undefined,
    now = new Date(),
  ): Promise<{ entry: Entry; org: Organization }> {
    const { entry, org } = await this.get(id);
    this.can.requireEditor(actor, org);
    checkEntryFields(entry.type, Object.keys(fields));
    const raw = { ...entryFormValues(entry), ...fields };
    const about = subjects === undefined ? entry.subjects : parseSubjects(subjects);
    await this.save(actor, org, entry.type, entry.id, raw, about, now);
    return { entry: (await this.store.entries.get(entry.id))!, org };
  }

  /** Tells the followers of the organization and of the places (and the ties' places) a new entry is about. */
  private async announce(
    tx: Store,
    org: Organization,
    e: { id: number; type: EntryType; title: string; subjects: EntrySubject[] },
    by: number | null,
    now: Date,
  ): Promise<void> {
    const places = new Set(e.subjects.filter((s) => s.type === 'place').map((s) => s.id));
    for (const s of e.subjects.filter((x) => x.type === 'twinning')) {
      const tie = await tx.twinnings.get(Number(s.id));
      if (tie) [tie.a, tie.b].forEach((p) => places.add(p));
    }
    const targets: { type: TargetType; id: string }[] = [
      { type: 'org', id: String(org.id) },
      ...[...places].map((id) => ({ type: 'place' as const, id })),
    ];
    await NotifyService.tell(
      tx,
      {
        targets,
        message: entryMail({
          org: org.name,
          type: e.type,
          title: e.title,
          link: `${this.publicUrl}${entryPath(e, org.slug)}`,
        }),
        except: by,
        baseUrl: this.publicUrl,
      },
      now,
    );
  }

  async remove(actor: Acting, id: number, now = new Date()): Promise<{ entry: Entry; org: Organization }> {
    const { entry, org } = await this.get(id);
    this.can.requireEditor(actor, org);
    await this.writes.run(actor, now, async (tx, note) => {
      await tx.entries.remove(id);
      await tx.photos.removeOf('entry', String(id));
      const { title, startsAt, endsAt, data, subjects } = entry;
      const snapshot: EntrySnapshot = { title, startsAt, endsAt, data, subjects };
      note({
        revision: { entity: 'entry', entityId: String(id), action: 'delete', data: snapshot },
        bump: 'content',
      });
    });
    return { entry, org };
  }

  async history(actor: Acting, id: number) {
    const { entry, org } = await this.get(id);
    this.can.requireEditor(actor, org);
    return { entry, org, revisions: await this.store.revisions.of('entry', String(id)) };
  }

  /** Puts an entry back as an old revision had it (a new revision records that). */
  async restore(actor: Acting, revisionId: number, now = new Date()): Promise<Entry> {
    const rev = isRowId(revisionId) ? await this.store.revisions.get(revisionId) : undefined;
    if (!rev || rev.entity !== 'entry')
      throw new NotFoundError(`There is no revision ${revisionId} of an entry.`);
    const { entry, org } = await this.get(Number(rev.entityId));
    this.can.requireEditor(actor, org);
    if (rev.action === 'delete')
      throw new ValidationError('That revision is a deletion; choose an earlier one.');
    const snap = JSON.parse(rev.data) as EntrySnapshot;
    await this.writes.run(actor, now, async (tx, note) => {
      await tx.entries.update(entry.id, snap, now.toISOString());
      note({
        revision: { entity: 'entry', entityId: String(entry.id), action: 'restore', data: snap },
        bump: 'content',
      });
    });
    return (await this.store.entries.get(entry.id))!;
  }

  /** Refuses unless the actor edits the entry's organization. */
  async requireEditorOf(actor: Acting, id: number): Promise<{ entry: Entry; org: Organization }> {
    const found = await this.get(id);
    if (!this.can.isEditorOf(actor, found.org.id))
      throw new ForbiddenError(`Only an editor of ${found.org.name} or a site admin may do this.`);
    return found;
  }
}
