import type { OrgInput } from '../../domain/organizations.js';
import { FormBody, LongText, Text, sentField } from '../kit.js';
import type { OrgValues } from '../views/org-form.js';

/** The body of an organization's details form (admin area and the organization's own page). */
export const OrgBody = FormBody({
  name: Text(500),
  slug: Text(200),
  kind: Text(50),
  homeId: Text(300),
  /** a place picked from those a home name fits (the form asks when several do) */
  homeChoice: Text(100),
  about: LongText(10_000),
});

/** What the service takes from the form: a place picked from the choices wins over the text typed. */
export function orgInput(b: Partial<Record<keyof OrgValues | 'homeChoice', string>>): OrgInput {
  return {
    name: b.name ?? '',
    slug: b.slug ?? '',
    kind: b.kind ?? '',
    homeId: b.homeChoice || b.homeId || '',
    about: b.about ?? '',
  };
}

/** The form's fields as sent, to show it again. */
export function orgValues(body: unknown): OrgValues {
  const value = (name: keyof OrgValues) => sentField(body, name);
  return {
    name: value('name'),
    slug: value('slug'),
    kind: value('kind'),
    homeId: value('homeId'),
    about: value('about'),
  };
}
