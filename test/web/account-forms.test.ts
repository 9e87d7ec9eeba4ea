import { describe, expect, it } from 'vitest';
import { AccountsService } from '../../src/services/accounts.js';
import { useTestApp } from '../helpers/app.js';
import { Visitor, csrfOf, mainText } from '../helpers/client.js';
import { fixtureFiles } from '../helpers/fixtures.js';

const PASSWORD = 'correct horse battery';
const NUL = '\u0000';

// The forms of the signed-out side and the account page: what they answer to input they cannot take.
describe('the forms of accounts', () => {
  const ctx = useTestApp(fixtureFiles);
  const visitor = (ip: string) => new Visitor(() => ctx.app, ip);

  it('refuses a NUL character in the sign-in form with a 400 and the form again, writing nothing', async () => {
    await new AccountsService(ctx.t.store).addUser({ email: 'nul@example.org', password: PASSWORD });
    const before = (await ctx.t.store.users.auditLog(1000)).length;
    const v = visitor('10.8.0.1');
    for (const fields of [
      { email: `nul@example.org${NUL}`, password: PASSWORD },
      { email: 'nul@example.org', password: `${PASSWORD}${NUL}` },
    ]) {
      const res = await v.submit('/signin', fields);
      expect(res.statusCode).toBe(400);
      expect(mainText(res.body)).toContain('The form contains a NUL character; remove it and try again.');
      // the form is there again, to send once fixed
      expect(res.body).toContain('action="/signin"');
    }
    // no attempt was counted and nothing was logged: the request stopped before the service
    expect(await ctx.t.store.users.attempts('signin:email:nul@example.org', '2000-01-01')).toBe(0);
    expect(await ctx.t.store.users.auditLog(1000)).toHaveLength(before);
    expect((await v.signIn('nul@example.org', PASSWORD)).statusCode).toBe(303);
  });

  it('refuses a NUL character in the password reset forms', async () => {
    const v = visitor('10.8.0.2');
    const asked = await v.submit('/reset', { email: `nul@example.org${NUL}` });
    expect(asked.statusCode).toBe(400);
    expect(mainText(asked.body)).toContain('contains a NUL character');
    expect(asked.body).toContain('action="/reset"');
    expect(await ctx.t.store.outbox.list({ limit: 10, to: 'nul@example.org' })).toEqual([]);
    // the link's form: the password is not set
    await v.submit('/reset', { email: 'nul@example.org' });
    const [mail] = await ctx.t.store.outbox.list({ limit: 1, to: 'nul@example.org' });
    const link = /http:\/\/localhost:3000(\/reset\/[\w-]+)/.exec(mail!.body)![1]!;
    const refused = await v.submit(link, { password: `a new password${NUL}` });
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain('contains a NUL character');
    expect((await v.get(link)).statusCode).toBe(200);
    expect((await visitor('10.8.0.3').signIn('nul@example.org', PASSWORD)).statusCode).toBe(303);
  });

  it('refuses a NUL character in an account name, which stays as it was', async () => {
    const v = visitor('10.8.0.4');
    await new AccountsService(ctx.t.store).addUser({
      email: 'named@example.org',
      name: 'Named',
      password: PASSWORD,
    });
    await v.signIn('named@example.org', PASSWORD);
    const res = await v.submit('/account', { name: `Evil${NUL}Name`, lang: 'en' }, '/account/name');
    expect(res.statusCode).toBe(400);
    expect(mainText(res.body)).toContain('contains a NUL character');
    // the account page again, with its forms
    expect(res.body).toContain('action="/account/name"');
    expect((await ctx.t.store.users.byEmail('named@example.org'))!.name).toBe('Named');
    const signUp = await visitor('10.8.0.5').submit('/signup', {
      email: 'other@example.org',
      name: `Nul${NUL}`,
      password: PASSWORD,
    });
    expect(signUp.statusCode).toBe(400);
    expect(await ctx.t.store.users.byEmail('other@example.org')).toBeUndefined();
  });

  it('says a wrong password in the reader’s language and keeps the address typed', async () => {
    const v = visitor('10.8.0.6');
    const page = await v.get('/signin?lang=zh');
    const res = await v.post('/signin?lang=zh', {
      _csrf: csrfOf(page.body),
      email: 'nul@example.org',
      password: 'not the password',
    });
    expect(res.statusCode).toBe(401);
    expect(mainText(res.body)).toContain('电子邮箱或密码不正确。');
    expect(res.body).toContain('value="nul@example.org"');
    expect(res.body).not.toContain('value="not the password"');
  });

  it('asks for the address when the reset form is sent empty, and says when a link is no good', async () => {
    const v = visitor('10.8.0.7');
    const empty = await v.submit('/reset', { email: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(mainText(empty.body)).toContain('Give the e-mail address of your account.');
    const gone = await v.get('/reset/not-a-real-token-at-all-xxxx');
    expect(gone.statusCode).toBe(410);
    // the address holds a secret: not sent on as a referrer, even when the link is no good
    expect(gone.headers['referrer-policy']).toBe('no-referrer');
    expect(mainText(gone.body)).toContain('This link has expired or was used already.');
    expect(mainText(gone.body)).toContain('Forgot your password?');
  });

  it('lists what one follows by name on the account page', async () => {
    const accounts = new AccountsService(ctx.t.store);
    const user = await accounts.addUser({ email: 'fan@example.org', password: PASSWORD });
    await ctx.t.store.notify.subscribe(user.id, 'place', 'Q74957', 'daily', new Date().toISOString());
    const v = visitor('10.8.0.8');
    await v.signIn('fan@example.org', PASSWORD);
    expect(mainText((await v.get('/account')).body)).toContain('Anshan (a daily digest) Stop following');
    expect(mainText((await v.get('/account?lang=zh')).body)).toContain('鞍山（每日摘要）');
  });
});
