import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.js';
import type { Place } from '../domain/places.js';
import { SECTION_KEYS, type Section, type SubjectType } from '../domain/sections.js';
import type { Twinning } from '../domain/twinnings.js';
import type { Revision } from '../store/revisions-repo.js';
import type { Store } from '../store/store.js';
import type { ContentService } from './content.js';
import { PLACE_EDIT_FACTS, PLACE_FACTS, TIE_FACTS, type FactValues, type FactsService } from './facts.js';
import type { Acting } from './orgs.js';
import { placeById } from './place-lookup.js';

/** A place, country or tie as its editor shows it: what it is, its places (to name it) and its page. */
export type EditSubject =
  | { type: 'place' | 'country'; id: string; place: Place }
  | { type: 'twinning'; id: string; twinning: Twinning; a: Place | undefined; b: Place | undefined };

/** The facts editor: the subject's sections (which languages each is written in) and its facts. */
export interface FactsEditorView {
  subject: EditSubject;
  sections: { key: string; langs: string[] }[];
  /** the form's fields, in order, and their values */
  columns: readonly string[];
  facts: FactValues;
}

/** The editor of one section in one language, with the text as it reads now. */
export interface SectionEditorView {
  subject: EditSubject;
  key: string;
  lang: string;
  current: Section | undefined;
}

export interface FactsHistoryView {
  subject: EditSubject;
  columns: readonly string[];
  revisions: Revision[];
}

export interface SectionHistoryView {
  subject: EditSubject;
  key: string;
  lang: string;
  revisions: Revision[];
}

/** A language tag as sections are written in (en, zh, zh-Hant, pt-BR). */
const TEXT_LANG = /^[a-z]{2,3}(-[A-Za-z]{4})?(-[A-Z]{2})?$/;

/**
 * Subjects by type and id, as editors and the admin area name them; those that no longer exist are left out.
 * One query per kind.
 */
export async function subjectsOf(
  store: Store,
  refs: { type: SubjectType; id: string }[],
): Promise<Map<string, EditSubject>> {
  const tieIds = [...new Set(refs.filter((r) => r.type === 'twinning').map((r) => Number(r.id)))].filter(
    (n) => Number.isSafeInteger(n),
  );
  const ties = new Map<number, Twinning>();
  for (const id of tieIds) {
    const t = await store.twinnings.get(id);
    if (t) ties.set(id, t);
  }
  const placeIds = refs.filter((r) => r.type !== 'twinning').map((r) => r.id);
  const places = await store.places.getMany([
    ...new Set([...placeIds, ...[...ties.values()].flatMap((t) => [t.a, t.b])]),
  ]);
  const out = new Map<string, EditSubject>();
  for (const r of refs) {
    const key = `${r.type}:${r.id}`;
    if (r.type === 'twinning') {
      const t = ties.get(Number(r.id));
      if (t)
        out.set(key, { type: 'twinning', id: r.id, twinning: t, a: places.get(t.a), b: places.get(t.b) });
      continue;
    }
    const place = places.get(r.id);
    // a country's sections and facts are the country's, a place's the place's
    if (place && (place.kind === 'country') === (r.type === 'country'))
      out.set(key, { type: r.type, id: r.id, place });
  }
  return out;
}

/** A subject's name in the data's main language, for messages. */
const nameOf = (s: EditSubject) =>
  s.type === 'twinning' ? `${s.a?.name ?? s.twinning.a} – ${s.b?.name ?? s.twinning.b}` : s.place.name;

/**
 * The editors of a place's, country's or tie's sections and facts, and their histories: each page's read model
 * in one call, for those who may edit the subject (ForbiddenError for others). Writes go to ContentService
 * and FactsService.
 */
export class EditorService {
  constructor(
    private readonly store: Store,
    private readonly content: ContentService,
    private readonly facts: FactsService,
  ) {}

  /** The subject, if the actor may edit it. */
  async subject(actor: Acting, type: SubjectType, id: string): Promise<EditSubject> {
    const subject = (await subjectsOf(this.store, [{ type, id }])).get(`${type}:${id}`);
    if (!subject) throw new NotFoundError(`There is no ${type === 'twinning' ? 'tie' : type} with id ${id}.`);
    if (!(await this.content.mayEdit(actor, type, id)))
      throw new ForbiddenError(
        `You may not edit ${nameOf(subject)}: only editors of an organization whose home is this place or tied to it, and site admins, may.`,
      );
    return subject;
  }

  async factsEditor(actor: Acting, type: SubjectType, id: string): Promise<FactsEditorView> {
    const subject = await this.subject(actor, type, id);
    const [sections, facts] = await Promise.all([
      this.content.sections(type, id),
      type === 'twinning' ? this.facts.tieFacts(Number(id)) : this.facts.placeFacts(id),
    ]);
    return {
      subject,
      sections: SECTION_KEYS[type].map((key) => ({ key, langs: [...(sections.get(key)?.keys() ?? [])] })),
      columns: columnsOf(type),
      facts,
    };
  }

