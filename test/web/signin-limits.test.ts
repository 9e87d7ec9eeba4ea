import { describe, expect, it } from 'vitest';
import { AccountsService, LIMITS } from '../../src/services/accounts.js';
import { useTestApp } from '../helpers/app.js';
import { Visitor } from '../helpers/client.js';
import { fixtureFiles } from '../helpers/fixtures.js';

const PASSWORD = 'correct horse battery';
// every attempt that gets through costs a scrypt hash: slow on a busy machine
const SLOW = 120_000;

// The probe's findings: parallel wrong passwords were all checked. Sent at once over HTTP, they must not be.
describe('sign-in limits against parallel guesses', () => {
  const ctx = useTestApp(fixtureFiles);
  const failedChecks = async () =>
    (
      await ctx.t.store.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'signin.failed')
        .execute()
    ).length;

  it(
    'checks at most five of 40 wrong passwords for one address sent at once; the rest get 429',
    async () => {
      await new AccountsService(ctx.t.store).addUser({ email: 'target@example.org', password: PASSWORD });
      const before = await failedChecks();
      // from 40 network addresses, so that only the address's limit applies
      const visitors = Array.from({ length: 40 }, (_, i) => new Visitor(() => ctx.app, `10.9.1.${i + 1}`));
      const answers = await Promise.all(visitors.map((v, i) => v.signIn('target@example.org', `guess ${i}`)));
      const wrong = answers.filter((r) => r.statusCode === 401);
      const refused = answers.filter((r) => r.statusCode === 429);
      expect(wrong.length).toBeLessThanOrEqual(LIMITS.signinEmail.max);
      expect(wrong.length + refused.length).toBe(40);
      for (const r of refused) expect(r.headers['retry-after']).toBe(String(LIMITS.signinEmail.minutes * 60));
      expect((await failedChecks()) - before).toBe(wrong.length);
    },
    SLOW,
  );

  it(
    'checks at most 30 of 100 wrong passwords sent at once from one network address',
    async () => {
      const before = await failedChecks();
      const visitors = Array.from({ length: 100 }, () => new Visitor(() => ctx.app, '10.9.2.1'));
      const answers = await Promise.all(visitors.map((v, i) => v.signIn(`nobody${i}@example.org`, 'wrong')));
      const wrong = answers.filter((r) => r.statusCode === 401);
      expect(wrong.length).toBeLessThanOrEqual(LIMITS.signinIp.max);
      expect(answers.filter((r) => r.statusCode === 429)).toHaveLength(100 - wrong.length);
      expect((await failedChecks()) - before).toBe(wrong.length);
    },
    SLOW,
  );

  it(
    'lets the owner’s browser in while its network’s count is full',
    async () => {
      await new AccountsService(ctx.t.store).addUser({ email: 'owner@example.org', password: PASSWORD });
      const owner = new Visitor(() => ctx.app, '10.9.3.1');
      expect((await owner.signIn('owner@example.org', PASSWORD)).statusCode).toBe(303);
      await owner.submit('/account', {}, '/signout');
      expect(owner.cookies.has('tw_device')).toBe(true);
      // someone on the same network (a shared office, a carrier's NAT) fills its count
      const neighbour = new Visitor(() => ctx.app, '10.9.3.1');
      for (let i = 0; i < LIMITS.signinIp.max; i++)
        expect((await neighbour.signIn(`stranger${i}@example.org`, 'wrong')).statusCode).toBe(401);
      expect((await neighbour.signIn('owner@example.org', PASSWORD)).statusCode).toBe(429);
      // the browser that signed in before is not refused
      expect((await owner.signIn('owner@example.org', PASSWORD)).statusCode).toBe(303);
    },
    SLOW,
  );
});
