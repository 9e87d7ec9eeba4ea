import type { Kysely, Selectable } from 'kysely';
import type { Organization, OrgKind, OrgRole } from '../domain/organizations.js';
import type { DB, OrganizationsTable } from './schema.js';

const toOrg = (r: Selectable<OrganizationsTable>): Organization => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  kind: r.kind as OrgKind,
  homeId: r.home_id,
  about: r.about,
  createdAt: r.created_at,
});

export interface Membership {
  userId: number;
  email: string;
  name: string;
  role: OrgRole;
}

/** Organizations and who holds which role in them. */
export class OrgsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  async create(
    o: { slug: string; name: string; kind: OrgKind; homeId: string | null; about: string },
    now: string,
  ): Promise<Organization> {
    const r = await this.db
      .insertInto('organizations')
      .values({
        slug: o.slug,
        name: o.name,
        kind: o.kind,
        home_id: o.homeId,
        about: o.about,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toOrg(r);
  }

  async update(
    id: number,
    o: { slug: string; name: string; kind: OrgKind; homeId: string | null; about: string },
  ): Promise<void> {
    await this.db
      .updateTable('organizations')
      .set({ slug: o.slug, name: o.name, kind: o.kind, home_id: o.homeId, about: o.about })
      .where('id', '=', id)
      .execute();
  }

  async bySlug(slug: string): Promise<Organization | undefined> {
    const r = await this.db
      .selectFrom('organizations')
      .selectAll()
      .where('slug', '=', slug)
      .executeTakeFirst();
    return r ? toOrg(r) : undefined;
  }

  async byId(id: number): Promise<Organization | undefined> {
    const r = await this.db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toOrg(r) : undefined;
  }

  async list(): Promise<Organization[]> {
    return (await this.db.selectFrom('organizations').selectAll().orderBy('name').execute()).map(toOrg);
  }

  /** Organizations whose home is one of the places. */
  async withHomeIn(placeIds: string[]): Promise<Organization[]> {
    if (!placeIds.length) return [];
    const rows = await this.db
      .selectFrom('organizations')
      .selectAll()
      .where('home_id', 'in', placeIds)
      .execute();
    return rows.map(toOrg);
  }

  async members(orgId: number): Promise<Membership[]> {
    const rows = await this.db
      .selectFrom('org_roles as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['u.id', 'u.email', 'u.name', 'r.role'])
      .where('r.org_id', '=', orgId)
      .orderBy('u.email')
      .execute();
    return rows.map((r) => ({ userId: r.id, email: r.email, name: r.name, role: r.role as OrgRole }));
  }

  /** The user's roles: organization id → role. */
  async rolesOf(userId: number): Promise<Map<number, OrgRole>> {
    const rows = await this.db
      .selectFrom('org_roles')
      .select(['org_id', 'role'])
      .where('user_id', '=', userId)
      .execute();
    return new Map(rows.map((r) => [r.org_id, r.role as OrgRole]));
  }

  async setRole(orgId: number, userId: number, role: OrgRole): Promise<void> {
    await this.db
      .insertInto('org_roles')
      .values({ org_id: orgId, user_id: userId, role })
      .onConflict((oc) => oc.columns(['org_id', 'user_id']).doUpdateSet({ role }))
      .execute();
  }

  /** A role waiting for whoever confirms this address (one per organization and address; the last one wins). */
  async invite(orgId: number, email: string, role: OrgRole, by: number | null, now: string): Promise<void> {
    await this.db
      .insertInto('org_invites')
      .values({ org_id: orgId, email, role, invited_by: by, created_at: now })
      .onConflict((oc) =>
        oc.columns(['org_id', 'email']).doUpdateSet({ role, invited_by: by, created_at: now }),
      )
      .execute();
  }

  async invitesOf(orgId: number): Promise<{ email: string; role: OrgRole; createdAt: string }[]> {
    const rows = await this.db
      .selectFrom('org_invites')
      .select(['email', 'role', 'created_at'])
      .where('org_id', '=', orgId)
      .orderBy('email')
      .execute();
    return rows.map((r) => ({ email: r.email, role: r.role as OrgRole, createdAt: r.created_at }));
  }

  async withdrawInvite(orgId: number, email: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom('org_invites')
      .where('org_id', '=', orgId)
      .where('email', '=', email)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** The roles waiting for an address, taken (removed) to be given to its confirmed account. */
  async takeInvites(email: string): Promise<{ orgId: number; role: OrgRole }[]> {
    const rows = await this.db
      .selectFrom('org_invites')
      .select(['org_id', 'role'])
      .where('email', '=', email)
      .execute();
    if (rows.length) await this.db.deleteFrom('org_invites').where('email', '=', email).execute();
    return rows.map((r) => ({ orgId: r.org_id, role: r.role as OrgRole }));
  }

  async removeRole(orgId: number, userId: number): Promise<boolean> {
    const r = await this.db
      .deleteFrom('org_roles')
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
