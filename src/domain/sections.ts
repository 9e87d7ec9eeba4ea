// Profile sections: the parts of a page an editor writes in Markdown, per language. A place has sections about
// life there, a country about its culture, and a tie about its story and programs.
import { ValidationError } from './errors.js';
import { text } from './fields.js';

export const PLACE_SECTIONS = [
  'programs',
  'locale',
  'economy',
  'tourism',
  'climate',
  'sports',
  'food',
] as const;
/**
 * How a place's sections are read, as a commission's profile page groups them: its programs, the place and its
 * economy, then "fun facts" (sights, climate, sports, food). A group of one section stands under its own heading.
 */
export const PLACE_SECTION_GROUPS: readonly {
  key: string;
  sections: readonly (typeof PLACE_SECTIONS)[number][];
}[] = [
  { key: 'programs', sections: ['programs'] },
  { key: 'place', sections: ['locale', 'economy'] },
  { key: 'funFacts', sections: ['tourism', 'climate', 'sports', 'food'] },
];
export const COUNTRY_SECTIONS = [
  'language',
  'currency',
  'cuisine',
  'sports',
  'festivals',
  'climate',
] as const;
export const TIE_SECTIONS = ['story', 'programs'] as const;

export type SubjectType = 'place' | 'country' | 'twinning';

export const SECTION_KEYS: Record<SubjectType, readonly string[]> = {
  place: PLACE_SECTIONS,
  country: COUNTRY_SECTIONS,
  twinning: TIE_SECTIONS,
};

/** Languages sections are written in: the interface languages, and others a program office may publish in. */
const LANG = /^[a-z]{2,3}(-[A-Za-z]{4})?(-[A-Z]{2})?$/;
export const MAX_SECTION_LENGTH = 20_000;

export interface Section {
  /** a place id (places and countries) or a tie id, as text */
  subjectId: string;
  key: string;
  lang: string;
  /** Markdown */
  body: string;
  updatedAt: string;
}

export interface SectionInput {
  subjectType: SubjectType;
  subjectId: string;
  key: string;
  lang: string;
  body: string;
}

/** Checks a section before it is written; every problem is reported. An empty body removes the section. */
export function validateSection(input: SectionInput): SectionInput {
  const problems: string[] = [];
  const keys = SECTION_KEYS[input.subjectType];
  if (!keys.includes(input.key)) {
    problems.push(
      `"${input.key}" is not a section of a ${input.subjectType === 'twinning' ? 'tie' : input.subjectType}; use one of ${keys.join(', ')}`,
    );
  }
  if (!LANG.test(input.lang)) {
    problems.push(`"${input.lang}" is not a language tag such as en, zh or zh-Hant`);
  }
  const body = input.body.replace(/\r\n?/g, '\n');
  const checked = text(body, MAX_SECTION_LENGTH);
  if (!checked.ok) problems.push(`the text ${checked.error}`);
  if (problems.length) {
    throw new ValidationError(
      `The section cannot be saved: ${problems.join('; ')}.`,
      problems.map((message) => ({ message })),
    );
  }
  return { ...input, body: body.trim() };
}
