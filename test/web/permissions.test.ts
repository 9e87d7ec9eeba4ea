import { beforeAll, describe, expect, it } from 'vitest';
import { AccountsService } from '../../src/services/accounts.js';
import { INVITE_LIMIT, OrgsService, SYSTEM } from '../../src/services/orgs.js';
import { useTestApp } from '../helpers/app.js';
import { Visitor, csrfOf, mainText, anshanAndHanover } from '../helpers/client.js';
import { fixtureFiles } from '../helpers/fixtures.js';

const PASSWORD = 'correct horse battery';

// Anshan (Q74957) is tied to Birmingham (Q79867) and Malmö (Q2211); Hanover (Q1715) to Tokyo (Q1490).
describe('who may do what: site admins, editors and members of organizations', () => {
  const ctx = useTestApp(fixtureFiles);
  const as: Record<string, Visitor> = {};
  let tieAnshanBirmingham = 0;
  let tieHanoverTokyo = 0;

  beforeAll(async () => {
    Object.assign(
      as,
      await anshanAndHanover(() => ctx.app, ctx.t.store, { password: PASSWORD, net: '10.1.0' }),
    );
    tieAnshanBirmingham = (await ctx.t.store.twinnings.between('Q74957', 'Q79867'))!.id;
    tieHanoverTokyo = (await ctx.t.store.twinnings.between('Q1715', 'Q1490'))!.id;
  });

  const edit = (who: string, path: string, body: string) => as[who]!.submit(path, { body });

  it('keeps the admin area to site admins; strangers are asked to sign in first', async () => {
    const anon = new Visitor(() => ctx.app, '10.1.1.1');
    for (const path of [
      '/admin',
      '/admin/users',
      '/admin/orgs',
      '/admin/outbox',
      '/admin/audit',
      '/admin/edits',
    ]) {
      const r = await anon.get(path);
      expect(r.statusCode, path).toBe(303);
      expect(r.headers.location).toBe(`/signin?next=${encodeURIComponent(path)}`);
      expect((await as.anshanEditor!.get(path)).statusCode, path).toBe(403);
      expect((await as.admin!.get(path)).statusCode, path).toBe(200);
    }
    expect(mainText((await as.nobody!.get('/admin')).body)).toContain(
      'Only a site admin may open the admin area.',
    );
    // posting to an admin form without being one: refused, nothing changes
    const token = csrfOf((await as.anshanEditor!.get('/account')).body);
    const r = await as.anshanEditor!.post('/admin/orgs', { _csrf: token, name: 'Sneaky', kind: 'other' });
    expect(r.statusCode).toBe(403);
    expect(await ctx.t.store.orgs.bySlug('sneaky')).toBeUndefined();
  });

  it('lets a site admin create organizations and make and unmake admins, with each change in the audit log', async () => {
    const made = await as.admin!.submit('/admin/orgs', {
      name: 'Malmö Twinning Association',
      kind: 'association',
      homeId: 'Q2211',
      about: 'Volunteers.',
    });
    expect(made.statusCode).toBe(303);
    expect(made.headers.location).toBe('/orgs/malmo-twinning-association/manage');
    const bad = await as.admin!.submit('/admin/orgs', { name: '', kind: 'club', homeId: 'Q404' });
    expect(bad.statusCode).toBe(400);
    expect(mainText(bad.body)).toContain('the name is missing');
    expect(mainText(bad.body)).toContain('"club" is not a kind of organization');
    const missingHome = await as.admin!.submit('/admin/orgs', {
      name: 'Somewhere',
      kind: 'other',
      homeId: 'Q404',
    });
    expect(mainText(missingHome.body)).toContain('There is no place with id Q404');
    const taken = await as.admin!.submit('/admin/orgs', {
      name: 'Malmo twinning association',
      kind: 'other',
    });
    expect(mainText(taken.body)).toContain('The address /orgs/malmo-twinning-association is taken');

    const nobody = (await ctx.t.store.users.byEmail('nobody@example.org'))!;
    const users = await as.admin!.get('/admin/users');
    const token = csrfOf(users.body);
    expect((await as.admin!.post(`/admin/users/${nobody.id}`, { _csrf: token, admin: '1' })).statusCode).toBe(
      303,
    );
    expect((await ctx.t.store.users.byId(nobody.id))!.isAdmin).toBe(true);
    expect((await as.admin!.post(`/admin/users/${nobody.id}`, { _csrf: token, admin: '0' })).statusCode).toBe(
      303,
    );
    expect((await ctx.t.store.users.byId(nobody.id))!.isAdmin).toBe(false);
    const self = (await ctx.t.store.users.byEmail('admin@example.org'))!;
    const selfRemove = await as.admin!.post(`/admin/users/${self.id}`, { _csrf: token, admin: '0' });
    expect(selfRemove.statusCode).toBe(400);
    const audit = mainText((await as.admin!.get('/admin/audit')).body);
    expect(audit).toMatch(/admin@example\.org role\.revoke nobody@example\.org · admin/);
    expect(audit).toMatch(/admin@example\.org role\.grant nobody@example\.org · admin/);
    expect(audit).toContain('org.add');
  });

  it('lets an editor keep the home place, its partners and its ties, and nothing else', async () => {
    const saved = await edit(
      'anshanEditor',
      '/edit/place/Q74957/economy?in=en',
      'Steel, *machinery* and chemicals.',
    );
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/edit/place/Q74957/economy?in=en&done=saved');
    // a partner of the home, and the tie between them
    expect(
      (await edit('anshanEditor', '/edit/place/Q79867/locale?in=en', 'A steel city too.')).statusCode,
    ).toBe(303);
    expect(
      (await edit('anshanEditor', `/edit/tie/${tieAnshanBirmingham}/story?in=zh`, '两座钢铁城市。'))
        .statusCode,
    ).toBe(303);
    // another organization's home, a place not tied to the home, a tie that is not the home's
    const refusals = [
      '/edit/place/Q1715/economy?in=en',
      '/edit/place/Q1490/economy?in=en',
      `/edit/tie/${tieHanoverTokyo}/story?in=en`,
      '/edit/country/CN/cuisine?in=en',
    ];
    for (const path of refusals) {
      const page = await as.anshanEditor!.get(path);
      expect(page.statusCode, path).toBe(403);
      expect(mainText(page.body)).toContain('You may not edit');
      // posting straight to it (with a good token from elsewhere) is refused as well
      const token = csrfOf((await as.anshanEditor!.get('/account')).body);
      expect((await as.anshanEditor!.post(path, { _csrf: token, body: 'Vandalism.' })).statusCode, path).toBe(
        403,
      );
    }
    const hanover = await ctx.t.store.sections.of('place', ['Q1715']);
    expect(hanover).toEqual([]);
    // a member edits nothing; someone without a role neither; the other organization's editor not Anshan
    for (const who of ['anshanMember', 'nobody', 'hanoverEditor'])
      expect((await as[who]!.get('/edit/place/Q74957/economy')).statusCode, who).toBe(403);
    // the Hanover editor keeps Hanover and its partner Tokyo
    expect((await edit('hanoverEditor', '/edit/place/Q1490/food?in=en', 'Sushi.')).statusCode).toBe(303);
    // a site admin edits anything, countries included
    expect(
      (await edit('admin', '/edit/country/CN/cuisine?in=en', 'Eight great traditions.')).statusCode,
    ).toBe(303);
  });

  it('shows the edit on the public page at once, and keeps every version with who made it', async () => {
    const anon = new Visitor(() => ctx.app, '10.1.1.2');
    await anon.get('/places/Q74957/anshan');
    await edit('anshanEditor', '/edit/place/Q74957/economy?in=en', 'Steel and tourism.');
    const page = await anon.get('/places/Q74957/anshan');
    expect(page.body).toContain('<p>Steel and tourism.</p>');
    const history = await as.anshanEditor!.get('/history/place/Q74957/economy?in=en');
    expect(history.statusCode).toBe(200);
    const text = mainText(history.body);
    expect(text).toMatch(/by anshanEditor : edited \(current\)/);
    // word by word: what went and what came
    expect(history.body).toContain(
      'Steel<del>, *machinery*</del> and <del>chemicals</del><ins>tourism</ins>.',
    );
    // the other organization's editor may not read the editing history either
    expect((await as.hanoverEditor!.get('/history/place/Q74957/economy?in=en')).statusCode).toBe(403);
  });

  it('restores an old version as a new edit, and only for those who may edit', async () => {
    const revs = await ctx.t.store.revisions.of('section', 'place/Q74957/economy/en');
    const first = revs[revs.length - 1]!;
    expect(JSON.parse(first.data)).toEqual({ body: 'Steel, *machinery* and chemicals.' });
    const token = csrfOf((await as.hanoverEditor!.get('/account')).body);
    expect((await as.hanoverEditor!.post(`/history/restore/${first.id}`, { _csrf: token })).statusCode).toBe(
      403,
    );
    const history = await as.anshanEditor!.get('/history/place/Q74957/economy?in=en');
    const restored = await as.anshanEditor!.post(`/history/restore/${first.id}`, {
      _csrf: csrfOf(history.body),
    });
    expect(restored.statusCode).toBe(303);
    expect(restored.headers.location).toBe('/edit/place/Q74957/economy?in=en&done=restored');
    const now = await ctx.t.store.sections.of('place', ['Q74957']);
    expect(now.find((s) => s.key === 'economy')!.body).toBe('Steel, *machinery* and chemicals.');
    const after = await ctx.t.store.revisions.of('section', 'place/Q74957/economy/en');
    expect(after[0]!.action).toBe('restore');
    expect(after).toHaveLength(revs.length + 1);
  });

  it('lets an editor manage their organization and its people, but not another organization', async () => {
    const manage = await as.anshanEditor!.get('/orgs/anshan-foreign-affairs-office/manage');
    expect(manage.statusCode).toBe(200);
    const added = await as.anshanEditor!.submit(
      '/orgs/anshan-foreign-affairs-office/manage',
      { email: 'nobody@example.org', role: 'member' },
      '/orgs/anshan-foreign-affairs-office/members',
    );
    expect(added.statusCode).toBe(303);
    const nobody = (await ctx.t.store.users.byEmail('nobody@example.org'))!;
    const org = (await ctx.t.store.orgs.bySlug('anshan-foreign-affairs-office'))!;
    expect((await ctx.t.store.orgs.rolesOf(nobody.id)).get(org.id)).toBe('member');
    const notAddress = await as.anshanEditor!.submit(
      '/orgs/anshan-foreign-affairs-office/manage',
      { email: 'ghost', role: 'editor' },
      '/orgs/anshan-foreign-affairs-office/members',
    );
    expect(notAddress.statusCode).toBe(400);
    expect(mainText(notAddress.body)).toContain('"ghost" is not an e-mail address.');
    // an editor cannot move the organization's home (that decides what its editors may edit)
    const moved = await as.anshanEditor!.submit('/orgs/anshan-foreign-affairs-office/manage', {
      name: 'Anshan Foreign Affairs Office',
      kind: 'office',
      homeId: 'Q1715',
    });
    expect(moved.statusCode).toBe(403);
    expect((await ctx.t.store.orgs.bySlug('anshan-foreign-affairs-office'))!.homeId).toBe('Q74957');
    // the other organization: neither its page for editors nor its forms
    expect((await as.anshanEditor!.get('/orgs/hanover-partners/manage')).statusCode).toBe(403);
    const token = csrfOf(manage.body);
    const grab = await as.anshanEditor!.post('/orgs/hanover-partners/members', {
      _csrf: token,
      email: 'anshanEditor@example.org',
      role: 'editor',
    });
    expect(grab.statusCode).toBe(403);
    const hanover = (await ctx.t.store.orgs.bySlug('hanover-partners'))!;
    expect((await ctx.t.store.orgs.members(hanover.id)).map((m) => m.email)).toEqual([
      'hanovereditor@example.org',
    ]);
    // a member manages nothing
    expect((await as.anshanMember!.get('/orgs/anshan-foreign-affairs-office/manage')).statusCode).toBe(403);
    // removing a person ends their role
    const removed = await as.anshanEditor!.post(
      `/orgs/anshan-foreign-affairs-office/members/${nobody.id}/remove`,
      { _csrf: token },
    );
    expect(removed.statusCode).toBe(303);
    expect((await ctx.t.store.orgs.rolesOf(nobody.id)).has(org.id)).toBe(false);
  });

  it('disables an account: its sessions end and it cannot sign in again', async () => {
    const victim = new Visitor(() => ctx.app, '10.1.2.1');
    await new AccountsService(ctx.t.store).addUser({ email: 'spammer@example.org', password: PASSWORD });
    await victim.signIn('spammer@example.org', PASSWORD);
    const user = (await ctx.t.store.users.byEmail('spammer@example.org'))!;
    const token = csrfOf((await as.admin!.get('/admin/users')).body);
    expect(
      (await as.admin!.post(`/admin/users/${user.id}`, { _csrf: token, disabled: '1' })).statusCode,
    ).toBe(303);
    expect((await victim.get('/account')).statusCode).toBe(303);
    expect(
      (await new Visitor(() => ctx.app, '10.1.2.2').signIn('spammer@example.org', PASSWORD)).statusCode,
    ).toBe(401);
  });

  it('lets an editor correct the facts of places and ties, keeps the original, and restores it', async () => {
    const form = await as.anshanEditor!.get('/edit/place/Q74957');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="1199275"');
    const post = (fields: Record<string, string>, who = 'anshanEditor', path = '/edit/place/Q74957/facts') =>
      as[who]!.post(path, { _csrf: csrfOf(form.body), ...fields });
    const bad = await post({
      population: 'many',
      leader_since: '2021-02-30',
      languages: 'chinese',
      currency: 'RMB',
      timezone: 'Asia/Anshan',
    });
    expect(bad.statusCode).toBe(400);
    const text = mainText(bad.body);
    expect(text).toContain('Population: "many" is not a number');
    expect(text).toContain('Leader since: "2021-02-30" is not a day of the calendar');
    expect(text).toContain('Currency: "RMB" is not an ISO 4217 currency code');
    expect(text).toContain('Time zone: "Asia/Anshan" is not an IANA time zone');
    expect(bad.body).toContain('value="many"');
    const ok = await post({
      population: '1,200,000',
      population_year: '2020',
      leader_title: 'Mayor',
      leader_name: 'Zhang San',
      leader_since: '2021-06',
      languages: 'zh, en',
      currency: 'cny',
      timezone: '',
    });
    expect(ok.statusCode).toBe(303);
    const place = (await ctx.t.store.places.get('Q74957'))!;
    expect(place).toMatchObject({
      population: 1200000,
      populationYear: 2020,
      leaderName: 'Zhang San',
      languages: ['zh', 'en'],
      currency: 'CNY',
    });
    expect(place.leaderSince).toEqual({ date: '2021-06-01', precision: 'month' });
    const profile = mainText(
      (await new Visitor(() => ctx.app, '10.1.3.1').get('/places/Q74957/anshan')).body,
    );
    expect(profile).toContain('Population 1,200,000');
    expect(profile).toContain('Mayor Zhang San');
    // another organization's editor may not; nor on a tie not of their home
    expect((await post({ population: '1' }, 'hanoverEditor')).statusCode).toBe(403);
    expect((await post({ population: '1' }, 'anshanEditor', '/edit/place/Q1715/facts')).statusCode).toBe(403);

    const history = await as.anshanEditor!.get('/history/place/Q74957/facts');
    const h = mainText(history.body);
    expect(h).toMatch(/by anshanEditor : edited \(current\) Population 1199275 → 1200000/);
    expect(h).toContain('As the data had it before the first edit here');
    const original = (await ctx.t.store.revisions.of('place', 'Q74957')).at(-1)!;
    const restored = await as.anshanEditor!.post(`/history/facts/restore/${original.id}`, {
      _csrf: csrfOf(history.body),
    });
    expect(restored.statusCode).toBe(303);
    expect((await ctx.t.store.places.get('Q74957'))!).toMatchObject({
      population: 1199275,
      leaderName: null,
      currency: null,
    });

    // a tie: dates with precision, status, sources one per line
    const tiePath = `/edit/tie/${tieAnshanBirmingham}/facts`;
    const wrongOrder = await post(
      { kind: 'sister', signed: '1996-11-05', ended: '1990', status: 'ended', source: '', notes: '' },
      'anshanEditor',
      tiePath,
    );
    expect(wrongOrder.statusCode).toBe(400);
    expect(mainText(wrongOrder.body)).toContain('Ended: is before the signing');
    const tieOk = await post(
      {
        kind: 'friendship',
        signed: '1996-11',
        ended: '',
        status: 'dormant',
        source: 'https://example.org/minutes\nCity archive, box 12',
        notes: 'Renewed.',
      },
      'anshanEditor',
      tiePath,
    );
    expect(tieOk.statusCode).toBe(303);
    const tie = (await ctx.t.store.twinnings.get(tieAnshanBirmingham))!;
    expect(tie).toMatchObject({
      kind: 'friendship',
      status: 'dormant',
      signed: { date: '1996-11-01', precision: 'month' },
      notes: 'Renewed.',
    });
    expect(tie.sources.map((x) => x.url ?? x.citation)).toEqual([
      'https://example.org/minutes',
      'City archive, box 12',
    ]);
    expect(
      (await post({ kind: 'sister', status: 'active' }, 'anshanEditor', `/edit/tie/${tieHanoverTokyo}/facts`))
        .statusCode,
    ).toBe(403);
  });

  it("keeps the history of an organization's details and restores them, for its editors only", async () => {
    const edited = await as.anshanEditor!.submit('/orgs/anshan-foreign-affairs-office/manage', {
      name: 'Anshan Foreign Affairs Office',
      kind: 'office',
      homeId: 'Q74957',
      about: 'We keep the ties.',
    });
    expect(edited.statusCode).toBe(303);
    const history = await as.anshanEditor!.get('/orgs/anshan-foreign-affairs-office/history');
    const text = mainText(history.body);
    expect(text).toMatch(/by anshanEditor : edited \(current\) About — → We keep the ties\./);
    expect(text).toContain('As the organization was created');
    expect((await as.hanoverEditor!.get('/orgs/anshan-foreign-affairs-office/history')).statusCode).toBe(403);
    const org = (await ctx.t.store.orgs.bySlug('anshan-foreign-affairs-office'))!;
    const original = (await ctx.t.store.revisions.of('org', String(org.id))).at(-1)!;
    const token = csrfOf((await as.hanoverEditor!.get('/account')).body);
    expect((await as.hanoverEditor!.post(`/orgs/restore/${original.id}`, { _csrf: token })).statusCode).toBe(
      403,
    );
    const restored = await as.anshanEditor!.post(`/orgs/restore/${original.id}`, {
      _csrf: csrfOf(history.body),
    });
    expect(restored.statusCode).toBe(303);
    expect((await ctx.t.store.orgs.byId(org.id))!.about).toBe('');
  });
});

