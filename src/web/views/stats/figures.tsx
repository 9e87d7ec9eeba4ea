import { Resvg } from '@resvg/resvg-js';
import { stringify } from 'csv-stringify/sync';
import type { VNode } from 'preact';
import type { StatsPageView } from '../../../services/stats.js';
import { countryName, localName } from '../../i18n/index.js';
import { BarChart, GrowthChart, WorldMap, svgDocument } from '../charts.js';
import type { ViewContext } from '../context.js';

// The figures of a statistics page as charts and as data, the same on the page and in its downloads.

export const FIGURES = ['years', 'continents', 'countries', 'levels'] as const;
export const CHARTS = ['growth', 'continents', 'countries', 'map'] as const;
export type Figure = (typeof FIGURES)[number];
export type Chart = (typeof CHARTS)[number];

/** how many countries the bar chart shows; the data table below it has them all */
const COUNTRY_BARS = 15;

/** A chart of the page's figures, or null when it has nothing to show. */
export function statsChart(
  v: ViewContext,
  view: StatsPageView,
  which: Chart,
  id: string = which,
): VNode | null {
  const t = v.t.stats;
  const s = view.stats;
  const name = localName(view.place, v.lang);
  const top3 = (entries: [string, number][]) =>
    v.t.list(entries.slice(0, 3).map(([k, n]) => t.barEntry(k, n)));
  if (which === 'growth') {
    if (!s.byYear.length) return null;
    const last = s.byYear[s.byYear.length - 1]!;
    return (
      <GrowthChart
        id={id}
        years={s.byYear}
        locale={v.t.locale}
        labels={{ perYear: t.perYear, total: t.cumulative }}
        text={{
          title: t.chartTitle(t.growth, name),
          desc: t.growthDesc(s.byYear[0]!.year, last.year, last.cumulative),
        }}
      />
    );
  }
  if (which === 'continents' || which === 'countries') {
    const entries: [string, number][] =
      which === 'continents'
        ? Object.entries(s.byContinent).map(([k, n]) => [v.t.labels.continents[k as never] ?? k, n])
        : Object.entries(s.byCountry)
            .slice(0, COUNTRY_BARS)
            .map(([k, n]) => [countryName(v.lang, k), n]);
    if (!entries.length) return null;
    const what = which === 'continents' ? t.byContinent : t.byCountry;
    return (
      <BarChart
        id={id}
        entries={entries}
        locale={v.t.locale}
        labelWidth={160}
        text={{ title: t.chartTitle(what, name), desc: t.barsDesc(what, top3(entries)) }}
      />
    );
  }
  return (
    <WorldMap
      id={id}
      counts={s.byCountry}
      countryName={(code) => countryName(v.lang, code)}
      locale={v.t.locale}
      legend={t.mapLegend}
      text={{ title: t.chartTitle(t.map, name), desc: t.mapDesc(s.countries) }}
    />
  );
}

/** A figure as rows of a CSV file: machine-readable codes, and the country's name in the reader's language. */
export function figureRows(v: ViewContext, view: StatsPageView, figure: Figure): (string | number)[][] {
  const s = view.stats;
  if (figure === 'years')
    return [['year', 'new', 'cumulative'], ...s.byYear.map((y) => [y.year, y.new, y.cumulative])];
  if (figure === 'continents')
    return [['continent', 'ties'], ...Object.entries(s.byContinent).map(([k, n]) => [k, n])];
  if (figure === 'levels') return [['level', 'ties'], ...Object.entries(s.byLevel).map(([k, n]) => [k, n])];
  return [
    ['country', 'name', 'ties'],
    ...Object.entries(s.byCountry).map(([k, n]) => [k, countryName(v.lang, k), n]),
  ];
}

export interface Download {
  filename: string;
  type: string;
  body: string | Buffer;
}

const NO_SUCH = `There is no such download; there are ${FIGURES.map((f) => `${f}.csv`).join(', ')} and ${CHARTS.map((c) => `${c}.svg`).join(', ')} (or .png).`;

/**
 * A download of the page: `NAME.csv` for a figure, `NAME.svg` or `NAME.png` for a chart; else why there is none
 * (the caller answers "not found" with it).
 */
export function statsDownload(v: ViewContext, view: StatsPageView, file: string): Download | string {
  const m = /^([a-z]+)\.(csv|svg|png)$/.exec(file);
  if (!m) return NO_SUCH;
  const [, name, ext] = m as unknown as [string, string, 'csv' | 'svg' | 'png'];
  const filename = `${view.place.id}-${name}.${ext}`.replace(/[^A-Za-z0-9._-]/g, '_');
  if (ext === 'csv') {
    if (!(FIGURES as readonly string[]).includes(name)) return NO_SUCH;
    return {
      filename,
      type: 'text/csv; charset=utf-8',
      body: stringify(figureRows(v, view, name as Figure)),
    };
  }
  if (!(CHARTS as readonly string[]).includes(name)) return NO_SUCH;
  const chart = statsChart(v, view, name as Chart);
  if (!chart) return 'This chart has no data to show with these filters.';
  const svg = svgDocument(chart);
  if (ext === 'svg') return { filename, type: 'image/svg+xml; charset=utf-8', body: svg };
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: 1600 }, font: { loadSystemFonts: true } })
    .render()
    .asPng();
  return { filename, type: 'image/png', body: png };
}
