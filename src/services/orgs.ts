import type { User } from '../domain/accounts.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.js';
import {
  ORG_ROLES,
  validateOrg,
  type Organization,
  type OrgInput,
  type OrgRole,
} from '../domain/organizations.js';
import { isDeleted, isEmail, normalizeEmail } from '../domain/accounts.js';
import { checkLimit } from './limits.js';
import { MailService } from './mail.js';
import { inviteMail, isMailLang } from './mail-text.js';
import { isUniqueViolation } from '../store/db.js';
import type { Store } from '../store/store.js';
import type { DataVersion } from './data-version.js';
import { Writes } from './writes.js';

/** invitations one editor may send in a while */
export const INVITE_LIMIT = { max: 20, minutes: 60 };

/** A signed-in user with their roles. */
export interface Actor {
  user: User;
  /** organization id → role */
  roles: Map<number, OrgRole>;
}

/** The command line: the machine's operator, who may do everything. Never what a web request acts as. */
export const SYSTEM = 'system' as const;
/** Who is acting: a signed-in user, or the command line. */
export type Acting = Actor | typeof SYSTEM;

/** The id of the acting user, for the audit log and revisions; null for the command line. */
export const userIdOf = (a: Acting): number | null => (a === SYSTEM ? null : a.user.id);

export async function actorOf(store: Store, user: User): Promise<Actor> {
  return { user, roles: await store.orgs.rolesOf(user.id) };
}

/**
 * The permission rules, in one place:
 * - a site admin may do everything;
 * - an organization's editor may edit the organization, its people and content, and the registry content of
 *   its home place, the home's ties and the places tied to the home (the partner profiles it keeps);
 * - a member may sign in and take part (comment), but edits nothing;
 * - an editor of one organization may not touch another organization's content.
 */
export class Permissions {
  constructor(private readonly store: Store) {}

  isAdmin(actor: Acting): boolean {
    return actor === SYSTEM || actor.user.isAdmin;
  }

  isEditorOf(actor: Acting, orgId: number): boolean {
    return actor === SYSTEM || actor.user.isAdmin || actor.roles.get(orgId) === 'editor';
  }

  /** The homes of the organizations the actor edits. */
  private async editedHomes(actor: Actor): Promise<string[]> {
    const ids = [...actor.roles].filter(([, r]) => r === 'editor').map(([id]) => id);
    const homes: string[] = [];
    for (const id of ids) {
      const org = await this.store.orgs.byId(id);
      if (org?.homeId) homes.push(org.homeId);
    }
    return homes;
  }

  async mayEditPlace(actor: Acting, placeId: string): Promise<boolean> {
    if (actor === SYSTEM || actor.user.isAdmin) return true;
    for (const home of await this.editedHomes(actor)) {
      if (home === placeId || (await this.store.twinnings.between(home, placeId))) return true;
    }
    return false;
  }

  async mayEditTie(actor: Acting, tieId: number): Promise<boolean> {
    if (actor === SYSTEM || actor.user.isAdmin) return true;
    const tie = await this.store.twinnings.get(tieId);
    if (!tie) return false;
    const homes = await this.editedHomes(actor);
    return homes.includes(tie.a) || homes.includes(tie.b);
  }

  requireAdmin(actor: Acting): void {
    if (!this.isAdmin(actor)) throw new ForbiddenError('Only a site admin may do this.');
  }

  requireEditor(actor: Acting, org: Organization): void {
    if (!this.isEditorOf(actor, org.id))
      throw new ForbiddenError(`Only an editor of ${org.name} or a site admin may do this.`);
  }
}

/** Organizations and the roles users hold in them; every change of a role is in the audit log. */
export class OrgsService {
  readonly can: Permissions;
  private readonly writes: Writes;

  constructor(
    private readonly store: Store,
    /** the site's address, for the sign-up link in invitations */
    private readonly publicUrl = '',
    /** told when an organization's details change, so pages that name it follow */
    version?: DataVersion,
  ) {
    this.can = new Permissions(store);
    this.writes = new Writes(store, version);
  }

  async get(slug: string): Promise<Organization> {
    const org = await this.store.orgs.bySlug(slug);
    if (!org) throw new NotFoundError(`There is no organization at /orgs/${slug}.`);
    return org;
  }

  private async checked(input: OrgInput) {
    const v = validateOrg(input);
    if (v.homeId && !(await this.store.places.get(v.homeId)))
      throw new ValidationError(`There is no place with id ${v.homeId}; find it with the search.`);
    return v;
  }

