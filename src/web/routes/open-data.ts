import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { NotFoundError } from '../../domain/errors.js';
import { SitemapService } from '../../services/sitemap.js';
import type { App } from '../app.js';
import { CACHED } from '../kit.js';
import { placePath } from '../views/links.js';

/** Where crawlers need not go: the signed-in side, forms, the language switch, whole-registry downloads. */
const PRIVATE = [
  '/account',
  '/admin',
  '/manage',
  '/edit/',
  '/history/',
  '/moderation',
  '/notifications',
  '/signin',
  '/signup',
  '/signout',
  '/reset',
  '/confirm',
  '/follow',
  '/unfollow',
  '/lang',
  '/api/export',
];

/**
 * What search engines and Wikidata's editors read: `robots.txt` and the sitemap (an index of parts), with
 * addresses from the configured public address; the pages' JSON-LD is in the views.
 */
export function openDataRoutes(app: App, ctx: AppContext): void {
  const base = ctx.config.publicUrl.replace(/\/+$/, '');
  // made once per data version; addresses as the site links them
  const sitemaps = new SitemapService(ctx.gazetteer, ctx.version, base, placePath);

  app.get('/robots.txt', { ...CACHED, schema: { hide: true } }, async (_req, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .send(
        'User-agent: *\n' +
          PRIVATE.map((p) => `Disallow: ${p}\n`).join('') +
          `\nSitemap: ${base}/sitemap.xml\n`,
      ),
  );

  app.get('/sitemap.xml', { ...CACHED, schema: { hide: true } }, async (_req, reply) =>
    reply.type('application/xml; charset=utf-8').send((await sitemaps.get()).index),
  );

  app.get(
    '/sitemaps/:name.xml',
    { ...CACHED, schema: { hide: true, params: Type.Object({ name: Type.String({ maxLength: 40 }) }) } },
    async (req, reply) => {
      const part = (await sitemaps.get()).parts.get(req.params.name);
      if (part === undefined) throw new NotFoundError(`There is no sitemap ${req.params.name}.`);
      return reply.type('application/xml; charset=utf-8').send(part);
    },
  );
}
