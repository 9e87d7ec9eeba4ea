import { CONTINENTS, isCountryCode, type Continent } from './countries.js';
import { isEmail, normalizeEmail } from './accounts.js';
import type { Problem } from './errors.js';

/**
 * "Seeking partners" listings: an organization's program office says that its home place looks for new
 * partners, where (countries, continents; none means anywhere), in which fields, with a note and a contact.
 * The contact is shown to signed-in readers only. One listing per organization; withdrawing closes it, and
 * publishing again opens it anew.
 */
export const SEEKING_FIELDS = [
  'education',
  'schools',
  'universities',
  'youth',
  'culture',
  'sport',
  'trade',
  'tourism',
  'environment',
  'health',
  'technology',
  'government',
] as const;
export type SeekingField = (typeof SEEKING_FIELDS)[number];

export const LISTING_STATUSES = ['open', 'closed'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export const MAX_NOTE = 1000;
export const MAX_WANTED_COUNTRIES = 30;

/** What an editor writes. */
export interface ListingInput {
  countries: string[];
  continents: Continent[];
  fields: SeekingField[];
  note: string;
  contactName: string;
  contactEmail: string;
}

export interface Listing extends ListingInput {
  id: number;
  orgId: number;
  status: ListingStatus;
  createdAt: string;
  updatedAt: string;
}

/** The listing without its contact: what anonymous readers and the suggestions see. */
export type ListingSummary = Omit<Listing, 'contactName' | 'contactEmail'>;

export const isSeekingField = (f: string): f is SeekingField =>
  (SEEKING_FIELDS as readonly string[]).includes(f);

/** Checks and normalizes a listing as a form sends it; problems carry the field (`column`) they are about. */
export function validateListing(raw: {
  countries: string;
  continents: readonly string[];
  fields: readonly string[];
  note: string;
  contactName: string;
  contactEmail: string;
}): { value: ListingInput; problems: Problem[] } {
  const problems: Problem[] = [];
  const countries = [
    ...new Set(
      raw.countries
        .split(/[\s,;，；、]+/)
        .filter(Boolean)
        .map((c) => c.toUpperCase()),
    ),
  ];
  const badCountries = countries.filter((c) => !isCountryCode(c));
  if (badCountries.length)
    problems.push({
      column: 'countries',
      message: `${badCountries.slice(0, 5).join(', ')}: give ISO 3166 country codes such as DE, FR, JP`,
    });
  else if (countries.length > MAX_WANTED_COUNTRIES)
    problems.push({ column: 'countries', message: `name at most ${MAX_WANTED_COUNTRIES} countries` });
  const continents = [...new Set(raw.continents)];
  if (continents.some((c) => !(CONTINENTS as readonly string[]).includes(c)))
    problems.push({ column: 'continents', message: `choose among ${CONTINENTS.join(', ')}` });
  const fields = [...new Set(raw.fields)];
  if (fields.some((f) => !isSeekingField(f)))
    problems.push({ column: 'fields', message: `choose among ${SEEKING_FIELDS.join(', ')}` });
  else if (!fields.length) problems.push({ column: 'fields', message: 'choose at least one field' });
  const note = raw.note.replace(/\r\n?/g, '\n').trim();
  if ([...note].length > MAX_NOTE)
    problems.push({ column: 'note', message: `is longer than ${MAX_NOTE} characters` });
  const contactName = raw.contactName.trim().replace(/\s+/g, ' ');
  if (!contactName)
    problems.push({ column: 'contactName', message: 'is missing: whom should partners write to?' });
  else if (contactName.length > 120)
    problems.push({ column: 'contactName', message: 'is longer than 120 characters' });
  const contactEmail = normalizeEmail(raw.contactEmail);
  if (!contactEmail) problems.push({ column: 'contactEmail', message: 'is missing' });
  else if (!isEmail(contactEmail))
    problems.push({ column: 'contactEmail', message: 'is not an e-mail address such as office@example.org' });
  return {
    value: {
      countries: badCountries.length ? [] : countries,
      continents: continents.filter((c): c is Continent => (CONTINENTS as readonly string[]).includes(c)),
      fields: fields.filter(isSeekingField),
      note,
      contactName,
      contactEmail,
    },
    problems,
  };
}

/**
 * How a listing's wishes meet a place asking for partners: 'country' or 'continent' when it names the asker's,
 * 'anywhere' when it names no region, 'elsewhere' when it names others.
 */
export type ListingFit = 'country' | 'continent' | 'anywhere' | 'elsewhere';

export function listingFit(
  wants: { countries: readonly string[]; continents: readonly string[] },
  asker: { country: string | null; continent: string | null },
): ListingFit {
  if (asker.country && wants.countries.includes(asker.country)) return 'country';
  if (asker.continent && wants.continents.includes(asker.continent)) return 'continent';
  if (!wants.countries.length && !wants.continents.length) return 'anywhere';
  return 'elsewhere';
}
