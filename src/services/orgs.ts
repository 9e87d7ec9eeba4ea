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
import { normalizeName } from '../domain/names.js';
import type { Place } from '../domain/places.js';
import type { DataVersion } from './data-version.js';
import { takeLimit } from './limits.js';
import { MailService } from './mail.js';
import { inviteMail, isMailLang } from './mail-text.js';
import { Writes, type WriteNotes } from './writes.js';
import { isUniqueViolation } from '../store/db.js';
import type { PlaceHit } from '../store/places-repo.js';
import type { Store } from '../store/store.js';

/** invitations one editor may send in a while */
export const INVITE_LIMIT = { max: 20, minutes: 60 };

/** A signed-in user with their roles. */
export interface Actor {
  user: User;
  /** organization id → role */
  roles: Map<number, OrgRole>;
  /**
   * Set when the request came with an organization's API key: the actor is then the key's maker, acting with
   * that organization's editor role alone (never as a site admin). Audit entries name the key.
   */
  apiKey?: { id: number; prefix: string; orgId: number };
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
  async editedHomes(actor: Actor): Promise<string[]> {
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

  /**
   * Whether the actor may add a tie between two places: site admins any, an organization's editors one of
   * their home.
   */
  async mayAddTie(actor: Acting, a: string, b: string): Promise<boolean> {
    if (this.isAdmin(actor)) return true;
    const homes = await this.editedHomes(actor as Actor);
    return homes.includes(a) || homes.includes(b);
  }

  /** Whether the actor may add a place (to tie it to a home): site admins, and editors of an organization with a home. */
  async mayAddPlace(actor: Acting): Promise<boolean> {
    return this.isAdmin(actor) || (await this.editedHomes(actor as Actor)).length > 0;
  }

  /** Ties between these places, made or changed as a whole: a site admin, or an editor of either's home. */
  async mayEditPair(actor: Acting, a: string, b: string): Promise<boolean> {
    if (actor === SYSTEM || actor.user.isAdmin) return true;
    const homes = await this.editedHomes(actor);
    return homes.includes(a) || homes.includes(b);
  }

  requireAdmin(actor: Acting): void {
    if (!this.isAdmin(actor)) throw new ForbiddenError('Only a site admin may do this.');
  }

  requireEditor(actor: Acting, org: Organization): void {
    if (!this.isEditorOf(actor, org.id))
      throw new ForbiddenError(`Only an editor of ${org.name} or a site admin may do this.`);
  }
}

/** What an organization's page for its editors shows: its details, people, invitations and photo room. */
export interface ManageView {
  org: Organization;
  /** the home place, named */
  home: Place | null;
  members: Awaited<ReturnType<Store['orgs']['members']>>;
  invites: Awaited<ReturnType<Store['orgs']['invitesOf']>>;
  photoBytes: number;
  photoQuotaBytes: number;
  /** only a site admin moves an organization to another home */
  mayMoveHome: boolean;
}

/** Organizations and the roles users hold in them; every change of a role is in the audit log. */
export class OrgsService {
  readonly can: Permissions;
  private readonly writes: Writes;

  constructor(
    private readonly store: Store,
    /** the site's address, for the sign-up link in invitations */
    private readonly publicUrl = '',
    private readonly opts: {
      /** told when a change shows on public pages (a deleted account's name under its comments) */
      version?: DataVersion;
      /** how many bytes of photos each organization may keep */
      photoQuotaBytes?: number;
    } = {},
  ) {
    this.can = new Permissions(store);
    this.writes = new Writes(store, opts.version);
  }

  async get(slug: string): Promise<Organization> {
    const org = await this.store.orgs.bySlug(slug);
    if (!org) throw new NotFoundError(`There is no organization at /orgs/${slug}.`);
    return org;
  }

  /** The organization's page for its editors (and site admins). */
  async manageView(actor: Acting, slug: string): Promise<ManageView> {
    const org = await this.get(slug);
    this.can.requireEditor(actor, org);
    const [home, members, invites, photoBytes] = await Promise.all([
      org.homeId ? this.store.places.get(org.homeId) : undefined,
      this.store.orgs.members(org.id),
      this.store.orgs.invitesOf(org.id),
      this.store.photos.bytesOf(org.id),
    ]);
    return {
      org,
      home: home ?? null,
      members,
      invites,
      photoBytes,
      photoQuotaBytes: this.opts.photoQuotaBytes ?? 0,
      mayMoveHome: this.can.isAdmin(actor),
    };
  }

