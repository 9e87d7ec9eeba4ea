import { beforeAll, describe, expect, it } from 'vitest';
import { placeFactValues } from '../../src/services/facts.js';
import { useTestApp } from '../helpers/app.js';
import { Visitor, csrfOf, mainText, anshanAndHanover } from '../helpers/client.js';
import { fixtureFiles } from '../helpers/fixtures.js';

const PASSWORD = 'correct horse battery';
const CONTACT = 'partners@anshan.example.cn';

// Anshan (Q74957, CN) has an office whose editors keep it; Hanover (Q1715, DE) an association. Anshan is tied to
// Birmingham and Malmö, not to Hanover or Ma'anshan.
describe('profile keywords and "seeking partners" listings', () => {
  const ctx = useTestApp(fixtureFiles);
  const as: Record<string, Visitor> = {};
  const anon = () => new Visitor(() => ctx.app, '10.4.9.9');

  beforeAll(async () => {
    Object.assign(
      as,
      await anshanAndHanover(() => ctx.app, ctx.t.store, { password: PASSWORD, net: '10.4.0' }),
    );
  });

  /** Sends a form whose fields may repeat (checkboxes), with the visitor's cookies. */
  async function send(who: Visitor, url: string, fields: [string, string][]) {
    return ctx.app.inject({
      method: 'POST',
      url,
      remoteAddress: who.ip,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: who.cookieHeader },
      payload: new URLSearchParams(fields).toString(),
    });
  }

  /** Saves a place's facts as its editor's form does: the facts as they are, and these keywords. */
  async function saveKeywords(who: Visitor, id: string, ticked: string[], free: string) {
    const page = await who.get(`/edit/place/${id}`);
    if (page.statusCode !== 200) return page;
    const facts = placeFactValues((await ctx.t.store.places.get(id))!);
    return send(who, `/edit/place/${id}/facts`, [
      ['_csrf', csrfOf(page.body)],
      ...Object.entries(facts),
      ...ticked.map((k): [string, string] => ['keywords', k]),
      ['keywords_free', free],
    ]);
  }

  const listingFields = (over: Record<string, string | string[]> = {}): [string, string][] => {
    const base: Record<string, string | string[]> = {
      countries: 'se, DE',
      continents: ['EU'],
      fields: ['education', 'youth'],
      note: 'A steel city looking for school and youth exchanges.',
      contactName: 'Li Wei',
      contactEmail: CONTACT,
      ...over,
    };
    return Object.entries(base).flatMap(([k, v]) =>
      Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v]],
    );
  };

  async function publish(who: Visitor, slug: string, over: Record<string, string | string[]> = {}) {
    const page = await who.get(`/orgs/${slug}/seeking`);
    if (page.statusCode !== 200) {
      const token = csrfOf((await who.get('/account')).body);
      return send(who, `/orgs/${slug}/seeking`, [['_csrf', token], ...listingFields(over)]);
    }
    return send(who, `/orgs/${slug}/seeking`, [['_csrf', csrfOf(page.body)], ...listingFields(over)]);
  }

  it('lets the place’s editors set its profile keywords through the facts editor, kept in the facts history', async () => {
    const form = await as.anshanEditor!.get('/edit/place/Q74957');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<legend>Profile keywords</legend>');
    expect(form.body).toContain('name="keywords" value="steel"');
    const saved = await saveKeywords(
      as.anshanEditor!,
      'Q74957',
      ['steel', 'port'],
      'Glass  Making, heritage site, STEEL',
    );
    expect(saved.statusCode).toBe(303);
    expect(await ctx.t.store.keywords.of('Q74957')).toEqual(['steel', 'port', 'heritage', 'glass making']);
    // a revision of the facts with the keywords, in the facts history
    const [rev] = await ctx.t.store.revisions.of('place', 'Q74957');
    expect(JSON.parse(rev!.data)).toMatchObject({ keywords: 'steel; port; heritage; glass making' });
    const history = await as.anshanEditor!.get('/history/place/Q74957/facts');
    expect(mainText(history.body)).toContain('glass making');
    // the editor shows them again as they are
    const again = await as.anshanEditor!.get('/edit/place/Q74957');
    expect(again.body).toMatch(/<input type="checkbox" name="keywords" value="steel" checked/);
    expect(again.body).toContain('value="glass making"');
    // on the profile, in the reader's language
    const profile = await anon().get('/places/Q74957/anshan');
    expect(profile.body).toContain('<dt>Known for</dt>');
    expect(mainText(profile.body)).toContain('steel port heritage site glass making');
    const de = await anon().get('/places/Q74957/anshan?lang=de');
    expect(mainText(de.body)).toContain('Stahl Hafen Kulturerbe glass making');
  });

  it('refuses keywords it cannot keep, with the form again and what to fix', async () => {
    const before = await ctx.t.store.keywords.of('Q74957');
    for (const [free, message] of [
      ['x', '"x" is too short'],
      ['a'.repeat(41), `"${'a'.repeat(41)}" is longer than 40 characters`],
      ['steel!', '"steel!" may hold only letters, digits, spaces'],
      [
        Array.from({ length: 13 }, (_, i) => `industry ${i}`).join(', '),
        '13 keywords are too many: keep at most 12',
      ],
    ]) {
      const r = await saveKeywords(as.anshanEditor!, 'Q74957', [], free!);
      expect(r.statusCode, free).toBe(400);
      expect(mainText(r.body), free).toContain(`Profile keywords: ${message}`);
      expect(r.body).toContain('<legend>Profile keywords</legend>');
    }
    expect(await ctx.t.store.keywords.of('Q74957')).toEqual(before);
    // those who may not edit the place may not set its keywords either
    for (const who of ['anshanMember', 'hanoverEditor', 'nobody'])
      expect((await as[who]!.get('/edit/place/Q74957')).statusCode, who).toBe(403);
    const token = csrfOf((await as.hanoverEditor!.get('/account')).body);
    const r = await send(as.hanoverEditor!, '/edit/place/Q74957/facts', [
      ['_csrf', token],
      ['keywords', 'wine'],
    ]);
    expect(r.statusCode).toBe(403);
    expect(await ctx.t.store.keywords.of('Q74957')).toEqual(before);
  });

  it('counts shared keywords in the suggestions, as a sentence in the asked language', async () => {
    expect(
      (await saveKeywords(as.admin!, 'Q360235', ['steel', 'university'], 'glass making')).statusCode,
    ).toBe(303);
    const api = (await anon().get('/api/places/Q360235/suggestions?lang=zh')).json();
    const anshan = api.items.find((i: { id: string }) => i.id === 'Q74957');
    const profile = anshan.reasons.find((r: { kind: string }) => r.kind === 'profile');
    expect(profile).toMatchObject({
      keywords: ['steel', 'glass making'],
      weight: 2,
      text: '两地都有：钢铁和glass making',
    });
    const page = await anon().get('/places/Q360235/partners/find');
    expect(mainText(page.body)).toContain('Both: steel and glass making');
  });

  it('keeps the listing editor to the organization’s editors and site admins', async () => {
    const path = '/orgs/anshan-foreign-affairs-office/seeking';
    const stranger = await anon().get(path);
    expect(stranger.statusCode).toBe(303);
    expect(stranger.headers.location).toBe(`/signin?next=${encodeURIComponent(path)}`);
    for (const who of ['anshanMember', 'hanoverEditor', 'nobody']) {
      expect((await as[who]!.get(path)).statusCode, who).toBe(403);
      expect((await publish(as[who]!, 'anshan-foreign-affairs-office')).statusCode, who).toBe(403);
    }
    expect(await ctx.t.store.seeking.open()).toEqual([]);
    const page = await as.anshanEditor!.get(path);
    expect(page.statusCode).toBe(200);
    expect(mainText(page.body)).toContain('Not published yet.');
    // the organization's page for editors links to it
    expect((await as.anshanEditor!.get('/orgs/anshan-foreign-affairs-office/manage')).body).toContain(
      `href="${path}"`,
    );
  });

  it('refuses a listing it cannot publish, with the form again and its problems', async () => {
    const r = await publish(as.anshanEditor!, 'anshan-foreign-affairs-office', {
      countries: 'XX, Germany',
      fields: ['education', 'bogus'],
      continents: ['EU', 'ZZ'],
      contactName: '',
      contactEmail: 'not an address',
      note: 'n'.repeat(1001),
    });
    expect(r.statusCode).toBe(400);
    const text = mainText(r.body);
    expect(text).toContain('The listing cannot be published:');
    expect(text).toContain('Countries wanted: XX, GERMANY: give ISO 3166 country codes');
    expect(text).toContain('Continents wanted: choose among');
    expect(text).toContain('Fields: choose among');
    expect(text).toContain('Note: is longer than 1000 characters');
    expect(text).toContain('Contact name: is missing');
    expect(text).toContain('Contact e-mail: is not an e-mail address');
    // what was sent is shown again
    expect(r.body).toContain('value="XX, Germany"');
    const noField = await publish(as.anshanEditor!, 'anshan-foreign-affairs-office', { fields: [] });
    expect(mainText(noField.body)).toContain('Fields: choose at least one field');
    // a field sent with a wrong type is a 400 with the form, never a 500
    const token = csrfOf((await as.anshanEditor!.get('/account')).body);
    const odd = await send(as.anshanEditor!, '/orgs/anshan-foreign-affairs-office/seeking', [
      ['_csrf', token],
      ['note', 'a'],
      ['note', 'b'],
    ]);
    expect(odd.statusCode).toBe(400);
    expect(await ctx.t.store.seeking.open()).toEqual([]);
  });

  it('publishes a listing: on /seeking, on the profile, in the suggestions; the contact only to signed-in readers', async () => {
    const r = await publish(as.anshanEditor!, 'anshan-foreign-affairs-office');
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe('/orgs/anshan-foreign-affairs-office/seeking?done=published');
    const [listing] = await ctx.t.store.seeking.open();
    expect(listing).toMatchObject({
      countries: ['SE', 'DE'],
      continents: ['EU'],
      fields: ['education', 'youth'],
    });
    // with its revision and audit entry
    const revs = await ctx.t.store.revisions.of('seeking', String(listing!.id));
    expect(revs.map((x) => x.action)).toEqual(['create']);
    expect(mainText((await as.admin!.get('/admin/audit')).body)).toContain('seeking.publish');

    // anonymous readers: the listing, no contact, from the shared cache too
    const first = await anon().get('/seeking');
    expect(first.statusCode).toBe(200);
    expect(mainText(first.body)).toContain('Anshan');
    expect(mainText(first.body)).toContain('Sign in to see the contact');
    expect(first.body).not.toContain(CONTACT);
    // a signed-in reader sees the contact; the page is private and does not enter the cache
    const signed = await as.nobody!.get('/seeking');
    expect(signed.body).toContain(CONTACT);
    expect(signed.body).toContain('Li Wei');
    expect(String(signed.headers['cache-control'])).toContain('no-store');
    const cached = await anon().get('/seeking');
    expect(cached.headers['x-cache']).toBe('hit');
    expect(cached.body).not.toContain(CONTACT);
    expect(cached.body).not.toContain('Li Wei');
    // the organization's page shows it too, without the contact, linking to it
    const orgPage = await anon().get('/orgs/anshan-foreign-affairs-office');
    const orgText = mainText(orgPage.body);
    expect(orgText).toContain('Seeking partners');
    expect(orgText).toContain('education and youth exchanges');
    expect(orgPage.body).toContain(`href="/seeking#listing-${listing!.id}"`);
    expect(orgPage.body).not.toContain(CONTACT);
    expect(orgPage.body).not.toContain('Li Wei');
    const orgZh = mainText((await anon().get('/orgs/anshan-foreign-affairs-office?lang=zh')).body);
    expect(orgZh).not.toContain('education');
    const seekingDe = await anon().get('/seeking?lang=de');
    expect(mainText(seekingDe.body)).toContain('Bildung und Jugendaustausch');
    expect(mainText(seekingDe.body)).toContain('Melden Sie sich an, um den Kontakt zu sehen');

    // the API: no contact for anonymous callers, the contact for signed-in ones
    const api = (await anon().get('/api/seeking')).json();
    expect(api.items).toHaveLength(1);
    expect(api.items[0]).toMatchObject({
      place: { id: 'Q74957' },
      fields: ['education', 'youth'],
      contact: null,
    });
    expect(JSON.stringify(api)).not.toContain(CONTACT);
    const apiSigned = (await as.nobody!.get('/api/seeking')).json();
    expect(apiSigned.items[0].contact).toEqual({ name: 'Li Wei', email: CONTACT });
    expect(JSON.stringify((await anon().get('/api/seeking')).json())).not.toContain(CONTACT);

    // the profile says so and links to it
    const profile = await anon().get('/places/Q74957/anshan');
    expect(profile.body).toContain(`href="/seeking#listing-${listing!.id}"`);
    expect(mainText(profile.body)).toContain('This place is seeking new partners');
    expect(profile.body).not.toContain(CONTACT);

    // Hanover (Germany) asking for partners: Anshan's listing wants Germany, and says so
    const hanover = (await anon().get('/api/places/Q1715/suggestions')).json();
    const anshan = hanover.items.find((i: { id: string }) => i.id === 'Q74957');
    expect(anshan.listing).toMatchObject({
      id: listing!.id,
      fields: ['education', 'youth'],
      org: { slug: 'anshan-foreign-affairs-office' },
    });
    expect(anshan).not.toHaveProperty('listing.contactEmail');
    expect(JSON.stringify(hanover)).not.toContain(CONTACT);
    const openness = anshan.reasons.find((x: { kind: string }) => x.kind === 'openness');
    expect(openness).toMatchObject({ listing: 'country', wanted: 'DE', text: 'Seeking partners in Germany' });
    const finder = await anon().get('/places/Q1715/partners/find');
    expect(finder.body).toContain(`href="/seeking#listing-${listing!.id}"`);
    expect(mainText(finder.body)).toContain('Seeking partners in Germany');
    const ja = (await anon().get('/api/places/Q1715/suggestions?lang=ja')).json();
    expect(
      ja.items
        .find((i: { id: string }) => i.id === 'Q74957')
        .reasons.find((x: { kind: string }) => x.kind === 'openness').text,
    ).toBe('ドイツのパートナーを募集中');
  });

  it('filters /seeking and /api/seeking, and refuses unknown filters with 400', async () => {
    for (const [q, n] of [
      ['continent=AS', 1],
      ['continent=EU', 0],
      ['country=cn', 1],
      ['country=DE', 0],
      ['field=youth', 1],
      ['field=trade', 0],
      ['kind=city', 1],
      ['kind=region', 0],
    ] as const) {
      expect((await anon().get(`/api/seeking?${q}`)).json().items, q).toHaveLength(n);
      const page = await anon().get(`/seeking?${q}`);
      expect(page.statusCode, q).toBe(200);
      expect(page.body.includes('id="listing-'), q).toBe(n > 0);
    }
    for (const q of ['country=XX', 'continent=XY', 'field=bogus', 'kind=town', 'country=Germany'])
      for (const path of ['/seeking', '/api/seeking'])
        expect((await anon().get(`${path}?${q}`)).statusCode, `${path}?${q}`).toBe(400);
  });

  it('lets a site admin publish for any organization, and editors withdraw their own', async () => {
    expect(
      (await publish(as.admin!, 'hanover-partners', { countries: '', continents: [], fields: ['trade'] }))
        .statusCode,
    ).toBe(303);
    expect((await anon().get('/api/seeking')).json().items).toHaveLength(2);
    // Anshan (China) asks: Hanover's listing names no region, so it is open to Anshan too
    const forAnshan = (await anon().get('/api/places/Q74957/suggestions')).json();
    const hanover = forAnshan.items.find((i: { id: string }) => i.id === 'Q1715');
    expect(hanover.reasons.find((x: { kind: string }) => x.kind === 'openness')).toMatchObject({
      listing: 'anywhere',
      text: 'Seeking partners anywhere',
    });
    // withdrawing: another organization's editor may not; its own may
    const token = csrfOf((await as.hanoverEditor!.get('/account')).body);
    expect(
      (await as.hanoverEditor!.post('/orgs/anshan-foreign-affairs-office/seeking/withdraw', { _csrf: token }))
        .statusCode,
    ).toBe(403);
    const page = await as.anshanEditor!.get('/orgs/anshan-foreign-affairs-office/seeking');
    const withdraw = /<form method="post" action="([^"]+\/withdraw)"/.exec(page.body)?.[1];
    expect(withdraw).toBe('/orgs/anshan-foreign-affairs-office/seeking/withdraw');
    const done = await as.anshanEditor!.post(withdraw!, { _csrf: csrfOf(page.body) });
    expect(done.statusCode).toBe(303);
    const items = (await anon().get('/api/seeking')).json().items;
    expect(items.map((i: { place: { id: string } }) => i.place.id)).toEqual(['Q1715']);
    expect(mainText((await anon().get('/places/Q74957/anshan')).body)).not.toContain('seeking new partners');
    expect((await anon().get('/orgs/anshan-foreign-affairs-office')).body).not.toContain('id="h-seeking"');
    const forHanover = (await anon().get('/api/places/Q1715/suggestions')).json();
    expect(forHanover.items.find((i: { id: string }) => i.id === 'Q74957').listing).toBeNull();
    // withdrawn twice: nothing to withdraw
    const again = await as.anshanEditor!.post(withdraw!, { _csrf: csrfOf(page.body) });
    expect(again.statusCode).toBe(404);
    const state = await as.anshanEditor!.get('/orgs/anshan-foreign-affairs-office/seeking');
    expect(mainText(state.body)).toContain('Withdrawn: readers no longer see it.');
    const org = await ctx.t.store.orgs.bySlug('anshan-foreign-affairs-office');
    const own = await ctx.t.store.seeking.ofOrg(org!.id);
    expect(own?.status).toBe('closed');
    const revs = await ctx.t.store.revisions.of('seeking', String(own!.id));
    expect(revs.map((x) => x.action)).toEqual(['withdraw', 'create']);
  });
});