describe('inviting someone without an account', () => {
  const ctx = useTestApp(fixtureFiles);

  it('mails an invitation, and gives the role once an account with that address is confirmed', async () => {
    const accounts = new AccountsService(ctx.t.store);
    await accounts.addUser({ email: 'chair@example.org', name: 'Chair', password: PASSWORD });
    const org = await new OrgsService(ctx.t.store, 'http://localhost:3000').create(SYSTEM, {
      name: 'Anshan Office',
      kind: 'office',
      homeId: 'Q74957',
    });
    await new OrgsService(ctx.t.store).grant(SYSTEM, org, 'chair@example.org', 'editor');
    const chair = new Visitor(() => ctx.app, '10.6.0.1');
    await chair.signIn('chair@example.org', PASSWORD);
    const manage = `/orgs/${org.slug}/manage`;
    const invite = (email: string) =>
      chair.submit(manage, { email, role: 'editor' }, `/orgs/${org.slug}/members`);

    const sent = await invite('Newcomer@Example.org');
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`${manage}?invited=newcomer%40example.org`);
    const page = mainText((await chair.get(sent.headers.location as string)).body);
    expect(page).toContain('An invitation is on its way to newcomer@example.org.');
    expect(page).toContain(
      'Invited, waiting for an account E-mail address Role Invited Actions newcomer@example.org editor',
    );
    const [mail] = await ctx.t.store.outbox.list({ limit: 1, to: 'newcomer@example.org' });
    expect(mail!.subject).toBe('You are invited to Anshan Office on Twinning');
    expect(mail!.body).toContain('Chair invited you to Anshan Office on Twinning as an editor.');
    expect(mail!.body).toContain('/signup?email=newcomer%40example.org');

    // the link opens the sign-up form with the address filled in
    const v = new Visitor(() => ctx.app, '10.6.0.2');
    expect((await v.get('/signup?email=newcomer%40example.org')).body).toContain(
      'value="newcomer@example.org"',
    );
    // signing up with the address is not enough: the role waits for the confirmed address
    await v.submit('/signup', { email: 'newcomer@example.org', name: 'New', password: PASSWORD });
    const newcomer = (await ctx.t.store.users.byEmail('newcomer@example.org'))!;
    expect((await ctx.t.store.orgs.rolesOf(newcomer.id)).get(org.id)).toBeUndefined();
    const [confirm] = await ctx.t.store.outbox.list({ limit: 1, to: 'newcomer@example.org' });
    const link = /http:\/\/localhost:3000(\/confirm\/[\w-]+)/.exec(confirm!.body)![1]!;
    await v.submit(link, {});
    expect((await ctx.t.store.orgs.rolesOf(newcomer.id)).get(org.id)).toBe('editor');
    expect(mainText((await v.get('/account')).body)).toContain('Your roles Anshan Office : editor');
    expect(await ctx.t.store.orgs.invitesOf(org.id)).toEqual([]);
    const audit = await ctx.t.store.users.auditLog(20);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['role.invite', 'role.grant']));

    // an invitation can be withdrawn before it is taken up; only the organization's editors may
    await invite('maybe@example.org');
    const withManage = await chair.get(manage);
    expect(mainText(withManage.body)).toContain('maybe@example.org');
    const withdrawn = await chair.post(`/orgs/${org.slug}/invites/withdraw`, {
      _csrf: csrfOf(withManage.body),
      email: 'maybe@example.org',
    });
    expect(withdrawn.statusCode).toBe(303);
    expect(await ctx.t.store.orgs.invitesOf(org.id)).toEqual([]);
    await invite('again@example.org');
    const stranger = new Visitor(() => ctx.app, '10.6.0.3');
    await accounts.addUser({ email: 'stranger@example.org', password: PASSWORD });
    await stranger.signIn('stranger@example.org', PASSWORD);
    const account = await stranger.get('/account');
    expect(
      (
        await stranger.post(`/orgs/${org.slug}/invites/withdraw`, {
          _csrf: csrfOf(account.body),
          email: 'again@example.org',
        })
      ).statusCode,
    ).toBe(403);
    // an account an admin makes for the address takes the invitation up at once
    const made = await accounts.addUser({ email: 'again@example.org', password: PASSWORD });
    expect((await ctx.t.store.orgs.rolesOf(made.id)).get(org.id)).toBe('editor');
    // invitations are mail to strangers: an editor sends a few an hour (three were sent above)
    for (let i = 3; i < INVITE_LIMIT.max; i++)
      expect((await invite(`guest${i}@example.org`)).statusCode).toBe(303);
    const held = await invite('one.too.many@example.org');
    expect(held.statusCode).toBe(429);
    expect(mainText(held.body)).toContain('Too many invitations from you in a short time.');
    // said on the form, which keeps what was typed
    expect(held.body).toContain('value="one.too.many@example.org"');
  });
});

