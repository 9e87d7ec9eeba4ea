import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { siteAssets } from '../assets.js';
import type { Site } from '../site.js';
import { LANGS, localName, messages, type Lang } from './i18n.js';
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
export function href(path: string, lang: Lang, params: Record<string, string | undefined> = {}): string {
  const [base, query] = path.split('?');
  const q = new URLSearchParams(query);
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  if (lang !== 'en') q.set('lang', lang);
  else q.delete('lang');
  const s = q.toString();
  return s ? `${base}?${s}` : (base as string);
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1d2733;background:#f6f8fa}
a{color:#0b5cad}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}.skip:focus{left:0;z-index:10}
header.site{background:#0b3a66;color:#fff}
header.site .bar{max-width:72rem;margin:0 auto;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}
header.site a{color:#fff;text-decoration:none}header.site a:hover{text-decoration:underline}
.brand{font-weight:700;font-size:1.25rem}.brand small{font-weight:400;opacity:.85;margin-left:.5rem;font-size:.85rem}
nav.main ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.tools{margin-left:auto;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;align-items:center}nav.lang ul{list-style:none;margin:0;padding:0;display:flex;gap:.5rem}
nav.lang [aria-current]{font-weight:700;text-decoration:underline}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.8rem;line-height:1.2;margin:.75rem 0}
h2{font-size:1.3rem;margin:1.75rem 0 .5rem}
.card{background:#fff;border:1px solid #dde3ea;border-radius:8px;padding:1rem 1.25rem;margin:1rem 0}
.lead{font-size:1.1rem}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.75rem;margin:1rem 0;padding:0;list-style:none}
.figures li{background:#fff;border:1px solid #dde3ea;border-radius:8px;padding:.75rem 1rem}
.figures .n{display:block;font-size:1.6rem;font-weight:700;color:#0b3a66}
form.filters{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:flex-end}
form.filters label{display:flex;flex-direction:column;font-size:.9rem;gap:.2rem;min-width:0;max-width:100%}
input,select,button,textarea{font:inherit;max-width:100%;padding:.35rem .5rem;border:1px solid #9aa8b6;border-radius:4px;background:#fff;color:inherit}
button{background:#0b5cad;color:#fff;border-color:#0b5cad;cursor:pointer}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #e4e9ee}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.downloads{font-size:.9rem;margin:.25rem 0}.downloads a{margin-right:.75rem}
figure{margin:0}figure svg{display:block;width:100%;height:auto}
details{margin:.5rem 0}
textarea{width:100%;font-family:ui-monospace,monospace;font-size:.85rem}
.muted{color:#5b6b7c}
footer.site{max-width:72rem;margin:2rem auto;padding:1rem;color:#5b6b7c;font-size:.9rem;border-top:1px solid #dde3ea}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1.25rem;margin:0}dl.facts dt{font-weight:600}dl.facts dd{margin:0}
ul.columns{columns:16rem;padding-left:1.2rem}ul.partners{padding-left:1.2rem}h3{font-size:1.05rem;margin:1rem 0 .25rem}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:0 2rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.searchbox{position:relative;display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;max-width:40rem}
.searchbox .field{flex:1 1 16rem;display:flex;flex-direction:column;gap:.2rem;position:relative}
.searchbox input{font-size:1.1rem;padding:.5rem .7rem}
ul.suggest{position:absolute;top:100%;left:0;right:0;z-index:5;margin:.2rem 0 0;padding:0;list-style:none;background:#fff;border:1px solid #9aa8b6;border-radius:4px;box-shadow:0 4px 12px rgba(0,0,0,.12)}
ul.suggest li{padding:.4rem .7rem;cursor:pointer}ul.suggest li small{color:#5b6b7c}
ul.suggest li[aria-selected=true],ul.suggest li:hover{background:#e7f0fa}
.hero{background:#fff;border:1px solid #dde3ea;border-radius:8px;padding:1.25rem;margin:1rem 0}
.hero h1,.card h2{margin-top:0}
ul.cards{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.75rem}
ul.cards li{background:#fff;border:1px solid #dde3ea;border-radius:8px;padding:.75rem 1rem}
ul.cards .title{font-weight:600;display:block}
ul.log{list-style:none;padding:0}ul.log li{padding:.35rem 0;border-bottom:1px solid #e4e9ee}
ul.log time{color:#5b6b7c;font-variant-numeric:tabular-nums;margin-right:.5rem}
.prose{max-width:46rem}.prose h3{margin-top:1.25rem}
.tie{border-left:4px solid #d9480f;padding-left:1rem}
form.stack{display:flex;flex-direction:column;gap:.9rem;max-width:32rem}.field{display:flex;flex-direction:column;gap:.2rem}.field>label{font-weight:600}form.stack label{display:flex;flex-direction:column;gap:.2rem;font-weight:600}
form.stack label small{font-weight:400}form.stack button{align-self:flex-start}form.inline{display:inline}
form.stack.wide{max-width:46rem}textarea.md{min-height:16rem}
.problems{border:2px solid #b42318;background:#fef3f2;border-radius:8px;padding:.5rem 1rem;margin:1rem 0}.problems p{margin:.25rem 0}
.notice{border:1px solid #1a7f37;background:#eefbf1;border-radius:8px;padding:.6rem 1rem}
.attention{border:1px solid #b54708;background:#fffaeb;border-radius:8px;padding:.1rem 1rem .8rem;margin:1rem 0}
button.link{background:none;border:none;color:#0b5cad;text-decoration:underline;padding:0;cursor:pointer}
button.secondary{background:#fff;color:#0b5cad}
nav.account{font-size:.95rem}
.diff del{background:#ffe3e3;text-decoration:line-through}.diff ins{background:#d3f9d8;text-decoration:none}
.pre{white-space:pre-wrap}label.check{flex-direction:row!important;align-items:center;gap:.4rem;font-weight:400!important}
.field-error{color:#b42318;font-weight:600}[aria-invalid=true]{border-color:#b42318;border-width:2px}
fieldset{border:1px solid #dde3ea;border-radius:8px;padding:.5rem 1rem;display:flex;flex-direction:column;gap:.3rem}legend{font-weight:600}
a.button{display:inline-block;background:#0b5cad;color:#fff;padding:.35rem .8rem;border-radius:4px;text-decoration:none}
.tag{display:inline-block;font-size:.8rem;background:#e7f0fa;color:#0b3a66;border-radius:999px;padding:0 .5rem}
ul.gallery{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:.75rem}
ul.gallery img{width:100%;height:auto;display:block;border-radius:6px}ul.gallery span{font-size:.9rem;color:#5b6b7c}
ol.comments{list-style:none;padding-left:0}ol.comments ol.comments{padding-left:1.25rem;border-left:3px solid #dde3ea}
ol.comments li{margin:.75rem 0}ol.comments p{margin:.25rem 0}.follow{margin:.75rem 0}.seeking{color:#1a7f37}
.diff{white-space:pre-wrap;font-family:ui-monospace,monospace;font-size:.85rem;background:#fff;border:1px solid #dde3ea;padding:.75rem;border-radius:6px}
@media (max-width:40rem){h1{font-size:1.5rem}dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.4rem}}
`;

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
  const key = `${lang}|${site?.home?.id ?? ''}`;
  const known = frames.get(key);
  if (known) return known;
  const t = messages(lang);
  const home = site?.home;
  const homeName = home ? localName(home, lang) : '';
  const nav: [string, string][] = [
    ['/', t.navHome],
    ['/search', t.navSearch],
    ['/countries', t.navCountries],
    ['/ties', t.navTies],
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
      renderToString(<style dangerouslySetInnerHTML={{ __html: CSS }} />),
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
              <a href="/api/openapi.json">{t.navApi}</a>
            </li>
          </ul>
        </nav>
      </>,
    ),
    bottom: renderToString(
      <>
        <footer class="site">
          <p>{t.footerData}</p>
        </footer>
        <script src={siteAssets().suggest.path} defer />
      </>,
    ),
  };
  frames.set(key, made);
  return made;
}

/** A page for this request: its language, address (for the language switch) and deployment. */
export function pageFor(req: FastifyRequest, p: Omit<PageProps, 'lang' | 'path' | 'site' | 'user'>): string {
  return page({ ...p, lang: req.lang, path: req.url, site: req.site, user: req.user });
}

export function page(p: PageProps): string {
  const t = messages(p.lang);
  const home = p.site?.home;
  const homeName = home ? localName(home, p.lang) : '';
  const f = frame(p.lang, p.site);
  const skip = f.top.indexOf('</a>') + 4;
  return (
    `<!doctype html><html lang="${p.lang === 'zh' ? 'zh-Hans' : 'en'}"><head>` +
    f.head +
    renderToString(
      <>
        <title>{`${p.title} · ${home ? t.homeSiteName(homeName) : t.siteName}`}</title>
        {p.description && <meta name="description" content={p.description} />}
      </>,
    ) +
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
                lang={l === 'zh' ? 'zh-Hans' : 'en'}
                hreflang={l === 'zh' ? 'zh-Hans' : 'en'}
                aria-current={l === p.lang ? 'true' : undefined}
              >
                {l === 'zh' ? '中文' : 'English'}
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
