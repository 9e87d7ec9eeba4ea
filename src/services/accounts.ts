import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import {
  MAX_PASSWORD,
  MIN_PASSWORD,
  validateNewUser,
  FORMER_MEMBER,
  isEmail,
  normalizeEmail,
  type User,
} from '../domain/accounts.js';
import { AuthenticationError, ConflictError, GoneError, ValidationError } from '../domain/errors.js';
import type { Place } from '../domain/places.js';
import type { OrgRole } from '../domain/organizations.js';
import { isUniqueViolation } from '../store/db.js';
import type { NotifyMode, TargetType } from '../store/notify-repo.js';
import type { Store } from '../store/store.js';
import type { DataVersion } from './data-version.js';
import type { TokenPurpose } from '../store/users-repo.js';
import { takeLimit, type Limit, type Slot } from './limits.js';
import { SYSTEM, actorOf, takeInvites, type Acting, type Actor } from './orgs.js';
import { MailService } from './mail.js';
import { MAIL_LANGS, confirmMail, emailChangeMails, isMailLang, resetMail } from './mail-text.js';
import { Writes } from './writes.js';

// Passwords are hashed with scrypt (Node's crypto, OpenSSL): 2^15 iterations of memory-hard work, a random salt
// per password, the parameters stored with the hash so they can be raised later.
const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

function scryptAsync(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, opts, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD)
    throw new ValidationError(
      `The password must be between ${MIN_PASSWORD} and ${MAX_PASSWORD} characters long.`,
    );
}

/** A hash to compare against when the address is unknown, so a failed sign-in takes as long either way. */
let dummyHash: Promise<string> | undefined;

export const SESSION_DAYS = 14;
export const RESET_MINUTES = 60;
export const CONFIRM_DAYS = 7;
export const EMAIL_CHANGE_HOURS = 24;

const TOKEN = /^[\w-]{20,100}$/;
const mailLang = (u: User) => (isMailLang(u.lang) ? u.lang : 'en');

/** An account as the actor of its own writes: the audit log records who; roles play no part in these. */
const asActor = (user: User): Actor => ({ user, roles: new Map() });

/** What a mailed link that is no good any more says, by what it was for. */
const GONE: Record<TokenPurpose, string> = {
  reset:
    'This link has expired or was used already. Ask for a new one on the page "Forgot your password?" of the sign-in form.',
  confirm:
    'This link has expired or was used already. Sign in: your account page sends a new one if the address is not confirmed yet.',
  email: 'This link has expired or was used already. Sign in and ask again on your account page.',
};

/** Uses up a mailed link's token: its user's id and detail; GoneError when it is no good (any more). */
async function spendToken(tx: Store, token: string, purpose: TokenPurpose, now: Date) {
  const used = TOKEN.test(token)
    ? await tx.users.useToken(hashToken(token), purpose, now.toISOString())
    : undefined;
  if (!used) throw new GoneError(GONE[purpose]);
  return used;
}

/** Queues the link to confirm a new account's address (in the transaction that made the account). */
async function queueConfirmation(tx: Store, user: User, baseUrl: string, now: Date): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  await tx.users.addToken({
    tokenHash: hashToken(token),
    userId: user.id,
    purpose: 'confirm',
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + CONFIRM_DAYS * 86_400_000).toISOString(),
  });
  const link = `${baseUrl.replace(/\/+$/, '')}/confirm/${token}`;
  const mail = confirmMail(user.name, user.email, link, CONFIRM_DAYS)(mailLang(user));
  await MailService.queue(tx, { to: user.email, ...mail }, now);
}

/** A browser that has signed in to an account before (kept in a signed cookie by the web layer). */
export interface Device {
  userId: number;
  id: string;
}

/** A signed-in account: the user, the new session (its token goes in a cookie) and the browser's device. */
export interface SignedIn {
  user: User;
  session: { token: string; expiresAt: Date };
  device: Device;
}

/** What the account page shows: the account, its roles and what it follows. */
export interface AccountView {
  user: User;
  roles: { org: { slug: string; name: string }; role: OrgRole }[];
  /** site admins and editors of an organization moderate comments */
  moderates: boolean;
  follows: FollowView[];
}

