import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { siteAssets } from '../assets.js';
import { withoutTracking } from '../cache.js';
import type { Site } from '../site.js';
import type { ViewContext } from './context.js';
import { LANGS, htmlLang, localName, messages as catalogue, type Lang } from '../i18n/index.js';
import { jsonLdScript, type HeadExtras } from './linked-data.js';
import { PostForm } from './post-form.js';

/** A reply that carries a page. */
export const html = (reply: FastifyReply) => reply.type('text/html; charset=utf-8');

/** An HTML page whose address holds a secret (a mailed link): never sent on as a referrer, never indexed. */
export const secretLinkHtml = (reply: FastifyReply) =>
  html(reply).header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex');

/**
 * The page a mailed link opens: what it will do and the button that does it, so that it takes a person's click
 * and not a mail scanner's visit.
 */
export function sendLinkPage(
  req: FastifyRequest,
  reply: FastifyReply,
  p: { title: string; text: string; action: string; button: string; csrf: string },
) {
  return secretLinkHtml(reply).send(
    pageFor(req, {
      title: p.title,
      children: (
        <>
          <h1>{p.title}</h1>
          <p>{p.text}</p>
          <PostForm action={href(p.action, req.lang)} csrf={p.csrf}>
            <button type="submit">{p.button}</button>
          </PostForm>
        </>
      ),
    }),
  );
}

/** "Previous / next page" links for a list paged with `?page=N`, keeping the list's other parameters. */
export function Pager(p: {
  lang: Lang;
  path: string;
  query: Record<string, string | undefined>;
  page: number;
  hasNext: boolean;
  prev: string;
  next: string;
}) {
  return (
    <p>
      {p.page > 1 && (
        <a href={href(p.path, p.lang, { ...p.query, page: String(p.page - 1) })} rel="prev">
          {p.prev}
        </a>
      )}{' '}
      {p.hasNext && (
        <a href={href(p.path, p.lang, { ...p.query, page: String(p.page + 1) })} rel="next">
          {p.next}
        </a>
      )}
    </p>
  );
}

/** A link that keeps the reader's language. */
export function href(path: string, lang: Lang, params?: Record<string, string | undefined>): string {
  // most links are a bare path: a page links dozens of them (partners, menus), so no URLSearchParams for those
  if (params === undefined && !path.includes('?'))
    return lang === 'en' ? path : `${path}?lang=${encodeURIComponent(lang)}`;
  const [base, query] = path.split('?');
  const q = new URLSearchParams(query);
  for (const [k, v] of Object.entries(params ?? {})) if (v) q.set(k, v);
  if (lang !== 'en') q.set('lang', lang);
  else q.delete('lang');
  const s = q.toString();
  return s ? `${base}?${s}` : (base as string);
}

export interface PageProps {
  lang: Lang;
  title: string;
  /** the page's own path with its query, for the language switch */
  path: string;
  description?: string;
  /** the deployment: in home mode the header names the home's program */
  site?: Site;
  /** the signed-in user: the header links to their account instead of the sign-in page */
  user?: { name: string } | null;
  /** linked data and alternate representations for the <head> */
  head?: HeadExtras;
  children: ComponentChildren;
}

/** The parts of every page that depend only on the language and the deployment, rendered once. */
interface Frame {
  head: string;
  top: string;
  bottom: string;
}
const frames = new Map<string, Frame>();

