import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** a page other sites may show in a frame (the statistics widget) */
    embeddable?: boolean;
  }
}

// No inline scripts or styles anywhere: the one script and the style sheets are files of this site. Maps
// and charts are inline SVG styled by attributes, which CSP does not restrict.
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];

export type Headers = Record<string, string>;

/**
 * The headers every answer carries: a Content-Security-Policy, no framing by other sites (the moderation and
 * restore buttons must not be clickjacked), no MIME sniffing, a referrer kept to this site's origin, and HSTS
 * when the site's address is https. `embeddable` answers may be framed by anyone.
 */
export function securityHeaders(publicUrl: string): { page: Headers; embeddable: Headers } {
  const common: Headers = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
  };
  if (publicUrl.startsWith('https:'))
    common['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  return {
    page: {
      ...common,
      'content-security-policy': [...POLICY, "frame-ancestors 'none'"].join('; '),
      'x-frame-options': 'DENY',
    },
    embeddable: { ...common, 'content-security-policy': [...POLICY, 'frame-ancestors *'].join('; ') },
  };
}

/** Sets the headers on every answer Fastify sends (the response cache replays them with its hits). */
export function registerSecurityHeaders(app: FastifyInstance, headers: ReturnType<typeof securityHeaders>) {
  app.addHook('onSend', async (req, reply, payload) => {
    const set = req.routeOptions.config?.embeddable ? headers.embeddable : headers.page;
    for (const [k, v] of Object.entries(set)) if (!reply.hasHeader(k)) reply.header(k, v);
    return payload;
  });
}
