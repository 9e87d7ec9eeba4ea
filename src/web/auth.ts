import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../domain/accounts.js';
import { ForbiddenError } from '../domain/errors.js';
import { SESSION_DAYS, type AccountsService, type Device } from '../services/accounts.js';
import type { Actor } from '../services/orgs.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** the signed-in user, or null */
    user: User | null;
    actor: Actor | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** false: a POST page route that takes no CSRF token (only where no cookie is what authorizes it) */
    csrf?: false;
  }
}

export const SESSION_COOKIE = 'tw_session';
const HAS_SESSION = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=`);

/** Whether a request carries a session cookie: such requests get pages made for them, never shared ones. */
export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  return !!cookieHeader && HAS_SESSION.test(cookieHeader);
}

/**
 * Sessions and CSRF. The session is a random token in an HttpOnly cookie; the database keeps its hash. Every
 * POST to a page (not the read-only API) must carry a CSRF token made for that browser and that session: the
 * secret is in a signed cookie, the token in the form.
 */
export async function registerAuth(
  app: FastifyInstance,
  opts: { accounts: AccountsService; secret: string; secure: boolean },
): Promise<void> {
  await app.register(cookie, { secret: opts.secret });
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  await app.register(csrf, {
    cookieKey: 'tw_csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, signed: true, secure: opts.secure },
    // a token is good only for the session it was made in (or for no session, on the sign-in forms)
    getUserInfo: csrfBinding,
    csrfOpts: { hmacKey: opts.secret },
  });

  app.decorateRequest('user', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const actor = await opts.accounts.sessionActor(token);
    if (!actor) {
      // expired, signed out elsewhere, or disabled: forget it so the reader gets the shared pages again
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    req.user = actor.user;
    req.sessionToken = token;
    req.actor = actor;
    reply.header('cache-control', 'private, no-store');
  });
  app.addHook('preHandler', (req, reply, done) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.url.startsWith('/api/')) return done();
    // a route that says so needs none (the one-click unsubscribe of mail programs: the secret in its address is the key)
    if (req.routeOptions.config.csrf === false) return done();
    app.csrfProtection(req, reply, done);
  });
}

/** What a CSRF token is bound to: the session, or (on the sign-in forms) the absence of one. */
const csrfBinding = (req: FastifyRequest): string => req.sessionToken ?? 'no session';

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: SESSION_DAYS * 86_400,
  });
}

/**
 * The browser's device cookie: set at each sign-in, signed, sent only to /signin, for a year. It says "this
 * browser signed in to account N before", so failed sign-ins elsewhere do not lock it out (see
 * AccountsService.signIn). It signs nobody in.
 */
export const DEVICE_COOKIE = 'tw_device';
const DEVICE_DAYS = 365;

export function setDeviceCookie(reply: FastifyReply, device: Device, secure: boolean): void {
  reply.setCookie(DEVICE_COOKIE, `${device.userId}.${device.id}`, {
    path: '/signin',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    signed: true,
    maxAge: DEVICE_DAYS * 86_400,
  });
}

/** The device of a request's cookie if its signature holds; null otherwise. */
export function deviceOf(req: FastifyRequest): Device | null {
  const raw = req.cookies[DEVICE_COOKIE];
  if (!raw) return null;
  const { valid, value } = req.unsignCookie(raw);
  const m = valid && value ? /^(\d{1,12})\.([\w-]{16,64})$/.exec(value) : null;
  return m ? { userId: Number(m[1]), id: m[2]! } : null;
}

/** A CSRF token for a form on this page; the page must not be shared (no-store). */
export function csrfToken(req: FastifyRequest, reply: FastifyReply): string {
  reply.header('cache-control', 'private, no-store');
  return reply.generateCsrf({ userInfo: csrfBinding(req) });
}

/** The signed-in actor, or a 403 for a form post; pages send people to sign in first (see `signInFirst`). */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new ForbiddenError('Please sign in first.');
  return req.actor;
}

/** For pages that need an account: the actor, or a redirect to the sign-in page (returns null). */
export function signInFirst(req: FastifyRequest, reply: FastifyReply): Actor | null {
  if (req.actor) return req.actor;
  void reply.redirect(`/signin?${new URLSearchParams({ next: req.url })}`, 303);
  return null;
}

/**
 * A preHandler for pages and forms that need an account: strangers go to the sign-in page, which sends them
 * back here. The handler then takes the actor with `requireActor`.
 */
export async function mustSignIn(req: FastifyRequest, reply: FastifyReply) {
  if (!req.actor) return reply.redirect(`/signin?${new URLSearchParams({ next: req.url })}`, 303);
}