  async create(actor: Acting, input: OrgInput, now = new Date()): Promise<Organization> {
    this.can.requireAdmin(actor);
    const v = await this.checked(input);
    const taken = () => new ValidationError(`The address /orgs/${v.slug} is taken; choose another.`);
    if (await this.store.orgs.bySlug(v.slug)) throw taken();
    try {
      return await this.writes.run(actor, now, async (tx, note) => {
        const org = await tx.orgs.create(v, now.toISOString());
        note({ audit: { action: 'org.add', subject: `org:${org.id}`, detail: org.slug }, bump: 'content' });
        return org;
      });
    } catch (e) {
      throw isUniqueViolation(e) ? taken() : e;
    }
  }

  async update(
    actor: Acting,
    org: Organization,
    input: OrgInput,
    now = new Date(),
    action: 'edit' | 'restore' = 'edit',
  ): Promise<Organization> {
    this.can.requireEditor(actor, org);
    const v = await this.checked(input);
    // only a site admin moves an organization to another home: the home decides what its editors may edit
    if (v.homeId !== org.homeId) this.can.requireAdmin(actor);
    const other = await this.store.orgs.bySlug(v.slug);
    if (other && other.id !== org.id)
      throw new ValidationError(`The address /orgs/${v.slug} is taken; choose another.`);
    await this.writes.run(actor, now, async (tx, note) => {
      // before the first edit, the details as they were made, so that they can be restored
      if (!(await tx.revisions.of('org', String(org.id), 1)).length) {
        const { name, slug, kind, homeId, about } = org;
        const data = { name, slug, kind, homeId, about };
        note({
          revision: {
            entity: 'org',
            entityId: String(org.id),
            action: 'original',
            data,
            userId: null,
            at: org.createdAt,
          },
        });
      }
      await tx.orgs.update(org.id, v);
      // the name and the text show on its pages and beside its entries
      note({ revision: { entity: 'org', entityId: String(org.id), action, data: v }, bump: 'content' });
    });
    return (await this.store.orgs.byId(org.id))!;
  }

  /** The edits of an organization's details, newest first (its editors and site admins). */
  async history(actor: Acting, org: Organization) {
    this.can.requireEditor(actor, org);
    return this.store.revisions.of('org', String(org.id));
  }

  /** Puts an organization's details back as an old revision had them. */
  async restore(actor: Acting, revisionId: number, now = new Date()): Promise<Organization> {
    const rev = await this.store.revisions.get(revisionId);
    const org = rev?.entity === 'org' ? await this.store.orgs.byId(Number(rev.entityId)) : undefined;
    if (!rev || !org) throw new NotFoundError(`There is no revision ${revisionId} of an organization.`);
    return this.update(actor, org, JSON.parse(rev.data) as OrgInput, now, 'restore');
  }

  /** Gives a user (by address; they must have signed up) a role in the organization. */
  /**
   * Gives someone a role by their address. Without an account yet they are invited: a mail asks them to sign
   * up, and the role is theirs once an account with that address is confirmed. Answers which it was.
   */
  async grant(
    actor: Acting,
    org: Organization,
    email: string,
    role: string,
    now = new Date(),
  ): Promise<'granted' | 'invited'> {
    this.can.requireEditor(actor, org);
    if (!(ORG_ROLES as readonly string[]).includes(role))
      throw new ValidationError(`"${role}" is not a role; use one of ${ORG_ROLES.join(', ')}.`);
    const address = normalizeEmail(email);
    if (!isEmail(address)) throw new ValidationError(`"${email.trim()}" is not an e-mail address.`);
    const user = await this.store.users.byEmail(address);
    // invitations are mail to strangers: a few an hour from each editor
    const bucket = actor === SYSTEM ? null : `invite:user:${actor.user.id}`;
    if (!user && bucket) {
      await checkLimit(this.store, bucket, INVITE_LIMIT, 'invitations from you', now);
      await this.store.users.addAttempt(bucket, now.toISOString());
    }
    await this.store.transaction(async (tx) => {
      if (user) await tx.orgs.setRole(org.id, user.id, role as OrgRole);
      else {
        await tx.orgs.invite(org.id, address, role as OrgRole, userIdOf(actor), now.toISOString());
        const from = actor === SYSTEM ? null : actor.user;
        const mail = inviteMail({
          org: org.name,
          by: from?.name ?? null,
          role: role as OrgRole,
          link: `${this.publicUrl}/signup?email=${encodeURIComponent(address)}`,
        })(from && isMailLang(from.lang) ? from.lang : 'en');
        await MailService.queue(tx, { to: address, ...mail }, now);
      }
      await tx.users.audit({
        at: now.toISOString(),
        actorId: userIdOf(actor),
        action: user ? 'role.grant' : 'role.invite',
        subject: user ? `user:${user.id}` : `email:${address}`,
        detail: `${org.slug}:${role}`,
      });
    });
    return user ? 'granted' : 'invited';
  }

