import { NotFoundError, ValidationError } from '../domain/errors.js';
import { validateSection, type Section, type SectionInput, type SubjectType } from '../domain/sections.js';
import type { Store } from '../store/store.js';
import type { DataVersion } from './data-version.js';

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
  constructor(
    private readonly store: Store,
    private readonly version?: DataVersion,
  ) {}

  async sections(type: SubjectType, id: string): Promise<SectionMap> {
    return bySubject(await this.store.sections.of(type, [id])).get(id) ?? new Map();
  }

  /** Writes a section (an empty text removes it); pages showing it change with the data version. */
  async setSection(input: SectionInput, now = new Date()): Promise<'saved' | 'removed' | 'unchanged'> {
    const s = validateSection(input);
    const result = await this.store.transaction(async (tx) => {
      await this.checkSubject(tx, s);
      let outcome: 'saved' | 'removed' | 'unchanged';
      if (!s.body) outcome = (await tx.sections.remove(s)) ? 'removed' : 'unchanged';
      else {
        await tx.sections.put(s, now.toISOString());
        outcome = 'saved';
      }
      if (outcome !== 'unchanged') await tx.meta.bumpDataVersion();
      return outcome;
    });
    this.version?.invalidate();
    return result;
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