  /** An organization with the edits of its details, newest first (its editors and site admins). */
  async historyView(actor: Acting, slug: string) {
    const org = await this.get(slug);
    return { org, revisions: await this.history(actor, org) };
  }

  /** Saves the details of the organization at an address (its page for editors). */
  async updateAt(actor: Acting, slug: string, input: OrgInput): Promise<Organization> {
    return this.update(actor, await this.get(slug), input);
  }

  /** The organization itself, or the one at an address (`slug`). */
  private async orgOf(org: Organization | string): Promise<Organization> {
    return typeof org === 'string' ? this.get(org) : org;
  }

  private async checked(input: OrgInput) {
    const v = validateOrg({ ...input, homeId: null });
    return { ...v, homeId: await this.resolveHome(input.homeId) };
  }

  /**
   * The home place from what the form's field holds: an id, a suggestion as the field shows it ("Anshan
   * (Q74957)") or a name in any language. A name several places have asks which (a ValidationError on the
   * field; `homeChoices` lists them).
   */
  private async resolveHome(text: string | null | undefined): Promise<string | null> {
    const typed = (text ?? '').trim();
    if (!typed) return null;
    const id = /\(([A-Za-z0-9][\w.-]{0,99})\)$/.exec(typed)?.[1] ?? typed;
    if (await this.store.places.get(id)) return id;
    const refuse = (message: string) => new ValidationError(message, [{ column: 'homeId', message }]);
    if (id !== typed || /^Q\d+$/.test(typed))
      throw refuse(`There is no place with id ${id}; find it with the search.`);
    const hits = await this.homeChoices(typed);
    if (hits.length === 1 && isNamed(hits[0]!.place, typed)) return hits[0]!.place.id;
    if (!hits.length)
      throw refuse(`No place is called "${typed}"; type the beginning of its name and pick a suggestion.`);
    // a name that only starts like one place's may still mean another: asked, not guessed
    if (hits.length === 1)
      throw refuse(
        `No place is called exactly "${typed}": choose the one below if it is the place you mean.`,
      );
    throw refuse(`Several places are called "${typed}" or start so: choose the one you mean.`);
  }

