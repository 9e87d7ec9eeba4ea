import { continentOf, type Continent } from '../domain/countries.js';
import { NotFoundError, ValidationError } from '../domain/errors.js';
import type { Organization } from '../domain/organizations.js';
import type { PlaceKind } from '../domain/places.js';
import { validateListing, type Listing, type ListingInput, type SeekingField } from '../domain/seeking.js';
import type { CompactPlace } from '../store/places-repo.js';
import type { ListingRow } from '../store/seeking-repo.js';
import type { Store } from '../store/store.js';
import type { DataVersion } from './data-version.js';
import type { Gazetteer } from './gazetteer.js';
import { Permissions, type Acting } from './orgs.js';
import { PerVersion } from './per-version.js';
import { Writes } from './writes.js';

/** A published listing as readers see it: the contact only when the reader is signed in. */
export interface ListingView {
  id: number;
  org: { slug: string; name: string };
  place: CompactPlace;
  continent: Continent | null;
  countries: string[];
  continents: Continent[];
  fields: SeekingField[];
  note: string;
  updatedAt: string;
  /** null for anonymous readers */
  contact: { name: string; email: string } | null;
}

export interface SeekingFilters {
  /** the listing's place is in this country (ISO code) */
  country?: string | undefined;
  continent?: Continent | undefined;
  field?: SeekingField | undefined;
  kind?: PlaceKind | undefined;
}

/** The listing editor of an organization. */
export interface ListingEditorView {
  org: Organization;
  home: CompactPlace | null;
  listing: Listing | null;
}

/** A listing form's fields as sent. */
export interface ListingForm {
  countries: string;
  continents: string[];
  fields: string[];
  note: string;
  contactName: string;
  contactEmail: string;
}

/** The form's fields from a stored listing. */
export const listingForm = (l: ListingInput): ListingForm => ({
  countries: l.countries.join(', '),
  continents: [...l.continents],
  fields: [...l.fields],
  note: l.note,
  contactName: l.contactName,
  contactEmail: l.contactEmail,
});

/**
 * "Seeking partners" listings: published by an organization's editors (site admins for any organization) for
 * its home place, read on /seeking, on the place's page, in the API and by matching. The open listings are read
 * once per content version.
 */
export class SeekingService {
  private readonly can: Permissions;
  private readonly writes: Writes;
  private readonly openRows: PerVersion<ListingRow[], string>;

  constructor(
    private readonly store: Store,
    private readonly gazetteer: Gazetteer,
    version: DataVersion,
    private readonly continents: Record<string, Continent> = {},
  ) {
    this.can = new Permissions(store);
    this.writes = new Writes(store, version);
    this.openRows = new PerVersion(version, () => store.seeking.open(), 'stamp');
  }

  /** Open listings by their home place (the newest where two organizations share a home). */
  async byPlace(): Promise<Map<string, ListingRow>> {
    const out = new Map<string, ListingRow>();
    for (const r of await this.openRows.get()) if (r.homeId && !out.has(r.homeId)) out.set(r.homeId, r);
    return out;
  }

  /** The open listings that pass the filters, newest first; contacts for signed-in readers only. */
  async list(f: SeekingFilters, signedIn: boolean): Promise<ListingView[]> {
    const [rows, snap] = await Promise.all([this.openRows.get(), this.gazetteer.snapshot()]);
    const out: ListingView[] = [];
    for (const r of rows) {
      const place = r.homeId ? snap.places.get(r.homeId) : undefined;
      if (!place) continue;
      const continent = continentOf(place.country, this.continents);
      if (f.country && place.country !== f.country) continue;
      if (f.continent && continent !== f.continent) continue;
      if (f.kind && place.kind !== f.kind) continue;
      if (f.field && !r.fields.includes(f.field)) continue;
      out.push(this.view(r, place, continent, signedIn));
    }
    return out;
  }

  /** An organization's open listing, without its contact (the organization's page is the same for everyone). */
  async ofOrg(orgId: number): Promise<ListingView | null> {
    const [rows, snap] = await Promise.all([this.openRows.get(), this.gazetteer.snapshot()]);
    const r = rows.find((x) => x.orgId === orgId);
    const place = r?.homeId ? snap.places.get(r.homeId) : undefined;
    return r && place ? this.view(r, place, continentOf(place.country, this.continents), false) : null;
  }

  private view(
    r: ListingRow,
    place: ListingView['place'],
    continent: Continent | null,
    signedIn: boolean,
  ): ListingView {
    return {
      id: r.id,
      org: { slug: r.orgSlug, name: r.orgName },
      place,
      continent,
      countries: r.countries,
      continents: r.continents,
      fields: r.fields,
      note: r.note,
      updatedAt: r.updatedAt,
      contact: signedIn ? { name: r.contactName, email: r.contactEmail } : null,
    };
  }

  private async editable(actor: Acting, slug: string): Promise<Organization> {
    const org = await this.store.orgs.bySlug(slug);
    if (!org) throw new NotFoundError(`There is no organization at /orgs/${slug}.`);
    this.can.requireEditor(actor, org);
    return org;
  }

  /** The organization's listing as its editors edit it. */
  async editor(actor: Acting, slug: string): Promise<ListingEditorView> {
    const org = await this.editable(actor, slug);
    const [listing, snap] = await Promise.all([this.store.seeking.ofOrg(org.id), this.gazetteer.snapshot()]);
    return { org, home: (org.homeId && snap.places.get(org.homeId)) || null, listing: listing ?? null };
  }

  /** Publishes (or changes and keeps open) the organization's listing; ValidationError lists every problem. */
  async publish(actor: Acting, slug: string, form: ListingForm, now = new Date()): Promise<Listing> {
    const org = await this.editable(actor, slug);
    if (!org.homeId)
      throw new ValidationError(
        `${org.name} has no home place: a listing says which place seeks partners, so give the organization its home first.`,
      );
    const { value, problems } = validateListing(form);
    if (problems.length)
      throw new ValidationError(
        `The listing cannot be published: ${problems.map((p) => `${p.column} ${p.message}`).join('; ')}.`,
        problems,
      );
    const before = await this.store.seeking.ofOrg(org.id);
    return this.writes.run(actor, now, async (tx, note) => {
      const saved = await tx.seeking.put(org.id, value, 'open', now.toISOString());
      note({
        revision: {
          entity: 'seeking',
          entityId: String(saved.id),
          action: before ? 'edit' : 'create',
          data: saved,
        },
        audit: { action: 'seeking.publish', subject: `org:${org.id}`, detail: org.slug },
        bump: 'content',
      });
      return saved;
    });
  }

  /** Closes the organization's listing: it leaves /seeking and the suggestions, and can be published again. */
  async withdraw(actor: Acting, slug: string, now = new Date()): Promise<void> {
    const org = await this.editable(actor, slug);
    const listing = await this.store.seeking.ofOrg(org.id);
    if (!listing || listing.status !== 'open')
      throw new NotFoundError(`${org.name} has no open listing to withdraw.`);
    await this.writes.run(actor, now, async (tx, note) => {
      const saved = await tx.seeking.put(org.id, listing, 'closed', now.toISOString());
      note({
        revision: { entity: 'seeking', entityId: String(saved.id), action: 'withdraw', data: saved },
        audit: { action: 'seeking.withdraw', subject: `org:${org.id}`, detail: org.slug },
        bump: 'content',
      });
    });
  }
}
