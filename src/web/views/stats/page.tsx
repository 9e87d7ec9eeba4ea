import { renderToString } from 'preact-render-to-string';
import { PLACE_KINDS } from '../../../domain/places.js';
import { TWINNING_KINDS } from '../../../domain/twinnings.js';
import type { StatsPageView } from '../../../services/stats.js';
import { siteAssets } from '../../assets.js';
import { countryName, htmlLang, localName } from '../../i18n/index.js';
import type { ViewContext } from '../context.js';
import { DateField, LangField, SelectField } from '../forms.js';
import { href, renderPage } from '../layout.js';
import { DataTable } from '../table.js';
import { statsChart, type Chart, type Figure } from './figures.js';

/** the status choices besides the default (active): several statuses are counted together */
const STATUS_CHOICES = [
  'active,dormant,suspended',
  'ended',
  'proposed',
  'active,dormant,suspended,ended,proposed',
] as const;

const statsPath = (id: string) => `/places/${encodeURIComponent(id)}/stats`;
const embedPath = (id: string) => `/embed/places/${encodeURIComponent(id)}/stats`;

/**
 * The statistics of a place and everything under it: filters, the generated paragraph, key figures, growth,
 * continents, levels, countries and a map, each with its data and downloads; and the code of the widget.
 * `origin` is the site's public address, for the widget's code.
 */
