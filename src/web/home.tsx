import { LOCALE, type Lang } from './views/i18n.js';
import { href, page } from './views/layout.js';

const T = {
  en: {
    title: "The world's sister cities",
    intro: (places: string, ties: string) =>
      `An open registry of town twinnings: ${places} places and ${ties} ties between them, from Wikidata and the program offices that keep them.`,
    explore: 'Explore',
    rankings: 'Which places and countries have the most ties',
    network: 'The network: groups of places and its most central cities',
    path: 'How two places are linked through a chain of ties',
    quality: 'What the data still lacks',
    countries: 'All countries and territories',
    example: 'Statistics of a country, e.g. China',
    api: 'Data and API',
    apiText: 'Everything here is also JSON; the OpenAPI document describes it.',
  },
  zh: {
    title: '世界友好城市',
    intro: (places: string, ties: string) =>
      `开放的友好城市登记库：收录${places}个地方及其间${ties}对友好关系，数据来自 Wikidata 和各地友城工作机构。`,
    explore: '浏览',
    rankings: '友好关系最多的地方和国家',
    network: '友城网络：群组与最居中心的城市',
    path: '两地如何通过友城链相连',
    quality: '数据中尚缺的内容',
    countries: '所有国家和地区',
    example: '一个国家的统计，例如中国',
    api: '数据与 API',
    apiText: '本站内容均可以 JSON 获取，详见 OpenAPI 文档。',
  },
};

// The landing page until the portal's home (search, map, news) replaces it.
export function homePage(p: { placeCount: number; tieCount: number; lang: Lang; path: string }): string {
  const t = T[p.lang];
  const n = new Intl.NumberFormat(LOCALE[p.lang]);
  return page({
    lang: p.lang,
    title: t.title,
    path: p.path,
    children: (
      <>
        <h1>{t.title}</h1>
        <p class="lead">{t.intro(n.format(p.placeCount), n.format(p.tieCount))}</p>
        <h2>{t.explore}</h2>
        <ul>
          <li>
            <a href={href('/rankings', p.lang)}>{t.rankings}</a>
          </li>
          <li>
            <a href={href('/network', p.lang)}>{t.network}</a>
          </li>
          <li>
            <a href={href('/path', p.lang, { from: 'Anshan', to: 'Paris' })}>{t.path}</a>
          </li>
          <li>
            <a href={href('/places/CN/stats', p.lang)}>{t.example}</a>
          </li>
          <li>
            <a href={href('/countries', p.lang)}>{t.countries}</a>
          </li>
          <li>
            <a href={href('/quality', p.lang)}>{t.quality}</a>
          </li>
        </ul>
        <h2>{t.api}</h2>
        <p>{t.apiText}</p>
        <ul>
          <li>
            <a href="/api/openapi.json">OpenAPI</a>
          </li>
          <li>
            <a href="/api/places?q=malmo">
              <code>GET /api/places?q=malmo</code>
            </a>
          </li>
          <li>
            <a href="/api/places/Q74957/twinnings">
              <code>GET /api/places/Q74957/twinnings</code>
            </a>
          </li>
          <li>
            <a href="/api/places/CN/stats">
              <code>GET /api/places/CN/stats</code>
            </a>
          </li>
        </ul>
      </>
    ),
  });
}
