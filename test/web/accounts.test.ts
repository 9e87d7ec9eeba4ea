import { describe, expect, it } from 'vitest';
import { AccountsService, LIMITS } from '../../src/services/accounts.js';
import { NotifyService } from '../../src/services/notify.js';
import { useTestApp } from '../helpers/app.js';
import { Visitor, csrfOf, mainText } from '../helpers/client.js';
import { fixtureFiles } from '../helpers/fixtures.js';

const PASSWORD = 'correct horse battery';

describe('accounts on the web: sign up, sign in, sign out, reset', () => {
  const ctx = useTestApp(fixtureFiles);
  const visitor = (ip?: string) => new Visitor(() => ctx.app, ip);

  it('signs up, is signed in at once, and signs out', async () => {
    const v = visitor('10.0.0.1');
    const made = await v.submit('/signup', { email: 'Mei@Example.org', name: 'Mei Lin', password: PASSWORD });
    expect(made.statusCode).toBe(303);
    expect(made.headers.location).toBe('/account?done=signup');
    const session = made.cookies.find((c) => c.name === 'tw_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 14 * 86400 });
    const account = await v.get('/account');
    expect(mainText(account.body)).toContain('Your name Mei Lin E-mail address mei@example.org');
    expect(account.headers['cache-control']).toBe('private, no-store');
    // the header names the user on every page
    expect((await v.get('/countries')).body).toContain('<a href="/account">Mei Lin</a>');

    const out = await v.submit('/account', {}, '/signout');
    expect(out.statusCode).toBe(303);
    expect(v.cookies.has('tw_session')).toBe(false);
    const after = await v.get('/account');
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe('/signin?next=%2Faccount');
  });

  it('refuses a second account for an address and says what to fix on the form', async () => {
    await visitor('10.0.0.2').submit('/signup', { email: 'dup@example.org', password: PASSWORD });
    const again = await visitor('10.0.0.2').submit('/signup', {
      email: 'DUP@example.org ',
      password: PASSWORD,
    });
    expect(again.statusCode).toBe(400);
    expect(mainText(again.body)).toContain('dup@example.org already has an account.');
    const bad = await visitor('10.0.0.2').submit('/signup', {
      email: 'not-an-address',
      name: 'Kim',
      password: 'short',
    });
    expect(bad.statusCode).toBe(400);
    const text = mainText(bad.body);
    expect(text).toContain('"not-an-address" is not an e-mail address');
    expect(text).toContain('the password must be at least 10 characters long');
    // what was typed stays in the form, except the password
    expect(bad.body).toContain('value="Kim"');
    expect(bad.body).not.toContain('value="short"');
  });

  it('signs in with the right password only, and goes back to the page asked for', async () => {
    await new AccountsService(ctx.t.store).addUser({
      email: 'chair@example.org',
      name: 'Chair',
      password: PASSWORD,
    });
    const v = visitor('10.0.0.3');
    const wrong = await v.signIn('chair@example.org', 'wrong password');
    expect(wrong.statusCode).toBe(401);
    expect(mainText(wrong.body)).toContain('The e-mail address or the password is not right.');
    expect(wrong.body).toContain('value="chair@example.org"');
    const page = await v.get('/signin?next=%2Fcountries%2FCN');
    const ok = await v.post('/signin', {
      _csrf: csrfOf(page.body),
      email: 'Chair@Example.org',
      password: PASSWORD,
      next: '/countries/CN',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/countries/CN');
    // a place elsewhere is not where sign-in sends anyone
    const v2 = visitor('10.0.0.3');
    const page2 = await v2.get('/signin');
    const off = await v2.post('/signin', {
      _csrf: csrfOf(page2.body),
      email: 'chair@example.org',
      password: PASSWORD,
      next: 'https://evil.example/',
    });
    expect(off.headers.location).toBe('/');
  });

  it('needs a CSRF token made for this browser and this session on every form', async () => {
    await new AccountsService(ctx.t.store).addUser({ email: 'csrf@example.org', password: PASSWORD });
    const v = visitor('10.0.0.4');
    await v.get('/signin');
    const none = await v.post('/signin', { email: 'csrf@example.org', password: PASSWORD });
    expect(none.statusCode).toBe(403);
    expect(mainText(none.body)).toContain('This form has expired');
    // a token from another browser does not fit this browser's secret
    const other = visitor('10.0.0.4');
    const otherToken = csrfOf((await other.get('/signin')).body);
    expect(
      (await v.post('/signin', { _csrf: otherToken, email: 'csrf@example.org', password: PASSWORD }))
        .statusCode,
    ).toBe(403);
    // a token made before signing in is no good after it (bound to the session)
    const before = csrfOf((await v.get('/signin')).body);
    expect((await v.signIn('csrf@example.org', PASSWORD)).statusCode).toBe(303);
    expect((await v.post('/signout', { _csrf: before })).statusCode).toBe(403);
    expect(v.cookies.has('tw_session')).toBe(true);
    // without its cookie secret, a token alone does nothing
    const token = csrfOf((await v.get('/account')).body);
    const bare = await ctx.app.inject({
      method: 'POST',
      url: '/signout',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `tw_session=${v.cookies.get('tw_session')}`,
      },
      payload: `_csrf=${encodeURIComponent(token)}`,
    });
    expect(bare.statusCode).toBe(403);
  });

  it('slows down guessing: after five failures an address waits, even with the right password', async () => {
    await new AccountsService(ctx.t.store).addUser({ email: 'target@example.org', password: PASSWORD });
    const v = visitor('10.0.0.5');
    for (let i = 0; i < LIMITS.signinEmail.max; i++)
      expect((await v.signIn('target@example.org', `guess number ${i}`)).statusCode).toBe(401);
    const blocked = await v.signIn('target@example.org', PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe(String(LIMITS.signinEmail.minutes * 60));
    expect(mainText(blocked.body)).toContain('Too many failed sign-ins for this address');
    // from another network address too: the count is per account
    expect((await visitor('10.0.0.6').signIn('target@example.org', PASSWORD)).statusCode).toBe(429);
    // the counts are in the database, so every app server sees them
    expect(await ctx.t.store.users.attempts('signin:email:target@example.org', '2000-01-01')).toBe(5);
  });

  it('lets the owner in from a browser that signed in before, while the address is locked for guessers', async () => {
    await new AccountsService(ctx.t.store).addUser({ email: 'owner@example.org', password: PASSWORD });
    const owner = visitor('10.0.2.1');
    const first = await owner.signIn('owner@example.org', PASSWORD);
    expect(first.statusCode).toBe(303);
    const device = first.cookies.find((c) => c.name === 'tw_device');
    expect(device).toMatchObject({ path: '/signin', httpOnly: true, sameSite: 'Lax', maxAge: 365 * 86400 });
    await owner.submit('/account', {}, '/signout');

    const guesser = visitor('10.0.2.2');
    for (let i = 0; i < LIMITS.signinEmail.max; i++)
      expect((await guesser.signIn('owner@example.org', `guess number ${i}`)).statusCode).toBe(401);
    expect((await guesser.signIn('owner@example.org', PASSWORD)).statusCode).toBe(429);
    // a forged or another account's device cookie is no way round the lock
    const forger = visitor('10.0.2.3');
    forger.cookies.set(
      'tw_device',
      `${owner.cookies.get('tw_device')!.split('.').slice(0, 2).join('.')}.forged`,
    );
    expect((await forger.signIn('owner@example.org', PASSWORD)).statusCode).toBe(429);
    expect((await visitor('10.0.2.4').signIn('chair@example.org', PASSWORD)).statusCode).toBe(303);
    // the owner's browser still signs in
    expect((await owner.signIn('owner@example.org', PASSWORD)).statusCode).toBe(303);
    await owner.submit('/account', {}, '/signout');
    // and has a count of its own: a thief of the cookie gets no more guesses than anyone
    for (let i = 0; i < LIMITS.signinEmail.max; i++)
      expect((await owner.signIn('owner@example.org', `guess number ${i}`)).statusCode).toBe(401);
    const held = await owner.signIn('owner@example.org', PASSWORD);
    expect(held.statusCode).toBe(429);
    expect(mainText(held.body)).toContain('Too many failed sign-ins from this browser');
  });

  it('slows down one network address trying many accounts', async () => {
    const v = visitor('10.0.0.7');
    for (let i = 0; i < LIMITS.signinIp.max; i++) await v.signIn(`nobody${i}@example.org`, 'wrong password');
    expect((await v.signIn('chair@example.org', PASSWORD)).statusCode).toBe(429);
    expect((await visitor('10.0.0.8').signIn('chair@example.org', PASSWORD)).statusCode).toBe(303);
  });

  it('ends a session when it expires, and forgets its cookie', async () => {
    const v = visitor('10.0.0.9');
    await v.signIn('chair@example.org', PASSWORD);
    expect((await v.get('/account')).statusCode).toBe(200);
    await ctx.t.store.db.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    const after = await v.get('/account');
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toMatch(/^\/signin/);
    expect(v.cookies.has('tw_session')).toBe(false);
  });

  it('resets a password through a link in the outbox, once, and ends the old sessions', async () => {
    await new AccountsService(ctx.t.store).addUser({
      email: 'forgetful@example.org',
      name: 'Forgetful',
      password: PASSWORD,
    });
    const old = visitor('10.0.1.1');
    await old.signIn('forgetful@example.org', PASSWORD);

    const v = visitor('10.0.1.2');
    const asked = await v.submit('/reset', { email: 'Forgetful@example.org' });
    expect(asked.statusCode).toBe(200);
    expect(mainText(asked.body)).toContain(
      'If Forgetful@example.org has an account, a link to choose a new password is on its way.',
    );
    // an unknown address gets the same answer and no mail
    const unknown = await v.submit('/reset', { email: 'stranger@example.org' });
    expect(mainText(unknown.body)).toContain('If stranger@example.org has an account');
    const mails = (await ctx.t.store.outbox.list({ limit: 50 })).filter(
      (m) => m.subject === 'Choose a new password',
    );
    expect(mails.map((m) => m.to)).toEqual(['forgetful@example.org']);
    const mail = mails[0]!;
    expect(mail.subject).toBe('Choose a new password');
    expect(mail.status).toBe('queued');
    const link = /http:\/\/localhost:3000(\/reset\/[\w-]+)/.exec(mail.body)?.[1];
    expect(link).toBeDefined();

    const form = await v.get(link!);
    expect(form.statusCode).toBe(200);
    expect(form.headers['referrer-policy']).toBe('no-referrer');
    const short = await v.post(link!, { _csrf: csrfOf(form.body), password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(mainText(short.body)).toContain('The password must be between 10 and 200 characters long.');
    const done = await v.post(link!, { _csrf: csrfOf(form.body), password: 'a brand new password' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/signin?reset=1');
    // used once only
    expect((await v.get(link!)).statusCode).toBe(410);
    // the session from before the reset is over; the new password works, the old one does not
    expect((await old.get('/account')).statusCode).toBe(303);
    expect((await visitor('10.0.1.3').signIn('forgetful@example.org', PASSWORD)).statusCode).toBe(401);
    expect(
      (await visitor('10.0.1.3').signIn('forgetful@example.org', 'a brand new password')).statusCode,
    ).toBe(303);
    expect((await v.get('/reset/not-a-real-token-at-all-xxxx')).statusCode).toBe(410);
  });

  it('gives signed-in readers their own pages and never stores them in the shared cache', async () => {
    const anon = visitor('10.0.2.1');
    await anon.get('/places/Q74957/anshan');
    const shared = await anon.get('/places/Q74957/anshan');
    expect(shared.headers['x-cache']).toBe('hit');
    expect(shared.body).toContain('<a href="/signin">Sign in</a>');
    const v = visitor('10.0.2.2');
    await v.signIn('chair@example.org', PASSWORD);
    const own = await v.get('/places/Q74957/anshan');
    expect(own.headers['x-cache']).toBeUndefined();
    expect(own.headers['cache-control']).toBe('private, no-store');
    expect(own.body).toContain('<a href="/account">Chair</a>');
    const sharedAgain = await anon.get('/places/Q74957/anshan');
    expect(sharedAgain.body).not.toContain('Chair</a>');
  });
});

describe('confirming the address of a new account', () => {
  const ctx = useTestApp(fixtureFiles);
  const news = () => ({ subject: 'News from Shenyang', body: 'Something happened.' });
  const tellShenyang = () =>
    ctx.t.store.transaction((tx) =>
      NotifyService.tell(tx, {
        targets: [{ type: 'place', id: 'Q74957' }],
        message: news,
        except: null,
        baseUrl: 'http://localhost:3000',
      }),
    );
  const mailsTo = async (to: string) =>
    (await ctx.t.store.outbox.list({ limit: 50, to })).map((m) => m.subject).reverse();
  const linkIn = (body: string) => /http:\/\/localhost:3000(\/confirm\/[\w-]+)/.exec(body)?.[1];

  it('mails a link at sign-up and nothing else until the owner opens it and confirms', async () => {
    const v = new Visitor(() => ctx.app, '10.5.0.1');
    await v.submit('/signup', { email: 'new@example.org', name: 'New', password: PASSWORD });
    expect(await mailsTo('new@example.org')).toEqual(['Confirm your e-mail address']);
    const [mail] = await ctx.t.store.outbox.list({ limit: 1, to: 'new@example.org' });
    expect(mail!.body).toContain('within 7 days');
    const link = linkIn(mail!.body)!;
    expect(link).toBeDefined();

    const account = await v.get('/account?done=signup');
    expect(mainText(account.body)).toContain(
      'Please confirm your address: we sent a link to new@example.org. Until you open it, we send you no notifications.',
    );
    // following works, but the page says mail waits for the confirmation, and none is sent
    const place = await v.get('/places/Q74957');
    expect(place.statusCode).toBe(301);
    const page = await v.get(place.headers.location as string);
    expect(mainText(page.body)).toContain('Mail starts once you have confirmed your e-mail address');
    const followed = await v.post('/follow', {
      _csrf: csrfOf(page.body),
      type: 'place',
      id: 'Q74957',
      mode: 'instant',
    });
    expect(followed.statusCode).toBe(303);
    expect(await tellShenyang()).toBe(0);
    expect(await mailsTo('new@example.org')).toEqual(['Confirm your e-mail address']);

    // opening the link shows a button; only pressing it confirms (a mail scanner's visit does not)
    const confirmPage = await new Visitor(() => ctx.app, '10.5.0.2').get(link);
    expect(confirmPage.statusCode).toBe(200);
    expect(confirmPage.headers['referrer-policy']).toBe('no-referrer');
    expect(mainText(confirmPage.body)).toContain('Confirm that new@example.org is your address');
    expect((await ctx.t.store.users.byEmail('new@example.org'))!.emailConfirmedAt).toBeNull();
    const confirmed = await v.submit(link, {});
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe('/account?done=confirmed');
    const after = mainText((await v.get('/account?done=confirmed')).body);
    expect(after).toContain('Thank you: your address is confirmed.');
    expect(after).not.toContain('Please confirm your address');
    expect((await ctx.t.store.users.auditLog(5)).map((a) => a.action)).toContain('email.confirm');

    // from now on what they follow reaches them
    expect(await tellShenyang()).toBe(1);
    expect(await mailsTo('new@example.org')).toEqual(['Confirm your e-mail address', 'News from Shenyang']);
    // the link works once
    expect((await v.get(link)).statusCode).toBe(410);
    expect((await v.get('/confirm/not-a-real-token-at-all-xxxx')).statusCode).toBe(410);
  });

  it('sends the link again a few times an hour, and a signed-out confirmation leads to sign-in', async () => {
    const v = new Visitor(() => ctx.app, '10.5.1.1');
    await v.submit('/signup', { email: 'again@example.org', password: PASSWORD });
    for (let i = 0; i < LIMITS.confirmUser.max; i++) {
      const sent = await v.submit('/account', {}, '/account/confirm');
      expect(sent.statusCode).toBe(303);
      expect(sent.headers.location).toBe('/account?done=confirm-sent');
    }
    const tooMany = await v.submit('/account', {}, '/account/confirm');
    expect(tooMany.statusCode).toBe(429);
    expect(mainText(tooMany.body)).toContain('Too many confirmation mails in a short time.');
    const mails = await ctx.t.store.outbox.list({ limit: 50, to: 'again@example.org' });
    expect(mails).toHaveLength(1 + LIMITS.confirmUser.max);
    // any of the links works; confirmed from another browser, it asks to sign in
    const other = new Visitor(() => ctx.app, '10.5.1.2');
    const done = await other.submit(linkIn(mails[2]!.body)!, {});
    expect(done.headers.location).toBe('/signin?confirmed=1');
    expect(mainText((await other.get('/signin?confirmed=1')).body)).toContain(
      'Thank you: your address is confirmed.',
    );
    // a confirmed account is sent no more links
    await v.submit('/account', {}, '/account/confirm');
    expect(await ctx.t.store.outbox.list({ limit: 50, to: 'again@example.org' })).toHaveLength(
      1 + LIMITS.confirmUser.max,
    );
  });

  it('takes a password reset as confirmation, and never a reset link as a confirmation link', async () => {
    const v = new Visitor(() => ctx.app, '10.5.2.1');
    await v.submit('/signup', { email: 'reset-first@example.org', password: PASSWORD });
    await new Visitor(() => ctx.app, '10.5.2.2').submit('/reset', { email: 'reset-first@example.org' });
    const [reset] = await ctx.t.store.outbox.list({ limit: 1, to: 'reset-first@example.org' });
    const token = /\/reset\/([\w-]+)/.exec(reset!.body)![1]!;
    expect((await v.get(`/confirm/${token}`)).statusCode).toBe(410);
    const form = await v.get(`/reset/${token}`);
    await v.post(`/reset/${token}`, { _csrf: csrfOf(form.body), password: 'a brand new password' });
    expect((await ctx.t.store.users.byEmail('reset-first@example.org'))!.emailConfirmedAt).not.toBeNull();
  });

  it('tells neither disabled accounts nor unconfirmed ones; accounts made by an admin are confirmed', async () => {
    const accounts = new AccountsService(ctx.t.store);
    const made = await accounts.addUser({ email: 'by-admin@example.org', password: PASSWORD });
    expect(made.emailConfirmedAt).not.toBeNull();
    await ctx.t.store.notify.subscribe(made.id, 'place', 'Q74957', 'instant', new Date().toISOString());
    expect(await tellShenyang()).toBe(2); // by-admin and new@ from the first test
    await ctx.t.store.users.setDisabled(made.id, new Date().toISOString());
    expect(await tellShenyang()).toBe(1);
    expect(await mailsTo('by-admin@example.org')).toEqual(['News from Shenyang']);
  });
});

describe('sign-in limits behind a reverse proxy', () => {
  const ctx = useTestApp(fixtureFiles, { TWINNING_TRUST_PROXY: '1' });

  it('counts per client address as the proxy reports it, not per proxy', async () => {
    const attempt = async (client: string) => {
      const page = await ctx.app.inject({ url: '/signin', headers: { 'x-forwarded-for': client } });
      const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      return ctx.app.inject({
        method: 'POST',
        url: '/signin',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, 'x-forwarded-for': client },
        payload: new URLSearchParams({
          _csrf: csrfOf(page.body),
          email: `x${Math.random()}@example.org`,
          password: 'wrong password',
        }).toString(),
      });
    };
    for (let i = 0; i < LIMITS.signinIp.max; i++) expect((await attempt('203.0.113.7')).statusCode).toBe(401);
    expect((await attempt('203.0.113.7')).statusCode).toBe(429);
    expect((await attempt('198.51.100.2')).statusCode).toBe(401);
  });
});

describe('the account page', () => {
  const ctx = useTestApp(fixtureFiles);

  it('deletes an account with its password: name, address and follows go, the address is free again', async () => {
    const accounts = new AccountsService(ctx.t.store);
    const leaver = await accounts.addUser({ email: 'leaver@example.org', name: 'Lea', password: PASSWORD });
    await ctx.t.store.notify.subscribe(leaver.id, 'place', 'Q74957', 'instant', new Date().toISOString());
    const v = new Visitor(() => ctx.app, '10.3.7.1');
    await v.signIn('leaver@example.org', PASSWORD);
    const other = new Visitor(() => ctx.app, '10.3.7.2');
    await other.signIn('leaver@example.org', PASSWORD);
    expect(mainText((await v.get('/account')).body)).toContain('Delete the account');
    const wrong = await v.submit('/account', { current: 'not my password' }, '/account/delete');
    expect(wrong.statusCode).toBe(400);
    expect(mainText(wrong.body)).toContain('The current password is not right.');
    const gone = await v.submit('/account', { current: PASSWORD }, '/account/delete');
    expect(gone.statusCode).toBe(303);
    expect(gone.headers.location).toBe('/signin?deleted=1');
    expect(v.cookies.has('tw_session')).toBe(false);
    expect(mainText((await v.get('/signin?deleted=1')).body)).toContain('Your account was deleted.');
    // every session ends; nothing personal is left; the row stays for the comments and edits it made
    expect((await other.get('/account')).statusCode).toBe(303);
    expect(await ctx.t.store.users.byEmail('leaver@example.org')).toBeUndefined();
    expect(await ctx.t.store.users.byId(leaver.id)).toMatchObject({
      name: 'Former member',
      email: `deleted-${leaver.id}@deleted.invalid`,
      isAdmin: false,
    });
    expect(await ctx.t.store.notify.ofUser(leaver.id)).toEqual([]);
    expect((await ctx.t.store.users.auditLog(5)).map((a) => a.action)).toContain('user.delete');
    expect(
      (await new Visitor(() => ctx.app, '10.3.7.3').signIn('leaver@example.org', PASSWORD)).statusCode,
    ).toBe(401);
    const again = await new Visitor(() => ctx.app, '10.3.7.4').submit('/signup', {
      email: 'leaver@example.org',
      password: PASSWORD,
    });
    expect(again.statusCode).toBe(303);
  });

  it('keeps the last site admin', async () => {
    await new AccountsService(ctx.t.store).addUser({
      email: 'boss@example.org',
      password: PASSWORD,
      admin: true,
    });
    const v = new Visitor(() => ctx.app, '10.3.8.1');
    await v.signIn('boss@example.org', PASSWORD);
    const refused = await v.submit('/account', { current: PASSWORD }, '/account/delete');
    expect(refused.statusCode).toBe(400);
    expect(mainText(refused.body)).toContain(
      'You are the only site admin: make someone else an admin before you go.',
    );
    expect(await ctx.t.store.users.byEmail('boss@example.org')).toBeDefined();
  });

  it('moves the account to a new address once the link mailed there is opened', async () => {
    const accounts = new AccountsService(ctx.t.store);
    await accounts.addUser({ email: 'mover@example.org', name: 'Mover', password: PASSWORD });
    await accounts.addUser({ email: 'taken@example.org', password: PASSWORD });
    const v = new Visitor(() => ctx.app, '10.3.5.1');
    await v.signIn('mover@example.org', PASSWORD);
    const ask = (email: string, current = PASSWORD) =>
      v.submit('/account', { email, current }, '/account/email');
    // the current password, and a real address that is free and new
    for (const [email, current, problem] of [
      ['moved@example.org', 'not my password', 'The current password is not right.'],
      ['nowhere', PASSWORD, '"nowhere" is not an e-mail address.'],
      ['Mover@example.org', PASSWORD, 'mover@example.org is your address already.'],
      ['taken@example.org', PASSWORD, 'taken@example.org already has an account.'],
    ] as const) {
      const refused = await ask(email, current);
      expect(refused.statusCode, email).toBe(400);
      expect(mainText(refused.body)).toContain(problem);
    }
    const asked = await ask('Moved@Example.org ');
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe('/account?done=email-sent');
    const [toNew] = await ctx.t.store.outbox.list({ limit: 1, to: 'moved@example.org' });
    expect(toNew!.subject).toBe('Confirm your new e-mail address');
    const [toOld] = await ctx.t.store.outbox.list({ limit: 1, to: 'mover@example.org' });
    expect(toOld!.subject).toBe('Your account’s e-mail address is about to change');
    expect(toOld!.body).toContain('moved@example.org');
    // nothing moves until the link is used, by a click on its page
    const link = /http:\/\/localhost:3000(\/account\/email\/[\w-]+)/.exec(toNew!.body)![1]!;
    const page = await new Visitor(() => ctx.app, '10.3.5.9').get(link);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(mainText(page.body)).toContain('Move your account from mover@example.org to moved@example.org?');
    expect(await ctx.t.store.users.byEmail('moved@example.org')).toBeUndefined();
    const moved = await v.submit(link, {});
    expect(moved.statusCode).toBe(303);
    expect(moved.headers.location).toBe('/account?done=email-changed');
    const account = mainText((await v.get('/account?done=email-changed')).body);
    expect(account).toContain('Your account has its new e-mail address.');
    expect(account).toContain('E-mail address moved@example.org');
    expect((await ctx.t.store.users.byEmail('moved@example.org'))!.emailConfirmedAt).not.toBeNull();
    expect((await ctx.t.store.users.auditLog(10)).map((a) => a.action)).toContain('email.change');
    // once only; the old address no longer signs in, the new one does
    expect((await v.get(link)).statusCode).toBe(410);
    expect(
      (await new Visitor(() => ctx.app, '10.3.5.2').signIn('mover@example.org', PASSWORD)).statusCode,
    ).toBe(401);
    expect(
      (await new Visitor(() => ctx.app, '10.3.5.3').signIn('moved@example.org', PASSWORD)).statusCode,
    ).toBe(303);
  });

  it('does not move an account to an address someone took after the link was sent', async () => {
    const accounts = new AccountsService(ctx.t.store);
    await accounts.addUser({ email: 'slow@example.org', password: PASSWORD });
    const v = new Visitor(() => ctx.app, '10.3.6.1');
    await v.signIn('slow@example.org', PASSWORD);
    await v.submit('/account', { email: 'contested@example.org', current: PASSWORD }, '/account/email');
    const [mail] = await ctx.t.store.outbox.list({ limit: 1, to: 'contested@example.org' });
    const link = /http:\/\/localhost:3000(\/account\/email\/[\w-]+)/.exec(mail!.body)![1]!;
    await accounts.addUser({ email: 'contested@example.org', password: PASSWORD });
    const refused = await v.submit(link, {});
    expect(refused.statusCode).toBe(409);
    expect(mainText(refused.body)).toContain('contested@example.org already has an account.');
    expect(await ctx.t.store.users.byEmail('slow@example.org')).toBeDefined();
    // a link of another kind is no address change
    expect((await v.get('/account/email/not-a-real-token-at-all-xxxx')).statusCode).toBe(410);
  });

  it('changes the name and, with the current password, the password; other sessions end', async () => {
    await new AccountsService(ctx.t.store).addUser({
      email: 'me@example.org',
      name: 'Me',
      password: PASSWORD,
    });
    const here = new Visitor(() => ctx.app, '10.3.0.1');
    const elsewhere = new Visitor(() => ctx.app, '10.3.0.2');
    await here.signIn('me@example.org', PASSWORD);
    await elsewhere.signIn('me@example.org', PASSWORD);
    const renamed = await here.submit('/account', { name: '  Mei  ' }, '/account/name');
    expect(renamed.headers.location).toBe('/account?done=name');
    expect((await here.get('/countries')).body).toContain('<a href="/account">Mei</a>');
    expect((await here.submit('/account', { name: ' ' }, '/account/name')).statusCode).toBe(400);
    const impostor = await here.submit('/account', { name: 'Former member' }, '/account/name');
    expect(impostor.statusCode).toBe(400);
    expect(mainText(impostor.body)).toContain(
      '"Former member" is kept for deleted accounts; choose another name.',
    );

    const wrong = await here.submit(
      '/account',
      { current: 'not my password', password: 'a new password here' },
      '/account/password',
    );
    expect(wrong.statusCode).toBe(400);
    expect(mainText(wrong.body)).toContain('The current password is not right.');
    const short = await here.submit(
      '/account',
      { current: PASSWORD, password: 'short' },
      '/account/password',
    );
    expect(mainText(short.body)).toContain('The password must be between 10 and 200 characters long.');
    const ok = await here.submit(
      '/account',
      { current: PASSWORD, password: 'a new password here' },
      '/account/password',
    );
    expect(ok.headers.location).toBe('/account?done=password');
    // this browser stays signed in, the other one is signed out
    expect((await here.get('/account')).statusCode).toBe(200);
    expect((await elsewhere.get('/account')).statusCode).toBe(303);
    expect(
      (await new Visitor(() => ctx.app, '10.3.0.3').signIn('me@example.org', 'a new password here'))
        .statusCode,
    ).toBe(303);
    const audit = await ctx.t.store.users.auditLog(5);
    expect(audit.map((a) => a.action)).toContain('password.change');
  });
});

describe('mail in the reader’s language', () => {
  const ctx = useTestApp(fixtureFiles);

  it('writes to someone who signed up in Chinese in Chinese, until they choose English', async () => {
    const v = new Visitor(() => ctx.app, '10.4.0.1');
    const made = await v.submit('/signup?lang=zh', {
      email: 'wang@example.org',
      name: '王芳',
      password: PASSWORD,
    });
    expect(made.statusCode).toBe(303);
    expect((await ctx.t.store.users.byEmail('wang@example.org'))!.lang).toBe('zh');
    const [confirm] = await ctx.t.store.outbox.list({ limit: 1, to: 'wang@example.org' });
    expect(confirm!.subject).toBe('请确认您的电子邮箱');
    await new Visitor(() => ctx.app, '10.4.0.2').submit('/reset', { email: 'wang@example.org' });
    const [zh] = await ctx.t.store.outbox.list({ limit: 1, to: 'wang@example.org' });
    expect(zh!.subject).toBe('设置新密码');
    expect(zh!.body).toContain('王芳，您好');
    const chosen = await v.submit('/account', { name: '王芳', lang: 'en' }, '/account/name');
    expect(chosen.statusCode).toBe(303);
    await new Visitor(() => ctx.app, '10.4.0.3').submit('/reset', { email: 'wang@example.org' });
    const [en] = await ctx.t.store.outbox.list({ limit: 1, to: 'wang@example.org' });
    expect(en!.subject).toBe('Choose a new password');
    expect((await v.submit('/account', { name: '王芳', lang: 'xx' }, '/account/name')).statusCode).toBe(400);
  });

  it('writes in German and in French to those who choose them', async () => {
    const v = new Visitor(() => ctx.app, '10.4.1.1');
    expect(
      (await v.submit('/signup?lang=de', { email: 'anna@example.org', name: 'Anna', password: PASSWORD }))
        .statusCode,
    ).toBe(303);
    expect((await ctx.t.store.users.byEmail('anna@example.org'))!.lang).toBe('de');
    const [confirm] = await ctx.t.store.outbox.list({ limit: 1, to: 'anna@example.org' });
    expect(confirm!.subject).toBe('Bitte bestätigen Sie Ihre E-Mail-Adresse');
    expect(confirm!.body).toMatch(/^Hallo Anna,\n\njemand \(hoffentlich Sie\) hat mit anna@example\.org/);
    expect((await v.submit('/account', { name: 'Anna', lang: 'fr' }, '/account/name')).statusCode).toBe(303);
    await new Visitor(() => ctx.app, '10.4.1.2').submit('/reset', { email: 'anna@example.org' });
    const [fr] = await ctx.t.store.outbox.list({ limit: 1, to: 'anna@example.org' });
    expect(fr!.subject).toBe('Choisir un nouveau mot de passe');
    expect(fr!.body).toContain('Bonjour Anna,\n\nQuelqu’un (vous, nous l’espérons)');
    expect(fr!.body).toContain('minutes pour en choisir un\u00a0:');
  });
});
