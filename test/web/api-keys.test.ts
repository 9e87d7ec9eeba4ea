import { createHash } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createContext } from '../../src/context.js';
import { ApiKeysService } from '../../src/services/api-keys.js';
import { importFiles } from '../../src/services/import.js';
import { MergeService } from '../../src/services/merge.js';
import { OrgsService, SYSTEM } from '../../src/services/orgs.js';
import { buildApp } from '../../src/web/app.js';
import { csrfOf, mainText, signedInVisitors, type Visitor } from '../helpers/client.js';
import { DIALECTS, createTestDb, type TestDb } from '../helpers/db.js';
import { fixtureFiles } from '../helpers/fixtures.js';
import { changedTables, fingerprint, type DbFingerprint } from '../helpers/fuzz.js';

const PASSWORD = 'correct horse battery';
const SECRET = /tw_[A-Za-z0-9_-]{43}/;
/** Tables a keyed request writes to whatever its answer: the key's count and its last use. */
const BOOKKEEPING = ['throttle', 'api_keys'];

// Anshan (Q74957) is the home of the editor's organization, tied to Birmingham (Q79867) and Malmö (Q2211);
// Hanover (Q1715), tied to Tokyo (Q1490) only, is the home of the other editor's.
describe.each(DIALECTS)('API keys and the write API (%s)', (dialect) => {
  let t: TestDb;
  let app: FastifyInstance;
  /** the same site whose keys may make 3 requests a minute */
  let limitedApp: FastifyInstance;
  const as: Record<string, Visitor> = {};
  const keys: Record<string, string> = {};
  let anshanId = 0;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    await importFiles(t.store, fixtureFiles());
    const ctx = createContext(loadConfig({}), t.store);
    app = await buildApp(ctx);
    limitedApp = await buildApp({
      ...ctx,
      apiKeys: new ApiKeysService(t.store, ctx.version, { max: 3, minutes: 1 }),
    });
    Object.assign(
      as,
      await signedInVisitors(() => app, t.store, ['admin', 'editor', 'other', 'leaver', 'member'], {
        password: PASSWORD,
        net: '10.14.0',
        admins: ['admin'],
      }),
    );
    const orgs = new OrgsService(t.store);
    const anshan = await orgs.create(SYSTEM, { name: 'Anshan Office', kind: 'office', homeId: 'Q74957' });
    anshanId = anshan.id;
    for (const who of ['editor', 'leaver']) await orgs.grant(SYSTEM, anshan, `${who}@example.org`, 'editor');
    await orgs.grant(SYSTEM, anshan, 'member@example.org', 'member');
    const hanover = await orgs.create(SYSTEM, { name: 'Hanover Friends', kind: 'office', homeId: 'Q1715' });
    await orgs.grant(SYSTEM, hanover, 'other@example.org', 'editor');
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await limitedApp?.close();
    await t?.drop();
  });

  const makeKey = async (who: string, label: string, slug = 'anshan-office') => {
    const res = await as[who]!.submit(`/orgs/${slug}/api-keys`, { label }, `/orgs/${slug}/api-keys`);
    expect(res.statusCode).toBe(200);
    return { res, secret: SECRET.exec(res.body)?.[0] ?? '' };
  };

  const call = (
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'GET',
    url: string,
    body?: unknown,
    key?: string,
    on = app,
  ): Promise<LightMyRequestResponse> =>
    on.inject({
      method,
      url,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });

  const rows = async (table: 'audit_log' | 'revisions' | 'api_keys') =>
    (await t.database.db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];

  /** Every table but the key's own bookkeeping. */
  const snapshot = () => fingerprint(t.database);
  const unchanged = (before: DbFingerprint, after: DbFingerprint) =>
    changedTables(before, after).filter((x) => !BOOKKEEPING.includes(x));

  it('makes a key on the organization’s page: the secret shown once, only its hash stored', async () => {
    const page = await as.editor!.get('/orgs/anshan-office/api-keys');
    expect(page.statusCode).toBe(200);
    expect(mainText(page.body)).toContain('No keys yet.');
    expect((await as.editor!.get('/orgs/anshan-office/manage')).body).toContain(
      'href="/orgs/anshan-office/api-keys"',
    );
    const { res, secret } = await makeKey('editor', 'Commission website');
    expect(secret).toMatch(SECRET);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(mainText(res.body)).toContain('it is shown this once');
    keys.editor = secret;
    const [row] = await rows('api_keys');
    expect(row).toMatchObject({
      org_id: anshanId,
      label: 'Commission website',
      secret_hash: createHash('sha256').update(secret).digest('base64url'),
      prefix: secret.slice(0, 11),
      last_used_at: null,
      revoked_at: null,
    });
    expect(JSON.stringify(await rows('api_keys'))).not.toContain(secret);
    // the list shows the prefix, never the secret
    const list = await as.editor!.get('/orgs/anshan-office/api-keys');
    expect(list.body).toContain(`${secret.slice(0, 11)}…`);
    expect(list.body).not.toContain(secret);
    expect(mainText(list.body)).toMatch(/Commission website .* Last used: never State: active Revoke/);
    const audit = (await rows('audit_log')).find((a) => a.action === 'apikey.add');
    expect(audit).toMatchObject({
      subject: `org:${anshanId}`,
      detail: `${secret.slice(0, 11)}… Commission website`,
    });
    // a label is required; the form comes back saying so, and nothing is made
    const before = await snapshot();
    const empty = await as.editor!.submit(
      '/orgs/anshan-office/api-keys',
      { label: '  ' },
      '/orgs/anshan-office/api-keys',
    );
    expect(empty.statusCode).toBe(400);
    expect(mainText(empty.body)).toContain('label is required');
    expect(changedTables(before, await snapshot())).toEqual([]);
  });

  it('lets only the organization’s editors and site admins see and make its keys', async () => {
    for (const who of ['other', 'member']) {
      expect((await as[who]!.get('/orgs/anshan-office/api-keys')).statusCode).toBe(403);
      const token = csrfOf((await as[who]!.get('/account')).body);
      const res = await as[who]!.post('/orgs/anshan-office/api-keys', { _csrf: token, label: 'sneaky' });
      expect(res.statusCode).toBe(403);
    }
    const anonymous = await app.inject('/orgs/anshan-office/api-keys');
    expect(anonymous.statusCode).toBe(303);
    expect((await rows('api_keys')).length).toBe(1);
  });

  it('adds a tie of the home with the key: the same checks, revision and audit entry as the web form', async () => {
    const res = await call(
      'POST',
      '/api/ties',
      { partner: 'Q1490', kind: 'friendship', signed: '2024-05', sources: ['https://example.org/a-t'] },
      keys.editor,
    );
    expect(res.statusCode).toBe(201);
    expect(res.headers['ratelimit-limit']).toBe('60');
    expect(res.headers['ratelimit-remaining']).toBe('59');
    expect(Number(res.headers['ratelimit-reset'])).toBeGreaterThan(0);
    expect(res.headers['ratelimit-policy']).toBe('60;w=60');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
    const tie = res.json() as { id: number; a: string; b: string; kind: string; signed: string };
    expect(tie).toMatchObject({ a: 'Q1490', b: 'Q74957', kind: 'friendship', signed: '2024-05' });
    expect(res.headers.location).toBe(`/ties/${tie.id}`);
    const editor = await t.store.users.byEmail('editor@example.org');
    const revision = (await rows('revisions')).find(
      (r) => r.entity === 'twinning' && r.entity_id === String(tie.id),
    );
    expect(revision).toMatchObject({ action: 'create', user_id: editor!.id });
    const audit = (await rows('audit_log')).find((a) => a.action === 'tie.add');
    expect(audit).toMatchObject({ actor_id: editor!.id, subject: `twinning:${tie.id}` });
    expect(String(audit!.detail)).toContain(`(API key ${keys.editor!.slice(0, 11)}…)`);
    // the tie is public at once, as after the web form
    expect((await app.inject('/api/places/Q1490/twinnings')).json().items).toHaveLength(2);
    // its use is recorded
    const [key] = await rows('api_keys');
    expect(key!.last_used_at).not.toBeNull();
    expect(mainText((await as.editor!.get('/orgs/anshan-office/api-keys')).body)).not.toContain('never');
  });

  it("changes a tie's and the home's facts, a section and entries, as the editors do", async () => {
    const tie = (await t.store.twinnings.between('Q74957', 'Q79867'))!;
    const patched = await call(
      'PATCH',
      `/api/ties/${tie.id}`,
      { notes: 'Both steel cities, renewed 2016' },
      keys.editor,
    );
    expect(patched.statusCode).toBe(200);
    // what was not sent stays
    expect(patched.json()).toMatchObject({
      signed: '1996-11-05',
      status: 'active',
      notes: 'Both steel cities, renewed 2016',
    });
    const tieRevisions = (await rows('revisions')).filter(
      (r) => r.entity === 'twinning' && r.entity_id === String(tie.id),
    );
    expect(tieRevisions.map((r) => r.action).sort()).toEqual(['edit', 'original']);

    const facts = await call(
      'PATCH',
      '/api/places/Q74957/facts',
      { population: 1300000, languages: ['zh', 'en'] },
      keys.editor,
    );
    expect(facts.statusCode).toBe(200);
    expect(facts.json()).toMatchObject({
      id: 'Q74957',
      type: 'place',
      facts: { population: '1300000', languages: 'zh; en' },
    });
    expect((await app.inject('/api/places/Q74957')).json()).toMatchObject({ population: 1300000 });

    const section = await call(
      'PUT',
      '/api/places/Q74957/sections/economy/en',
      { body: 'Steel.' },
      keys.editor,
    );
    expect(section.json()).toEqual({ subject: 'place:Q74957', key: 'economy', lang: 'en', outcome: 'saved' });
    const again = await call(
      'PUT',
      '/api/places/Q74957/sections/economy/en',
      { body: 'Steel.' },
      keys.editor,
    );
    expect(again.json()).toMatchObject({ outcome: 'unchanged' });
    const tieSection = await call(
      'PUT',
      `/api/ties/${tie.id}/sections/story/en`,
      { body: 'Two steel cities.' },
      keys.editor,
    );
    expect(tieSection.json()).toMatchObject({ subject: `twinning:${tie.id}`, outcome: 'saved' });

    const made = await call(
      'POST',
      '/api/orgs/anshan-office/entries',
      {
        type: 'post',
        fields: { title: 'Delegation from Birmingham', kind: 'news', body: 'They came by train.' },
        subjects: ['place:Q79867'],
      },
      keys.editor,
    );
    expect(made.statusCode).toBe(201);
    const entry = made.json() as { id: number; url: string };
    expect(made.json()).toMatchObject({ type: 'post', org: 'anshan-office', subjects: ['place:Q79867'] });
    expect(entry.url).toBe(`/news/${entry.id}`);
    expect((await app.inject(entry.url)).statusCode).toBe(200);
    const edited = await call(
      'PATCH',
      `/api/entries/${entry.id}`,
      { fields: { summary: 'Three days.' } },
      keys.editor,
    );
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      title: 'Delegation from Birmingham',
      fields: { summary: 'Three days.', body: 'They came by train.' },
      subjects: ['place:Q79867'],
    });
    const gone = await call('DELETE', `/api/entries/${entry.id}`, undefined, keys.editor);
    expect(gone.json()).toEqual({ id: entry.id, deleted: true });
    expect((await app.inject(entry.url)).statusCode).toBe(404);
    const entryRevisions = (await rows('revisions')).filter((r) => r.entity === 'entry');
    expect(entryRevisions.map((r) => r.action)).toEqual(['create', 'edit', 'delete']);
  });

  it('refuses what lies outside the organization, and writes nothing then', async () => {
    const before = await snapshot();
    const tries: [string, string, unknown][] = [
      ['PATCH', '/api/places/Q1715/facts', { population: 1 }],
      ['POST', '/api/ties', { from: 'Q1715', partner: 'Q2211', sources: ['https://example.org'] }],
      ['PUT', '/api/places/Q1715/sections/economy/en', { body: 'Not ours.' }],
      [
        'POST',
        '/api/orgs/hanover-friends/entries',
        { type: 'post', fields: { title: 'x', kind: 'news', body: 'y' } },
      ],
    ];
    for (const [method, url, body] of tries) {
      const res = await call(method as 'POST', url, body, keys.editor);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json()).toMatchObject({ error: 'Forbidden' });
    }
    const hanoverTie = (await t.store.twinnings.between('Q1715', 'Q1490'))!;
    expect((await call('PATCH', `/api/ties/${hanoverTie.id}`, { notes: 'x' }, keys.editor)).statusCode).toBe(
      403,
    );
    expect(unchanged(before, await snapshot())).toEqual([]);
  });

  it("gives a site admin's key its organization's rights, not the admin's", async () => {
    const { secret } = await makeKey('admin', 'Made by the admin');
    keys.admin = secret;
    const before = await snapshot();
    // Hanover's home and a tie between two places neither of which is Anshan: fine for a site admin on the site
    expect((await call('PATCH', '/api/places/Q1715/facts', { population: 2 }, secret)).statusCode).toBe(403);
    const tie = { from: 'Q1715', partner: 'Q2211', sources: ['https://example.org'] };
    expect((await call('POST', '/api/ties', tie, secret)).statusCode).toBe(403);
    expect(unchanged(before, await snapshot())).toEqual([]);
    // its own organization's home it may change
    expect(
      (await call('PATCH', '/api/places/Q74957/facts', { currency: 'cny' }, secret)).json(),
    ).toMatchObject({
      facts: { currency: 'CNY' },
    });
  });

  it('answers a malformed or unacceptable write with 400 and what to fix, and writes nothing', async () => {
    const before = await snapshot();
    const bad = await call(
      'POST',
      '/api/ties',
      { partner: 'Q2211', signed: 'yesterday', sources: ['x'] },
      keys.editor,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: 'Bad Request',
      problems: expect.arrayContaining([expect.objectContaining({ column: 'signed' })]),
    });
    const twice = await call('POST', '/api/ties', { partner: 'Q79867', sources: ['x'] }, keys.editor);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().message).toContain('tied to this place already');
    const missing = await call('POST', '/api/ties', { partner: 'Q2211' }, keys.editor);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(/^Invalid request: .*sources/);
    const extra = await call('PATCH', '/api/places/Q74957/facts', { population: 5, mayor: 'x' }, keys.editor);
    expect(extra.statusCode).toBe(400);
    const fields = await call('PATCH', '/api/entries/1', { fields: { colour: 'red' } }, keys.editor);
    expect([400, 404]).toContain(fields.statusCode);
    const entry = await call(
      'POST',
      '/api/orgs/anshan-office/entries',
      { type: 'event', fields: { title: 'Festival', colour: 'red' } },
      keys.editor,
    );
    expect(entry.statusCode).toBe(400);
    expect(entry.json().message).toContain('no field "colour"');
    const invalid = await call(
      'POST',
      '/api/orgs/anshan-office/entries',
      { type: 'event', fields: { title: 'Festival' } },
      keys.editor,
    );
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ column: 'starts', message: 'is required' })]),
    );
    const notJson = await app.inject({
      method: 'POST',
      url: '/api/ties',
      headers: { authorization: `Bearer ${keys.editor}`, 'content-type': 'application/json' },
      payload: '{"partner":',
    });
    expect(notJson.statusCode).toBe(400);
    expect((await call('PATCH', '/api/ties/99999', { notes: 'x' }, keys.editor)).statusCode).toBe(404);
    expect((await call('PATCH', '/api/places/Q0/facts', { population: 1 }, keys.editor)).statusCode).toBe(
      404,
    );
    expect(unchanged(before, await snapshot())).toEqual([]);
  });

  it('sends a write to a merged place on to the current one (308), and reads an old id in a body as it', async () => {
    await new MergeService(t.store).merge('Q2211', 'Q503361', { reason: 'the same municipality' });
    const moved = await call('PATCH', '/api/places/Q503361/facts', { population: 350000 }, keys.editor);
    expect(moved.statusCode).toBe(308);
    expect(moved.headers.location).toBe('/api/places/Q2211/facts');
    // a client following it sends the same method and body there
    const followed = await call('PATCH', String(moved.headers.location), { population: 350000 }, keys.editor);
    expect(followed.statusCode).toBe(200);
    expect((await call('GET', '/api/places/Q2211')).json().population).toBe(350000);
    const before = await snapshot();
    const tie = await call(
      'POST',
      '/api/ties',
      { partner: 'Q503361', sources: ['https://example.org/old-id'] },
      keys.editor,
    );
    // Q503361 is Malmö now, which Anshan is tied to already
    expect(tie.statusCode).toBe(400);
    expect(tie.json().problems).toEqual([
      expect.objectContaining({
        column: 'partner',
        message: expect.stringContaining('tied to this place already'),
      }),
    ]);
    expect(unchanged(before, await snapshot())).toEqual([]);
  });

  it('refuses writes without a key, with a cookie alone, or with an unknown key (401), and writes nothing', async () => {
    const before = await snapshot();
    const body = { partner: 'Q2211', sources: ['https://example.org'] };
    const none = await call('POST', '/api/ties', body);
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="twinning"');
    expect(none.json()).toMatchObject({ error: 'Unauthorized', message: expect.stringContaining('Bearer') });
    const unknown = await call('POST', '/api/ties', body, `tw_${'A'.repeat(43)}`);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.headers['www-authenticate']).toContain('error="invalid_token"');
    // a signed-in editor's browser: the session cookie does not authorize the write API
    const cookie = await app.inject({
      method: 'POST',
      url: '/api/ties',
      headers: { cookie: as.editor!.cookieHeader, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    expect(cookie.statusCode).toBe(401);
    // nor does a key open the pages: they go by the session alone
    const page = await app.inject({
      url: '/orgs/anshan-office/api-keys',
      headers: { authorization: `Bearer ${keys.editor}` },
    });
    expect(page.statusCode).toBe(303);
    expect(changedTables(before, await snapshot())).toEqual([]);
  });

  it('limits each key: RateLimit headers on every answer, then 429 with Retry-After', async () => {
    const { secret } = await makeKey('editor', 'Busy system');
    const before = await snapshot();
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await call('PATCH', '/api/places/Q0/facts', { population: 1 }, secret, limitedApp);
      expect(res.statusCode).toBe(404);
      seen.push(String(res.headers['ratelimit-remaining']));
      expect(res.headers['ratelimit-limit']).toBe('3');
    }
    expect(seen).toEqual(['2', '1', '0']);
    const limited = await call('PATCH', '/api/places/Q74957/facts', { population: 7 }, secret, limitedApp);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({
      error: 'Too Many Requests',
      message: expect.stringContaining('at most 3'),
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.headers['ratelimit-remaining']).toBe('0');
    expect(limited.headers['ratelimit-reset']).toBe(limited.headers['retry-after']);
    expect(unchanged(before, await snapshot())).toEqual([]);
    // another key has its own count
    const another = (await makeKey('editor', 'Quiet system')).secret;
    const other = await call('PATCH', '/api/places/Q0/facts', { population: 1 }, another, limitedApp);
    expect(other.statusCode).toBe(404);
  });

  it('stops a revoked key (401) and one whose maker no longer edits the organization', async () => {
    const page = await as.editor!.get('/orgs/anshan-office/api-keys');
    const id = (await rows('api_keys')).find((k) => k.label === 'Commission website')!.id as number;
    const res = await as.editor!.post(`/orgs/anshan-office/api-keys/${id}/revoke`, {
      _csrf: csrfOf(page.body),
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/orgs/anshan-office/api-keys?revoked=1');
    const after = await as.editor!.get('/orgs/anshan-office/api-keys?revoked=1');
    expect(mainText(after.body)).toContain('The key is revoked');
    expect(mainText(after.body)).toMatch(/Commission website .* State: revoked Dec/);
    const audit = (await rows('audit_log')).find((a) => a.action === 'apikey.revoke');
    expect(audit).toMatchObject({ subject: `org:${anshanId}` });
    const refused = await call('PATCH', '/api/places/Q74957/facts', { population: 3 }, keys.editor);
    expect(refused.statusCode).toBe(401);
    // another organization's editor cannot revoke Anshan's keys
    const other = await as.other!.get('/account');
    const adminKey = (await rows('api_keys')).find((k) => k.label === 'Made by the admin')!.id as number;
    const foreign = await as.other!.post(`/orgs/anshan-office/api-keys/${adminKey}/revoke`, {
      _csrf: csrfOf(other.body),
    });
    expect(foreign.statusCode).toBe(403);
    const wrongOrg = await as.other!.post(`/orgs/hanover-friends/api-keys/${adminKey}/revoke`, {
      _csrf: csrfOf(other.body),
    });
    expect(wrongOrg.statusCode).toBe(404);
    // a key whose maker leaves the organization stops working, and the list says why
    const { secret } = await makeKey('leaver', 'Leaver’s script');
    expect((await call('PATCH', '/api/places/Q74957/facts', { population: 4 }, secret)).statusCode).toBe(200);
    const leaver = await t.store.users.byEmail('leaver@example.org');
    await new OrgsService(t.store).revoke(SYSTEM, 'anshan-office', leaver!.id);
    expect((await call('PATCH', '/api/places/Q74957/facts', { population: 5 }, secret)).statusCode).toBe(401);
    expect(mainText((await as.editor!.get('/orgs/anshan-office/api-keys')).body)).toContain(
      'its maker no longer edits the organization',
    );
  });

  it('opens reads to every site (CORS) and writes to none', async () => {
    for (const url of ['/api/places/Q74957', '/api/places/Q74957']) {
      // the second answer comes from the response cache
      const res = await app.inject(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['access-control-expose-headers']).toContain('ETag');
    }
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/places/Q74957',
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    const writePreflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/ties',
      headers: {
        origin: 'https://elsewhere.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(writePreflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(writePreflight.headers['access-control-allow-headers']).toBeUndefined();
    const write = await call('PATCH', '/api/places/Q74957/facts', { population: 6 }, keys.admin);
    expect(write.statusCode).toBe(200);
    expect(write.headers['access-control-allow-origin']).toBeUndefined();
    // pages are not open to other sites
    expect((await app.inject('/places/Q74957')).headers['access-control-allow-origin']).toBeUndefined();
  });
});