describe('deleting an account on its owner’s request', () => {
  const ctx = useTestApp(fixtureFiles);

  it('is for site admins, who type the address to confirm', async () => {
    const accounts = new AccountsService(ctx.t.store);
    await accounts.addUser({ email: 'admin@example.org', password: PASSWORD, admin: true });
    const asker = await accounts.addUser({ email: 'asker@example.org', name: 'Asker', password: PASSWORD });
    await accounts.addUser({ email: 'plain@example.org', password: PASSWORD });
    const admin = new Visitor(() => ctx.app, '10.5.9.1');
    await admin.signIn('admin@example.org', PASSWORD);
    const plain = new Visitor(() => ctx.app, '10.5.9.2');
    await plain.signIn('plain@example.org', PASSWORD);
    const asking = new Visitor(() => ctx.app, '10.5.9.3');
    await asking.signIn('asker@example.org', PASSWORD);

    const page = `/admin/users/${asker.id}/delete`;
    expect((await plain.get(page)).statusCode).toBe(403);
    const users = await admin.get('/admin/users');
    expect(users.body).toContain(`href="${page}"`);
    const typo = await admin.submit(page, { confirm: 'askr@example.org' });
    expect(typo.statusCode).toBe(400);
    expect(mainText(typo.body)).toContain("Type the account's address (asker@example.org) to confirm.");
    const own = await admin.get('/admin/users');
    const me = (await ctx.t.store.users.byEmail('admin@example.org'))!;
    const self = await admin.post(`/admin/users/${me.id}/delete`, {
      _csrf: csrfOf(own.body),
      confirm: 'admin@example.org',
    });
    expect(mainText(self.body)).toContain('Delete your own account on your account page');

    const done = await admin.submit(page, { confirm: ' Asker@Example.org ' });
    expect(done.statusCode).toBe(303);
    expect(await ctx.t.store.users.byEmail('asker@example.org')).toBeUndefined();
    expect((await ctx.t.store.users.byId(asker.id))!.name).toBe('Former member');
    expect((await asking.get('/account')).statusCode).toBe(303);
    const audit = (await ctx.t.store.users.auditLog(5)).find((a) => a.action === 'user.delete')!;
    expect(audit).toMatchObject({ actor_id: me.id, subject: `user:${asker.id}` });
    // once
    expect((await admin.submit('/admin/users', { confirm: 'x@example.org' }, page)).statusCode).toBe(404);
  });
});
