import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { landSvg } from './views/charts.js';

// Files every page shares, served under a name that carries a hash of their content so browsers keep them for
// a year: the land of the world maps (so each page carries only its own lines and dots) and the small script
// that adds suggestions to search boxes (pages work without it).
interface Asset {
  path: string;
  type: string;
  body: Buffer;
}

const PUBLIC = join(import.meta.dirname, '../../public');

function asset(name: string, ext: string, type: string, text: string): Asset {
  const body = Buffer.from(text);
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 10);
  return { path: `/assets/${name}-${hash}.${ext}`, type, body };
}

let assets: { land: Asset; suggest: Asset } | undefined;

export function siteAssets(): { land: Asset; suggest: Asset } {
  assets ??= {
    land: asset('land', 'svg', 'image/svg+xml', landSvg()),
    suggest: asset(
      'suggest',
      'js',
      'text/javascript; charset=utf-8',
      readFileSync(join(PUBLIC, 'suggest.js'), 'utf8'),
    ),
  };
  return assets;
}

export function assetRoutes(app: FastifyInstance): void {
  for (const a of Object.values(siteAssets())) {
    app.get(a.path, { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type(a.type)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .send(a.body),
    );
  }
}
