import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { fixtureFiles } from '../helpers/fixtures.js';
import { waitFor } from '../helpers/wait.js';

describe('network, path, rankings and quality pages', () => {
  const ctx = useTestApp(fixtureFiles);
  const get = (url: string) => ctx.app.inject({ method: 'GET', url });

  it('finds a chain between two places given by name', async () => {
    const res = await get('/path?from=Malmo&to=Birmingham');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h2>Malmö → Birmingham</h2>');
    expect(res.body).toContain('2 ties apart');
    expect(res.body).toMatch(
      /<ol><li><a href="\/places\/Q2211\/malmo">Malmö<\/a>.*Anshan.*Birmingham.*<\/ol>/,
    );
    expect((await get('/path?from=Tokyo&to=Anshan')).body).toContain('No chain of ties links these places.');
    expect((await get('/path?from=Tokyo')).statusCode).toBe(400);
    expect((await get('/path?from=Tokyo&to=Atlantis')).statusCode).toBe(404);
    expect((await get('/path')).body).toContain('<form');
  });

  it('shows names in Chinese where known', async () => {
    const res = await get('/path?from=Q74957&to=Q2211&lang=zh');
    expect(res.body).toContain('<h2>鞍山 → 马尔默</h2>');
    const rankings = (await get('/rankings?lang=zh')).body;
    expect(rankings).toContain('<html lang="zh-Hans">');
    expect(rankings).toMatch(/<a href="\/countries\/CN\?lang=zh">中国<\/a>/);
  });

  it('ranks places, filtered by continent and period', async () => {
    const europe = (await get('/rankings?continent=EU')).body;
    expect(europe).toMatch(/Hanover.*Malmö/s);
    expect(europe).not.toContain('Anshan');
    expect((await get('/rankings?from=2020')).body).toContain('Nothing matches.');
    expect((await get('/rankings?from=1990-13')).statusCode).toBe(400);
  });

  it("shows a place's cousins and open triangles", async () => {
    const res = (await get('/places/Q2211/network')).body;
    expect(res).toContain('<h1>Network of Malmö</h1>');
    expect(res).toMatch(
      /Birmingham<\/a><\/td><td>United States<\/td><td><a href="\/places\/Q74957\/anshan">Anshan<\/a>/,
    );
    expect((await get('/places/Q404/network')).statusCode).toBe(404);
  });

  it('describes the network and the data quality', async () => {
    const page = await waitFor('the network figures', async () => {
      const r = await get('/network');
      return r.body.includes('being computed') ? undefined : r;
    });
    expect(page.body).toMatch(/<span class="n">3<\/span>Ties/);
    const quality = (await get('/quality')).body;
    expect(quality).toContain('Ties listed by one side only (2)');
    expect(quality).toContain('Places without a country (1)');
  });
});
