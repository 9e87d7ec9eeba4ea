import { createHash, randomBytes } from 'node:crypto';
import { isDeleted } from '../domain/accounts.js';
import { NotFoundError, ValidationError } from '../domain/errors.js';
import type { Organization } from '../domain/organizations.js';
import type { ApiKey } from '../store/api-keys-repo.js';
import type { Store } from '../store/store.js';
import type { DataVersion } from './data-version.js';
import { takeRate, type Limit, type RateState } from './limits.js';
import { Permissions, actorOf, userIdOf, type Acting, type Actor } from './orgs.js';
import { Writes } from './writes.js';

/** How many writes one key may make in a while (every request with the key counts, refused ones too). */
export const API_KEY_LIMIT: Limit = { max: 60, minutes: 1 };

/** What a key's secret looks like: `tw_` and 32 random bytes in base64url. */
export const SECRET = /^tw_[A-Za-z0-9_-]{43}$/;
/** How much of the secret lists show: the marker and eight characters, enough to tell keys apart. */
const PREFIX_LENGTH = 11;
/** A key's last use is written at most this often (a busy key would otherwise write on every request). */
const TOUCH_EVERY_MS = 60_000;
export const MAX_LABEL = 100;

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('base64url');

/** A key as its organization's page lists it: whether it still works, and why not. */
export interface ListedKey extends ApiKey {
  /** 'active'; 'revoked'; 'orphaned': its maker is no longer an editor of the organization (nor a site admin) */
  state: 'active' | 'revoked' | 'orphaned';
}

/** The API keys page of an organization. */
export interface ApiKeysView {
  org: Organization;
  keys: ListedKey[];
  limit: Limit;
}

/**
 * Organizations' API keys, for their own systems to write through the API. An organization's editors (and site
 * admins) make, list and revoke them. A secret is shown once, when made; only its SHA-256 is kept. A request
 * with a key acts as the key's maker with the organization's editor role alone, never more: not as a site
 * admin, not with the maker's roles elsewhere. A key stops working when revoked, or when its maker is no
 * longer an editor of the organization (nor a site admin), or their account is disabled or deleted.
 */
export class ApiKeysService {
  private readonly can: Permissions;
  private readonly writes: Writes;

  constructor(
    private readonly store: Store,
    version?: DataVersion,
    private readonly limit: Limit = API_KEY_LIMIT,
  ) {
    this.can = new Permissions(store);
    this.writes = new Writes(store, version);
  }

  private async org(actor: Acting, slug: string): Promise<Organization> {
    const org = await this.store.orgs.bySlug(slug);
    if (!org) throw new NotFoundError(`There is no organization at /orgs/${slug}.`);
    this.can.requireEditor(actor, org);
    return org;
  }

  /** The organization's keys, newest first, each with whether it works (its editors and site admins). */
  async view(actor: Acting, slug: string): Promise<ApiKeysView> {
    const org = await this.org(actor, slug);
    const keys = await this.store.apiKeys.ofOrg(org.id);
    const makers = new Map<number, boolean>();
    for (const id of new Set(keys.map((k) => k.createdBy).filter((x): x is number => x !== null)))
      makers.set(id, (await this.makerActor(id, org.id)) !== null);
    return {
      org,
      limit: this.limit,
      keys: keys.map((k) => ({
        ...k,
        state: k.revokedAt
          ? 'revoked'
          : k.createdBy !== null && makers.get(k.createdBy)
            ? 'active'
            : 'orphaned',
      })),
    };
  }

  /** Makes a key; the secret is in the answer and nowhere else. */
  async create(
    actor: Acting,
    slug: string,
    label: string,
    now = new Date(),
  ): Promise<{ org: Organization; key: ApiKey; secret: string }> {
    const org = await this.org(actor, slug);
    const name = label.trim();
    if (!name || name.length > MAX_LABEL) {
      const message = name
        ? `The label is at most ${MAX_LABEL} characters long.`
        : 'The label is required: say what will use the key.';
      throw new ValidationError(message, [{ column: 'label', message }]);
    }
    const secret = `tw_${randomBytes(32).toString('base64url')}`;
    const prefix = secret.slice(0, PREFIX_LENGTH);
    const id = await this.writes.run(actor, now, async (tx, note) => {
      const made = await tx.apiKeys.create({
        orgId: org.id,
        label: name,
        secretHash: hashSecret(secret),
        prefix,
        createdBy: userIdOf(actor),
        createdAt: now.toISOString(),
      });
      note({ audit: { action: 'apikey.add', subject: `org:${org.id}`, detail: `${prefix}… ${name}` } });
      return made;
    });
    return { org, key: (await this.store.apiKeys.get(id))!, secret };
  }

  async revoke(actor: Acting, slug: string, keyId: number, now = new Date()): Promise<ApiKey> {
    const org = await this.org(actor, slug);
    const key = await this.store.apiKeys.get(keyId);
    if (!key || key.orgId !== org.id) throw new NotFoundError(`${org.name} has no API key ${keyId}.`);
    await this.writes.run(actor, now, async (tx, note) => {
      // revoked twice (two tabs): the first time counts, the second changes nothing
      if (await tx.apiKeys.revoke(key.id, userIdOf(actor), now.toISOString()))
        note({
          audit: { action: 'apikey.revoke', subject: `org:${org.id}`, detail: `${key.prefix}… ${key.label}` },
        });
    });
    return key;
  }

  /**
   * Who a request with this secret acts as: the key's maker with the organization's editor role alone; null for
   * a secret that is no key, or a key revoked or no longer working. Records the use (once a minute at most).
   */
  async authenticate(secret: string, now = new Date()): Promise<Actor | null> {
    if (!SECRET.test(secret)) return null;
    const key = await this.store.apiKeys.byHash(hashSecret(secret));
    if (!key || key.revokedAt || key.createdBy === null) return null;
    const maker = await this.makerActor(key.createdBy, key.orgId);
    if (!maker) return null;
    await this.store.apiKeys.touch(
      key.id,
      now.toISOString(),
      new Date(now.getTime() - TOUCH_EVERY_MS).toISOString(),
    );
    return {
      user: { ...maker.user, isAdmin: false },
      roles: new Map([[key.orgId, 'editor']]),
      apiKey: { id: key.id, prefix: key.prefix, orgId: key.orgId },
    };
  }

  /**
   * Counts a request made with a key against its limit; `onState` hears where the key stands (for the
   * `RateLimit-*` headers), and a full key is a TooManyError (429).
   */
  async take(actor: Actor, now: Date, onState: (s: RateState) => void): Promise<RateState> {
    const id = actor.apiKey?.id ?? 0;
    return takeRate(this.store, `apikey:${id}`, this.limit, 'writes with this API key', now, onState);
  }

  /** The maker of an organization's key as an actor, if they may still act for it (an editor or site admin). */
  private async makerActor(userId: number, orgId: number): Promise<Actor | null> {
    const user = await this.store.users.byId(userId);
    if (!user || user.disabledAt || isDeleted(user)) return null;
    const actor = await actorOf(this.store, user);
    return this.can.isEditorOf(actor, orgId) ? actor : null;
  }
}
