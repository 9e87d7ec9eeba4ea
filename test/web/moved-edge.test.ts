import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { MovedError } from '../../src/domain/errors.js';
import { handleError } from '../../src/web/errors.js';

// What the edge answers when a service finds that an id names a place merged into another.
describe('a merged place at the edge', () => {
  const app = Fastify();
  app.setErrorHandler(handleError);
  const malmo = { id: 'Q2211', name: 'Malmö', kind: 'city' };
  const fail = async (req: { body?: unknown; params?: unknown }) => {
    const id =
      (req.params as { id?: string } | undefined)?.id ??
      (req.body as { partner: string } | undefined)?.partner;
    throw new MovedError(String(id), malmo);
  };
  app.get('/api/places/:id', fail);
  app.patch('/api/places/:id/facts', fail);
  app.post('/api/ties', fail);

  it('sends a read on (301) and a write with the old id in its address on with its method and body (308)', async () => {
    const read = await app.inject({ url: '/api/places/Q503361?x=1' });
    expect([read.statusCode, read.headers.location]).toEqual([301, '/api/places/Q2211?x=1']);
    const write = await app.inject({ method: 'PATCH', url: '/api/places/Q503361/facts', payload: {} });
    expect([write.statusCode, write.headers.location]).toEqual([308, '/api/places/Q2211/facts']);
  });

  it('refuses an old id given in a body with the id to use (409), not a redirect elsewhere', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/ties', payload: { partner: 'Q503361' } });
    expect(res.statusCode).toBe(409);
    expect(res.headers.location).toBeUndefined();
    expect(res.json()).toEqual({ error: 'Conflict', message: 'Q503361 is now Q2211 (Malmö).' });
  });
});
