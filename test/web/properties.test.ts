import fc from 'fast-check';
import type * as FastifyModule from 'fastify';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ENTRY_TYPES } from '../../src/domain/entries.js';
import { SECTION_KEYS } from '../../src/domain/sections.js';
import { AccountsService } from '../../src/services/accounts.js';
import { OrgsService, SYSTEM } from '../../src/services/orgs.js';
import { CHARTS, FIGURES } from '../../src/web/views/stats/figures.js';
import { useTestApp } from '../helpers/app.js';
import { csrfOf } from '../helpers/client.js';
import { fillEveryTable } from '../helpers/every-table.js';
import { fixtureFiles } from '../helpers/fixtures.js';
import {
  changedTables,
  encode,
  type DbFingerprint,
  fingerprint,
  fuzzSeed,
  junkText,
  malformed,
  pairs,
  pathSegment,
  plausibleForm,
  queryString,
} from '../helpers/fuzz.js';

// Every route the app registers, as it registers it: the Fastify instance the app makes gets an onRoute hook
// first, so that a route added later is fuzzed without anyone listing it here.
interface Recorded {
  method: string | string[];
  url: string;
  schema?: { querystring?: unknown; body?: unknown };
}
const registered = vi.hoisted(() => [] as Recorded[]);
vi.mock('fastify', async (importOriginal) => {
  const actual = await importOriginal<typeof FastifyModule>();
  const recording = ((opts: Parameters<typeof actual.default>[0]) => {
    const app = actual.default(opts);
    app.addHook('onRoute', (route) => void registered.push(route as Recorded));
    return app;
  }) as typeof actual.default;
  return { ...actual, default: recording, fastify: recording };
});

/** What the app had when these tests were written; fewer means the enumeration (or a module) went missing. */
const AT_LEAST = { GET: 75, POST: 39 };

const SEED = fuzzSeed();
/** cases per route and identity; FUZZ_RUNS multiplies them for a longer hunt */
const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const GET_RUNS = Math.round(12 * SCALE);
const POST_RUNS = Math.round(12 * SCALE);

/**
 * What a refused request may write, per route, only when the answer is the one named, and why. Anything else
 * written on a 4xx is a half-write.
 */
const MAY_WRITE_WHEN_REFUSED: Record<
  string,
  { tables: string[]; answer: (res: LightMyRequestResponse) => boolean; why: string }
> = {
  'POST /signin': {
    tables: ['throttle', 'audit_log'],
    answer: (res) => res.statusCode === 401,
    why: 'a failed sign-in is counted against the address and the network, and kept in the audit log',
  },
  'POST /signup': {
    tables: ['throttle'],
    answer: (res) => res.statusCode === 400 && res.body.includes('already has an account'),
    why: 'asking for an address that has an account counts against the network, so accounts cannot be listed',
  },
  ...Object.fromEntries(
    ['/account/password', '/account/email', '/account/delete'].map((url) => [
      `POST ${url}`,
      {
        tables: ['throttle'],
        answer: (res: LightMyRequestResponse) =>
          res.statusCode === 400 && res.body.includes('The current password is not right.'),
        why: 'a wrong current password counts like a failed sign-in, so a session left open cannot guess it',
      },
    ]),
  ),
};

/**
 * Answers of 5xx that are not faults: the whole-network figures are computed in a worker thread, and until
 * they are the API says so with 503, `status: "computing"` and Retry-After (see its OpenAPI description).
 */
function plannedUnavailable(res: LightMyRequestResponse): boolean {
  if (res.statusCode !== 503 || !res.headers['retry-after']) return false;
  try {
    return (JSON.parse(res.body) as { status?: unknown }).status === 'computing';
  } catch {
    return false;
  }
}

const PASSWORD = 'fuzzing is fun and long enough';
type Who = 'anon' | 'editor' | 'admin';
const WHO: Who[] = ['anon', 'editor', 'admin'];
interface Identity {
  who: Who;
  ip: string;
  email?: string;
  userId?: number;
  session?: string;
  cookies: Map<string, string>;
  csrf: string;
  /** a request may have changed what the identity is (it succeeded): look before the next case */
  dirty: boolean;
}