function frame(lang: Lang, site: Site | undefined): Frame {
  const program = site?.home ? site.program : null;
  const key = `${lang}|${site?.home?.id ?? ''}|${program ? `${program.slug}|${program.name}` : ''}`;
  const known = frames.get(key);
  if (known) return known;
  const t = catalogue(lang).site;
  const home = site?.home;
  const homeName = home ? localName(home, lang) : '';
  const nav: [string, string][] = [
    ['/', t.navHome],
    // home mode: the organization that runs the program, its committees and whom to ask
    ...(program ? [[`/orgs/${program.slug}`, t.navProgram] as [string, string]] : []),
    ['/search', t.navSearch],
    ['/countries', t.navCountries],
    ['/ties', t.navTies],
    ['/seeking', catalogue(lang).seeking.link],
    ['/news', t.navNews],
    ['/events', t.navEvents],
    ['/rankings', t.navRankings],
    ['/network', t.navNetwork],
    ['/path', t.navPath],
    ['/quality', t.navQuality],
  ];
  const made: Frame = {
    head:
      '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
      renderToString(
        <>
          <link rel="stylesheet" href={siteAssets().css.path} />
          <link rel="icon" href={siteAssets().icon.path} type="image/svg+xml" />
        </>,
      ),
    top: renderToString(
      <>
        <a class="skip" href="#content">
          {t.skip}
        </a>
        <a class="brand" href={href('/', lang)}>
          {home ? t.homeSiteName(homeName) : t.siteName}
          <small>{home ? t.homeTagline : t.tagline}</small>
        </a>
        <nav class="main" aria-label={t.siteName}>
          <ul>
            {nav.map(([to, label]) => (
              <li>
                <a href={href(to, lang)}>{label}</a>
              </li>
            ))}
            <li>
              <a href={href('/api', lang)}>{t.navApi}</a>
            </li>
          </ul>
        </nav>
      </>,
    ),
    bottom: renderToString(
      <>
        <footer class="site">
          <p>
            {t.footerData} <a href={href('/about', lang)}>{catalogue(lang).provenance.aboutLink}</a>
          </p>
        </footer>
        <script src={siteAssets().suggest.path} defer />
      </>,
    ),
  };
  frames.set(key, made);
  return made;
}

/** A page for a view: its language, address (for the language switch), deployment and reader. */
export function renderPage(v: ViewContext, p: Omit<PageProps, 'lang' | 'path' | 'site' | 'user'>): string {
  return page({ ...p, lang: v.lang, path: v.path, site: v.site, user: v.user });
}

/** A page for this request: its language, address (for the language switch) and deployment. */
export function pageFor(req: FastifyRequest, p: Omit<PageProps, 'lang' | 'path' | 'site' | 'user'>): string {
  return page({ ...p, lang: req.lang, path: withoutTracking(req.url), site: req.site, user: req.user });
}

export function page(p: PageProps): string {
  const t = catalogue(p.lang).site;
  const home = p.site?.home;
  const homeName = home ? localName(home, p.lang) : '';
  const f = frame(p.lang, p.site);
  const skip = f.top.indexOf('</a>') + 4;
  return (
    `<!doctype html><html lang="${htmlLang(p.lang)}"><head>` +
    f.head +
    renderToString(
      <>
        <title>{`${p.title} · ${home ? t.homeSiteName(homeName) : t.siteName}`}</title>
        {p.description && <meta name="description" content={p.description} />}
        {p.head?.alternates?.map((a) => (
          <link rel="alternate" type={a.type} href={a.href} title={a.title} />
        ))}
      </>,
    ) +
    (p.head?.jsonLd ? jsonLdScript(p.head.jsonLd) : '') +
    '</head><body>' +
    f.top.slice(0, skip) +
    '<header class="site"><div class="bar">' +
    f.top.slice(skip) +
    '<div class="tools">' +
    renderToString(
      <nav class="lang" aria-label={t.language}>
        <ul>
          {LANGS.map((l) => (
            <li>
              <a
                href={`/lang?${new URLSearchParams({ to: l, next: p.path })}`}
                lang={htmlLang(l)}
                hreflang={htmlLang(l)}
                aria-current={l === p.lang ? 'true' : undefined}
              >
                {catalogue(l).nativeName}
              </a>
            </li>
          ))}
        </ul>
      </nav>,
    ) +
    renderToString(
      <nav class="account" aria-label={t.account}>
        {p.user ? (
          <a href={href('/account', p.lang)}>{p.user.name}</a>
        ) : (
          <a href={href('/signin', p.lang)}>{t.signIn}</a>
        )}
      </nav>,
    ) +
    '</div></div></header><main id="content">' +
    renderToString(<>{p.children}</>) +
    '</main>' +
    f.bottom +
    '</body></html>'
  );
}
