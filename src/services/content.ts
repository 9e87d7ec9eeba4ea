import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.js';
import { validateSection, type Section, type SectionInput, type SubjectType } from '../domain/sections.js';
import type { Store } from '../store/store.js';
import type { Revision } from '../store/revisions-repo.js';
import type { DataVersion } from './data-version.js';
import { Permissions, SYSTEM, type Acting } from './orgs.js';
import { Writes } from './writes.js';

/** The revision entity id of a section: its subject, key and language. */
export const sectionEntityId = (s: Pick<SectionInput, 'subjectType' | 'subjectId' | 'key' | 'lang'>) =>
  `${s.subjectType}/${s.subjectId}/${s.key}/${s.lang}`;

function parseSectionEntityId(id: string): Omit<SectionInput, 'body'> {
  const [subjectType, subjectId, key, lang] = id.split('/') as [SubjectType, string, string, string];
  return { subjectType, subjectId, key, lang };
}

/** Sections by key, each in the languages it is written in. */
export type SectionMap = Map<string, Map<string, Section>>;

export function bySubject(sections: Section[]): Map<string, SectionMap> {
  const out = new Map<string, SectionMap>();
  for (const s of sections) {
    const subject = out.get(s.subjectId) ?? new Map<string, Map<string, Section>>();
    const langs = subject.get(s.key) ?? new Map<string, Section>();
    langs.set(s.lang, s);
    subject.set(s.key, langs);
    out.set(s.subjectId, subject);
  }
  return out;
}

/** Editorial content: the Markdown sections of places, countries and ties. */
export class ContentService {
  private readonly can: Permissions;
  private readonly writes: Writes;

  constructor(
    private readonly store: Store,
    version?: DataVersion,
  ) {
    this.can = new Permissions(store);
    this.writes = new Writes(store, version);
  }

  /** Whether the actor may edit the sections of this subject. */
  mayEdit(actor: Acting, type: SubjectType, id: string, can = this.can): Promise<boolean> {
    if (type === 'twinning') {
      const n = Number(id);
      return Number.isInteger(n) ? can.mayEditTie(actor, n) : Promise.resolve(false);
    }
    return can.mayEditPlace(actor, id);
  }

  /** Whether the actor may add ties of this place: its organizations' editors (their home), site admins. */
  mayAddTies(actor: Acting, placeId: string): Promise<boolean> {
    return this.can.mayAddTie(actor, placeId, placeId);
  }

  async sections(type: SubjectType, id: string): Promise<SectionMap> {
    return bySubject(await this.store.sections.of(type, [id])).get(id) ?? new Map();
  }

  /**
   * Writes a section (an empty text removes it) if the actor may edit its subject; every change is kept as a
   * revision. Pages showing it change with the content version. The command line acts as `SYSTEM`.
   */
  async setSection(
    input: SectionInput,
    actor: Acting = SYSTEM,
    now = new Date(),
    action: 'edit' | 'restore' = 'edit',
  ): Promise<'saved' | 'removed' | 'unchanged'> {
    const s = validateSection(input);
    return this.writes.run(actor, now, async (tx, note) => {
      await this.checkSubject(tx, s);
      if (!(await this.mayEdit(actor, s.subjectType, s.subjectId, new Permissions(tx))))
        throw new ForbiddenError(
          'Only editors of an organization whose home is this place (or tied to it) and site admins may edit it.',
        );
      const old = (await tx.sections.of(s.subjectType, [s.subjectId])).find(
        (x) => x.key === s.key && x.lang === s.lang,
      );
      let outcome: 'saved' | 'removed' | 'unchanged';
      if (!s.body) outcome = (await tx.sections.remove(s)) ? 'removed' : 'unchanged';
      else if (old?.body === s.body) outcome = 'unchanged';
      else {
        await tx.sections.put(s, now.toISOString());
        outcome = 'saved';
      }
      if (outcome !== 'unchanged') {
        note({
          bump: 'content',
          revision: {
            entity: 'section',
            entityId: sectionEntityId(s),
            action: outcome === 'removed' ? 'remove' : action,
            data: { body: s.body },
          },
        });
      }
      return outcome;
    });
  }

  /** The revisions of one section, newest first. */
  history(s: Omit<SectionInput, 'body'>): Promise<Revision[]> {
    return this.store.revisions.of('section', sectionEntityId(s));
  }

  /** Makes an old revision's text the current one (a new revision records the restore). */
  async restore(revisionId: number, actor: Acting, now = new Date()) {
    const rev = await this.store.revisions.get(revisionId);
    if (!rev || rev.entity !== 'section')
      throw new NotFoundError(`There is no revision ${revisionId} of a section.`);
    const target = parseSectionEntityId(rev.entityId);
    const { body } = JSON.parse(rev.data) as { body: string };
    return { target, outcome: await this.setSection({ ...target, body }, actor, now, 'restore') };
  }

  private async checkSubject(tx: Store, s: SectionInput): Promise<void> {
    if (s.subjectType === 'twinning') {
      const id = Number(s.subjectId);
      if (!Number.isInteger(id) || !(await tx.twinnings.get(id)))
        throw new NotFoundError(`There is no tie with id ${s.subjectId}.`);
      return;
    }
    const place = await tx.places.get(s.subjectId);
    if (!place) throw new NotFoundError(`There is no place with id ${s.subjectId}.`);
    if ((place.kind === 'country') !== (s.subjectType === 'country')) {
      throw new ValidationError(
        place.kind === 'country'
          ? `${place.name} is a country: write its culture sections (country sections), not place sections.`
          : `${place.name} is not a country: country sections are for countries only.`,
      );
    }
  }
}
