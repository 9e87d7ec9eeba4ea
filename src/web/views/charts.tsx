// Charts drawn on the server as SVG: legible without JavaScript, with a title and description for screen
// readers, and downloadable as they are.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { max } from 'd3-array';
import { geoEquirectangular, geoNaturalEarth1, geoPath } from 'd3-geo';
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import isoCountries from 'i18n-iso-countries';
import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

const INK = '#1d2733';
const MUTED = '#5b6b7c';
const ACCENT = '#0b5cad';
const ACCENT_LIGHT = '#9cc3ea';
const GRID = '#dde3ea';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif';

export interface ChartText {
  title: string;
  desc: string;
}

function Frame(p: {
  id: string;
  width: number;
  height: number;
  text: ChartText;
  /** a class for the page's style sheet (how wide the chart may grow) */
  class?: string;
  fontSize?: number;
  children: ComponentChildren;
}) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${p.width} ${p.height}`}
      width={p.width}
      height={p.height}
      class={p.class}
      role="img"
      aria-labelledby={`${p.id}-title ${p.id}-desc`}
      font-family={FONT}
      font-size={p.fontSize ?? 12}
    >
      <title id={`${p.id}-title`}>{p.text.title}</title>
      <desc id={`${p.id}-desc`}>{p.text.desc}</desc>
      <rect width={p.width} height={p.height} fill="#fff" />
      {p.children}
    </svg>
  );
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/** A figure as the language writes it (a formatter per language, made once: a chart writes dozens) */
function fmt(n: number, locale: string): string {
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale);
    if (numberFormats.size < 50) numberFormats.set(locale, f);
  }
  return f.format(n);
}

/**
 * New ties per year as bars, and the running total as a line on its own axis. Drawn at a width a phone shows
 * at about two thirds, so that its type stays legible there; the style sheet keeps it from growing much on wide
 * screens (class "growth").
 */
export function GrowthChart(p: {
  id: string;
  years: { year: number; new: number; cumulative: number }[];
  text: ChartText;
  labels: { perYear: string; total: string };
  locale: string;
}) {
  const width = 560;
  const height = 300;
  const m = { top: 32, right: 52, bottom: 30, left: 40 };
  const x = scaleBand<number>()
    .domain(p.years.map((y) => y.year))
    .range([m.left, width - m.right])
    .padding(0.15);
  const yNew = scaleLinear()
    .domain([0, max(p.years, (y) => y.new) ?? 1])
    .nice()
    .range([height - m.bottom, m.top]);
  const yTotal = scaleLinear()
    .domain([0, max(p.years, (y) => y.cumulative) ?? 1])
    .nice()
    .range([height - m.bottom, m.top]);
  const path = line<{ year: number; cumulative: number }>()
    .x((d) => (x(d.year) ?? 0) + x.bandwidth() / 2)
    .y((d) => yTotal(d.cumulative))(p.years);
  // a year label every ~70 units: four digits at this size and some room
  const every = Math.max(1, Math.ceil(p.years.length / Math.floor((width - m.left - m.right) / 70)));
  return (
    <Frame id={p.id} width={width} height={height} text={p.text} class="growth" fontSize={14}>
      {yNew
        .ticks(5)
        .filter(Number.isInteger)
        .map((t) => (
          <g>
            <line x1={m.left} x2={width - m.right} y1={yNew(t)} y2={yNew(t)} stroke={GRID} />
            <text x={m.left - 6} y={yNew(t) + 5} text-anchor="end" fill={MUTED}>
              {fmt(t, p.locale)}
            </text>
          </g>
        ))}
      {yTotal
        .ticks(5)
        .filter(Number.isInteger)
        .map((t) => (
          <text x={width - m.right + 6} y={yTotal(t) + 5} fill={ACCENT}>
            {fmt(t, p.locale)}
          </text>
        ))}
      {p.years.map((y) => (
        <rect
          x={x(y.year)}
          y={yNew(y.new)}
          width={x.bandwidth()}
          height={height - m.bottom - yNew(y.new)}
          fill={ACCENT_LIGHT}
        >
          <title>{`${y.year}: ${y.new}`}</title>
        </rect>
      ))}
      {path && <path d={path} fill="none" stroke={ACCENT} stroke-width="2.5" />}
      {p.years
        .filter((_, i) => i % every === 0)
        .map((y) => (
          <text
            x={(x(y.year) ?? 0) + x.bandwidth() / 2}
            y={height - m.bottom + 19}
            text-anchor="middle"
            fill={MUTED}
          >
            {y.year}
          </text>
        ))}
      <rect x={m.left} y={7} width={14} height={14} fill={ACCENT_LIGHT} />
      <text x={m.left + 20} y={19} fill={INK}>
        {p.labels.perYear}
      </text>
      <line x1={m.left + 170} x2={m.left + 192} y1={14} y2={14} stroke={ACCENT} stroke-width="2.5" />
      <text x={m.left + 198} y={19} fill={INK}>
        {p.labels.total}
      </text>
    </Frame>
  );
}

/**
 * Horizontal bars, largest first, with the count at the end of each bar. Drawn narrow with large type, so that
 * on a phone, where it is shrunk to the screen, its labels stay readable; the style sheet keeps it from growing
 * much on wide screens (class "bars"). Long labels are shortened, whole in the bar's tooltip.
 */
export function BarChart(p: {
  id: string;
  entries: [string, number][];
  text: ChartText;
  locale: string;
  width?: number;
  labelWidth?: number;
}) {
  const width = p.width ?? 400;
  const row = 30;
  const font = 15;
  const m = { top: 6, right: 52, bottom: 6, left: p.labelWidth ?? 150 };
  const height = m.top + m.bottom + row * Math.max(1, p.entries.length);
  const x = scaleLinear()
    .domain([0, max(p.entries, (e) => e[1]) ?? 1])
    .range([m.left, width - m.right]);
  // about how many characters fit the label column at this size (CJK characters count double, Cyrillic
  // and Greek letters about a third more); a shortened
  // label keeps room for its "…", so that "Amérique du Nord" does not run off the left edge
  const fits = Math.floor((m.left - 10) / (font * 0.6));
  const wide = (ch: string) =>
    /[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch) ? 2 : /[\u0370-\u04ff]/.test(ch) ? 1.3 : 1;
  const short = (label: string) => {
    if ([...label].reduce((w, ch) => w + wide(ch), 0) <= fits) return label;
    let w = 1;
    let out = '';
    for (const ch of label) {
      w += wide(ch);
      if (w > fits) break;
      out += ch;
    }
    return `${out.trimEnd()}…`;
  };
  return (
    <Frame id={p.id} width={width} height={height} text={p.text} class="bars" fontSize={font}>
      {p.entries.map(([label, n], i) => (
        <g>
          <title>{`${label}: ${fmt(n, p.locale)}`}</title>
          <text x={m.left - 8} y={m.top + i * row + 20} text-anchor="end" fill={INK}>
            {short(label)}
          </text>
          <rect
            x={m.left}
            y={m.top + i * row + 5}
            width={Math.max(1, x(n) - m.left)}
            height={row - 10}
            fill={ACCENT}
          />
          <text x={x(n) + 6} y={m.top + i * row + 20} fill={INK}>
            {fmt(n, p.locale)}
          </text>
        </g>
      ))}
    </Frame>
  );
}

interface MapShape {
  code: string | undefined;
  name: string;
  d: string;
}

let shapes: MapShape[] | undefined;
let mapProjection: ReturnType<typeof geoNaturalEarth1> | undefined;
const MAP_W = 960;
let mapHeight = 0;
/** Antarctica's number in ISO 3166 (world-atlas ids are numeric codes). */
const ANTARCTICA = '010';

/**
 * The height of the world maps: the projection is fitted to the inhabited world (every country but
 * Antarctica) at the maps' width, so no third of a map is ice with no tie on it.
 */
function mapH(): number {
  worldShapes();
  return mapHeight;
}

/** Land without the polygons wholly south of 60°S (Antarctica and its ice shelves). */
function withoutAntarctica(land: Feature | FeatureCollection): Feature | FeatureCollection {
  const south = (ring: Position[]) => ring.every(([, lat]) => lat! < -60);
  const keep = (g: Geometry): Geometry =>
    g.type === 'MultiPolygon' ? { ...g, coordinates: g.coordinates.filter((poly) => !south(poly[0]!)) } : g;
  if (land.type === 'Feature') return { ...land, geometry: keep(land.geometry) };
  return { ...land, features: land.features.map((f) => ({ ...f, geometry: keep(f.geometry) })) };
}

/** Country outlines projected once (Natural Earth 1:110m, Natural Earth projection, Antarctica left out). */
function worldShapes(): MapShape[] {
  if (shapes) return shapes;
  const require = createRequire(import.meta.url);
  const topo = JSON.parse(
    readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'),
  ) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const all = feature(topo, topo.objects.countries);
  const countries = { ...all, features: all.features.filter((f) => String(f.id) !== ANTARCTICA) };
  const projection = geoNaturalEarth1().fitWidth(MAP_W - 8, countries);
  const [[x0, y0], [, y1]] = geoPath(projection).bounds(countries);
  const [tx, ty] = projection.translate();
  projection.translate([tx - x0 + 4, ty - y0 + 4]);
  mapHeight = Math.ceil(y1 - y0 + 8);
  mapProjection = projection;
  const path = geoPath(projection);
  shapes = countries.features.map((f) => ({
    code: f.id === undefined ? undefined : isoCountries.numericToAlpha2(String(f.id)),
    name: f.properties?.name ?? '',
    d: path(f) ?? '',
  }));
  return shapes;
}

/** A choropleth of counts by country (ISO alpha-2), with a legend. */
export function WorldMap(p: {
  id: string;
  counts: Record<string, number>;
  text: ChartText;
  countryName: (code: string) => string;
  locale: string;
  legend: string;
}) {
  const top = Math.max(1, ...Object.values(p.counts));
  const MAP_H = mapH();
  const color = scaleLinear<string>().domain([1, top]).range(['#cfe1f5', '#08457e']);
  return (
    <Frame id={p.id} width={MAP_W} height={MAP_H + 30} text={p.text}>
      {worldShapes().map((s) => {
        const n = s.code ? p.counts[s.code] : undefined;
        return (
          <path d={s.d} fill={n ? color(n) : '#eef1f4'} stroke="#fff" stroke-width="0.5">
            <title>{`${s.code ? p.countryName(s.code) : s.name}${n ? `: ${fmt(n, p.locale)}` : ''}`}</title>
          </path>
        );
      })}
      <text x={8} y={MAP_H + 20} fill={MUTED}>
        {p.legend}
      </text>
      {[1, Math.round(top / 2), top]
        .filter((v, i, a) => a.indexOf(v) === i)
        .map((v, i) => (
          <g>
            <rect x={200 + i * 70} y={MAP_H + 9} width={14} height={14} fill={color(v)} />
            <text x={218 + i * 70} y={MAP_H + 20} fill={INK}>
              {fmt(v, p.locale)}
            </text>
          </g>
        ))}
    </Frame>
  );
}

export interface MapPoint {
  lat: number;
  lon: number;
  label: string;
  /** dot radius, e.g. by number of ties; 3.5 when not given */
  r?: number;
}

/** The land of the world maps as a standalone SVG document, drawn once; pages refer to it as an image. */
export function landSvg(): string {
  worldShapes();
  const projection = mapProjection as NonNullable<typeof mapProjection>;
  const require = createRequire(import.meta.url);
  const topo = JSON.parse(readFileSync(require.resolve('world-atlas/land-110m.json'), 'utf8')) as Topology<{
    land: GeometryCollection;
  }>;
  const d = geoPath(projection).digits(1)(withoutAntarctica(feature(topo, topo.objects.land))) ?? '';
  const h = mapH();
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_W} ${h}" width="${MAP_W}" height="${h}">` +
    `<path d="${d}" fill="#e3e9ef" stroke="#c9d3dd" stroke-width="0.5"/></svg>`
  );
}

