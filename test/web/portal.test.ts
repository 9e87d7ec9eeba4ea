import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/context.js';
import { loadConfig } from '../../src/config.js';
import { ContentService } from '../../src/services/content.js';
import { importFiles } from '../../src/services/import.js';
import { buildApp } from '../../src/web/app.js';
import { useTestApp } from '../helpers/app.js';
import { createTestDb } from '../helpers/db.js';
import { fixtureFiles } from '../helpers/fixtures.js';

describe('the portal in atlas mode', () => {
  const ctx = useTestApp(fixtureFiles);
  const get = (url: string, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: 'GET', url, headers });

  it('follows Accept-Language and the lang cookie when the address names no language, caching each apart', async () => {
    const zh = await get('/places/Q74957/anshan', { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' });
    expect(zh.body).toContain('<h1>鞍山</h1>');
    expect(zh.headers.vary).toBe('Accept-Language, Cookie');
    const en = await get('/places/Q74957/anshan', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.body).toContain('<h1>Anshan</h1>');
    expect(en.headers.etag).not.toBe(zh.headers.etag);
    // served again from the cache, each reader still gets their language
    const zhAgain = await get('/places/Q74957/anshan', { 'accept-language': 'zh-TW' });
    expect(zhAgain.body).toContain('<h1>鞍山</h1>');
    expect(zhAgain.headers['x-cache']).toBe('hit');
    // a choice made with the switch (cookie) beats the browser; ?lang= beats both
    expect(
      (await get('/places/Q74957/anshan', { 'accept-language': 'zh', cookie: 'lang=en' })).body,
    ).toContain('<h1>Anshan</h1>');
    expect((await get('/places/Q74957/anshan?lang=en', { cookie: 'lang=zh' })).body).toContain(
      '<h1>Anshan</h1>',
    );
    // a language the site does not speak falls back to English; French and German readers get theirs
    const other = (await get('/places/Q74957/anshan', { 'accept-language': 'xx, yy;q=0.5' })).body;
    expect(other).toContain('<html lang="en"');
    expect(other).toContain('<h1>Anshan</h1>');
    const fr = (await get('/places/Q74957/anshan', { 'accept-language': 'fr-CH, de;q=0.5' })).body;
    expect(fr).toContain('<html lang="fr"');
    expect(fr).toContain('<h1>Anshan</h1>');
    expect(
      (await get('/places/Q74957/anshan', { 'accept-language': 'de-AT,de;q=0.9,en;q=0.8' })).body,
    ).toContain('<html lang="de"');
  });

  it('serves an address with tracking parameters (utm_…, fbclid) as the page without them, and never repeats them', async () => {
    const plain = await get('/places/Q74957/anshan?lang=de');
    const shared = await get('/places/Q74957/anshan?utm_source=newsletter&lang=de&fbclid=IwAR0secret');
    expect(shared.statusCode).toBe(200);
    expect(shared.headers['x-cache']).toBe('hit');
    expect(shared.headers.etag).toBe(plain.headers.etag);
    // the first reader to come by a shared link: the page made for them is kept without their click id
    const first = await get('/places/Q74957/anshan?lang=fr&gclid=Cj0secret&utm_campaign=x');
    expect(first.headers['x-cache']).toBe('miss');
    expect(first.body).toContain('<html lang="fr"');
    expect(first.body).not.toContain('secret');
    expect(first.body).not.toContain('utm_campaign');
    expect((await get('/places/Q74957/anshan?lang=fr')).headers['x-cache']).toBe('hit');
    // any other parameter still names an address of its own
    expect((await get('/search?q=anshan&utm_medium=email')).body).toContain('Anshan');
    expect((await get('/search?q=hanover&utm_medium=email')).body).not.toContain('<h1>Anshan');
  });

  it('switches language with a link that works without scripts and goes nowhere but this site', async () => {
    const toZh = await get('/lang?to=zh&next=%2Fplaces%2FQ74957%2Fanshan');
    expect(toZh.statusCode).toBe(303);
    expect(toZh.headers.location).toBe('/places/Q74957/anshan?lang=zh');
    expect(String(toZh.headers['set-cookie'])).toMatch(/^lang=zh; Path=\/; Max-Age=31536000; SameSite=Lax/);
    const toEn = await get('/lang?to=en&next=%2Fsearch%3Fq%3Dx%26lang%3Dzh');
    expect(toEn.headers.location).toBe('/search?q=x');
    expect((await get('/lang?to=en&next=%2F%2Fevil.example%2F')).headers.location).toBe('/');
    expect((await get('/lang?to=en&next=https%3A%2F%2Fevil.example%2F')).headers.location).toBe('/');
    expect((await get('/lang?to=xx&next=%2F')).statusCode).toBe(400);
    const toFr = await get('/lang?to=fr&next=%2Fties');
    expect(toFr.statusCode).toBe(303);
    expect(toFr.headers.location).toBe('/ties?lang=fr');
    expect(String(toFr.headers['set-cookie'])).toMatch(/^lang=fr;/);
    // every way of writing another host that URL normalization turns into //host
    const variants = [
      '/.//evil.example',
      '/..//evil.example',
      '/%2e//evil.example',
      '/%2E%2E//evil.example',
      '/./../..//evil.example/x',
      '//evil.example',
      '/\\evil.example',
      '/\\/evil.example',
      '/%09/evil.example',
      'https://evil.example',
    ];
    for (const next of variants) {
      const location = String((await get(`/lang?to=en&${new URLSearchParams({ next })}`)).headers.location);
      expect(location, next).toMatch(/^\/(?![/\\])/);
      expect(new URL(location, 'https://site.example').host, next).toBe('site.example');
    }
    expect((await get('/lang?to=en&next=%2F.%2Fcountries%3Fx%3D1')).headers.location).toBe('/countries?x=1');
    const page = (await get('/countries')).body;
    expect(page).toContain('href="/lang?to=zh&amp;next=%2Fcountries"');
  });

  it('leads the home page with a search box, a map of the busiest places and recent changes', async () => {
    const html = (await get('/')).body;
    expect(html).toContain("<h1>The world's sister cities</h1>");
    expect(html).toMatch(/<form class="searchbox" method="get" action="\/search" role="search">/);
    expect(html).toContain('data-suggest="Suggested places"');
    expect(html).toContain(
      '<title id="world-ties-title">The busiest places and the ties between them</title>',
    );
    expect(html).toMatch(/<desc id="world-ties-desc">World map of the \d+ places with the most ties/);
    expect(html).toMatch(
      /<h2 id="h-busiest">Most ties<\/h2><ol><li><a href="\/places\/Q74957\/anshan">Anshan<\/a>/,
    );
    expect(html).toMatch(/<h2 id="h-recent">Recent changes<\/h2><ul class="log"><li><time datetime="/);
    expect(html).toMatch(/<script src="\/assets\/suggest-[\w-]+\.js" defer><\/script>/);
  });

  it('serves the shared assets for a year', async () => {
    const html = (await get('/places/Q74957/anshan')).body;
    const land = /<image href="(\/assets\/land-[\w-]+\.svg)"/.exec(html)![1]!;
    const res = await get(land);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // the inhabited world, Antarctica left out: lower than the 960×500 the whole globe takes
    expect(res.body).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 960 423"/);
    const script = /<script src="(\/assets\/suggest-[\w-]+\.js)"/.exec(html)![1]!;
    expect((await get(script)).body).toContain("setAttribute('role', 'combobox')");
    expect((await get('/assets/land-0000000000.svg')).statusCode).toBe(404);
  });

  it('suggests places as one types, in any script, with labels in the reader’s language', async () => {
    const res = await get('/api/places/suggest?q=%E9%9E%8D&lang=zh'); // 鞍
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items[0]).toEqual({
      id: 'Q74957',
      name: 'Anshan',
      label: '鞍山',
      detail: '城市 · 中国 · 2对友城',
      url: '/places/Q74957/anshan?lang=zh',
    });
    const en = (await get('/api/places/suggest?q=malm')).json();
    expect(en.items.map((i: { label: string }) => i.label)).toEqual(['Malmö', 'Malmö Municipality']);
    expect(en.items[0].detail).toBe('city · Sweden · 2 ties');
    expect((await get('/api/places/suggest?q=sweden')).json().items[0]).toMatchObject({
      detail: 'country · 0 ties',
      url: '/countries/SE',
    });
    expect((await get('/api/places/suggest')).statusCode).toBe(400);
    expect((await get('/api/places/suggest?q=a&limit=500')).statusCode).toBe(400);
  });

  it('explores ties by country pair, kind, status and decade', async () => {
    const all = (await get('/ties')).body;
    expect(all).toContain('<p role="status">4 ties match.</p>');
    const pair = (await get('/ties?a=US&b=CN')).body;
    expect(pair).toContain('<h1>Ties between United States and China</h1>');
    expect(pair).toContain('<p role="status">1 tie matches.</p>');
    // the chosen country's side first
    expect(pair).toMatch(
      /<td><a href="\/places\/Q79867\/birmingham">Birmingham<\/a><span class="muted"> · United States<\/span><\/td><td><a href="\/places\/Q74957\/anshan">Anshan/,
    );
    expect((await get('/ties?decade=1990')).body).toContain('2 ties match.');
    expect((await get('/ties?decade=1990&kind=partnership')).body).toContain('1 tie matches.');
    expect((await get('/ties?status=ended')).body).toContain('1 tie matches.');
    expect((await get('/ties?a=CN&status=ended')).body).toContain('No tie matches these filters.');
    for (const bad of [
      '/ties?a=XX',
      '/ties?b=CN',
      '/ties?kind=marriage',
      '/ties?status=x',
      '/ties?decade=1995',
    ]) {
      const res = await get(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.body).toContain('Please check the request');
    }
  });

  it('shows one tie with its facts and sources, and 404 for an unknown one', async () => {
    const list = (await get('/ties?a=US&b=CN')).body;
    const id = /href="\/ties\/(\d+)"/.exec(list)![1];
    const html = (await get(`/ties/${id}`)).body;
    expect(html).toContain('<h1>Anshan and Birmingham</h1>');
    expect(html).toContain('<dt>Signed</dt><dd>Nov. 5, 1996</dd>');
    expect(html).toContain('<dt>Listed by</dt><dd>both sides</dd>');
    expect(html).toContain('<dt>Notes</dt><dd>Both steel cities</dd>');
    expect(html).toContain(
      '<dt>Sources</dt><dd><ul><li><a href="https://example.org/anshan-birmingham" rel="external nofollow">https://example.org/anshan-birmingham</a></li><li>City council minutes 1996</li></ul></dd>',
    );
    expect(html).toContain('The story of this tie and its programs have not been written yet.');
    // every fact is known, so there is no "Not known" line
    expect(html).not.toContain('not-known');
    expect((await get('/ties/999999')).statusCode).toBe(404);
    expect((await get('/ties/abc')).statusCode).toBe(404);
    expect((await get(`/ties/${id}?lang=zh`)).body).toContain('<dt>建立</dt><dd>1996年11月5日</dd>');
  });

  it('shows the sections editors write, safely, in the reader’s language or marked as another', async () => {
    const content = new ContentService(ctx.t.store);
    await content.setSection({
      subjectType: 'place',
      subjectId: 'Q74957',
      key: 'economy',
      lang: 'en',
      body: '# Steel\n\nHome of **Ansteel**. <script>alert(1)</script> [x](javascript:alert(1)) [site](https://example.org)',
    });
    await content.setSection({
      subjectType: 'place',
      subjectId: 'Q74957',
      key: 'food',
      lang: 'zh',
      body: '鞍山烧烤。',
    });
    await content.setSection({
      subjectType: 'country',
      subjectId: 'CN',
      key: 'cuisine',
      lang: 'en',
      body: 'Eight great cuisines.',
    });
    // the cache follows the data version
    await new Promise((r) => setTimeout(r, 1100));
    const html = (await get('/places/Q74957/anshan')).body;
    expect(html).toContain(
      '<section aria-labelledby="g-place" class="section-group"><h3 id="g-place">The place and its economy</h3><div class="section-grid"><section aria-labelledby="s-economy" class="prose"><h4 id="s-economy">Economy</h4><div><h5>Steel</h5>\n<p>Home of <strong>Ansteel</strong>. &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1)) <a href="https://example.org" rel="external nofollow ugc">site</a></p>',
    );
    expect(html).not.toContain('<script>alert');
    expect(html).toContain(
      '<section aria-labelledby="g-funFacts" class="section-group"><h3 id="g-funFacts">Fun facts</h3><div class="section-grid"><section aria-labelledby="s-food" class="prose"><h4 id="s-food">Local food</h4><div lang="zh-Hans"><p>鞍山烧烤。</p>\n</div><p class="muted">Written in Chinese.</p>',
    );
    expect(html).not.toContain('Nothing has been written about this place yet');
    expect((await get('/places/Q74957/anshan?lang=zh')).body).toContain(
      '<h3 id="g-funFacts">趣味知识</h3><div class="section-grid"><section aria-labelledby="s-food" class="prose"><h4 id="s-food">地方美食</h4><div><p>鞍山烧烤。</p>',
    );
    expect((await get('/countries/CN')).body).toContain(
      '<h3 id="s-cuisine">Cuisine</h3><div><p>Eight great cuisines.</p>',
    );
  });

  it('refuses sections that do not fit their subject', async () => {
    const content = new ContentService(ctx.t.store);
    const section = {
      subjectType: 'place' as const,
      subjectId: 'Q74957',
      key: 'economy',
      lang: 'en',
      body: 'x',
    };
    await expect(content.setSection({ ...section, key: 'gossip' })).rejects.toThrow(
      '"gossip" is not a section of a place; use one of programs, locale, economy, tourism, climate, sports, food',
    );
    await expect(content.setSection({ ...section, lang: 'english' })).rejects.toThrow(
      'is not a language tag',
    );
    await expect(content.setSection({ ...section, body: 'x'.repeat(20_001) })).rejects.toThrow(
      'the text is 20001 characters long; the limit is 20000',
    );
    await expect(content.setSection({ ...section, subjectId: 'CN' })).rejects.toThrow('China is a country');
    await expect(content.setSection({ ...section, subjectType: 'country', key: 'cuisine' })).rejects.toThrow(
      'Anshan is not a country',
    );
    await expect(content.setSection({ ...section, subjectId: 'Q404' })).rejects.toThrow(
      'There is no place with id Q404.',
    );
    await expect(
      content.setSection({
        subjectType: 'twinning',
        subjectId: '99999',
        key: 'story',
        lang: 'en',
        body: 'x',
      }),
    ).rejects.toThrow('There is no tie with id 99999.');
    // an empty text removes the section
    await content.setSection({ ...section, body: 'Temporary.' });
    expect(await content.setSection({ ...section, body: '  ' })).toBe('removed');
    expect(await content.setSection({ ...section, body: '' })).toBe('unchanged');
  });
});

describe('the portal in home mode', () => {
  const ctx = useTestApp(fixtureFiles, { TWINNING_HOME: 'Q74957' });
  const get = (url: string) => ctx.app.inject({ method: 'GET', url });

  it('names the home program in the header and leads the home page with its partners', async () => {
    const html = (await get('/')).body;
    expect(html).toContain(
      '<a class="brand" href="/">Anshan Sister Cities<small>International relations</small></a>',
    );
    expect(html).toContain('<h1>Anshan and its sister cities</h1>');
    expect(html).toContain('Anshan is tied to 2 places in 2 countries');
    expect(html).toContain('<title id="home-map-title">Anshan and its partners on the map</title>');
    // partners as cards, oldest agreement first
    expect(html).toMatch(
      /<ul class="cards"><li><a class="title" href="\/places\/Q2211\/malmo">Malmö<\/a><span class="muted">Sweden<\/span><br\/>Agreement signed 1989<br\/>.*<a class="title" href="\/places\/Q79867\/birmingham">Birmingham<\/a><span class="muted">United States<\/span><br\/>Agreement signed Nov. 5, 1996/,
    );
    const zh = (await get('/?lang=zh')).body;
    expect(zh).toContain('<h1>鞍山的友好城市</h1>');
    expect(zh).toContain('协议签署于1996年11月5日');
  });

  it('writes each partner’s page from the home’s point of view', async () => {
    const html = (await get('/places/Q79867/birmingham')).body;
    expect(html).toMatch(
      /<p class="lead tie">Partner of Anshan since Nov. 5, 1996. <a href="\/ties\/\d+">About the tie<\/a><\/p>/,
    );
    expect(html).toContain(
      '<dt>Agreement signed</dt><dd>Nov. 5, 1996</dd><dt>Kind of tie</dt><dd>sister city</dd>',
    );
    expect(html).toContain('The story of the tie with Anshan has not been written yet.');
    expect((await get('/places/Q79867/birmingham?lang=zh')).body).toContain(
      '<dt>协议签署</dt><dd>1996年11月5日</dd>',
    );
    // a place with no tie to the home reads as in atlas mode
    expect((await get('/places/Q1715/hanover')).body).not.toContain('Agreement signed');
    // the home's own page lists its partners
    expect((await get('/places/Q74957/anshan')).body).toContain('Partners (2)');
  });

  it('shows the story of the tie with the home on the partner’s page', async () => {
    const tie = await ctx.t.store.twinnings.between('Q79867', 'Q74957');
    await new ContentService(ctx.t.store).setSection({
      subjectType: 'twinning',
      subjectId: String(tie!.id),
      key: 'story',
      lang: 'en',
      body: 'Two steel cities met at a trade fair in *1995*.',
    });
    await new Promise((r) => setTimeout(r, 1100));
    const html = (await get('/places/Q79867/birmingham')).body;
    expect(html).toContain(
      '<h3 id="tie-story">Story of the tie</h3><div><p>Two steel cities met at a trade fair in <em>1995</em>.</p>',
    );
  });
});

describe('home mode configuration', () => {
  it('refuses a home that is not in the database, saying how to find one', async () => {
    const t = await createTestDb('sqlite');
    try {
      await importFiles(t.store, fixtureFiles());
      await expect(buildApp(createContext(loadConfig({ TWINNING_HOME: 'Q999' }), t.store))).rejects.toThrow(
        'TWINNING_HOME=Q999 is not a place in the database; find its id with `twinning places search NAME`.',
      );
    } finally {
      await t.drop();
    }
    expect(() => loadConfig({ TWINNING_HOME: 'two words' })).toThrow(
      'TWINNING_HOME="two words" is not a place id',
    );
  });
});
