import type { ProgramHomeView } from '../../../services/home-views.js';
import type { Site } from '../../site.js';
import { countryName, localName } from '../../i18n/index.js';
import type { ViewContext } from '../context.js';
import { href, renderPage } from '../layout.js';
import { siteJsonLd } from '../linked-data.js';
import { placePath } from '../links.js';
import { OurProgram } from '../our-program.js';
import { PartnerMap } from '../partner-map.js';
import { SearchBox } from '../search-box.js';
import { BulletinPanels, RecentChanges } from './parts.js';

/**
 * The home page of a program (home mode): who runs it (committees, whom to ask), its news and events; its
 * partners as cards, oldest agreement first, on a map; its ties changed last, and links about the home.
 */
export function programHomePage(
  v: ViewContext,
  home: NonNullable<Site['home']>,
  view: ProgramHomeView,
): string {
  const { lang } = v;
  const t = v.t.home;
  const labels = v.t.labels;
  const homeName = localName(home, lang);
  const n = view.partners.length;
  return renderPage(v, {
    title: t.homeTitle(homeName),
    head: { jsonLd: siteJsonLd(v.site.url ?? '', v.t) },
    children: (
      <>
        <div class="hero">
          <h1>{t.homeTitle(homeName)}</h1>
          <p class="lead">{n ? t.homeIntro(homeName, n, view.countries) : t.homeNone(homeName)}</p>
          <SearchBox v={v} />
        </div>
        <OurProgram v={v} title={v.t.places.ourProgram} programs={view.program} />
        <BulletinPanels v={v} bulletin={view.bulletin} />
        {home.lat !== null && home.lon !== null && n > 0 && (
          <section aria-labelledby="h-map">
            <h2 id="h-map">{t.homeMap(homeName)}</h2>
            <PartnerMap
              id="home-map"
              center={{ lat: home.lat, lon: home.lon, label: homeName }}
              partners={view.partners}
              lang={lang}
              title={t.homeMap(homeName)}
              desc={(all, shown) => t.homeMapDesc(homeName, all, shown)}
            />
          </section>
        )}
        <section aria-labelledby="h-partners">
          <h2 id="h-partners">{t.partners}</h2>
          {n > 0 && (
            <ul class="cards">
              {view.partners.map(({ twinning: tw, partner }) => (
                <li>
                  <a class="title" href={href(placePath(partner), lang)}>
                    {localName(partner, lang)}
                  </a>
                  <span class="muted">{partner.country ? countryName(lang, partner.country) : ''}</span>
                  <br />
                  {tw.signed ? t.signed(v.t.date(tw.signed)) : t.signedUnknown}
                  <br />
                  <span class="muted">
                    {labels.tieKinds[tw.kind]}
                    {tw.status !== 'active' && ` · ${labels.statuses[tw.status]}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <div class="grid2">
          <RecentChanges v={v} recent={view.recent} seeded={view.seeded} />
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
  });
}
