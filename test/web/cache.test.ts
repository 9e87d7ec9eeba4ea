import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { DataVersion } from '../../src/services/data-version.js';
import { ownMemory, ResponseCache, withoutTracking } from '../../src/web/cache.js';

function appWith(cache: ResponseCache) {
  const app = Fastify();
  cache.register(app);
  app.get('/:n', { config: { cache: true } }, async (req) =>
    'x'.repeat(Number((req.params as { n: string }).n)),
  );
  return app;
}

const fixedVersion = {
  current: async () => 1,
  stamp: async () => '1.0',
  peek: () => '1.0',
} as unknown as DataVersion;

describe('response cache bounds', () => {
  it('when full, keeps a new address on its second request, evicting the least recently used', async () => {
    const app = appWith(new ResponseCache(fixedVersion, 2, 1_000_000));
    const state = async (url: string) => (await app.inject({ url })).headers['x-cache'];
    expect(await state('/10')).toBe('miss');
    expect(await state('/11')).toBe('miss');
    expect(await state('/10')).toBe('hit'); // /10 is now the most recent
    expect(await state('/12')).toBe('miss'); // full: a one-off address is not kept…
    expect(await state('/11')).toBe('hit'); // …so nothing was evicted
    expect(await state('/12')).toBe('miss'); // asked again: kept, evicting /10, now the least recent
    expect(await state('/12')).toBe('hit');
    expect(await state('/11')).toBe('hit');
    expect(await state('/10')).toBe('miss');
  });

  it('lets a stream of one-off addresses through without touching what it keeps', async () => {
    const app = appWith(new ResponseCache(fixedVersion, 3, 1_000_000));
    const state = async (url: string) => (await app.inject({ url })).headers['x-cache'];
    for (const u of ['/1', '/2', '/3']) await state(u);
    for (let n = 100; n < 200; n++) expect(await state(`/${n}`)).toBe('miss');
    for (const u of ['/1', '/2', '/3']) expect(await state(u)).toBe('hit');
  });

  it('keeps an address with a query string (other than the language) only when asked for a second time', async () => {
    const app = appWith(new ResponseCache(fixedVersion, 100, 1_000_000));
    const state = async (url: string) => (await app.inject({ url })).headers['x-cache'];
    // a cache-busting stream fills nothing, though there is room
    for (let n = 0; n < 50; n++) expect(await state(`/10?u=${n}`)).toBe('miss');
    expect(await state('/10?u=7')).toBe('miss'); // asked for again: now kept
    expect(await state('/10?u=7')).toBe('hit');
    expect(await state('/20?lang=de')).toBe('miss'); // a page in a language the address names…
    expect(await state('/20?lang=de')).toBe('hit'); // …is kept at once, as a plain address is
    expect(await state('/20?lang=de&q=x')).toBe('miss');
    expect(await state('/30')).toBe('miss');
    expect(await state('/30')).toBe('hit');
  });

  it('evicts beyond its size in bytes', async () => {
    const app = appWith(new ResponseCache(fixedVersion, 100, 1_500));
    const state = async (url: string) => (await app.inject({ url })).headers['x-cache'];
    expect(await state('/1000')).toBe('miss');
    expect(await state('/1000')).toBe('hit');
    expect(await state('/800')).toBe('miss'); // would make 1,800 bytes: not kept the first time
    expect(await state('/1000')).toBe('hit');
    expect(await state('/800')).toBe('miss'); // the second time it is, and the older answer goes
    expect(await state('/1000')).toBe('miss');
    expect(await state('/2000')).toBe('miss'); // larger than the whole budget: not kept
    expect(await state('/2000')).toBe('miss');
  });

  it('holds the bytes it counts: a small answer does not keep a shared block of memory alive', async () => {
    // the premise: Node cuts small buffers from shared 8 KB blocks
    expect(Buffer.from('x'.repeat(1300)).buffer.byteLength).toBeGreaterThan(4096);
    const slice = Buffer.from('é'.repeat(650));
    const own = ownMemory(slice);
    expect(own.equals(slice)).toBe(true);
    expect(own.buffer.byteLength).toBe(1300);
    const whole = Buffer.from('x'.repeat(5000));
    expect(ownMemory(whole)).toBe(whole);

    const cache = new ResponseCache(fixedVersion, 100, 1_000_000);
    const app = appWith(cache);
    // kept answers among one-off ones, as a server's traffic mixes them
    for (let n = 1000; n < 1040; n++) {
      await app.inject({ url: `/${n}` });
      await app.inject({ url: `/${n}?q=once` });
    }
    const kept = [...(cache as unknown as { entries: Map<string, { body: Buffer }> }).entries.values()];
    expect(kept).toHaveLength(40);
    for (const { body } of kept) expect(body.buffer.byteLength).toBe(body.length);
  });
});

describe('tracking parameters', () => {
  it('are dropped from an address, every other parameter kept as it was sent', () => {
    expect(withoutTracking('/places/Q1/a')).toBe('/places/Q1/a');
    expect(withoutTracking('/places/Q1/a?utm_source=x&utm_medium=y')).toBe('/places/Q1/a');
    expect(withoutTracking('/search?q=a%20b&fbclid=1&lang=zh&gclid=2')).toBe('/search?q=a%20b&lang=zh');
    expect(withoutTracking('/search?UTM_Source=x&q=utm_source')).toBe('/search?q=utm_source');
    // names that only start like one are the page's own
    expect(withoutTracking('/search?utm=1&fbclidx=2&q=fbclid')).toBe('/search?utm=1&fbclidx=2&q=fbclid');
    expect(withoutTracking('/ties?_ga=1&&page=2')).toBe('/ties?page=2');
  });

  it('do not make an address of their own in the cache', async () => {
    const app = appWith(new ResponseCache(fixedVersion, 100, 1_000_000));
    const state = async (url: string) => (await app.inject({ url })).headers['x-cache'];
    expect(await state('/10')).toBe('miss');
    expect(await state('/10?utm_source=a&fbclid=b')).toBe('hit');
    expect(await state('/10?u=1&utm_source=a')).toBe('miss');
    expect(await state('/10?u=1')).toBe('miss'); // the second request for ?u=1: kept now…
    expect(await state('/10?u=1&gclid=c')).toBe('hit'); // …and served for it with tracking too
  });
});
