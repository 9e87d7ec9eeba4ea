import type { AtlasView } from '../../../services/home-views.js';
import { siteAssets } from '../../assets.js';
import { localName } from '../../i18n/index.js';
import { TiesMap } from '../charts.js';
import type { ViewContext } from '../context.js';
import { href, renderPage } from '../layout.js';
import { siteJsonLd } from '../linked-data.js';
import { placePath } from '../links.js';
import { SearchBox } from '../search-box.js';
import { BulletinPanels, RecentChanges } from './parts.js';

/**
 * The home page of the world's registry: a search box, a map of the busiest places and the ties among them,
 * news and events, the places with the most ties, recent changes and where to go next.
 */
export function atlasPage(v: ViewContext, view: AtlasView): string {
  const { lang } = v;
  const t = v.t.home;
  const at = new Map(view.busiest.map((p) => [p.id, p]));
  const most = Math.max(1, ...view.busiest.map((p) => p.ties));
  const label = (p: AtlasView['busiest'][number]) => t.placeTies(localName(p, lang), p.ties);
  const explore: [string, string][] = [
    [href('/countries', lang), t.countries],
    [href('/ties', lang), t.ties],
    [href('/rankings', lang), t.rankings],
    [href('/network', lang), t.network],
    [href('/path', lang), t.path],
    [href('/quality', lang), t.quality],
    ['/api/openapi.json', t.api],
  ];
  return renderPage(v, {
    title: t.title,
    head: { jsonLd: siteJsonLd(v.site.url ?? '', v.t) },
    children: (
      <>
        <div class="hero">
          <h1>{t.title}</h1>
          <p class="lead">{t.intro(view.places, view.ties)}</p>
          <SearchBox v={v} />
        </div>
        {view.busiest.length > 0 && (
          <section aria-labelledby="h-map">
            <h2 id="h-map">{t.mapTitle}</h2>
            <figure>
              <TiesMap
                id="world-ties"
                land={siteAssets().land.path}
                home={null}
                partners={view.busiest.map((p) => ({
                  lat: p.lat,
                  lon: p.lon,
                  label: label(p),
                  r: 2.5 + 7 * Math.sqrt(p.ties / most),
                }))}
                links={view.links.map(([a, b]) => {
                  const [pa, pb] = [at.get(a)!, at.get(b)!];
                  return [
                    { lat: pa.lat, lon: pa.lon, label: '' },
                    { lat: pb.lat, lon: pb.lon, label: '' },
                  ];
                })}
                text={{
                  title: t.mapTitle,
                  desc: t.mapDesc(
                    view.busiest.length,
                    view.links.length,
                    view.busiest.slice(0, 5).map(label).join('; '),
                  ),
                }}
              />
            </figure>
          </section>
        )}
        <BulletinPanels v={v} bulletin={view.bulletin} />
        <div class="grid2">
          <section aria-labelledby="h-busiest">
            <h2 id="h-busiest">{t.busiest}</h2>
            <ol>
              {view.busiest.slice(0, 10).map((p) => (
                <li>
                  <a href={href(placePath(p), lang)}>{localName(p, lang)}</a>{' '}
                  <span class="muted">{t.tieCount(p.ties)}</span>
                </li>
              ))}
            </ol>
          </section>
          <RecentChanges v={v} recent={view.recent} seeded={view.seeded} />
        </div>
        <section aria-labelledby="h-explore">
          <h2 id="h-explore">{t.explore}</h2>
          <ul>
            {explore.map(([to, text]) => (
              <li>
                <a href={to}>{text}</a>
              </li>
            ))}
          </ul>
        </section>
      </>
    ),
  });
}
