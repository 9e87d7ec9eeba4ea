import type { FastifyInstance } from 'fastify';
import type { Twinning } from '../../domain/twinnings.js';
import type { Entry } from '../../domain/entries.js';
import { EntryLog, orgsOf } from '../views/entry-view.js';
import type { NetworkService } from '../../services/network.js';
import type { PlacesService } from '../../services/places.js';
import type { Store } from '../../store/store.js';
import type { TwinningWithPartner } from '../../store/twinnings-repo.js';
import { siteAssets } from '../assets.js';
import { TiesMap } from '../views/charts.js';
import { KIND_LABELS, LOCALE, STATUS_LABELS, formatDate, localName, type Lang } from '../views/i18n.js';
import { numberFormat } from '../views/format.js';
import { href, pageFor } from '../views/layout.js';
import { placePath } from '../views/links.js';
import { PartnerMap } from '../views/partner-map.js';
import { SearchBox } from '../views/search-box.js';

const T = {
  en: {
    title: "The world's sister cities",
    intro: (places: string, ties: string) =>
      `An open registry of town twinnings: ${places} places and ${ties} ties between them, from Wikidata and the program offices that keep them.`,
    mapTitle: 'The busiest places and the ties between them',
    mapDesc: (n: number, links: number, top: string) =>
      `World map of the ${n} places with the most ties, dots sized by their number of ties, and the ${links} ties among them. The busiest: ${top}.`,
    busiest: 'Most ties',
    recent: 'Recent changes',
    news: 'News',
    events: 'Upcoming events',
    noNews: 'No news yet.',
    noEvents: 'No event coming up.',
    allNews: 'All news',
    allEvents: 'All events',
    recentNone: 'Nothing has changed yet.',
    updated: 'updated',
    explore: 'Explore',
    rankings: 'Which places and countries have the most ties',
    ties: 'Ties by country pair, kind, status and decade',
    network: 'The network: groups of places and its most central cities',
    path: 'How two places are linked through a chain of ties',
    quality: 'What the data still lacks',
    countries: 'All countries and territories',
    api: 'Data and API',
    apiText: 'Everything here is also JSON; the OpenAPI document describes it.',
    tieCount: (n: string) => `${n} ties`,
    // home mode
    homeTitle: (home: string) => `${home} and its sister cities`,
    homeIntro: (home: string, n: string, countries: string) =>
      `${home} is tied to ${n} places in ${countries} countries: sister cities, friendship cities and partners. Find out who they are, what we do together and how to take part.`,
    homeNone: (home: string) => `No ties of ${home} are recorded yet.`,
    homeMap: (home: string) => `${home} and its partners on the map`,
    homeMapDesc: (home: string, n: number, shown: number) =>
      `World map with lines from ${home} to ${shown} of its ${n} partners whose location is known.`,
    partners: 'Our partners',
    signed: (d: string) => `Agreement signed ${d}`,
    signedUnknown: 'Date of signing not recorded',
    aboutHome: (home: string) => `About ${home}`,
    homeStats: (home: string) => `${home}'s ties in figures and charts`,
    world: "The world's sister cities",
  },
  zh: {
    title: '世界友好城市',
    intro: (places: string, ties: string) =>
      `开放的友好城市登记库：收录${places}个地方及其间${ties}对友好关系，数据来自 Wikidata 和各地友城工作机构。`,
    mapTitle: '友好关系最多的地方及其相互间的友好关系',
    mapDesc: (n: number, links: number, top: string) =>
      `世界地图，显示友好关系最多的${n}个地方（圆点大小表示友好关系数量）及其相互间的${links}对友好关系。最多的是：${top}。`,
    busiest: '友好关系最多',
    recent: '最近更新',
    news: '新闻',
    events: '近期日程',
    noNews: '暂无新闻。',
    noEvents: '近期没有活动。',
    allNews: '全部新闻',
    allEvents: '全部日程',
    recentNone: '尚无更新。',
    updated: '更新于',
    explore: '浏览',
    rankings: '友好关系最多的地方和国家',
    ties: '按国家、类型、状态和年代浏览友好关系',
    network: '友城网络：群组与最居中心的城市',
    path: '两地如何通过友城链相连',
    quality: '数据中尚缺的内容',
    countries: '所有国家和地区',
    api: '数据与 API',
    apiText: '本站内容均可以 JSON 获取，详见 OpenAPI 文档。',
    tieCount: (n: string) => `${n}对`,
    homeTitle: (home: string) => `${home}的友好城市`,
    homeIntro: (home: string, n: string, countries: string) =>
      `${home}与${countries}个国家的${n}个地方建立了友好关系。在这里了解他们是谁、我们一起做什么，以及如何参与。`,
    homeNone: (home: string) => `尚无${home}的友好关系记录。`,
    homeMap: (home: string) => `${home}及其友好城市地图`,
    homeMapDesc: (home: string, n: number, shown: number) =>
      `世界地图，显示从${home}到其${n}个友城中已知位置的${shown}个的连线。`,
    partners: '我们的友好城市',
    signed: (d: string) => `协议签署于${d}`,
    signedUnknown: '签署日期未记录',
    aboutHome: (home: string) => `关于${home}`,
    homeStats: (home: string) => `${home}友好城市统计`,
    world: '世界友好城市',
  },
};

