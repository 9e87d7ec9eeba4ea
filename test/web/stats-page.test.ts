import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { parse } from 'csv-parse/sync';
import { Writable } from 'node:stream';
import { run } from '../../src/cli/main.js';
import { provinceFiles } from '../helpers/province.js';

describe('statistics page', () => {
  const ctx = useTestApp(provinceFiles);

  const get = (url: string) => ctx.app.inject({ method: 'GET', url });

  it('shows the same figures as the API, in a sentence, charts and tables', async () => {
    const api = (await get('/api/places/anhui/stats?international=true&since=2018')).json();
    const res = await get('/places/anhui/stats?partners=international&since=2018');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const html = res.body;
    expect(html).toContain('<h1>Statistics of Anhui</h1>');
    expect(html).toContain(api.text);
    expect(html).toContain('Anhui is twinned with 59 places in 15 countries.');
    // charts carry a title and description for screen readers
    expect(html).toMatch(/<svg[^>]+role="img"[^>]+aria-labelledby="growth-title growth-desc"/);
    expect(html).toContain('New ties per year from 1980 to 2020, and the running total, reaching 55.');
    expect(html).toMatch(/<td>Japan<\/td><td class="n">10<\/td>/);
    expect(html).toContain('4 without a known year are not in the chart.');
  });

  it('gives the same numbers through the CLI', async () => {
    const api = (await get('/api/places/anhui/stats?international=true&since=2018&lang=zh')).json();
    let out = '';
    const stdout = new Writable({
      write(chunk, _e, cb) {
        out += String(chunk);
        cb();
      },
    });
    const code = await run(
      ['stats', 'anhui', '--international', '--since', '2018', '--json', '--lang', 'zh'],
      {
        stdout,
        stderr: stdout,
        env: { DATABASE_URL: ctx.t.url },
      },
    );
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(api);
  });

  it('speaks Chinese when asked', async () => {
    const html = (await get('/places/anhui/stats?lang=zh&partners=international')).body;
    expect(html).toContain('<html lang="zh-Hans">');
    expect(html).toContain('<h1>安徽省友好城市统计</h1>');
    expect(html).toContain('安徽省共有59个友好城市，分布在15个国家。');
    expect(html).toMatch(/<td>日本<\/td><td class="n">10<\/td>/);
  });

  it('offers each figure as CSV with the same numbers', async () => {
    const res = await get('/places/anhui/stats/countries.csv?partners=international');
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="anhui-countries.csv"');
    const rows = parse(res.body) as string[][];
    expect(rows[0]).toEqual(['country', 'name', 'ties']);
    expect(rows[1]).toEqual(['JP', 'Japan', '10']);
    expect(rows).toHaveLength(16);
    const years = parse(
      (await get('/places/anhui/stats/years.csv?partners=international')).body,
    ) as string[][];
    expect(years[1]).toEqual(['1980', '1', '1']);
    expect(years[years.length - 1]).toEqual(['2020', '1', '55']);
  });

  it('offers charts as SVG and PNG', async () => {
    const svg = await get('/places/anhui/stats/growth.svg');
    expect(svg.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(svg.body).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    );
    const png = await get('/places/anhui/stats/map.png');
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(png.rawPayload.length).toBeGreaterThan(10_000);
    // drawing a PNG is costly: the second request comes from the cache, byte for byte
    const again = await get('/places/anhui/stats/map.png');
    expect(again.headers['x-cache']).toBe('hit');
    expect(again.rawPayload.equals(png.rawPayload)).toBe(true);
    expect(again.headers['content-disposition']).toBe('attachment; filename="anhui-map.png"');
  });

  it('offers an embeddable widget that other sites may frame', async () => {
    // the code names the site's own address (TWINNING_URL), never the Host a request claims: the page is
    // cached and shown to everyone
    const page = (await get('/places/anhui/stats')).body;
    expect(page).toContain('&lt;iframe src=&quot;http://localhost:3000/embed/places/anhui/stats&quot;');
    const forged = await ctx.app.inject({
      method: 'GET',
      url: '/places/anhui/stats?since=2000',
      headers: { host: 'evil.example' },
    });
    expect(forged.body).toContain(
      '&lt;iframe src=&quot;http://localhost:3000/embed/places/anhui/stats?since=2000',
    );
    expect(forged.body).not.toContain('evil.example');
    const embed = await get('/embed/places/anhui/stats');
    expect(embed.statusCode).toBe(200);
    expect(embed.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(embed.headers['x-frame-options']).toBeUndefined();
    expect((await get('/embed/places/anhui/stats')).headers['content-security-policy']).toContain(
      'frame-ancestors *',
    );
    expect(embed.body).toContain('Anhui is twinned with 60 places in 16 countries.');
    expect(embed.body).toContain('<svg');
  });

  it('answers bad input with a page that says what to fix', async () => {
    const bad = await get('/places/anhui/stats?since=2018-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/text\/html/);
    expect(bad.body).toContain('since: &quot;2018-13&quot; has no month 13');
    expect((await get('/places/nowhere/stats')).statusCode).toBe(404);
    expect((await get('/places/anhui/stats/pie.svg')).statusCode).toBe(404);
    expect((await get('/places/anhui/stats/growth.exe')).statusCode).toBe(404);
    expect((await get('/no/such/page')).body).toContain('Not found');
  });
});
