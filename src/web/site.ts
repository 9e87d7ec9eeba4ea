import type { IncomingHttpHeaders } from 'node:http';
import { NotFoundError } from '../domain/errors.js';
import type { FastifyInstance } from 'fastify';
import type { Place } from '../domain/places.js';
import { LANGS, isLang, type Lang } from './i18n/index.js';

/** What every page of one deployment shares: in home mode, the place whose program office runs the site. */
export interface Site {
  home: Pick<Place, 'id' | 'name' | 'names' | 'kind' | 'lat' | 'lon' | 'country'> | null;
  /** the configured public address (TWINNING_URL, no trailing slash) for absolute links: never the Host */
  url?: string;
  /** in home mode, the organization that runs the home's program (the header links to it), once there is one */
  program?: { slug: string; name: string } | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** the reader's language: ?lang=, else the `lang` cookie, else Accept-Language, else English */
    lang: Lang;
    site: Site;
  }
}

const QUERY_LANG = /[?&]lang=([a-z]{2})(?:&|$)/;
const COOKIE_LANG = /(?:^|;\s*)lang=([a-z]{2})(?:;|$)/;

/** The best language of ours in an Accept-Language header, by its q-values; undefined if none fits. */
export function fromAcceptLanguage(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  let best: Lang | undefined;
  let bestQ = 0;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    const lang = tag.trim().toLowerCase().split('-')[0];
    if (isLang(lang) && Number.isFinite(q) && q > bestQ) {
      best = lang;
      bestQ = q;
    }
  }
  return best;
}

/**
 * The language of a request. Cheap enough for the cache's fast path, which must key answers by it: a URL
 * without ?lang= shows a different page to a reader whose browser asks for Chinese.
 */
export function requestLang(url: string, headers: IncomingHttpHeaders): Lang {
  const q = QUERY_LANG.exec(url)?.[1];
  if (isLang(q)) return q;
  const c = headers.cookie ? COOKIE_LANG.exec(headers.cookie)?.[1] : undefined;
  if (isLang(c)) return c;
  return fromAcceptLanguage(headers['accept-language']) ?? 'en';
}

const LOCAL = 'http://local.invalid';

/** browsers drop tabs and newlines from addresses and read a backslash as a slash */
function hasControlOrBackslash(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || c === 0x5c) return true;
  }
  return false;
}

/**
 * A same-site path to go back to after switching language; anything else becomes the home page. The address is
 * judged after URL normalization, since that is what the redirect will carry: `/.//evil.example` or
 * `/%2e//evil.example` normalize to `//evil.example`, which a browser reads as another host.
 */
export function safeLocalPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || hasControlOrBackslash(next)) return '/';
  let u: URL;
  try {
    u = new URL(next, LOCAL);
  } catch {
    return '/';
  }
  if (u.origin !== LOCAL || !u.pathname.startsWith('/') || /^\/[/\\]/.test(u.pathname)) return '/';
  return u.pathname + u.search;
}

/**
 * Sets each request's language and deployment. `program` (home mode) tells which organization runs the home's
 * program now: organizations are made on the web, after the start.
 */
export function registerSite(
  app: FastifyInstance,
  site: Site,
  program?: () => Promise<Site['program']>,
): void {
  app.decorateRequest('lang', 'en');
  app.decorateRequest('site', null as unknown as Site);
  let last: Site = site;
  app.addHook('onRequest', async (req) => {
    req.lang = requestLang(req.url, req.headers);
    if (program) {
      const now = (await program()) ?? null;
      // one object while it stays the same organization
      if (now?.slug !== last.program?.slug || now?.name !== last.program?.name)
        last = { ...site, program: now };
      req.site = last;
    } else req.site = site;
  });

  // The language switch: remembers the choice in a cookie and goes back to the page in that language.
  app.get<{ Querystring: { to?: string; next?: string } }>(
    '/lang',
    { schema: { hide: true } },
    async (req, reply) => {
      const to = req.query.to;
      if (!isLang(to)) {
        return reply
          .code(400)
          .type('text/plain; charset=utf-8')
          .send(`"to" must be one of ${LANGS.join(', ')}.`);
      }
      const next = new URL(safeLocalPath(req.query.next), LOCAL);
      if (to === 'en') next.searchParams.delete('lang');
      else next.searchParams.set('lang', to);
      return reply
        .header('set-cookie', `lang=${to}; Path=/; Max-Age=31536000; SameSite=Lax`)
        .header('cache-control', 'no-store')
        .redirect(next.pathname + next.search, 303);
    },
  );
}

/** A numeric id taken from an address; anything else is a 404 with `notFound` as its message. */
export function idParam(text: string, notFound: string): number {
  if (!/^\d{1,12}$/.test(text)) throw new NotFoundError(notFound);
  return Number(text);
}