/** The size of the map coordinates are picked on: longitude and latitude map linearly to x and y. */
export const PICK_W = 960;
export const PICK_H = 480;

/** The land on a plate carrée (equirectangular) map, so that a click reads back as coordinates by proportion. */
export function flatLandSvg(): string {
  const require = createRequire(import.meta.url);
  const topo = JSON.parse(readFileSync(require.resolve('world-atlas/land-110m.json'), 'utf8')) as Topology<{
    land: GeometryCollection;
  }>;
  const projection = geoEquirectangular().fitExtent(
    [
      [0, 0],
      [PICK_W, PICK_H],
    ],
    { type: 'Sphere' },
  );
  const d = geoPath(projection).digits(1)(feature(topo, topo.objects.land)) ?? '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${PICK_W} ${PICK_H}" width="${PICK_W}" height="${PICK_H}">` +
    `<path d="${d}" fill="#e3e9ef" stroke="#c9d3dd" stroke-width="0.5"/></svg>`
  );
}

/**
 * A world map to pick a place's coordinates on (additions.js reads a click as latitude and longitude into the
 * fields named by `lat` and `lon`); the dot shows the coordinates the form holds. Without scripts it is a
 * picture and the fields are typed.
 */
export function PickMap(p: {
  id: string;
  land: string;
  at: { lat: number; lon: number } | null;
  text: ChartText;
  lat: string;
  lon: string;
}) {
  const x = p.at ? ((p.at.lon + 180) / 360) * PICK_W : 0;
  const y = p.at ? ((90 - p.at.lat) / 180) * PICK_H : 0;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${PICK_W} ${PICK_H}`}
      width={PICK_W}
      height={PICK_H}
      class="pick-map"
      role="img"
      aria-labelledby={`${p.id}-title ${p.id}-desc`}
      data-lat={p.lat}
      data-lon={p.lon}
    >
      <title id={`${p.id}-title`}>{p.text.title}</title>
      <desc id={`${p.id}-desc`}>{p.text.desc}</desc>
      <rect width={PICK_W} height={PICK_H} fill="#f7fafc" />
      <image href={p.land} x="0" y="0" width={PICK_W} height={PICK_H} />
      <circle
        class="pick-dot"
        cx={x.toFixed(1)}
        cy={y.toFixed(1)}
        r="7"
        fill="#d9480f"
        stroke="#fff"
        stroke-width="2"
        visibility={p.at ? 'visible' : 'hidden'}
      />
    </svg>
  );
}

/**
 * Ties on the world map as great-circle arcs: a place and its partners (the home dot and lines to each), or,
 * with no home, any list of ties between points. The land is an image shared by every map (see assets).
 */
export function TiesMap(p: {
  id: string;
  land: string;
  home: MapPoint | null;
  partners: MapPoint[];
  /** arcs between two partners, for maps of many places */
  links?: [MapPoint, MapPoint][];
  text: ChartText;
}) {
  worldShapes();
  const projection = mapProjection as NonNullable<typeof mapProjection>;
  const at = (m: MapPoint) => projection([m.lon, m.lat]) ?? [0, 0];
  // Curves drawn on the flat map rather than great circles: a tie across the Pacific stays one legible line
  // instead of leaving one edge of the map and coming back at the other.
  const arc = (a: MapPoint, b: MapPoint) => {
    const [x1, y1] = at(a);
    const [x2, y2] = at(b);
    const [mx, my] = [(x1 + x2) / 2, (y1 + y2) / 2];
    // bow towards the north, a fifth of the distance out
    const sign = x2 - x1 > 0 ? -1 : 1;
    const [cx, cy] = [mx + sign * (y2 - y1) * -0.2, my + sign * (x2 - x1) * 0.2];
    const f = (n: number) => n.toFixed(1);
    return `M${f(x1)},${f(y1)}Q${f(cx)},${f(cy)} ${f(x2)},${f(y2)}`;
  };
  const arcs = [
    ...(p.home ? p.partners.map((m) => arc(p.home!, m)) : []),
    ...(p.links ?? []).map(([a, b]) => arc(a, b)),
  ];
  return (
    <Frame id={p.id} width={MAP_W} height={mapH()} text={p.text}>
      <image href={p.land} x="0" y="0" width={MAP_W} height={mapH()} />
      {arcs.length > 0 && (
        <path d={arcs.join('')} fill="none" stroke={ACCENT} stroke-width="1.2" stroke-opacity="0.55" />
      )}
      {p.partners.map((m) => {
        const [x, y] = at(m);
        return (
          <circle
            cx={x.toFixed(1)}
            cy={y.toFixed(1)}
            r={m.r !== undefined ? m.r.toFixed(1) : 3.5}
            fill={ACCENT}
            fill-opacity={m.r !== undefined ? 0.75 : 1}
            stroke="#fff"
            stroke-width="1"
          >
            <title>{m.label}</title>
          </circle>
        );
      })}
      {p.home &&
        (() => {
          const [x, y] = at(p.home);
          return (
            <circle cx={x.toFixed(1)} cy={y.toFixed(1)} r="6" fill="#d9480f" stroke="#fff" stroke-width="1.5">
              <title>{p.home.label}</title>
            </circle>
          );
        })()}
    </Frame>
  );
}

/** A chart as a standalone SVG file. */
export function svgDocument(chart: VNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderToString(chart)}`;
}
