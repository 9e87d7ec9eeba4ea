// The sitemap (sitemaps.org 0.9): an index at /sitemap.xml pointing to parts of at most 50,000 addresses and
// 50 MB each — the site's lists, every country, every place and every tie — so that search engines and
// Wikidata's editors can find every page. Absolute addresses come from the configured public address, never
// from a request's Host: the files are made once per data version and served to everyone.
import type { DataVersion } from './data-version.js';
import type { Gazetteer } from './gazetteer.js';
import { PerVersion } from './per-version.js';

export interface SitemapLimits {
  /** addresses per part (sitemaps.org: 50,000) */
  maxUrls: number;
  /** bytes per part, uncompressed (sitemaps.org: 50 MB) */
  maxBytes: number;
}

export const SITEMAP_LIMITS: SitemapLimits = { maxUrls: 50_000, maxBytes: 50 * 1024 * 1024 };

export interface Sitemaps {
  /** the index, listing every part */
  index: string;
  /** the parts by name (`places-1`, `ties-2`, …) */
  parts: Map<string, string>;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const URLSET_OPEN = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n';
const URLSET_CLOSE = '</urlset>\n';

/** Paths of a place's page, as the site links it (the views' `placePath`), given by the web layer. */
export type PathOf = (p: { id: string; name: string; kind: string }) => string;

export class SitemapService {
  private readonly made: PerVersion<Sitemaps>;

  constructor(
    gazetteer: Gazetteer,
    version: DataVersion,
    private readonly publicUrl: string,
    pathOf: PathOf,
    private readonly limits: SitemapLimits = SITEMAP_LIMITS,
  ) {
    const base = publicUrl.replace(/\/+$/, '');
    this.made = new PerVersion(version, async () => {
      const snap = await gazetteer.snapshot();
      const pages = ['/', '/countries', '/ties', '/rankings', '/network', '/quality', '/news', '/events'];
      const countries = [...snap.countries.keys()].sort().map((c) => `/countries/${c}`);
      const places = [...snap.places.values()]
        .filter((p) => p.kind !== 'country')
        .sort((x, y) => (x.id < y.id ? -1 : 1))
        .map((p) => pathOf(p));
      const ties = snap.ties
        .map((t) => t.id)
        .sort((x, y) => x - y)
        .map((id) => `/ties/${id}`);
      const parts = new Map<string, string>();
      for (const [name, paths] of [
        ['pages', pages],
        ['countries', countries],
        ['places', places],
        ['ties', ties],
      ] as const) {
        this.split(paths.map((p) => base + p)).forEach((part, i) => parts.set(`${name}-${i + 1}`, part));
      }
      const index =
        HEAD +
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        [...parts.keys()]
          .map((n) => `<sitemap><loc>${escape(`${base}/sitemaps/${n}.xml`)}</loc></sitemap>\n`)
          .join('') +
        '</sitemapindex>\n';
      return { index, parts };
    });
  }

  get(): Promise<Sitemaps> {
    return this.made.get();
  }

  /** Addresses in parts that keep within both limits. */
  split(urls: string[]): string[] {
    const { maxUrls, maxBytes } = this.limits;
    const fixed = Buffer.byteLength(HEAD + URLSET_OPEN + URLSET_CLOSE);
    const out: string[] = [];
    let lines: string[] = [];
    let bytes = fixed;
    const flush = () => {
      out.push(HEAD + URLSET_OPEN + lines.join('') + URLSET_CLOSE);
      lines = [];
      bytes = fixed;
    };
    for (const url of urls) {
      const line = `<url><loc>${escape(url)}</loc></url>\n`;
      const size = Buffer.byteLength(line);
      if (lines.length && (lines.length >= maxUrls || bytes + size > maxBytes)) flush();
      lines.push(line);
      bytes += size;
    }
    if (lines.length) flush();
    return out;
  }
}

function escape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
