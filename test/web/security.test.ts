import { describe, expect, it } from 'vitest';
import { fixtureFiles } from '../helpers/fixtures.js';
import { useTestApp } from '../helpers/app.js';

// Every answer carries the security headers, also when it comes from the response cache.
describe('security headers', () => {
  const ctx = useTestApp(fixtureFiles);
  const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ url, headers });

  it('forbid inline scripts and styles and framing on pages, the API and errors, first and cached', async () => {
    for (const url of [
      '/',
      '/places/Q74957/anshan',
      '/places/Q74957/anshan',
      '/api/places/Q74957',
      '/no/such',
    ]) {
      const res = await get(url);
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("style-src 'self'");
      expect(csp, url).not.toContain('unsafe-inline');
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
    // a cached hit replays them
    const hit = await get('/places/Q74957/anshan');
    expect(hit.headers['x-cache']).toBe('hit');
    expect(hit.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('let other sites frame the statistics widget, and nothing else', async () => {
    const widget = await get('/embed/places/Q74957/stats');
    expect(widget.statusCode).toBe(200);
    expect(widget.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(widget.headers['x-frame-options']).toBeUndefined();
    expect(widget.body).not.toMatch(/<style|style="/);
  });

  it('keep pages free of inline scripts and styles', async () => {
    for (const url of [
      '/',
      '/places/Q74957/anshan',
      '/places/Q74957/stats',
      '/countries/CN',
      '/ties',
      '/signin',
    ]) {
      const body = (await get(url)).body;
      // scripts only from files; the one inline element allowed is a JSON-LD data block, which is never run
      // (so CSP does not apply to it) and cannot end early (no "<" in it)
      expect(body, url).not.toMatch(/<script(?![^>]*\ssrc=)(?! type="application\/ld\+json">)[^>]*>/);
      for (const m of body.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs))
        expect(m[1], url).not.toContain('<');
      expect(body, url).not.toMatch(/<style|\sstyle="/);
      expect(body, url).not.toMatch(/\son[a-z]+="/);
    }
  });
});

describe('security headers behind https', () => {
  const ctx = useTestApp(fixtureFiles, { TWINNING_URL: 'https://twinning.example.org' });

  it('ask browsers to keep to https', async () => {
    const res = await ctx.app.inject({ url: '/' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});