export function statsPage(v: ViewContext, view: StatsPageView, origin: string): string {
  const { lang } = v;
  const t = v.t.stats;
  const s = view.stats;
  const q = view.filter;
  const dataNote = dataDateNote(v, view);
  const name = localName(view.place, lang);
  const base = statsPath(view.place.id);
  const dl = (file: string) => href(`${base}/${file}`, lang, q);
  const Downloads = (p: { chart?: Chart | undefined; figure?: Figure }) => (
    <p class="downloads">
      {t.download}:{' '}
      {p.chart && (
        <>
          <a href={dl(`${p.chart}.svg`)} download>
            SVG
          </a>
          <a href={dl(`${p.chart}.png`)} download>
            PNG
          </a>
        </>
      )}
      {p.figure && (
        <a href={dl(`${p.figure}.csv`)} download>
          CSV
        </a>
      )}
    </p>
  );
  const growth = statsChart(v, view, 'growth');
  const continents = statsChart(v, view, 'continents');
  const countries = statsChart(v, view, 'countries');
  const embedUrl = href(embedPath(view.place.id), lang, q);
  return renderPage(v, {
    title: t.statsTitle(name),
    description: view.text,
    children: (
      <>
        <h1>{t.statsTitle(name)}</h1>
        <p class="muted">{t.statsIntro}</p>
        <form class="filters card" method="get" action={base} aria-label={t.filters}>
          <LangField lang={lang} />
          <DateField label={t.since} name="since" value={q.since} placeholder="2018-01-01" />
          <DateField label={t.asOf} name="asOf" value={q.asOf} placeholder="YYYY-MM-DD" />
          <SelectField
            label={t.kind}
            name="kind"
            value={q.kind}
            none={t.any}
            options={TWINNING_KINDS.map((k) => [k, v.t.labels.tieKinds[k]] as const)}
          />
          <SelectField
            label={t.status}
            name="status"
            value={q.status}
            none={t.statusDefault}
            options={STATUS_CHOICES.map(
              (c) => [c, t.statusList(c.split(',').map((x) => v.t.labels.statuses[x as never]))] as const,
            )}
          />
          <SelectField
            label={t.partners}
            name="partners"
            value={q.partners}
            none={t.allPartners}
            options={[
              ['international', t.international],
              ['domestic', t.domestic],
            ]}
          />
          <button type="submit">{t.apply}</button>
        </form>

        <div class="card">
          <p class="lead">{view.text}</p>
          {dataNote && (
            <p class="muted">
              {dataNote} <a href={href('/about', v.lang)}>{v.t.provenance.aboutLink}</a>
            </p>
          )}
        </div>
        <ul class="figures">
          <li>
            <span class="n">{v.t.num(s.total)}</span>
            {t.total}
          </li>
          <li>
            <span class="n">{v.t.num(s.countries)}</span>
            {t.countries}
          </li>
          {s.firstYear !== null && (
            <li>
              <span class="n">{s.firstYear}</span>
              {t.firstYear}
            </li>
          )}
          {s.since && s.sinceCount !== undefined && (
            <li>
              <span class="n">{v.t.num(s.sinceCount)}</span>
              {t.sinceCount(v.t.date({ date: s.since, precision: 'day' }))}
            </li>
          )}
        </ul>

        {s.total === 0 ? (
          <p>{t.noTies}</p>
        ) : (
          <>
            <section aria-labelledby="h-growth">
              <h2 id="h-growth">{t.growth}</h2>
              {growth ? (
                <>
                  <figure>
                    {growth}
                    {s.unknownYear > 0 && (
                      <figcaption class="muted">{t.unknownYearNote(s.unknownYear)}</figcaption>
                    )}
                  </figure>
                  <Downloads chart="growth" figure="years" />
                  <details>
                    <summary>{t.dataTable}</summary>
                    <DataTable
                      columns={[
                        { label: t.year },
                        { label: t.newTies, numeric: true },
                        { label: t.cumulative, numeric: true },
                      ]}
                      rows={s.byYear.map((y) => [y.year, v.t.num(y.new), v.t.num(y.cumulative)])}
                    />
                  </details>
                </>
              ) : (
                <p>{t.noYears}</p>
              )}
            </section>

            <div class="grid2">
              <section aria-labelledby="h-continents">
                <h2 id="h-continents">{t.byContinent}</h2>
                {continents && <figure>{continents}</figure>}
                <Downloads chart={continents ? 'continents' : undefined} figure="continents" />
              </section>
              <section aria-labelledby="h-levels">
                <h2 id="h-levels">{t.byLevel}</h2>
                <DataTable
                  columns={[{ label: t.level }, { label: t.count, numeric: true }]}
                  rows={PLACE_KINDS.filter((k) => s.byLevel[k]).map((k) => [
                    v.t.labels.levels[k],
                    v.t.num(s.byLevel[k] as number),
                  ])}
                />
                <Downloads figure="levels" />
              </section>
            </div>

            <section aria-labelledby="h-countries">
              <h2 id="h-countries">{t.byCountry}</h2>
              {countries && <figure>{countries}</figure>}
              <Downloads chart={countries ? 'countries' : undefined} figure="countries" />
              <details>
                <summary>{t.dataTable}</summary>
                <DataTable
                  columns={[{ label: t.country }, { label: t.count, numeric: true }]}
                  rows={Object.entries(s.byCountry).map(([k, n]) => [countryName(lang, k), v.t.num(n)])}
                />
              </details>
            </section>

            <section aria-labelledby="h-map">
              <h2 id="h-map">{t.map}</h2>
              <figure>{statsChart(v, view, 'map')}</figure>
              <Downloads chart="map" />
            </section>
          </>
        )}

        <section aria-labelledby="h-embed">
          <h2 id="h-embed">{t.embed}</h2>
          <p id="embed-help">{t.embedHelp}</p>
          <textarea readonly rows={3} aria-describedby="embed-help" aria-label={t.embed}>
            {`<iframe src="${origin}${embedUrl}" title="${t.statsTitle(name)}" width="100%" height="420" style="border:0"></iframe>`}
          </textarea>
        </section>
      </>
    ),
  });
}

/** The widget other sites frame: the paragraph and the growth chart, linking to the whole page. */
export function statsEmbed(v: ViewContext, view: StatsPageView): string {
  const t = v.t.stats;
  const name = localName(view.place, v.lang);
  const dataNote = dataDateNote(v, view);
  return (
    '<!doctype html>' +
    renderToString(
      <html lang={htmlLang(v.lang)}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{t.statsTitle(name)}</title>
          <link rel="stylesheet" href={siteAssets().embedCss.path} />
        </head>
        <body>
          <p>{view.text}</p>
          {statsChart(v, view, 'growth')}
          <p class="source">
            {dataNote && `${dataNote} `}
            <a href={href(statsPath(view.place.id), v.lang, view.filter)} target="_top">
              {t.sourceNote}
            </a>
          </p>
        </body>
      </html>,
    )
  );
}

/** "Data as of Aug. 8, 2026.": what date the figures rest on, where known. */
function dataDateNote(v: ViewContext, view: StatsPageView): string | null {
  return view.dataDate
    ? v.t.provenance.statsData(v.t.date({ date: view.dataDate.date, precision: 'day' }))
    : null;
}
