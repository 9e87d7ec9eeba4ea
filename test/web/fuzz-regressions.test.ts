import { beforeAll, describe, expect, it } from 'vitest';
import { OrgsService, SYSTEM } from '../../src/services/orgs.js';
import { useTestApp } from '../helpers/app.js';
import { Visitor, csrfOf, signedInVisitors } from '../helpers/client.js';
import { fixtureFiles } from '../helpers/fixtures.js';

// What the property tests (properties.test.ts) found, each as a plain test of the input that broke.

const PASSWORD = 'regressions are forever';

describe('inputs the property tests found', () => {
  const ctx = useTestApp(fixtureFiles);
  const as: Record<string, Visitor> = {};

  beforeAll(async () => {
    Object.assign(
      as,
      await signedInVisitors(() => ctx.app, ctx.t.store, ['editor'], { password: PASSWORD, net: '10.77.0' }),
    );
    const org = await new OrgsService(ctx.t.store).create(SYSTEM, {
      name: 'Anshan Office',
      kind: 'office',
      homeId: 'Q74957',
    });
    await new OrgsService(ctx.t.store).grant(SYSTEM, org, 'editor@example.org', 'editor');
  });

  it('answers an editor address whose type is a name every object has ("constructor") with 404, not 500', async () => {
    for (const type of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const page = await as.editor!.get(`/edit/${type}/Q74957`);
      expect(page.statusCode, type).toBe(404);
      expect(page.body).toContain('use place, country or tie');
      const token = csrfOf((await as.editor!.get('/account')).body);
      const facts = await as.editor!.post(`/edit/${type}/Q74957/facts`, { _csrf: token, leader_name: 'x' });
      expect(facts.statusCode, type).toBe(404);
      const section = await as.editor!.post(`/edit/${type}/Q74957/economy`, { _csrf: token, body: 'x' });
      expect(section.statusCode, type).toBe(404);
    }
  });

  it('does not count a sign-up form with mistakes against the network: the eleventh try still makes the account', async () => {
    const v = new Visitor(() => ctx.app, '10.77.1.1');
    // the limit is ten new accounts an hour from one network
    for (let i = 0; i < 12; i++) {
      const bad = await v.submit('/signup', { email: `not an address ${i}`, password: 'short' });
      expect(bad.statusCode).toBe(400);
    }
    expect(await ctx.t.database.db.selectFrom('throttle').selectAll().execute()).toEqual([]);
    const made = await v.submit('/signup', { email: 'patient@example.org', password: PASSWORD });
    expect(made.statusCode).toBe(303);
    expect(await ctx.t.store.users.byEmail('patient@example.org')).toBeDefined();
  });
});