/** Something an account follows, with what names it. */
export interface FollowView {
  targetType: TargetType;
  targetId: string;
  mode: NotifyMode;
  subject:
    | { kind: 'place'; place: Place }
    | { kind: 'org'; name: string }
    | { kind: 'replies'; title: string }
    /** gone since (a removed post): named by its id */
    | { kind: 'unknown' };
}

/** How many attempts a bucket allows within its window, counted in the database so app servers agree. */
export const LIMITS = {
  /** failed sign-ins per address */
  signinEmail: { max: 5, minutes: 15 },
  /** failed sign-ins per network address, whatever the account */
  signinIp: { max: 30, minutes: 15 },
  signupIp: { max: 10, minutes: 60 },
  resetIp: { max: 10, minutes: 60 },
  resetEmail: { max: 3, minutes: 60 },
  /** confirmation links sent again, per account */
  confirmUser: { max: 3, minutes: 60 },
} as const;

/**
 * Accounts and sessions. Sessions are random tokens; the database keeps only their SHA-256. Every change that
 * the audit log records is written with its entry through `Writes`.
 */
export class AccountsService {
  private readonly writes: Writes;

  constructor(
    private readonly store: Store,
    /** told when a change shows on public pages (a deleted account's name under its comments) */
    version?: DataVersion,
  ) {
    this.writes = new Writes(store, version);
  }

  /**
   * A new account. Made by the command line or an admin (`actor`; null for nobody: a sign-up), its address
   * counts as confirmed; made by signing up (`confirmAt` = the site's address), it gets a link to confirm the
   * address, queued with the account.
   */
  async addUser(
    input: { email: string; name?: string; password: string; admin?: boolean; lang?: string },
    actor: Acting | null = null,
    now = new Date(),
    confirmAt?: string,
  ): Promise<User> {
    const v = validateNewUser(input);
    const passwordHash = await hashPassword(v.password);
    const message = `${v.email} already has an account.`;
    const taken = () => new ValidationError(message);
    return this.writes
      .run(actor ?? SYSTEM, now, async (tx, note) => {
        if (await tx.users.byEmail(v.email)) throw taken();
        const user = await tx.users.create(
          {
            email: v.email,
            name: v.name,
            passwordHash,
            isAdmin: !!input.admin,
            lang: isMailLang(input.lang) ? input.lang : 'en',
            confirmedAt: confirmAt === undefined ? now.toISOString() : null,
          },
          now.toISOString(),
        );
        if (confirmAt !== undefined) await queueConfirmation(tx, user, confirmAt, now);
        // an account made by an admin or the command line is confirmed: it takes up invitations at once
        else await takeInvites(tx, user, note);
        note({ audit: { action: 'user.add', subject: `user:${user.id}` } });
        if (user.isAdmin)
          note({ audit: { action: 'role.grant', subject: `user:${user.id}`, detail: 'admin' } });
        return user;
      })
      .catch((e: unknown) => {
        // two requests for one address at once: the database's unique index decides
        throw isUniqueViolation(e) ? taken() : e;
      });
  }

  /** Counts an attempt, or refuses with 429 when the bucket is full; the message says when to try again. */
  private throttle(bucket: string, limit: Limit, what: string, now: Date): Promise<Slot> {
    return takeLimit(this.store, bucket, limit, what, now);
  }

  /** A new account from the sign-up form (no roles: an admin or an organization's editor grants them). */
  async signUp(
    input: { email: string; name?: string; password: string; lang?: string },
    ip: string,
    baseUrl: string,
    now = new Date(),
  ) {
    // a form with mistakes is no new account: it is refused before it counts against the network's limit
    validateNewUser(input);
    await this.throttle(`signup:ip:${ip}`, LIMITS.signupIp, 'new accounts from your network', now);
    return this.addUser({ ...input, admin: false }, null, now, baseUrl);
  }

  /** Signs up and signs the new account in: the sign-up form's one step. */
  async register(
    input: { email: string; name?: string; password: string; lang?: string },
    ip: string,
    baseUrl: string,
    now = new Date(),
  ): Promise<SignedIn> {
    const user = await this.signUp(input, ip, baseUrl, now);
    return {
      user,
      session: await this.startSession(user.id, now),
      device: { userId: user.id, id: randomBytes(16).toString('base64url') },
    };
  }

