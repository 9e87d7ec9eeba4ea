import type { FastifyInstance } from 'fastify';

// Cross-origin access to the API: any site may read it from a browser (GET and HEAD, without credentials), as
// the data is open. Writes allow no other site: they take an API key, which belongs on a server, not in a web
// page, so their answers and preflights carry no allowance and browsers keep other sites from calling them.

/** Headers a script on another site may read from a read answer. */
const EXPOSED = 'ETag, Link, Retry-After, Content-Disposition';
const READS = new Set(['GET', 'HEAD']);

const isApi = (url: string) => url.startsWith('/api/');

export function registerCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    if (!isApi(req.url) || !READS.has(req.method)) return;
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-expose-headers', EXPOSED);
  });

  // Preflights: allowed for reads (a script asking with headers of its own, e.g. If-None-Match); for anything
  // else an answer without allowance, so the browser does not send the request.
  app.options('/api/*', { schema: { hide: true } }, async (req, reply) => {
    const method = String(req.headers['access-control-request-method'] ?? '').toUpperCase();
    reply.header('cache-control', 'public, max-age=86400');
    reply.header('vary', 'Access-Control-Request-Method, Access-Control-Request-Headers');
    if (READS.has(method)) {
      reply.header('access-control-allow-origin', '*');
      reply.header('access-control-allow-methods', 'GET, HEAD');
      const asked = req.headers['access-control-request-headers'];
      if (typeof asked === 'string' && /^[\w-]+(\s*,\s*[\w-]+)*$/.test(asked.trim()))
        reply.header('access-control-allow-headers', asked.trim());
      reply.header('access-control-max-age', '86400');
    }
    return reply.code(204).send();
  });
}
