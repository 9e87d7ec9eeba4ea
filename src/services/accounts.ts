import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { validateNewUser, normalizeEmail, type User } from '../domain/accounts.js';
import { ValidationError } from '../domain/errors.js';
import type { Store } from '../store/store.js';

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

/** A hash to compare against when the address is unknown, so a failed sign-in takes as long either way. */
let dummyHash: Promise<string> | undefined;

export const SESSION_DAYS = 14;

/** Accounts and sessions. Sessions are random tokens; the database keeps only their SHA-256. */
export class AccountsService {
  constructor(private readonly store: Store) {}

  async addUser(
    input: { email: string; name?: string; password: string; admin?: boolean },
    actorId: number | null = null,
    now = new Date(),
  ): Promise<User> {
    const v = validateNewUser(input);
    const passwordHash = await hashPassword(v.password);
    return this.store.transaction(async (tx) => {
      if (await tx.users.byEmail(v.email)) throw new ValidationError(`${v.email} already has an account.`);
      const user = await tx.users.create(
        { email: v.email, name: v.name, passwordHash, isAdmin: !!input.admin },
        now.toISOString(),
      );
      await tx.users.audit({
        at: now.toISOString(),
        actorId,
        action: 'user.add',
        subject: `user:${user.id}`,
      });
      if (user.isAdmin)
        await tx.users.audit({
          at: now.toISOString(),
          actorId,
          action: 'role.grant',
          subject: `user:${user.id}`,
          detail: 'admin',
        });
      return user;
    });
  }

  /** The user if the password is right and the account is not disabled; every attempt is logged. */
  async checkPassword(email: string, password: string, now = new Date()): Promise<User | null> {
    const found = await this.store.users.byEmail(normalizeEmail(email));
    dummyHash ??= hashPassword('not a password of anyone');
    const ok = await verifyPassword(password.slice(0, 1000), found?.passwordHash ?? (await dummyHash));
    const good = ok && !!found && !found.disabledAt;
    await this.store.users.audit({
      at: now.toISOString(),
      actorId: good ? found.id : null,
      action: good ? 'signin' : 'signin.failed',
      subject: found ? `user:${found.id}` : undefined,
      detail: found ? undefined : normalizeEmail(email).slice(0, 254),
    });
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
    if (!/^[\w-]{20,100}$/.test(token)) return null;
    return (await this.store.users.sessionUser(hashToken(token), now.toISOString())) ?? null;
  }

  async endSession(token: string): Promise<void> {
    await this.store.users.removeSession(hashToken(token));
  }
}
