import { hash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DataVersion } from '../services/data-version.js';
import { hasSessionCookie } from './auth.js';
import { requestLang } from './site.js';
import type { Lang } from './i18n/index.js';

interface Entry {
  version: string;
  etag: string;
  headers: Record<string, string | number>;
  body: Buffer;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** cache the rendered answer of this GET route by URL and data version */
    cache?: boolean;
  }
  interface FastifyRequest {
    cacheVersion?: string;
    cacheKey?: string;
  }
}

const CACHE_CONTROL = 'public, max-age=60';
/** pages follow the reader's language when the URL does not name one */
const VARY = 'Accept-Language, Cookie';

/**
 * Query parameters that links shared on social sites, in newsletters and ads carry for the sender's analytics
 * (`utm_source`, `fbclid`, …). No page reads them, so they do not make an address of their own.
 */
const TRACKING_NAMES =
  'utm_[a-z_]+|fbclid|gclid|gbraid|wbraid|dclid|msclkid|yclid|twclid|ttclid|igshid|mc_cid|mc_eid|_ga|_gl';
const TRACKING = new RegExp(`^(?:${TRACKING_NAMES})$`, 'i');
/** whether an address may hold one (a quick look before taking its query apart) */
const MAY_TRACK = new RegExp(`[?&](?:${TRACKING_NAMES})`, 'i');

/**
 * An address without its tracking parameters (TRACKING), the others kept as they were sent: the page it names
 * is the same, so it is cached and served as one, and a page kept in the cache never carries one reader's
 * click id to the next.
 */
export function withoutTracking(url: string): string {
  const q = url.indexOf('?');
  if (q < 0 || !MAY_TRACK.test(url)) return url;
  const kept = url
    .slice(q + 1)
    .split('&')
    .filter((pair) => pair !== '' && !TRACKING.test(pair.split('=', 1)[0]!));
  return kept.length > 0 ? `${url.slice(0, q)}?${kept.join('&')}` : url.slice(0, q);
}

/** The cache key of a request: the URL, and for pages the language they will be shown in. */
function keyOf(url: string, lang: () => Lang): string {
  const address = withoutTracking(url);
  return address.startsWith('/api/') ? address : `${address}\u0000${lang()}`;
}
/** whether a cache key's address has no query string, or only the language (keyOf may append NUL and a language) */
function plainAddress(key: string): boolean {
  const end = key.indexOf('\u0000');
  const url = end < 0 ? key : key.slice(0, end);
  const q = url.indexOf('?');
  return q < 0 || /^lang=[a-z]{2}$/.test(url.slice(q + 1));
}
/**
 * The bytes in memory of their own. `Buffer.from` cuts a string under 4 KB from a shared 8 KB block, and a slice
 * kept in the cache keeps its whole block alive, with whatever else was cut from it: answers of 1–2 KB (a place,
 * a country's figures) held up to 8 KB each, so the cache's byte limit did not bound its memory.
 */
export function ownMemory(bytes: Buffer): Buffer {
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length) return bytes;
  const own = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(own);
  return own;
}

/** headers of an answer that belong to it and are replayed with it */
const KEPT_HEADERS = [
  'content-disposition',
  'content-security-policy',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'strict-transport-security',
  // API answers are open to other sites (cors.ts)
  'access-control-allow-origin',
  'access-control-expose-headers',
];

/**
 * For an answer that is not the page of the current data (figures still being computed): not stored in the
 * response cache, not kept by browsers, and asked for again after `retryAfterSeconds`.
 */
export function keepOutOfCache(req: FastifyRequest, reply: FastifyReply, retryAfterSeconds: number): void {
  req.cacheVersion = undefined;
  req.cacheKey = undefined;
  reply.header('cache-control', 'no-store').header('retry-after', String(retryAfterSeconds));
}

