import { siteAssets } from '../assets.js';
import { Resvg } from '@resvg/resvg-js';
import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { NotFoundError } from '../../domain/errors.js';
import { PLACE_KINDS } from '../../domain/places.js';
import { TWINNING_KINDS } from '../../domain/twinnings.js';
import type { Stats } from '../../domain/stats.js';
import { statsOptions, type PlaceStats, type StatsService } from '../../services/stats.js';
import type { Store } from '../../store/store.js';
import { BarChart, GrowthChart, WorldMap, svgDocument } from '../views/charts.js';
import {
  CONTINENT_LABELS,
  KIND_LABELS,
  LEVEL_LABELS,
  LOCALE,
  STATUS_LABELS,
  localName,
  messages,
  type Lang,
} from '../views/i18n.js';
import { DateField, LangField, SelectField } from '../views/forms.js';
import { numberFormat } from '../views/format.js';
import { href, pageFor } from '../views/layout.js';
import { DataTable } from '../views/table.js';

interface StatsQuery {
  since?: string;
  asOf?: string;
  kind?: string;
  status?: string;
  partners?: string;
  lang?: string;
}

const STATUS_CHOICES = [
  'active',
  'active,dormant,suspended',
  'ended',
  'proposed',
  'active,dormant,suspended,ended,proposed',
];
const LEVELS = PLACE_KINDS;
const FIGURES = ['years', 'continents', 'countries', 'levels'] as const;
const CHARTS = ['growth', 'continents', 'countries', 'map'] as const;
type Chart = (typeof CHARTS)[number];

/** The query a page was asked with, minus the language, to carry into its downloads. */
function filterQuery(q: StatsQuery): Record<string, string | undefined> {
  return { since: q.since, asOf: q.asOf, kind: q.kind, status: q.status, partners: q.partners };
}

interface Context {
  result: PlaceStats;
  lang: Lang;
  text: string;
  placeName: string;
  countryName: (code: string) => string;
}

