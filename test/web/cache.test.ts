import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { DataVersion } from '../../src/services/data-version.js';
import { ResponseCache } from '../../src/web/cache.js';

function appWith(cache: ResponseCache) {
  const app = Fastify();
  cache.register(app);
  app.get('/:n', { config: { cache: true } }, async (req) =>
    'x'.repeat(Number((req.params as { n: string }).n)),
  );
  return app;
}

const fixedVersion = { current: async () => 1, peek: () => 1 } as unknown as DataVersion;

describe('response cache bounds', () => {
  it('evicts the least recently used entries beyond its count', async () => {
    const app = appWith(new ResponseCache(fixedVersion, 2, 1_000_000));
    const state = async (url: string) => (await app.inject({ url })).headers['x-cache'];
    expect(await state('/10')).toBe('miss');
    expect(await state('/11')).toBe('miss');
    expect(await state('/10')).toBe('hit'); // /10 is now the most recent
    expect(await state('/12')).toBe('miss'); // evicts /11
    expect(await state('/10')).toBe('hit');
    expect(await state('/11')).toBe('miss');
  });

  it('evicts beyond its size in bytes', async () => {
    const app = appWith(new ResponseCache(fixedVersion, 100, 1_500));
    const state = async (url: string) => (await app.inject({ url })).headers['x-cache'];
    expect(await state('/1000')).toBe('miss');
    expect(await state('/1000')).toBe('hit');
    expect(await state('/800')).toBe('miss'); // 1,800 bytes: the older answer goes
    expect(await state('/1000')).toBe('miss');
    expect(await state('/2000')).toBe('miss'); // larger than the whole budget: not kept
    expect(await state('/2000')).toBe('miss');
  });
});
