import type { Kysely, Selectable } from 'kysely';
import type { Continent } from '../domain/countries.js';
import type { Listing, ListingInput, ListingStatus, SeekingField } from '../domain/seeking.js';
import type { DB, SeekingListingsTable } from './schema.js';

/** A listing with the organization that publishes it and its home place. */
export interface ListingRow extends Listing {
  orgSlug: string;
  orgName: string;
  homeId: string | null;
}

const list = <T>(json: string): T[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
};

function toListing(r: Selectable<SeekingListingsTable>): Listing {
  return {
    id: r.id,
    orgId: r.org_id,
    status: r.status as ListingStatus,
    countries: list<string>(r.countries),
    continents: list<Continent>(r.continents),
    fields: list<SeekingField>(r.fields),
    note: r.note,
    contactName: r.contact_name,
    contactEmail: r.contact_email,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** "Seeking partners" listings, one per organization. */
export class SeekingRepo {
  constructor(private readonly db: Kysely<DB>) {}

  async ofOrg(orgId: number): Promise<Listing | undefined> {
    const r = await this.db
      .selectFrom('seeking_listings')
      .selectAll()
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    return r ? toListing(r) : undefined;
  }

  /** Every open listing with its organization, newest first. */
  async open(): Promise<ListingRow[]> {
    const rows = await this.db
      .selectFrom('seeking_listings as l')
      .innerJoin('organizations as o', 'o.id', 'l.org_id')
      .selectAll('l')
      .select(['o.slug as org_slug', 'o.name as org_name', 'o.home_id as home_id'])
      .where('l.status', '=', 'open')
      .orderBy('l.updated_at', 'desc')
      .orderBy('l.id', 'desc')
      .execute();
    return rows.map((r) => ({
      ...toListing(r),
      orgSlug: r.org_slug,
      orgName: r.org_name,
      homeId: r.home_id,
    }));
  }

  /** Writes an organization's listing as given (made on first publication); the stored listing. */
  async put(orgId: number, input: ListingInput, status: ListingStatus, now: string): Promise<Listing> {
    const values = {
      status,
      countries: JSON.stringify(input.countries),
      continents: JSON.stringify(input.continents),
      fields: JSON.stringify(input.fields),
      note: input.note,
      contact_name: input.contactName,
      contact_email: input.contactEmail,
      updated_at: now,
    };
    await this.db
      .insertInto('seeking_listings')
      .values({ org_id: orgId, created_at: now, ...values })
      .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
      .execute();
    return (await this.ofOrg(orgId))!;
  }
}
