import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { geoBounds, geoContains } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import isoCountries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export function distanceKm(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const [lat1, lon1] = [a[0] * rad, a[1] * rad];
  const [lat2, lon2] = [b[0] * rad, b[1] * rad];
  const h =
    Math.sin((lat2 - lat1) / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin((lon2 - lon1) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

// Shapes world-atlas draws without an ISO numeric id, and the ISO 3166-1 country they lie in.
const UNNUMBERED: Record<string, string> = { Somaliland: 'SO', Kosovo: 'XK', 'N. Cyprus': 'CY' };

export interface CountryShapes {
  /** the ISO alpha-2 country whose Natural Earth 1:50m shape contains the point, or null */
  countryAt(lat: number, lon: number): string | null;
}

export function loadCountryShapes(): CountryShapes {
  const require = createRequire(import.meta.url);
  const atlas = JSON.parse(
    readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
  ) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const shapes: { code: string; f: Feature<Geometry | null>; box: [[number, number], [number, number]] }[] =
    [];
  for (const f of feature(atlas, atlas.objects.countries).features) {
    const code =
      (f.id !== undefined ? isoCountries.numericToAlpha2(String(f.id)) : undefined) ??
      UNNUMBERED[(f.properties as { name: string }).name];
    if (!code) continue;
    shapes.push({ code, f, box: geoBounds(f) });
  }
  return {
    countryAt(lat, lon) {
      for (const s of shapes) {
        const [[x0, y0], [x1, y1]] = s.box;
        if (lat < y0 || lat > y1) continue;
        // A box crossing the antimeridian has x0 > x1.
        if (x0 <= x1 ? lon < x0 || lon > x1 : lon < x0 && lon > x1) continue;
        if (geoContains(s.f, [lon, lat])) return s.code;
      }
      return null;
    },
  };
}