  /** Mails the link to confirm the address again (a few times an hour at most). */
  async resendConfirmation(user: User, baseUrl: string, now = new Date()): Promise<void> {
    if (user.emailConfirmedAt) return;
    const bucket = `confirm:user:${user.id}`;
    await this.throttle(bucket, LIMITS.confirmUser, 'confirmation mails', now);
    await this.store.transaction((tx) => queueConfirmation(tx, user, baseUrl, now));
  }

  /** The account a confirmation link is for, while the link is good. */
  async confirmationUser(token: string, now = new Date()): Promise<User | null> {
    return (await this.linkOf(token, 'confirm', now))?.user ?? null;
  }

  /** The account a confirmation link is for (for the page that asks to use it); GoneError when it is no good. */
  async confirmLink(token: string, now = new Date()): Promise<User> {
    return (await this.link(token, 'confirm', now)).user;
  }

  /** Whether a password reset link is good; GoneError when it is not. */
  async resetLink(token: string, now = new Date()): Promise<void> {
    await this.link(token, 'reset', now);
  }

  /** The account and new address of an address-change link; GoneError when it is no good. */
  async emailLink(token: string, now = new Date()): Promise<{ user: User; email: string }> {
    const { user, detail } = await this.link(token, 'email', now);
    if (!detail) throw new GoneError(GONE.email);
    return { user, email: detail };
  }

  /** The account and detail of a mailed link, while it is good (for the page that asks to use it). */
  private async linkOf(token: string, purpose: TokenPurpose, now: Date) {
    const found = TOKEN.test(token)
      ? await this.store.users.tokenUser(hashToken(token), purpose, now.toISOString())
      : undefined;
    const user = found && (await this.store.users.byId(found.userId));
    return user ? { user, detail: found.detail } : undefined;
  }

  private async link(token: string, purpose: TokenPurpose, now: Date) {
    const found = await this.linkOf(token, purpose, now);
    if (!found) throw new GoneError(GONE[purpose]);
    return found;
  }

