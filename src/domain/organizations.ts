// Organizations run programs on the site: a city's sister-city commission, an association, a province's
// foreign-affairs office. Users hold a role in an organization; site admins hold every role everywhere.
import { ValidationError } from './errors.js';
import { ID_PATTERN, text } from './fields.js';

export const ORG_KINDS = ['commission', 'association', 'office', 'other'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** editor: writes the organization's content and manages its people; member: signs in to take part */
export const ORG_ROLES = ['editor', 'member'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export interface Organization {
  id: number;
  slug: string;
  name: string;
  kind: OrgKind;
  /** the place whose program it runs: its editors keep that place's profile, its ties and its partners' */
  homeId: string | null;
  about: string;
  createdAt: string;
}

export interface OrgInput {
  name: string;
  slug?: string;
  kind: string;
  homeId?: string | null;
  about?: string;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A slug from a name: lower-case ASCII letters and digits joined by hyphens ("Anshan Sister Cities" → "anshan-sister-cities"). */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** Checks an organization's fields; every problem is reported. */
export function validateOrg(input: OrgInput): Required<OrgInput> & { kind: OrgKind } {
  const problems: string[] = [];
  const name = text(input.name, 200);
  if (!name.ok) problems.push(`the name ${name.error}`);
  else if (!name.value) problems.push('the name is missing');
  const slug = (input.slug ?? '').trim() || slugify(input.name ?? '');
  if (!SLUG.test(slug) || slug.length > 60)
    problems.push(
      `"${slug}" cannot be the address of an organization: use lower-case letters, digits and single hyphens, at most 60`,
    );
  if (!(ORG_KINDS as readonly string[]).includes(input.kind))
    problems.push(`"${input.kind}" is not a kind of organization; use one of ${ORG_KINDS.join(', ')}`);
  const homeId = (input.homeId ?? '').trim() || null;
  if (homeId && !ID_PATTERN.test(homeId)) problems.push(`"${homeId}" is not a place id such as Q74957`);
  const about = text(input.about ?? '', 5000);
  if (!about.ok) problems.push(`the description ${about.error}`);
  if (problems.length)
    throw new ValidationError(
      `The organization cannot be saved: ${problems.join('; ')}.`,
      problems.map((message) => ({ message })),
    );
  return {
    name: name.ok ? (name.value ?? '') : '',
    slug,
    kind: input.kind as OrgKind,
    homeId,
    about: (about.ok && about.value) || '',
  };
}