  async sectionEditor(
    actor: Acting,
    type: SubjectType,
    id: string,
    key: string,
    lang: string,
  ): Promise<SectionEditorView> {
    const subject = await this.subject(actor, type, id);
    checkSection(type, key, lang);
    const current = (await this.content.sections(type, id)).get(key)?.get(lang);
    return { subject, key, lang, current };
  }

  async factsHistory(actor: Acting, type: SubjectType, id: string): Promise<FactsHistoryView> {
    const subject = await this.subject(actor, type, id);
    const revisions = await this.facts.history(type === 'twinning' ? 'twinning' : 'place', id);
    return { subject, columns: columnsOf(type), revisions };
  }

  async sectionHistory(
    actor: Acting,
    type: SubjectType,
    id: string,
    key: string,
    lang: string,
  ): Promise<SectionHistoryView> {
    const subject = await this.subject(actor, type, id);
    checkSection(type, key, lang);
    const revisions = await this.content.history({ subjectType: type, subjectId: id, key, lang });
    return { subject, key, lang, revisions };
  }

  /** Saves a section's text in a language (an empty text removes it); what became of it. */
  async saveSection(actor: Acting, type: SubjectType, id: string, key: string, lang: string, body: string) {
    await this.subject(actor, type, id);
    checkSection(type, key, lang);
    return this.content.setSection({ subjectType: type, subjectId: id, key, lang, body }, actor);
  }

  /** Saves the facts of a place, country or tie as the form sends them. */
  async saveFacts(actor: Acting, type: SubjectType, id: string, values: FactValues): Promise<void> {
    const raw: FactValues = {};
    for (const c of columnsOf(type)) raw[c] = values[c] ?? '';
    if (type === 'twinning') await this.facts.editTie(actor, Number(id), raw);
    else await this.facts.editPlace(actor, id, raw);
  }

  /**
   * Changes some facts of a place, country or tie (the API's PATCH): the facts given replace the stored ones
   * ('' clears one), the others stay as they are; then saved as the editor's form is. The facts as stored.
   * Two changes at once: the last one wins, fact by fact as sent.
   */
  async patchFacts(
    actor: Acting,
    target: { place: string } | { tie: number },
    changes: FactValues,
  ): Promise<{ type: SubjectType; id: string; facts: FactValues }> {
    const columns = 'tie' in target ? TIE_FACTS : PLACE_FACTS;
    const unknown = Object.keys(changes).filter((c) => !(columns as readonly string[]).includes(c));
    if (unknown.length)
      throw new ValidationError(
        `There is no fact ${unknown.map((c) => `"${c}"`).join(', ')} here; the facts are ${columns.join(', ')}.`,
        unknown.map((c) => ({ column: c, message: 'is not a fact of this' })),
      );
    const { type, id } = await this.typeOf(target);
    await this.subject(actor, type, id);
    const current = 'tie' in target ? await this.facts.tieFacts(target.tie) : await this.facts.placeFacts(id);
    await this.saveFacts(actor, type, id, { ...current, ...changes });
    const facts = 'tie' in target ? await this.facts.tieFacts(target.tie) : await this.facts.placeFacts(id);
    return { type, id, facts };
  }

  /** Writes a section of a place, country or tie in a language ('' removes it), as the section editor does. */
  async putSection(
    actor: Acting,
    target: { place: string } | { tie: number },
    key: string,
    lang: string,
    body: string,
  ): Promise<{ type: SubjectType; id: string; outcome: 'saved' | 'removed' | 'unchanged' }> {
    const { type, id } = await this.typeOf(target);
    return { type, id, outcome: await this.saveSection(actor, type, id, key, lang, body) };
  }

  /** A place's subject type (a country's sections and facts are a country's), or a tie's. */
  private async typeOf(
    target: { place: string } | { tie: number },
  ): Promise<{ type: SubjectType; id: string }> {
    if ('tie' in target) return { type: 'twinning', id: String(target.tie) };
    const place = await placeById(this.store, target.place);
    return { type: place.kind === 'country' ? 'country' : 'place', id: place.id };
  }

  /** Puts back the facts an old revision recorded; the subject, for its editor. */
  async restoreFacts(actor: Acting, revisionId: number): Promise<{ type: SubjectType; id: string }> {
    const { entity, id } = await this.facts.restore(actor, revisionId);
    if (entity === 'twinning') return { type: 'twinning', id };
    return { type: (await this.store.places.get(id))?.kind === 'country' ? 'country' : 'place', id };
  }
}

function columnsOf(type: SubjectType): readonly string[] {
  return type === 'twinning' ? TIE_FACTS : type === 'country' ? PLACE_FACTS : PLACE_EDIT_FACTS;
}

function checkSection(type: SubjectType, key: string, lang: string): void {
  if (!SECTION_KEYS[type].includes(key))
    throw new NotFoundError(`"${key}" is not a section here; use one of ${SECTION_KEYS[type].join(', ')}.`);
  if (!TEXT_LANG.test(lang))
    throw new ValidationError(`"${lang}" is not a language tag such as en, zh or zh-Hant.`);
}