  /**
   * Starts moving an account to a new address: with the current password, a link goes to the new address (the
   * change happens when it is opened there) and a word of warning to the old one.
   */
  async requestEmailChange(
    user: User,
    input: { email: string; password: string },
    baseUrl: string,
    now = new Date(),
  ): Promise<string> {
    const email = normalizeEmail(input.email);
    const refuse = (message: string) => new ValidationError(message);
    if (!isEmail(email)) throw refuse(`"${input.email}" is not an e-mail address.`);
    if (email === user.email) throw refuse(`${email} is your address already.`);
    await this.verifyCurrentPassword(user, input.password, now);
    if (await this.store.users.byEmail(email)) throw refuse(`${email} already has an account.`);
    const bucket = `email:user:${user.id}`;
    await this.throttle(bucket, LIMITS.confirmUser, 'address changes', now);
    const token = randomBytes(32).toString('base64url');
    const link = `${baseUrl.replace(/\/+$/, '')}/account/email/${token}`;
    await this.writes.run(asActor(user), now, async (tx, note) => {
      await tx.users.addToken({
        tokenHash: hashToken(token),
        userId: user.id,
        purpose: 'email',
        detail: email,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + EMAIL_CHANGE_HOURS * 3_600_000).toISOString(),
      });
      const texts = emailChangeMails(user.name, user.email, email, link, EMAIL_CHANGE_HOURS);
      await MailService.queue(tx, { to: email, ...texts.toNew(mailLang(user)) }, now);
      await MailService.queue(tx, { to: user.email, ...texts.toOld(mailLang(user)) }, now);
      note({ audit: { action: 'email.change.request', subject: `user:${user.id}`, detail: email } });
    });
    return email;
  }

  /** The account and new address of an address-change link, while it is good. */
  async emailChangeOf(token: string, now = new Date()): Promise<{ user: User; email: string } | null> {
    const found = await this.linkOf(token, 'email', now);
    return found?.detail ? { user: found.user, email: found.detail } : null;
  }

  /**
   * Moves the account to the address the link was sent to (once): GoneError when the link is no good,
   * ConflictError when the address was taken meanwhile (the link stays good then).
   */
  async changeEmail(token: string, now = new Date()): Promise<User> {
    const { user: before } = await this.emailLink(token, now);
    const taken = (email: string) => new ConflictError(`${email} already has an account.`);
    return this.writes
      .run(asActor(before), now, async (tx, note) => {
        const { userId, detail: email } = await spendToken(tx, token, 'email', now);
        const holder = await tx.users.byEmail(email!);
        if (holder && holder.id !== userId) throw taken(email!);
        await tx.users.setEmail(userId, email!, now.toISOString());
        note({
          audit: { action: 'email.change', subject: `user:${userId}`, detail: `${before.email} -> ${email}` },
        });
        const user = (await tx.users.byId(userId))!;
        await takeInvites(tx, user, note);
        return user;
      })
      .catch((e: unknown) => {
        // someone took the address between the check and the change: the unique index decides
        throw isUniqueViolation(e) ? new ConflictError('That address already has an account.') : e;
      });
  }

  /** Confirms the address a link was sent to (once). */
  async confirmEmail(token: string, now = new Date()): Promise<User> {
    const owner = await this.confirmLink(token, now);
    return this.writes.run(asActor(owner), now, async (tx, note) => {
      const { userId } = await spendToken(tx, token, 'confirm', now);
      if (await tx.users.confirmEmail(userId, now.toISOString()))
        note({ audit: { action: 'email.confirm', subject: `user:${userId}` } });
      const user = (await tx.users.byId(userId))!;
      await takeInvites(tx, user, note);
      return user;
    });
  }

  /**
   * Signs in with an address and password: the user, a new session and the browser's device id; an
   * AuthenticationError if either is wrong. Failed attempts are counted per address and per network address; past the limit even a
   * right password waits. A browser that signed in to this account before (`device`, from a signed cookie)
   * has a count of its own instead of the address's and the network's: whoever guesses at an address, or
   * from the owner's network, cannot lock the owner out.
   *
   * Each attempt takes its place in the counts before the password is checked, and gives it back if the
   * password was right: however many arrive at once, no more than a limit's worth of passwords are checked.
   */
  async signIn(
    email: string,
    password: string,
    ip: string,
    now = new Date(),
    device: Device | null = null,
  ): Promise<SignedIn> {
    const address = normalizeEmail(email).slice(0, 254);
    const known = device ? (await this.store.users.byEmail(address))?.id === device.userId : false;
    const byAccount = known ? `signin:device:${device!.id}` : `signin:email:${address}`;
    const account = await this.throttle(
      byAccount,
      LIMITS.signinEmail,
      known ? 'failed sign-ins from this browser' : 'failed sign-ins for this address',
      now,
    );
    let network: Slot | undefined;
    if (!known) {
      try {
        network = await this.throttle(
          `signin:ip:${ip}`,
          LIMITS.signinIp,
          'failed sign-ins from your network',
          now,
        );
      } catch (e) {
        // refused before any password was checked: the address's count stays as it was
        await account.release();
        throw e;
      }
    }
    let user: User | null;
    try {
      user = await this.checkPassword(address, password, now);
    } catch (e) {
      // not a wrong password but a failure on our side: it counts against no one
      await Promise.all([account.release(), network?.release()]);
      throw e;
    }
    // a wrong password keeps its places in the counts
    if (!user) throw new AuthenticationError('The e-mail address or the password is not right.');
    await this.store.users.clearAttempts(byAccount);
    await network?.release();
    return {
      user,
      session: await this.startSession(user.id, now),
      device: { userId: user.id, id: known ? device!.id : randomBytes(16).toString('base64url') },
    };
  }

  /**
   * Mails a link to choose a new password, if the address has an account. The answer is the same either way,
   * so the form does not tell strangers who has an account.
   */
  async requestReset(email: string, ip: string, baseUrl: string, now = new Date()): Promise<void> {
    if (!email.trim()) {
      const message = 'Give the e-mail address of your account.';
      throw new ValidationError(message);
    }
    const address = normalizeEmail(email).slice(0, 254);
    const network = await this.throttle(
      `reset:ip:${ip}`,
      LIMITS.resetIp,
      'password reset requests from your network',
      now,
    );
    try {
      await this.throttle(
        `reset:email:${address}`,
        LIMITS.resetEmail,
        'password reset requests for this address',
        now,
      );
    } catch (e) {
      // refused: nothing was sent, so the network's count stays as it was
      await network.release();
      throw e;
    }
    const user = await this.store.users.byEmail(address);
    if (!user || user.disabledAt) return;
    const token = randomBytes(32).toString('base64url');
    const link = `${baseUrl.replace(/\/+$/, '')}/reset/${token}`;
    // nobody is signed in to ask: the audit entry has no actor
    await this.writes.run(SYSTEM, now, async (tx, note) => {
      await tx.users.addToken({
        tokenHash: hashToken(token),
        userId: user.id,
        purpose: 'reset',
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000).toISOString(),
      });
      const mail = resetMail(user.name, user.email, link, RESET_MINUTES)(mailLang(user));
      await MailService.queue(tx, { to: user.email, ...mail }, now);
      note({ audit: { action: 'password.reset.request', subject: `user:${user.id}` } });
    });
  }

  /** Changes the password of a signed-in user who knows the current one; their other sessions end. */
  async changePassword(
    user: User,
    current: string,
    next: string,
    keepSession: string,
    now = new Date(),
  ): Promise<void> {
    await this.verifyCurrentPassword(user, current, now);
    checkPassword(next);
    const hash = await hashPassword(next);
    await this.writes.run(asActor(user), now, async (tx, note) => {
      await tx.users.setPassword(user.id, hash);
      await tx.users.removeSessionsOf(user.id, hashToken(keepSession));
      note({ audit: { action: 'password.change', subject: `user:${user.id}` } });
    });
  }

  /**
   * Deletes the account of a user who types their password: name, address and everything personal go, their
   * comments and edits stay under "Former member". The last site admin cannot go.
   */
  async deleteAccount(user: User, password: string, now = new Date()): Promise<void> {
    await this.verifyCurrentPassword(user, password, now);
    if (user.isAdmin && (await this.store.users.countAdmins()) <= 1)
      throw new ValidationError('You are the only site admin: make someone else an admin before you go.');
    await this.writes.run(asActor(user), now, async (tx, note) => {
      await tx.users.anonymize(user.id, now.toISOString());
      // the name under their comments changes on pages that may be cached
      note({ audit: { action: 'user.delete', subject: `user:${user.id}` }, bump: 'content' });
    });
  }

  /** Checks the password a signed-in user types to change what matters (password, address, deletion). */
  private async verifyCurrentPassword(user: User, current: string, now: Date): Promise<void> {
    // guessing the current password from a session left open counts like failed sign-ins
    const bucket = `signin:email:${user.email}`;
    const slot = await this.throttle(bucket, LIMITS.signinEmail, 'wrong passwords for this address', now);
    const stored = await this.store.users.byEmail(user.email);
    if (!stored?.passwordHash || !(await verifyPassword(current.slice(0, 1000), stored.passwordHash)))
      throw new ValidationError('The current password is not right.');
    // only wrong passwords count
    await slot.release();
  }

  /** The name shown with a user's comments and edits, and the language of their mail. */
  async rename(user: User, name: string, lang?: string, now = new Date()): Promise<void> {
    const v = (name ?? '').trim();
    const refuse = (message: string) => new ValidationError(message);
    if (!v) throw refuse('The name is empty: write the name others should see.');
    if (v.length > 100) throw refuse('The name is longer than 100 characters.');
    if (v === FORMER_MEMBER) throw refuse(`"${v}" is kept for deleted accounts; choose another name.`);
    if (lang !== undefined && !isMailLang(lang))
      throw refuse(`"${lang}" is not a language of the site's mail (${MAIL_LANGS.join(', ')}).`);
    await this.writes.run(asActor(user), now, async (tx, note) => {
      await tx.users.setName(user.id, v, lang);
      // the name under their comments changes on pages that may be cached
      if (v !== user.name) note({ bump: 'content' });
    });
  }

  async resetTokenValid(token: string, now = new Date()): Promise<boolean> {
    return (
      TOKEN.test(token) &&
      (await this.store.users.tokenUser(hashToken(token), 'reset', now.toISOString())) !== undefined
    );
  }

  /**
   * Sets a new password with a reset link's token (once); every session of the account ends. A link that is
   * no good is said first (GoneError), whatever the password.
   */
  async resetPassword(token: string, password: string, now = new Date()): Promise<User> {
    const { user: owner } = await this.link(token, 'reset', now);
    checkPassword(password);
    const hash = await hashPassword(password);
    return this.writes.run(asActor(owner), now, async (tx, note) => {
      const { userId } = await spendToken(tx, token, 'reset', now);
      await tx.users.setPassword(userId, hash);
      // the link came to the address, so the address is theirs
      await tx.users.confirmEmail(userId, now.toISOString());
      await tx.users.removeSessionsOf(userId);
      note({ audit: { action: 'password.reset', subject: `user:${userId}` } });
      const user = (await tx.users.byId(userId))!;
      await takeInvites(tx, user, note);
      return user;
    });
  }

  /** The user if the password is right and the account is not disabled; every attempt is logged. */
  async checkPassword(email: string, password: string, now = new Date()): Promise<User | null> {
    const found = await this.store.users.byEmail(normalizeEmail(email));
    dummyHash ??= hashPassword('not a password of anyone');
    const ok = await verifyPassword(password.slice(0, 1000), found?.passwordHash ?? (await dummyHash));
    const good = ok && !!found && !found.disabledAt;
    await this.writes.run(good ? asActor(found) : SYSTEM, now, async (_tx, note) =>
      note({
        audit: {
          action: good ? 'signin' : 'signin.failed',
          subject: found ? `user:${found.id}` : undefined,
          detail: found ? undefined : normalizeEmail(email).slice(0, 254),
        },
      }),
    );
    if (!good) return null;
    const { passwordHash: _, ...user } = found;
    return user;
  }

  /** A new session for the user; the token goes in a cookie and is never stored. */
  async startSession(userId: number, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
    await this.store.users.addSession({
      tokenHash: hashToken(token),
      userId,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    });
    return { token, expiresAt };
  }

  async sessionUser(token: string, now = new Date()): Promise<User | null> {
    if (!TOKEN.test(token)) return null;
    return (await this.store.users.sessionUser(hashToken(token), now.toISOString())) ?? null;
  }

  /** The signed-in account of a session with its roles, or null (expired, signed out, disabled). */
  async sessionActor(token: string, now = new Date()): Promise<Actor | null> {
    const user = await this.sessionUser(token, now);
    return user && actorOf(this.store, user);
  }

  /** The key that signs cookies: from the configuration, else made once and kept in the database. */
  async siteSecret(configured: string | null): Promise<string> {
    if (configured) return configured;
    const known = await this.store.meta.get('cookie_secret');
    if (known) return known;
    const made = randomBytes(32).toString('base64url');
    await this.store.meta.set('cookie_secret', made);
    // two servers starting at once: both use what landed
    return (await this.store.meta.get('cookie_secret')) ?? made;
  }

  async endSession(token: string): Promise<void> {
    await this.store.users.removeSession(hashToken(token));
  }

  /** What the account page shows: the account, the organizations it has a role in, what it follows. */
  async accountView(actor: Actor): Promise<AccountView> {
    const [roles, subscriptions] = await Promise.all([
      Promise.all(
        [...actor.roles].map(async ([id, role]) => ({ org: await this.store.orgs.byId(id), role })),
      ),
      this.store.notify.ofUser(actor.user.id),
    ]);
    return {
      user: actor.user,
      roles: roles.flatMap(({ org, role }) =>
        org ? [{ org: { slug: org.slug, name: org.name }, role }] : [],
      ),
      moderates: actor.user.isAdmin || [...actor.roles.values()].includes('editor'),
      follows: await Promise.all(
        subscriptions.map(async (f) => ({
          targetType: f.targetType,
          targetId: f.targetId,
          mode: f.mode,
          subject: await this.followed(f.targetType, f.targetId),
        })),
      ),
    };
  }

  private async followed(type: TargetType, id: string): Promise<FollowView['subject']> {
    if (type === 'place') {
      const place = await this.store.places.get(id);
      return place ? { kind: 'place', place } : { kind: 'unknown' };
    }
    const n = Number(id);
    if (type === 'org') {
      const org = Number.isSafeInteger(n) ? await this.store.orgs.byId(n) : undefined;
      return org ? { kind: 'org', name: org.name } : { kind: 'unknown' };
    }
    const post = Number.isSafeInteger(n) ? await this.store.entries.get(n) : undefined;
    return post ? { kind: 'replies', title: post.title } : { kind: 'unknown' };
  }

  /** Clears what is of no use to anyone: expired sessions and links, sign-in counts older than a day. */
  async housekeeping(now = new Date()): Promise<void> {
    await Promise.all([
      this.store.users.removeExpiredSessions(now.toISOString()),
      this.store.users.removeExpiredTokens(now.toISOString()),
      this.store.users.removeAttemptsBefore(new Date(now.getTime() - 86_400_000).toISOString()),
    ]);
  }
}
