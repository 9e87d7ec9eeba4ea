// countries.csv: every ISO 3166-1 country and territory from the country packages, with names in the languages
// search should know and a central point.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { countries } from 'countries-list';
import countryToCurrency from 'country-to-currency';
import isoCountries from 'i18n-iso-countries';
import { geoArea, geoCentroid } from 'd3-geo';
import type { Feature, Geometry, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { NaturalEarthPlace } from './seed.js';
import { cite } from './sources.js';

// Languages whose country names the search should know, besides English and each country's own.
export const NAME_LANGS = ['zh', 'de', 'fr', 'es', 'ru', 'ja', 'ar', 'pt', 'it', 'ko'];
const require = createRequire(import.meta.url);
for (const l of NAME_LANGS) isoCountries.registerLocale(require(`i18n-iso-countries/langs/${l}.json`));

export const COUNTRY_COLUMNS = [
  'id',
  'name',
  'kind',
  'country',
  'parent',
  'lat',
  'lon',
  'population',
  'wikidata',
  'names',
  'languages',
  'currency',
  'source',
];

export function countryRows(naturalEarth: NaturalEarthPlace[]) {
  const ZH_OVERRIDES: Record<string, string> = { TW: '台湾' };
  // Where a country is: the centroid of its Natural Earth 1:50m shape's largest part (world-atlas), else its capital as Natural
  // Earth's populated places give it.
  const atlas = JSON.parse(
    readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
  ) as Topology<{ countries: GeometryCollection }>;
  const shapes = feature(atlas, atlas.objects.countries);
  // The centroid of the largest part, so overseas territories do not pull France into the Atlantic.
  function mainland(f: Feature<Geometry | null>): Polygon | Feature<Geometry | null> {
    if (f.geometry?.type !== 'MultiPolygon') return f;
    const parts: Polygon[] = f.geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
    return parts.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
  }
  const centroidByNumeric = new Map(
    shapes.features.map((f) => [String(f.id), geoCentroid(mainland(f))] as const),
  );
  const capitals = new Map<string, [number, number]>();
  for (const r of naturalEarth
    .filter((r) => r.featurecla_ne === 'Admin-0 capital')
    .sort((a, b) => Number(b.pop_urban_ne) - Number(a.pop_urban_ne))) {
    if (!capitals.has(r.country)) capitals.set(r.country, [Number(r.lat), Number(r.lon)]);
  }
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  function countryPoint(code: string): [number | null, number | null, string] {
    const numeric = isoCountries.alpha2ToNumeric(code);
    const c = numeric ? centroidByNumeric.get(numeric) : undefined;
    if (c) return [round(c[1]), round(c[0]), cite('atlas')];
    const capital = capitals.get(code);
    return capital ? [capital[0], capital[1], cite('ne')] : [null, null, ''];
  }

  return Object.entries(countries)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, c]) => {
      const names: Record<string, string> = { en: c.name };
      for (const l of NAME_LANGS) {
        const n =
          l === 'zh' ? (ZH_OVERRIDES[code] ?? isoCountries.getName(code, l)) : isoCountries.getName(code, l);
        if (n) names[l] = n;
      }
      const own = c.languages[0];
      if (own && c.native && c.native !== c.name && !names[own]) names[own] = c.native;
      const [lat, lon, where] = countryPoint(code);
      const currency = (countryToCurrency as Record<string, string>)[code] ?? c.currency[0] ?? null;
      return [
        code,
        c.name,
        'country',
        code,
        '',
        lat,
        lon,
        '',
        '',
        Object.entries(names)
          .map(([l, n]) => `${l}:${n.replace(/;/g, ',')}`)
          .join(';'),
        c.languages.join(';'),
        currency,
        // languages and currency: countries-list / country-to-currency, the record's own source
        [
          cite('countries'),
          'name=' + cite('countries'),
          'names=i18n-iso-countries 7.14.0',
          ...(where ? ['coordinates=' + where] : []),
        ].join(' | '),
      ];
    });
}