  /** Takes back an invitation not yet taken up. */
  async withdrawInvite(actor: Acting, org: Organization, email: string, now = new Date()): Promise<void> {
    this.can.requireEditor(actor, org);
    const address = normalizeEmail(email);
    if (!(await this.store.orgs.withdrawInvite(org.id, address)))
      throw new NotFoundError(`${address} has no invitation to ${org.name}.`);
    await this.store.users.audit({
      at: now.toISOString(),
      actorId: userIdOf(actor),
      action: 'role.invite.withdraw',
      subject: `email:${address}`,
      detail: org.slug,
    });
  }

  async revoke(actor: Acting, org: Organization, userId: number, now = new Date()): Promise<void> {
    this.can.requireEditor(actor, org);
    await this.store.transaction(async (tx) => {
      if (!(await tx.orgs.removeRole(org.id, userId)))
        throw new NotFoundError('That person holds no role here.');
      await tx.users.audit({
        at: now.toISOString(),
        actorId: userIdOf(actor),
        action: 'role.revoke',
        subject: `user:${userId}`,
        detail: org.slug,
      });
    });
  }

  /** Makes a user a site admin or takes it away (site admins only; nobody removes their own). */
  async setAdmin(actor: Acting, userId: number, admin: boolean, now = new Date()): Promise<void> {
    this.can.requireAdmin(actor);
    if (!admin && userIdOf(actor) === userId)
      throw new ValidationError('You cannot remove your own admin role; ask another admin.');
    const user = await this.store.users.byId(userId);
    if (!user) throw new NotFoundError(`There is no user ${userId}.`);
    await this.store.transaction(async (tx) => {
      await tx.users.setAdmin(userId, admin);
      await tx.users.audit({
        at: now.toISOString(),
        actorId: userIdOf(actor),
        action: admin ? 'role.grant' : 'role.revoke',
        subject: `user:${userId}`,
        detail: 'admin',
      });
    });
  }

  /**
   * Deletes someone's account on their request (site admins only, typing its address to confirm): as when
   * they delete it themselves, what identifies them goes and their comments and edits stay under "Former
   * member". Admins delete their own account on their account page.
   */
  async deleteUser(actor: Acting, userId: number, confirm: string, now = new Date()): Promise<void> {
    this.can.requireAdmin(actor);
    if (userIdOf(actor) === userId)
      throw new ValidationError('Delete your own account on your account page, with your password.');
    const user = await this.store.users.byId(userId);
    if (!user || isDeleted(user)) throw new NotFoundError(`There is no user ${userId}.`);
    if (normalizeEmail(confirm) !== user.email)
      throw new ValidationError(`Type the account's address (${user.email}) to confirm.`);
    await this.store.transaction(async (tx) => {
      await tx.users.anonymize(userId, now.toISOString());
      await tx.users.audit({
        at: now.toISOString(),
        actorId: userIdOf(actor),
        action: 'user.delete',
        subject: `user:${userId}`,
      });
      // the name under their comments changes on pages that may be cached
      await tx.meta.bumpContentVersion();
    });
  }

  /** Disables an account (it can no longer sign in; its sessions end) or enables it again. */
  async setDisabled(actor: Acting, userId: number, disabled: boolean, now = new Date()): Promise<void> {
    this.can.requireAdmin(actor);
    if (userIdOf(actor) === userId) throw new ValidationError('You cannot disable your own account.');
    if (!(await this.store.users.byId(userId))) throw new NotFoundError(`There is no user ${userId}.`);
    await this.store.transaction(async (tx) => {
      await tx.users.setDisabled(userId, disabled ? now.toISOString() : null);
      if (disabled) await tx.users.removeSessionsOf(userId);
      await tx.users.audit({
        at: now.toISOString(),
        actorId: userIdOf(actor),
        action: disabled ? 'user.disable' : 'user.enable',
        subject: `user:${userId}`,
      });
    });
  }
}

/**
 * Gives a user the roles their address was invited to; called in the transaction that confirms the address
 * (sign-up confirmation, a password reset by mail, an address change, an account made by an admin).
 */
export async function takeInvites(tx: Store, user: User, now: Date): Promise<void> {
  for (const { orgId, role } of await tx.orgs.takeInvites(user.email)) {
    await tx.orgs.setRole(orgId, user.id, role);
    const org = await tx.orgs.byId(orgId);
    await tx.users.audit({
      at: now.toISOString(),
      actorId: user.id,
      action: 'role.grant',
      subject: `user:${user.id}`,
      detail: `${org?.slug ?? orgId}:${role} (invited)`,
    });
  }
}