/**
 * Rendered answers of cacheable GET routes, per URL, for as long as the data version stays the same; conditional
 * requests get 304, and Cache-Control lets browsers and a CDN keep answers for a minute. A hit is answered
 * straight from the HTTP server (`tryServe`), before Fastify routes the request: most of a request's cost is
 * the framework's, not the database's.
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  /** addresses asked for once while the cache was full (see admit) */
  private readonly seen = new Set<string>();
  private bytes = 0;

  constructor(
    private readonly version: DataVersion,
    /** bounded by count and by size: a crawler's stream of distinct URLs must not grow the heap */
    private readonly maxEntries = 10_000,
    private readonly maxBytes = 32 * 1024 * 1024,
    /** the security headers (see security.ts): a 304 from the fast path carries them too */
    private readonly security: { page: Record<string, string> } = { page: {} },
  ) {}

  /**
   * While there is room the answer of a plain address (a path, perhaps with `?lang=`) is kept at once; an
   * address with any other query string (a search, filters, a cache-busting parameter), and once full any new
   * address, only when asked for a second time (a doorkeeper): a stream of one-off addresses (crawlers,
   * searches typed once) then neither fills memory, evicts the pages people read nor churns the heap, which
   * shows as garbage-collection pauses.
   */
  private admit(key: string, size: number): boolean {
    if (this.entries.has(key)) return true;
    const full = this.entries.size >= this.maxEntries || this.bytes + size > this.maxBytes;
    if (!full && plainAddress(key)) return true;
    if (this.seen.delete(key)) return true;
    if (this.seen.size >= this.maxEntries) this.seen.clear();
    this.seen.add(key);
    return false;
  }

  private put(url: string, e: Entry): void {
    this.remove(url);
    this.entries.set(url, e);
    this.bytes += e.body.length;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      this.remove(this.entries.keys().next().value as string);
    }
  }

  private remove(url: string): void {
    const old = this.entries.get(url);
    if (!old) return;
    this.entries.delete(url);
    this.bytes -= old.body.length;
  }

  /** Serves a GET from the cache if the data version is known to be current; false if it did not. */
  tryServe(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' || !req.url) return false;
    const v = this.version.peek();
    if (v === undefined) return false;
    const e = this.get(
      keyOf(req.url, () => requestLang(req.url!, req.headers)),
      v,
    );
    if (!e) return false;
    if (req.headers['if-none-match'] === e.etag) {
      // the answer's own security headers: a 304 updates what the browser keeps, and a widget other sites
      // frame must not turn unframeable when revalidated
      const own: Record<string, string | number> = {};
      for (const h of KEPT_HEADERS)
        if (h !== 'content-disposition' && e.headers[h] !== undefined) own[h] = e.headers[h];
      res
        .writeHead(304, {
          ...('content-security-policy' in own ? own : this.security.page),
          etag: e.etag,
          'cache-control': CACHE_CONTROL,
          ...(e.headers.vary ? { vary: VARY } : {}),
        })
        .end();
    } else {
      res.writeHead(200, e.headers).end(e.body);
    }
    return true;
  }

  private get(url: string, version: string): Entry | undefined {
    const e = this.entries.get(url);
    if (!e || e.version !== version) return undefined;
    // keep recently used entries at the end of the map: the oldest are evicted first
    this.entries.delete(url);
    this.entries.set(url, e);
    return e;
  }

  /** Hooks for requests that reach Fastify: stale version checks, and storing fresh answers. */
  register(app: FastifyInstance): void {
    app.addHook('onRequest', async (req, reply) => {
      if (req.method !== 'GET' || !req.routeOptions.config.cache || hasSessionCookie(req.headers.cookie))
        return;
      const v = await this.version.stamp();
      // the language as the site's own hook found it (registered before this one)
      const key = keyOf(req.url, () => req.lang);
      const e = this.get(key, v);
      if (!e) {
        req.cacheVersion = v;
        req.cacheKey = key;
        return;
      }
      reply.header('etag', e.etag).header('cache-control', CACHE_CONTROL).header('x-cache', 'hit');
      if (e.headers.vary) reply.header('vary', VARY);
      if (req.headers['if-none-match'] === e.etag) return reply.code(304).send();
      for (const h of KEPT_HEADERS) if (e.headers[h] !== undefined) reply.header(h, e.headers[h]);
      return reply.type(String(e.headers['content-type'])).send(e.body);
    });

    app.addHook('onSend', async (req: FastifyRequest, reply, payload) => {
      const v = req.cacheVersion;
      const key = req.cacheKey;
      // strings and buffers (rendered PNG charts, which cost the most to make); streams pass through
      if (v === undefined || key === undefined || reply.statusCode !== 200) return payload;
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
      const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
      // one-shot hashing: a Hash object per page would be a native handle for the collector to finalize
      const etag = `"${v}-${hash('sha1', body, 'base64url').slice(0, 16)}"`;
      const headers: Record<string, string | number> = {
        'content-type': String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
        'content-length': body.length,
        etag,
        'cache-control': CACHE_CONTROL,
        'x-cache': 'hit',
      };
      for (const h of KEPT_HEADERS) {
        const value = reply.getHeader(h);
        if (value !== undefined) headers[h] = String(value);
      }
      if (!key.startsWith('/api/')) headers.vary = VARY;
      if (this.admit(key, body.length)) this.put(key, { version: v, etag, body: ownMemory(body), headers });
      reply.header('etag', etag).header('cache-control', CACHE_CONTROL).header('x-cache', 'miss');
      if (headers.vary) reply.header('vary', VARY);
      if (req.headers['if-none-match'] === etag) {
        reply.code(304);
        return '';
      }
      // the bytes made for the cache, so they are not encoded a second time
      return body;
    });
  }
}