  /** The places a home field's text may mean: those so named first, else those whose name starts so. */
  async homeChoices(text: string): Promise<PlaceHit[]> {
    const typed = text.trim();
    if (!typed) return [];
    const hits = await this.store.places.search(typed, {}, 10, 0);
    const named = hits.filter((h) => isNamed(h.place, typed));
    return named.length ? named : hits;
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

  /**
   * Gives someone a role by their address. Without an account yet they are invited: a mail asks them to sign
   * up, and the role is theirs once an account with that address is confirmed. Answers which it was.
   */
  async grant(
    actor: Acting,
    orgOrSlug: Organization | string,
    email: string,
    role: string,
    now = new Date(),
  ): Promise<'granted' | 'invited'> {
    const org = await this.orgOf(orgOrSlug);
    this.can.requireEditor(actor, org);
    if (!(ORG_ROLES as readonly string[]).includes(role))
      throw new ValidationError(`"${role}" is not a role; use one of ${ORG_ROLES.join(', ')}.`);
    const address = normalizeEmail(email);
    if (!isEmail(address)) {
      const message = `"${email.trim()}" is not an e-mail address.`;
      throw new ValidationError(message);
    }
    const user = await this.store.users.byEmail(address);
    // invitations are mail to strangers: a few an hour from each editor
    const bucket = actor === SYSTEM ? null : `invite:user:${actor.user.id}`;
    if (!user && bucket) await takeLimit(this.store, bucket, INVITE_LIMIT, 'invitations from you', now);
    await this.writes.run(actor, now, async (tx, note) => {
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
      note({
        audit: {
          action: user ? 'role.grant' : 'role.invite',
          subject: user ? `user:${user.id}` : `email:${address}`,
          detail: `${org.slug}:${role}`,
        },
      });
    });
    return user ? 'granted' : 'invited';
  }

  /** Takes back an invitation not yet taken up. */
  async withdrawInvite(
    actor: Acting,
    orgOrSlug: Organization | string,
    email: string,
    now = new Date(),
  ): Promise<void> {
    const org = await this.orgOf(orgOrSlug);
    this.can.requireEditor(actor, org);
    const address = normalizeEmail(email);
    await this.writes.run(actor, now, async (tx, note) => {
      if (!(await tx.orgs.withdrawInvite(org.id, address)))
        throw new NotFoundError(`${address} has no invitation to ${org.name}.`);
      note({ audit: { action: 'role.invite.withdraw', subject: `email:${address}`, detail: org.slug } });
    });
  }

  async revoke(
    actor: Acting,
    orgOrSlug: Organization | string,
    userId: number,
    now = new Date(),
  ): Promise<void> {
    const org = await this.orgOf(orgOrSlug);
    this.can.requireEditor(actor, org);
    await this.writes.run(actor, now, async (tx, note) => {
      if (!(await tx.orgs.removeRole(org.id, userId)))
        throw new NotFoundError('That person holds no role here.');
      note({ audit: { action: 'role.revoke', subject: `user:${userId}`, detail: org.slug } });
    });
  }

  /** Makes a user a site admin or takes it away (site admins only; nobody removes their own). */
  async setAdmin(actor: Acting, userId: number, admin: boolean, now = new Date()): Promise<void> {
    this.can.requireAdmin(actor);
    if (!admin && userIdOf(actor) === userId)
      throw new ValidationError('You cannot remove your own admin role; ask another admin.');
    const user = await this.store.users.byId(userId);
    if (!user) throw new NotFoundError(`There is no user ${userId}.`);
    await this.writes.run(actor, now, async (tx, note) => {
      await tx.users.setAdmin(userId, admin);
      note({
        audit: { action: admin ? 'role.grant' : 'role.revoke', subject: `user:${userId}`, detail: 'admin' },
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
    if (normalizeEmail(confirm) !== user.email) {
      const message = `Type the account's address (${user.email}) to confirm.`;
      throw new ValidationError(message);
    }
    await this.writes.run(actor, now, async (tx, note) => {
      await tx.users.anonymize(userId, now.toISOString());
      // the name under their comments changes on pages that may be cached
      note({ audit: { action: 'user.delete', subject: `user:${userId}` }, bump: 'content' });
    });
  }

  /** Disables an account (it can no longer sign in; its sessions end) or enables it again. */
  async setDisabled(actor: Acting, userId: number, disabled: boolean, now = new Date()): Promise<void> {
    this.can.requireAdmin(actor);
    if (userIdOf(actor) === userId) throw new ValidationError('You cannot disable your own account.');
    if (!(await this.store.users.byId(userId))) throw new NotFoundError(`There is no user ${userId}.`);
    await this.writes.run(actor, now, async (tx, note) => {
      await tx.users.setDisabled(userId, disabled ? now.toISOString() : null);
      if (disabled) await tx.users.removeSessionsOf(userId);
      note({ audit: { action: disabled ? 'user.disable' : 'user.enable', subject: `user:${userId}` } });
    });
  }
}

/**
 * Gives a user the roles their address was invited to; called in the write that confirms the address (sign-up
 * confirmation, a password reset by mail, an address change, an account made by an admin), whose actor the
 * audit entries name.
 */
export async function takeInvites(tx: Store, user: User, note: (n: WriteNotes) => void): Promise<void> {
  for (const { orgId, role } of await tx.orgs.takeInvites(user.email)) {
    await tx.orgs.setRole(orgId, user.id, role);
    const org = await tx.orgs.byId(orgId);
    note({
      audit: {
        action: 'role.grant',
        subject: `user:${user.id}`,
        detail: `${org?.slug ?? orgId}:${role} (invited)`,
      },
    });
  }
}

/** Whether a place is called exactly this, in any language (as search compares names). */
function isNamed(place: Place, text: string): boolean {
  const q = normalizeName(text);
  return [place.name, ...Object.values(place.names)].some((n) => normalizeName(n) === q);
}