const methodsOf = (r: Recorded) => (Array.isArray(r.method) ? r.method : [r.method]);
const propsOf = (schema: unknown): string[] =>
  Object.keys((schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
const paramsOf = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);

describe('every route, with arbitrary input: never a server error, never a half-write', () => {
  const ctx = useTestApp(fixtureFiles);
  const ids: Record<Who, Identity> = {} as Record<Who, Identity>;
  let orgId = 0;
  let pools: Record<string, string[]> = {};
  let jpeg: Buffer;
  /** the database's fingerprint as it is now, when known (no request has succeeded since it was taken) */
  let known: DbFingerprint | null = null;

  const accounts = () => new AccountsService(ctx.t.store);

  /** A page's CSRF token and the cookie it is bound to, for the identity's session (or none). */
  async function refreshCsrf(id: Identity) {
    const res = await ctx.app.inject({
      method: 'GET',
      url: id.session ? '/account' : '/signin',
      remoteAddress: id.ip,
      headers: { cookie: cookieOf(id) },
    });
    for (const c of res.cookies as { name: string; value: string }[]) id.cookies.set(c.name, c.value);
    id.csrf = csrfOf(res.body);
  }
  const cookieOf = (id: Identity) => [...id.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

  /**
   * Puts back what a successful request of the fuzzer may have taken from the signed-in identities (their
   * session, their standing as admin or editor), so that each case runs as the identity it says.
   */
  async function restore(id: Identity) {
    if (id.who === 'anon' || !id.dirty) return;
    id.dirty = false;
    known = null;
    const store = ctx.t.store;
    const user = await store.users.byId(id.userId!);
    if (!user || user.email !== id.email) throw new Error(`the fuzzer removed or renamed ${id.email}`);
    if (user.disabledAt) await store.users.setDisabled(user.id, null);
    if (user.isAdmin !== (id.who === 'admin')) await store.users.setAdmin(user.id, id.who === 'admin');
    if (id.who === 'editor' && (await store.orgs.rolesOf(user.id)).get(orgId) !== 'editor') {
      await new OrgsService(store).grant(SYSTEM, (await store.orgs.byId(orgId))!, id.email!, 'editor');
    }
    if (!id.session || !(await accounts().sessionActor(id.session))) {
      id.session = (await accounts().startSession(user.id)).token;
      id.cookies.clear();
      id.cookies.set('tw_session', id.session);
      await refreshCsrf(id);
    }
  }

  beforeAll(async () => {
    await fillEveryTable(ctx.t.store);
    const store = ctx.t.store;
    const org = (await store.orgs.bySlug('anshan-sister-cities'))!;
    orgId = org.id;
    for (const [i, who] of WHO.entries()) {
      const id: Identity = { who, ip: `10.9.0.${i + 1}`, cookies: new Map(), csrf: '', dirty: true };
      if (who !== 'anon') {
        id.email = `fuzz-${who}@example.org`;
        id.userId = (
          await accounts().addUser({ email: id.email, password: PASSWORD, admin: who === 'admin' })
        ).id;
      }
      ids[who] = id;
    }
    await new OrgsService(store).grant(SYSTEM, org, ids.editor.email!, 'editor');
    for (const id of Object.values(ids)) {
      await restore(id);
      if (id.who === 'anon') await refreshCsrf(id);
    }
    const places = ['Q74957', 'Q79867', 'Q2211', 'CN', 'cn-liaoning', 'Q999001', 'Q1000001'];
    const rowIds = ['1', '2', '3', '4', '5', '6', '2147483647', '2147483648', '0'];
    pools = {
      id: [...places, ...rowIds],
      code: ['CN', 'US', 'cn', 'ZZ', 'Q74957'],
      slug: [org.slug, 'Anshan', 'no-such-org'],
      type: [...ENTRY_TYPES, 'place', 'country', 'tie', 'twinning', 'news'],
      key: [...new Set(Object.values(SECTION_KEYS).flat())],
      file: [...FIGURES.map((f) => `${f}.csv`), ...CHARTS.map((c) => `${c}.svg`), 'map.png', 'x.pdf'],
      variant: ['large.webp', 'thumb.webp', 'original.jpg'],
      rev: rowIds,
      userId: [String(ids.editor.userId), String(ids.admin.userId), ...rowIds],
      token: ['x', 'a'.repeat(43)],
    };
    jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#358' } })
      .jpeg()
      .toBuffer();
    await ctx.app.ready();
    // the whole-network figures, computed once in the background, so that the fuzzer meets them ready
    for (let i = 0; (await ctx.app.inject('/api/network')).statusCode !== 200; i++) {
      if (i > 600) throw new Error('the network figures were not ready in a minute');
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  const routesOf = (method: 'GET' | 'POST') =>
    registered
      .filter((r) => methodsOf(r).includes(method))
      .map((r) => ({
        method,
        url: r.url,
        query: propsOf(r.schema?.querystring),
        body: propsOf(r.schema?.body),
        params: paramsOf(r.url),
      }));

  const path = (url: string, params: string[]) =>
    fc
      .tuple(...params.map((p) => pathSegment(pools[p] ?? [])))
      .map((values) => url.replace(/:(\w+)/g, (_m, name: string) => values[params.indexOf(name)]!));

  const send = (
    id: Identity,
    opts: { method: string; url: string; headers?: Record<string, string>; payload?: string | Buffer },
  ) =>
    ctx.app.inject({
      method: opts.method as 'GET',
      url: opts.url,
      remoteAddress: id.ip,
      headers: { ...(id.cookies.size ? { cookie: cookieOf(id) } : {}), ...opts.headers },
      payload: opts.payload,
    });

  /** What is wrong with an answer whatever was asked: a server error, or an API error that is not JSON. */
  function answerProblem(url: string, res: LightMyRequestResponse): string | null {
    if (res.statusCode >= 500 && !plannedUnavailable(res))
      return `answered ${res.statusCode}: ${res.body.slice(0, 300)}`;
    if (url.startsWith('/api/') && res.statusCode >= 400) {
      if (!String(res.headers['content-type']).startsWith('application/json'))
        return `an API error as ${String(res.headers['content-type'])}`;
      try {
        const body = JSON.parse(res.body) as { error?: unknown; message?: unknown };
        if (typeof body.error !== 'string' || typeof body.message !== 'string')
          return `an API error without error and message: ${res.body.slice(0, 200)}`;
      } catch {
        return `an API error that is not JSON: ${res.body.slice(0, 200)}`;
      }
    }
    return null;
  }

  /** Runs a property per route, collecting every route's counterexample rather than stopping at the first. */
  async function eachRoute<T>(
    routes: ReturnType<typeof routesOf>,
    property: (route: ReturnType<typeof routesOf>[number]) => fc.IAsyncProperty<T>,
    numRuns: number,
  ) {
    const failures: string[] = [];
    const only = process.env.FUZZ_ROUTE ? new RegExp(process.env.FUZZ_ROUTE) : null;
    for (const route of routes) {
      if (only && !only.test(`${route.method} ${route.url}`)) continue;
      const started = Date.now();
      try {
        await fc.assert(property(route), { seed: SEED, numRuns, endOnFailure: true });
      } catch (e) {
        const cause = (e as Error).cause;
        failures.push(
          `${route.method} ${route.url}: ${(e as Error).message.split('\n').slice(0, 3).join(' ').slice(0, 1500)} → ${(cause instanceof Error ? cause.message : String(cause)).slice(0, 1500)}`,
        );
      }
      if (process.env.FUZZ_TIMES) console.log(`${Date.now() - started} ms ${route.method} ${route.url}`);
    }
    expect(failures, `seed ${SEED} (FUZZ_SEED=${SEED} repeats this run)`).toEqual([]);
  }

  it('finds every route the app registers', () => {
    const gets = routesOf('GET');
    const posts = routesOf('POST');
    expect(gets.length).toBeGreaterThanOrEqual(AT_LEAST.GET);
    expect(posts.length).toBeGreaterThanOrEqual(AT_LEAST.POST);
    // every exception names a route that exists
    for (const name of Object.keys(MAY_WRITE_WHEN_REFUSED))
      expect(posts.map((r) => `POST ${r.url}`)).toContain(name);
  });

  it('answers any address and query string of every GET route without a server error', async () => {
    const routes = routesOf('GET');
    expect(routes.length).toBeGreaterThanOrEqual(AT_LEAST.GET);
    await eachRoute(
      routes,
      (route) =>
        fc.asyncProperty(
          fc.constantFrom(...WHO),
          path(route.url, route.params),
          queryString([...route.query, ...route.query]),
          async (who, p, q) => {
            const id = ids[who];
            await restore(id);
            const url = q ? `${p}?${q}` : p;
            const res = await send(id, { method: 'GET', url });
            const problem = answerProblem(url, res);
            if (problem) throw new Error(`GET ${url} as ${who}: ${problem}`);
          },
        ),
      GET_RUNS * WHO.length,
    );
  }, 600_000);

  /** Where a body carries the CSRF token: put in when the case runs, as the identity's token differs. */
  const TOKEN = 'CSRF-TOKEN-GOES-HERE';
  const withToken = (payload: string | Buffer, token: string) =>
    typeof payload === 'string'
      ? payload.replaceAll(TOKEN, token)
      : Buffer.from(payload.toString('latin1').replaceAll(TOKEN, token), 'latin1');

  /** A body of one of the kinds a client may send: a form, a form with malformed bits, JSON, multipart. */
  function bodyOf(route: ReturnType<typeof routesOf>[number]) {
    const known = route.body.filter((k) => k !== '_csrf' && k !== 'file');
    const takesFiles = route.body.includes('file');
    const csrf = fc.constantFrom('valid', 'valid', 'valid', 'valid', 'twice', 'missing', 'junk');
    const fields = fc.oneof(
      pairs(known),
      fc.tuple(plausibleForm(known), pairs(known, 2)).map(([a, b]) => [...a, ...b]),
    );
    const form = fc.tuple(csrf, fields, fc.option(malformed, { freq: 5 })).map(([c, ps, raw]) => {
      const fields = ps.map(([k, v]) => `${encode(k)}=${encode(v)}`);
      if (c === 'valid' || c === 'twice') fields.unshift(`_csrf=${TOKEN}`);
      if (c === 'twice') fields.push(`_csrf=${TOKEN}`);
      if (c === 'junk') fields.unshift('_csrf=junk');
      if (raw) fields.push(raw);
      return { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: fields.join('&') };
    });
    const jsonValue = fc.oneof(junkText, fc.jsonValue({ maxDepth: 2 }));
    const json = fc
      .tuple(fc.array(fc.tuple(fc.constantFrom(...known, 'x'), jsonValue), { maxLength: 6 }), fc.boolean())
      .map(([ps, asArray]) => ({
        headers: { 'content-type': 'application/json' },
        payload: asArray
          ? JSON.stringify([TOKEN, ...ps])
          : JSON.stringify({ _csrf: TOKEN, ...Object.fromEntries(ps) }),
      }));
    const fileBytes = fc.oneof(
      fc.constant(Buffer.alloc(0)),
      fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
      fc.constant('jpeg').map(() => jpeg),
      fc.integer({ min: 1, max: jpeg.length - 1 }).map((n) => jpeg.subarray(0, n)),
    );
    const multipart = fc
      .tuple(takesFiles ? plausibleForm(known) : pairs(known), fc.option(fileBytes), fc.option(junkText))
      .map(([ps, file, filename]) => {
        const b = 'fuzzboundary';
        const parts: Buffer[] = [];
        const field = (name: string, value: string) =>
          parts.push(
            Buffer.from(
              `--${b}\r\ncontent-disposition: form-data; name="${name.replace(/["\r\n]/g, '_')}"\r\n\r\n${value}\r\n`,
            ),
          );
        field('_csrf', TOKEN);
        for (const [k, v] of ps) field(k, v);
        if (file) {
          parts.push(
            Buffer.from(
              `--${b}\r\ncontent-disposition: form-data; name="file"; filename="${(filename ?? 'photo.jpg').replace(/["\r\n]/g, '_')}"\r\ncontent-type: image/jpeg\r\n\r\n`,
            ),
            file,
            Buffer.from('\r\n'),
          );
        }
        parts.push(Buffer.from(`--${b}--\r\n`));
        return {
          headers: { 'content-type': `multipart/form-data; boundary=${b}` },
          payload: Buffer.concat(parts),
        };
      });
    return takesFiles
      ? fc.oneof({ weight: 4, arbitrary: multipart }, { weight: 1, arbitrary: form })
      : fc.oneof(
          { weight: 6, arbitrary: form },
          { weight: 1, arbitrary: json },
          { weight: 1, arbitrary: multipart },
        );
  }

  // Routes that end things (a session, a post, a role) go last, so that the others see the seeded data.
  const ending = (url: string) => /signout|delete|remove|withdraw|unfollow|stop/.test(url);

  it('answers any body posted to every form and API route without a server error, and a refusal writes nothing', async () => {
    const seen = new Map<string, number>();
    const routes = routesOf('POST').sort((a, b) => Number(ending(a.url)) - Number(ending(b.url)));
    expect(routes.length).toBeGreaterThanOrEqual(AT_LEAST.POST);
    await eachRoute(
      routes,
      (route) =>
        fc.asyncProperty(
          fc.constantFrom(...WHO),
          path(route.url, route.params),
          fc.option(queryString(route.query), { freq: 4 }),
          bodyOf(route),
          async (who, p, q, body) => {
            const id = ids[who];
            await restore(id);
            const url = q ? `${p}?${q}` : p;
            const { headers } = body;
            const payload = withToken(body.payload, id.csrf);
            const before = known ?? (await fingerprint(ctx.t.database));
            known = null;
            const res = await send(id, { method: 'POST', url, headers, payload });
            if (res.statusCode < 400) for (const other of Object.values(ids)) other.dirty = true;
            const status = `${who} ${res.statusCode}`;
            seen.set(status, (seen.get(status) ?? 0) + 1);
            const problem = answerProblem(url, res);
            const shown = `POST ${url} as ${who} with ${headers['content-type']} ${String(payload).slice(0, 300)}`;
            if (problem) throw new Error(`${shown}: ${problem}`);
            if (res.statusCode >= 400) {
              const exception = MAY_WRITE_WHEN_REFUSED[`POST ${route.url}`];
              const allowed = exception?.answer(res) ? exception.tables : [];
              known = await fingerprint(ctx.t.database);
              const written = changedTables(before, known).filter((t) => !allowed.includes(t));
              if (written.length)
                throw new Error(`${shown}: refused with ${res.statusCode} but wrote ${written.join(', ')}`);
            }
          },
        ),
      POST_RUNS * WHO.length,
    );
    // the cases reached past the CSRF check and the schemas: forms were taken and refused as editor and admin
    const count = (who: string, statuses: (s: number) => boolean) =>
      [...seen]
        .filter(([k]) => k.startsWith(who) && statuses(Number(k.split(' ')[1])))
        .reduce((n, [, c]) => n + c, 0);
    if (!process.env.FUZZ_ROUTE) {
      for (const who of ['editor', 'admin']) {
        expect(
          count(who, (s) => s < 400),
          `${who}: taken`,
        ).toBeGreaterThan(0);
        expect(
          count(who, (s) => s === 400),
          `${who}: refused as wrong`,
        ).toBeGreaterThan(0);
      }
    }
    if (process.env.FUZZ_TIMES) console.log([...seen].sort().join('\n'));
  }, 600_000);
});
