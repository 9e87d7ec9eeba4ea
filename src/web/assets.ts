import { Resvg } from '@resvg/resvg-js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { flatLandSvg, landSvg } from './views/charts.js';

// Files every page shares, served under a name that carries a hash of their content so browsers keep them for
// a year: the style sheet, the small script that adds suggestions to search boxes (pages work without it), the
// icon, and the land of the world maps (so each page carries only its own lines and dots).
export interface Asset {
  path: string;
  type: string;
  body: Buffer;
}

// src/web/assets from the sources (tsx) and from the build (dist/web → ../../src/web/assets)
const DIR = join(import.meta.dirname, '../../src/web/assets');

function asset(name: string, ext: string, type: string, body: Buffer): Asset {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 10);
  return { path: `/assets/${name}-${hash}.${ext}`, type, body };
}

const file = (name: string) => readFileSync(join(DIR, name));

export interface SiteAssets {
  css: Asset;
  embedCss: Asset;
  suggest: Asset;
  icon: Asset;
  land: Asset;
  /** the land on the map coordinates are picked on */
  flatLand: Asset;
  /** the forms that add places and ties: coordinates from a map click, likely duplicates while typing */
  additions: Asset;
}

let assets: SiteAssets | undefined;

export function siteAssets(): SiteAssets {
  assets ??= {
    css: asset('site', 'css', 'text/css; charset=utf-8', file('site.css')),
    embedCss: asset('embed', 'css', 'text/css; charset=utf-8', file('embed.css')),
    suggest: asset('suggest', 'js', 'text/javascript; charset=utf-8', file('suggest.js')),
    icon: asset('icon', 'svg', 'image/svg+xml', file('icon.svg')),
    land: asset('land', 'svg', 'image/svg+xml', Buffer.from(landSvg())),
    flatLand: asset('flat-land', 'svg', 'image/svg+xml', Buffer.from(flatLandSvg())),
    additions: asset('additions', 'js', 'text/javascript; charset=utf-8', file('additions.js')),
  };
  return assets;
}

let favicon: Buffer | undefined;

export function assetRoutes(app: FastifyInstance): void {
  for (const a of Object.values(siteAssets())) {
    app.get(a.path, { schema: { hide: true } }, async (_req, reply) =>
      reply.type(a.type).header('cache-control', 'public, max-age=31536000, immutable').send(a.body),
    );
  }
  // Browsers and feed readers ask for /favicon.ico whatever the page links: the icon as a PNG.
  app.get('/favicon.ico', { schema: { hide: true } }, async (_req, reply) => {
    favicon ??= Buffer.from(
      new Resvg(siteAssets().icon.body, { fitTo: { mode: 'width', value: 64 } }).render().asPng(),
    );
    return reply.type('image/png').header('cache-control', 'public, max-age=86400').send(favicon);
  });
}