export function statsPages(app: FastifyInstance, store: Store, stats: StatsService): void {
  async function load(id: string, q: StatsQuery, lang: Lang): Promise<Context> {
    if (q.kind && !(TWINNING_KINDS as readonly string[]).includes(q.kind)) {
      throw new NotFoundError(`There is no kind of tie called "${q.kind}".`);
    }
    const opts = statsOptions({
      since: q.since || undefined,
      asOf: q.asOf || undefined,
      kind: (q.kind || undefined) as never,
      status: q.status || undefined,
      international: q.partners === 'international' ? true : q.partners === 'domestic' ? false : undefined,
    });
    const result = await stats.forPlace(id, opts);
    const countries = await store.places.getMany(Object.keys(result.stats.byCountry));
    const countryName = (code: string) =>
      countries.has(code) ? localName(countries.get(code)!, lang) : code;
    const placeName = localName(result.place, lang);
    return { result, lang, text: await stats.paragraph(result, lang), placeName, countryName };
  }

  function chart(c: Context, which: Chart, id = which): VNode | null {
    const t = messages(c.lang);
    const s = c.result.stats;
    const locale = LOCALE[c.lang];
    const first = (entries: [string, number][]) =>
      entries
        .slice(0, 3)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ');
    if (which === 'growth') {
      if (!s.byYear.length) return null;
      const last = s.byYear[s.byYear.length - 1]!;
      return (
        <GrowthChart
          id={id}
          years={s.byYear}
          locale={locale}
          labels={{ perYear: t.perYear, total: t.cumulative }}
          text={{
            title: `${t.growth} · ${c.placeName}`,
            desc: t.growthDesc(s.byYear[0]!.year, last.year, last.cumulative),
          }}
        />
      );
    }
    if (which === 'continents') {
      const entries = Object.entries(s.byContinent).map(
        ([k, n]) => [CONTINENT_LABELS[c.lang][k] ?? k, n] as [string, number],
      );
      if (!entries.length) return null;
      return (
        <BarChart
          id={id}
          entries={entries}
          locale={locale}
          width={440}
          labelWidth={120}
          text={{
            title: `${t.byContinent} · ${c.placeName}`,
            desc: t.barsDesc(t.byContinent, first(entries)),
          }}
        />
      );
    }
    if (which === 'countries') {
      const entries = Object.entries(s.byCountry)
        .slice(0, 20)
        .map(([k, n]) => [c.countryName(k), n] as [string, number]);
      if (!entries.length) return null;
      return (
        <BarChart
          id={id}
          entries={entries}
          locale={locale}
          text={{ title: `${t.byCountry} · ${c.placeName}`, desc: t.barsDesc(t.byCountry, first(entries)) }}
        />
      );
    }
    return (
      <WorldMap
        id={id}
        counts={s.byCountry}
        countryName={c.countryName}
        locale={locale}
        legend={t.mapLegend}
        text={{ title: `${t.map} · ${c.placeName}`, desc: t.mapDesc(s.countries) }}
      />
    );
  }

  function figureRows(c: Context, figure: (typeof FIGURES)[number]): (string | number)[][] {
    const s = c.result.stats;
    if (figure === 'years')
      return [['year', 'new', 'cumulative'], ...s.byYear.map((y) => [y.year, y.new, y.cumulative])];
    if (figure === 'continents')
      return [['continent', 'ties'], ...Object.entries(s.byContinent).map(([k, n]) => [k, n])];
    if (figure === 'levels') return [['level', 'ties'], ...Object.entries(s.byLevel).map(([k, n]) => [k, n])];
    return [
      ['country', 'name', 'ties'],
      ...Object.entries(s.byCountry).map(([k, n]) => [k, c.countryName(k), n]),
    ];
  }

  const cacheable = { config: { cache: true }, schema: { hide: true } };

  app.get<{ Params: { id: string }; Querystring: StatsQuery }>(
    '/places/:id/stats',
    cacheable,
    async (req, reply) => {
      const c = await load(req.params.id, req.query, req.lang);
      return reply
        .type('text/html; charset=utf-8')
        .send(statsPage(c, req.params.id, req.query, req, `${req.protocol}://${req.host}`));
    },
  );

  app.get<{ Params: { id: string; file: string }; Querystring: StatsQuery }>(
    '/places/:id/stats/:file',
    cacheable,
    async (req, reply) => {
      const m = /^([a-z]+)\.(csv|svg|png)$/.exec(req.params.file);
      if (!m) throw new NotFoundError(`There is no download called ${req.params.file}.`);
      const [, name, ext] = m as unknown as [string, string, string];
      const c = await load(req.params.id, req.query, req.lang);
      const base = `${req.params.id}-${name}`;
      if (ext === 'csv') {
        if (!(FIGURES as readonly string[]).includes(name))
          throw new NotFoundError(`Figures: ${FIGURES.join(', ')}.`);
        return download(
          reply,
          `${base}.csv`,
          'text/csv; charset=utf-8',
          stringify(figureRows(c, name as never)),
        );
      }
      if (!(CHARTS as readonly string[]).includes(name))
        throw new NotFoundError(`Charts: ${CHARTS.join(', ')}.`);
      const vnode = chart(c, name as Chart);
      if (!vnode) throw new NotFoundError('This chart has no data to show.');
      const svg = svgDocument(vnode);
      if (ext === 'svg') return download(reply, `${base}.svg`, 'image/svg+xml; charset=utf-8', svg);
      const png = new Resvg(svg, { fitTo: { mode: 'width', value: 1600 }, font: { loadSystemFonts: true } })
        .render()
        .asPng();
      return download(reply, `${base}.png`, 'image/png', png);
    },
  );

  app.get<{ Params: { id: string }; Querystring: StatsQuery }>(
    '/embed/places/:id/stats',
    { ...cacheable, config: { cache: true, embeddable: true } },
    async (req, reply) => {
      const c = await load(req.params.id, req.query, req.lang);
      const t = messages(c.lang);
      const growth = chart(c, 'growth');
      const html =
        '<!doctype html>' +
        renderToString(
          <html lang={c.lang === 'zh' ? 'zh-Hans' : 'en'}>
            <head>
              <meta charset="utf-8" />
              <meta name="viewport" content="width=device-width, initial-scale=1" />
              <title>{t.statsTitle(c.placeName)}</title>
              <link rel="stylesheet" href={siteAssets().embedCss.path} />
            </head>
            <body>
              <p>{c.text}</p>
              {growth}
              <p class="source">
                <a
                  href={href(
                    `/places/${encodeURIComponent(req.params.id)}/stats`,
                    c.lang,
                    filterQuery(req.query),
                  )}
                  target="_top"
                >
                  {t.sourceNote}
                </a>
              </p>
            </body>
          </html>,
        );
      // Other sites may frame this page, and only this one.
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', 'frame-ancestors *')
        .send(html);
    },
  );

  function statsPage(c: Context, id: string, q: StatsQuery, req: FastifyRequest, origin: string): string {
    const t = messages(c.lang);
    const s: Stats = c.result.stats;
    const locale = LOCALE[c.lang];
    const num = (n: number) => numberFormat(c.lang).format(n);
    const day = (iso: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${iso}T00:00:00Z`),
      );
    const base = `/places/${encodeURIComponent(id)}/stats`;
    const dl = (file: string) => href(`${base}/${file}`, c.lang, filterQuery(q));
    const Downloads = (p: { chart?: Chart; figure?: (typeof FIGURES)[number] }) => (
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
    const embedUrl = href(`/embed/places/${encodeURIComponent(id)}/stats`, c.lang, filterQuery(q));
    const growth = chart(c, 'growth');
    const continents = chart(c, 'continents');
    const countries = chart(c, 'countries');
    return pageFor(req, {
      title: t.statsTitle(c.placeName),
      description: c.text,
      children: (
        <>
          <h1>{t.statsTitle(c.placeName)}</h1>
          <p class="muted">{t.statsIntro}</p>
          <form class="filters card" method="get" action={base} aria-label={t.filters}>
            <LangField lang={c.lang} />
            <DateField label={t.since} name="since" value={q.since} placeholder="2018-01-01" />
            <DateField label={t.asOf} name="asOf" value={q.asOf} placeholder="YYYY-MM-DD" />
            <SelectField
              label={t.kind}
              name="kind"
              value={q.kind}
              none={t.any}
              options={TWINNING_KINDS.map((k) => [k, KIND_LABELS[c.lang][k]!] as const)}
            />
            <SelectField
              label={t.status}
              name="status"
              value={q.status}
              none={t.statusDefault}
              options={STATUS_CHOICES.slice(1).map(
                (v) =>
                  [
                    v,
                    v
                      .split(',')
                      .map((x) => STATUS_LABELS[c.lang][x])
                      .join(c.lang === 'zh' ? '、' : ', '),
                  ] as const,
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

          <p class="card lead">{c.text}</p>
          <ul class="figures">
            <li>
              <span class="n">{num(s.total)}</span>
              {t.total}
            </li>
            <li>
              <span class="n">{num(s.countries)}</span>
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
                <span class="n">{num(s.sinceCount)}</span>
                {t.sinceCount(day(s.since))}
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
                  <figure>
                    {growth}
                    {s.unknownYear > 0 && (
                      <figcaption class="muted">{t.unknownYearNote(s.unknownYear)}</figcaption>
                    )}
                  </figure>
                ) : (
                  <p>{t.noYears}</p>
                )}
                {growth && <Downloads chart="growth" figure="years" />}
                {growth && (
                  <details>
                    <summary>{t.dataTable}</summary>
                    <DataTable
                      columns={[
                        { label: t.year },
                        { label: t.newTies, numeric: true },
                        { label: t.cumulative, numeric: true },
                      ]}
                      rows={s.byYear.map((y) => [y.year, num(y.new), num(y.cumulative)])}
                    />
                  </details>
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
                    rows={LEVELS.filter((k) => s.byLevel[k]).map((k) => [
                      LEVEL_LABELS[c.lang][k] ?? k,
                      num(s.byLevel[k] as number),
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
                    rows={Object.entries(s.byCountry).map(([k, n]) => [c.countryName(k), num(n)])}
                  />
                </details>
              </section>

              <section aria-labelledby="h-map">
                <h2 id="h-map">{t.map}</h2>
                <figure>{chart(c, 'map')}</figure>
                <Downloads chart="map" />
              </section>
            </>
          )}

          <section aria-labelledby="h-embed">
            <h2 id="h-embed">{t.embed}</h2>
            <p id="embed-help">{t.embedHelp}</p>
            <textarea readonly rows={3} aria-describedby="embed-help" aria-label={t.embed}>
              {`<iframe src="${origin}${embedUrl}" title="${t.statsTitle(c.placeName)}" width="100%" height="420" style="border:0"></iframe>`}
            </textarea>
          </section>
        </>
      ),
    });
  }
}

function download(reply: FastifyReply, filename: string, type: string, body: string | Buffer) {
  reply.header('content-disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
  return reply.type(type).send(body);
}