function ExploreLinks(p: { lang: Lang }) {
  const t = T[p.lang];
  return (
    <section aria-labelledby="h-explore">
      <h2 id="h-explore">{t.explore}</h2>
      <ul>
        {(
          [
            [href('/countries', p.lang), t.countries],
            [href('/ties', p.lang), t.ties],
            [href('/rankings', p.lang), t.rankings],
            [href('/network', p.lang), t.network],
            [href('/path', p.lang), t.path],
            [href('/quality', p.lang), t.quality],
            ['/api/openapi.json', t.api],
          ] as const
        ).map(([to, label]) => (
          <li>
            <a href={to}>{label}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The latest changed ties as a dated log. */
/** What a link to a place needs: its address and its name in the reader's language. */
type Named = {
  id: string;
  name: string;
  kind: string;
  names?: Record<string, string>;
  nameZh?: string | null;
};

function RecentChanges(p: { lang: Lang; ties: Twinning[]; names: Map<string, Named> }) {
  const t = T[p.lang];
  const name = (id: string) => {
    const x = p.names.get(id);
    return x ? localName(x, p.lang) : id;
  };
  const link = (id: string) => {
    const x = p.names.get(id);
    return <a href={href(x ? placePath(x) : `/places/${encodeURIComponent(id)}`, p.lang)}>{name(id)}</a>;
  };
  const day = new Intl.DateTimeFormat(LOCALE[p.lang], { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <section aria-labelledby="h-recent">
      <h2 id="h-recent">{t.recent}</h2>
      {p.ties.length === 0 ? (
        <p>{t.recentNone}</p>
      ) : (
        <ul class="log">
          {p.ties.map((tw) => (
            <li>
              <time datetime={tw.updatedAt}>{day.format(new Date(tw.updatedAt))}</time>
              {link(tw.a)} – {link(tw.b)}{' '}
              <span class="muted">
                {[
                  KIND_LABELS[p.lang][tw.kind],
                  tw.signed ? formatDate(tw.signed, p.lang) : '',
                  tw.status !== 'active' ? STATUS_LABELS[p.lang][tw.status] : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>{' '}
              <a href={href(`/ties/${tw.id}`, p.lang)} aria-label={`${name(tw.a)} – ${name(tw.b)}`}>
                ›
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The latest news and the next events: of the home's organizations in home mode, of every program otherwise. */
async function NewsAndEvents(p: { store: Store; lang: Lang; homeId: string | null }) {
  const t = T[p.lang];
  let orgIds: number[] | undefined;
  if (p.homeId) {
    orgIds = (await p.store.orgs.withHomeIn([p.homeId])).map((o) => o.id);
    if (!orgIds.length) return null;
  }
  const pick = async (get: (orgId?: number) => Promise<Entry[]>) =>
    orgIds ? (await Promise.all(orgIds.map((id) => get(id)))).flat() : get();
  const now = new Date().toISOString();
  const [news, events] = await Promise.all([
    pick((orgId) => p.store.entries.latest(['post'], { limit: 5, orgId })),
    pick((orgId) => p.store.entries.upcoming(now, { limit: 5, orgId })),
  ]);
  if (!news.length && !events.length) return null;
  news.sort((a, b) => (b.startsAt ?? '').localeCompare(a.startsAt ?? ''));
  events.sort((a, b) => (a.startsAt ?? '').localeCompare(b.startsAt ?? ''));
  const orgs = await orgsOf(p.store, [...news, ...events]);
  return (
    <div class="grid2">
      <section aria-labelledby="h-news">
        <h2 id="h-news">{t.news}</h2>
        {news.length ? <EntryLog entries={news.slice(0, 5)} orgs={orgs} lang={p.lang} /> : <p>{t.noNews}</p>}
        <p>
          <a href={href('/news', p.lang)}>{t.allNews}</a>
        </p>
      </section>
      <section aria-labelledby="h-events">
        <h2 id="h-events">{t.events}</h2>
        {events.length ? (
          <EntryLog entries={events.slice(0, 5)} orgs={orgs} lang={p.lang} />
        ) : (
          <p>{t.noEvents}</p>
        )}
        <p>
          <a href={href('/events', p.lang)}>{t.allEvents}</a>
        </p>
      </section>
    </div>
  );
}

export function homePages(
  app: FastifyInstance,
  store: Store,
  places: PlacesService,
  network: NetworkService,
): void {
  app.get('/', { schema: { hide: true }, config: { cache: true } }, async (req, reply) => {
    const lang = req.lang;
    const t = T[lang];
    const num = numberFormat(lang);
    const home = req.site.home;
    if (home) {
      const { partners: items, countries } = await places.partners(home.id);
      // the home's own ties, last changed first
      const mine = items
        .map((i) => i.twinning)
        .sort((x, y) => y.updatedAt.localeCompare(x.updatedAt) || y.id - x.id)
        .slice(0, 10);
      const ends = new Map<string, Named>([
        [home.id, home],
        ...items.map((i) => [i.partner.id, i.partner] as const),
      ]);
      const homeName = localName(home, lang);
      const countryCodes = new Set(items.map((i) => i.partner.country).filter(Boolean));
      // the partners with a known signing date first, oldest first: the order a program tells its history in
      const partners = [...items].sort(
        (x, y) =>
          (x.twinning.signed?.date ?? '9999').localeCompare(y.twinning.signed?.date ?? '9999') ||
          x.partner.name.localeCompare(y.partner.name),
      );
      const countryName = (code: string | null) => {
        const c = code ? countries.get(code) : undefined;
        return c ? localName(c, lang) : (code ?? '');
      };
      return reply.type('text/html; charset=utf-8').send(
        pageFor(req, {
          title: t.homeTitle(homeName),
          children: (
            <>
              <div class="hero">
                <h1>{t.homeTitle(homeName)}</h1>
                <p class="lead">
                  {items.length
                    ? t.homeIntro(homeName, num.format(items.length), num.format(countryCodes.size))
                    : t.homeNone(homeName)}
                </p>
                <SearchBox lang={lang} />
              </div>
              {await NewsAndEvents({ store, lang, homeId: home.id })}
              {home.lat !== null && home.lon !== null && items.length > 0 && (
                <section aria-labelledby="h-map">
                  <h2 id="h-map">{t.homeMap(homeName)}</h2>
                  <PartnerMap
                    id="home-map"
                    center={{ lat: home.lat, lon: home.lon, label: homeName }}
                    partners={items}
                    lang={lang}
                    title={t.homeMap(homeName)}
                    desc={(all, shown) => t.homeMapDesc(homeName, all, shown)}
                  />
                </section>
              )}
              <section aria-labelledby="h-partners">
                <h2 id="h-partners">{t.partners}</h2>
                <PartnerCards lang={lang} partners={partners} countryName={countryName} />
              </section>
              <div class="grid2">
                <RecentChanges lang={lang} ties={mine} names={ends} />
                <section aria-labelledby="h-more">
                  <h2 id="h-more">{t.explore}</h2>
                  <ul>
                    <li>
                      <a href={href(placePath(home), lang)}>{t.aboutHome(homeName)}</a>
                    </li>
                    <li>
                      <a href={href(`/places/${encodeURIComponent(home.id)}/stats`, lang)}>
                        {t.homeStats(homeName)}
                      </a>
                    </li>
                    <li>
                      <a href={href('/ties', lang)}>{t.ties}</a>
                    </li>
                    <li>
                      <a href={href('/countries', lang)}>{t.countries}</a>
                    </li>
                  </ul>
                </section>
              </div>
            </>
          ),
        }),
      );
    }

    const recentTies = await store.twinnings.recentlyChanged(10);
    const [placeCount, tieCount, busiest] = await Promise.all([
      store.places.count(),
      store.twinnings.count(),
      network.busiest(60),
    ]);
    const names = await store.places.getMany([...new Set(recentTies.flatMap((x) => [x.a, x.b]))]);
    const at = new Map(busiest.places.map((p) => [p.id, p]));
    const maxTies = Math.max(1, ...busiest.places.map((p) => p.ties));
    const label = (p: { name: string; nameZh: string | null; ties: number }) =>
      `${localName(p, lang)}: ${t.tieCount(num.format(p.ties))}`;
    return reply.type('text/html; charset=utf-8').send(
      pageFor(req, {
        title: t.title,
        children: (
          <>
            <div class="hero">
              <h1>{t.title}</h1>
              <p class="lead">{t.intro(num.format(placeCount), num.format(tieCount))}</p>
              <SearchBox lang={lang} />
            </div>
            {busiest.places.length > 0 && (
              <section aria-labelledby="h-map">
                <h2 id="h-map">{t.mapTitle}</h2>
                <figure>
                  <TiesMap
                    id="world-ties"
                    land={siteAssets().land.path}
                    home={null}
                    partners={busiest.places.map((p) => ({
                      lat: p.lat,
                      lon: p.lon,
                      label: label(p),
                      r: 2.5 + 7 * Math.sqrt(p.ties / maxTies),
                    }))}
                    links={busiest.links.map(([a, b]) => {
                      const pa = at.get(a)!;
                      const pb = at.get(b)!;
                      return [
                        { lat: pa.lat, lon: pa.lon, label: '' },
                        { lat: pb.lat, lon: pb.lon, label: '' },
                      ];
                    })}
                    text={{
                      title: t.mapTitle,
                      desc: t.mapDesc(
                        busiest.places.length,
                        busiest.links.length,
                        busiest.places
                          .slice(0, 5)
                          .map((p) => label(p))
                          .join('; '),
                      ),
                    }}
                  />
                </figure>
              </section>
            )}
            {await NewsAndEvents({ store, lang, homeId: null })}
            <div class="grid2">
              <section aria-labelledby="h-busiest">
                <h2 id="h-busiest">{t.busiest}</h2>
                <ol>
                  {busiest.places.slice(0, 10).map((p) => (
                    <li>
                      <a href={href(placePath(p), lang)}>{localName(p, lang)}</a>{' '}
                      <span class="muted">{t.tieCount(num.format(p.ties))}</span>
                    </li>
                  ))}
                </ol>
              </section>
              <RecentChanges lang={lang} ties={recentTies} names={names} />
            </div>
            <ExploreLinks lang={lang} />
          </>
        ),
      }),
    );
  });
}

function PartnerCards(p: {
  lang: Lang;
  partners: TwinningWithPartner[];
  countryName: (code: string | null) => string;
}) {
  const t = T[p.lang];
  if (!p.partners.length) return null;
  return (
    <ul class="cards">
      {p.partners.map(({ twinning: tw, partner }) => (
        <li>
          <a class="title" href={href(placePath(partner), p.lang)}>
            {localName(partner, p.lang)}
          </a>
          <span class="muted">{p.countryName(partner.country)}</span>
          <br />
          {tw.signed ? t.signed(formatDate(tw.signed, p.lang)) : t.signedUnknown}
          <br />
          <span class="muted">
            {KIND_LABELS[p.lang][tw.kind]}
            {tw.status !== 'active' && ` · ${STATUS_LABELS[p.lang][tw.status]}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
