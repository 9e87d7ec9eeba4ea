import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { fixtureFiles } from '../helpers/fixtures.js';

describe('place profile, country page and directory', () => {
  const ctx = useTestApp(fixtureFiles);
  const get = (url: string, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: 'GET', url, headers });

  it('sends a bare id or an outdated slug to the canonical address, keeping the query', async () => {
    const bare = await get('/places/Q74957?lang=zh');
    expect(bare.statusCode).toBe(301);
    expect(bare.headers.location).toBe('/places/Q74957/anshan?lang=zh');
    expect((await get('/places/Q74957/ma-anshan')).headers.location).toBe('/places/Q74957/anshan');
    expect((await get('/places/Q2211')).headers.location).toBe('/places/Q2211/malmo');
    expect((await get('/places/CN')).headers.location).toBe('/countries/CN');
    expect((await get('/places/Q74957/anshan')).statusCode).toBe(200);
    expect((await get('/places/Q404')).statusCode).toBe(404);
    expect((await get('/places/Q404/x')).statusCode).toBe(404);
  });

  it('shows a fact card with facts from the place, its location and its country', async () => {
    const res = await get('/places/Q74957/anshan');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<h1>Anshan</h1>');
    expect(html).toMatch(
      /<nav aria-label="Part of" class="muted"><a href="\/countries\/CN">China<\/a> › <a href="\/places\/cn-liaoning\/liaoning">Liaoning<\/a><\/nav>/,
    );
    expect(html).toContain('<dt>Population</dt><dd>1,199,275</dd>');
    expect(html).toContain('<dt>Languages</dt><dd>Chinese</dd>');
    expect(html).toContain('<dt>Currency</dt><dd>Chinese Yuan (CNY)</dd>');
    expect(html).toContain('<dt>Time zone</dt><dd>UTC+8 (Asia/Shanghai)</dd>');
    // the Chinese name, marked as Chinese for screen readers
    expect(html).toContain('<span lang="zh-Hans">鞍山</span>');
  });

  it('shows partners as cards by country, with flag, kind, year and status, and maps them', async () => {
    const html = (await get('/places/Q79867/birmingham')).body;
    expect(html).toContain('Partners (2)');
    // China before Sweden; the flag is hidden from screen readers, which read the country's name
    expect(html).toMatch(
      /<ul class="cards partner-cards"><li><a class="title" href="\/places\/Q74957\/anshan">Anshan<\/a><span class="country"><span class="flag" aria-hidden="true">🇨🇳<\/span>China<\/span><span class="muted">sister city · since 1996<\/span><\/li><li>.*Malmö<\/a><span class="country"><span class="flag" aria-hidden="true">🇸🇪<\/span>Sweden<\/span><span class="muted">sister city · since 1970 · ended<\/span><\/li><\/ul>/,
    );
    // a map of the ties, with a text alternative, drawn over the shared land image
    expect(html).toContain(
      'World map with Birmingham and lines to 2 of its 2 partners whose location is known.',
    );
    expect(html).toMatch(/<image href="\/assets\/land-[\w-]+\.svg"/);
    // no photo in its gallery, so none heads the page
    expect(html).not.toContain('header-photo');
    // not in home mode: no tie is singled out
    expect(html).not.toContain('Agreement signed');
  });

  it('has sensible empty states', async () => {
    const html = (await get('/places/Q1000001/new-town')).body;
    // the facts nobody knows are one line, not a row each
    expect(html).toContain(
      '<dl class="facts"><dt>Kind of place</dt><dd>City</dd><dt>Wikidata</dt><dd><a href="https://www.wikidata.org/wiki/Q1000001" rel="external">Q1000001</a></dd></dl><p class="muted not-known">Not known: country, population, leader, languages, currency, time zone, and coordinates.</p>',
    );
    expect(html).not.toContain('<dd>not known</dd>');
    expect(html).toContain('No twinnings are known for this place yet.');
    expect(html).toContain('Nothing has been written about this place yet');
  });

  it('speaks Chinese', async () => {
    const html = (await get('/places/Q74957/anshan?lang=zh')).body;
    expect(html).toContain('<html lang="zh-Hans">');
    expect(html).toContain('<h1>鞍山</h1>');
    expect(html).toContain('<dt>语言</dt><dd>中文</dd>');
    expect(html).toContain(
      '<span class="flag" aria-hidden="true">🇺🇸</span>美国</span><span class="muted">友好城市 · 1996年起</span>',
    );
    expect(html).toContain('<p class="muted not-known">未知：领导人。</p>');
    // links keep the language
    expect(html).toContain('href="/countries/CN?lang=zh"');
  });

  it('lists every country by name and by continent', async () => {
    const html = (await get('/countries')).body;
    expect(html).toContain('All 5 countries and territories of ISO 3166');
    expect(html).toMatch(
      /<h3 id="c-EU">Europe<\/h3><ul class="columns"><li><a href="\/countries\/DE">Germany<\/a> <span class="muted">1 tie<\/span><\/li><li><a href="\/countries\/SE">Sweden<\/a>/,
    );
  });

  it('shows a country with facts, its busiest places and partner countries linked to their ties', async () => {
    const html = (await get('/countries/cn')).body;
    // the flag beside the name is left to the eyes: the heading reads "China"
    expect(html).toContain('<h1><span class="flag" aria-hidden="true">🇨🇳</span>China</h1>');
    expect(html).toContain('<dt>Continent</dt><dd>Asia</dd>');
    expect(html).toMatch(/<td><a href="\/places\/Q74957\/anshan">Anshan<\/a><\/td><td class="n">2<\/td>/);
    expect(html).toMatch(
      /<td><a href="\/countries\/SE">Sweden<\/a><\/td><td class="n"><a href="\/ties\?a=CN&amp;b=SE" aria-label="1 tie with Sweden">1<\/a><\/td>/,
    );
    // culture: facts from the data even before anyone writes the sections
    expect(html).toMatch(/<h3 id="s-language">Language<\/h3><p>Chinese<\/p>/);
    expect(html).toMatch(/<h3 id="s-currency">Money<\/h3><p>Chinese Yuan \(CNY\)<\/p>/);
    expect((await get('/countries/XX')).statusCode).toBe(404);
    expect((await get('/countries/Q74957')).statusCode).toBe(404);
  });

  it('searches places by name in any script, with filters and pages', async () => {
    const html = (await get('/search?q=%E9%9E%8D%E5%B1%B1')).body; // 鞍山
    expect(html).toContain('<h1>Places matching “鞍山”</h1>');
    expect(html).toMatch(
      /<td data-label="Place"><a href="\/places\/Q74957\/anshan">Anshan<\/a><\/td><td data-label="Kind">City<\/td><td data-label="Country">China<\/td><td class="n" data-label="Population">1,199,275<\/td><td class="n" data-label="Ties">2<\/td>/,
    );
    expect((await get('/search?q=malm&country=us')).body).not.toContain('/places/Q2211');
    expect((await get('/search?q=malm&ties=yes')).body).toContain('/places/Q2211');
    expect((await get('/search?q=zzzz')).body).toContain('No place matches.');
    expect((await get('/search?q=a&country=XYZ')).statusCode).toBe(400);
    expect((await get('/search')).body).toContain('role="search"');
  });
});
