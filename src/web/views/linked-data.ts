// Linked data for the public pages: schema.org JSON-LD in the page's <head>, and the alternate representations a
// page links to. Addresses in it are absolute, made from the configured public address (TWINNING_URL), never a
// request's Host: pages are cached and shared.
import { DATA_LICENCE } from '../../domain/licence.js';
import type { Place } from '../../domain/places.js';
import { EXPORT_FORMATS } from '../../services/export.js';
import type { Catalogue } from '../i18n/index.js';
import { placePath } from './links.js';

/** A `<link rel="alternate">` of a page. */
export interface Alternate {
  type: string;
  href: string;
  title?: string;
}

/** What a page adds to its `<head>`: linked data and alternate representations. */
export interface HeadExtras {
  jsonLd?: object;
  alternates?: Alternate[];
}

type Ref = { id: string; name: string; kind: string };

/** The schema.org type of a place by its kind. */
export function schemaType(kind: string): string {
  switch (kind) {
    case 'country':
      return 'Country';
    case 'city':
      return 'City';
    case 'region':
    case 'district':
      return 'AdministrativeArea';
    default:
      return 'Place';
  }
}

/** The Linked Data URIs of a place elsewhere: its Wikidata item and its GeoNames feature. */
export function sameAs(p: Pick<Place, 'wikidata' | 'geonames'>): string[] {
  return [
    ...(p.wikidata ? [`http://www.wikidata.org/entity/${p.wikidata}`] : []),
    ...(p.geonames ? [`https://sws.geonames.org/${p.geonames}/`] : []),
  ];
}

/** The place a page is about, as an id of its own (the page's address with `#place`). */
const placeId = (base: string, p: Ref) => `${base}${placePath(p)}#place`;

function ref(base: string, p: Ref) {
  return { '@type': schemaType(p.kind), '@id': placeId(base, p), name: p.name, url: base + placePath(p) };
}

/**
 * A place as schema.org: City, AdministrativeArea or Country by kind, the same thing on Wikidata and GeoNames,
 * its coordinates, the place it lies in, and its ties.
 *
 * schema.org has no property that ties two places as partners (`isRelatedTo` is for products and services only,
 * the geospatial relations say where shapes lie). Every tie has a page of its own here, about both places, so a
 * tie is given as `subjectOf`: a WebPage whose `about` names both places. A reader of the data thus gets the
 * partner (with its own page and id) and the tie's page, where its dates and sources are.
 */
export function placeJsonLd(
  base: string,
  t: Catalogue,
  p: Place,
  opts: { parent?: Ref | undefined; ties?: { id: number; partner: Ref }[]; contains?: Ref[] } = {},
): object {
  const self = ref(base, p);
  const alternate = [...new Set(Object.values(p.names))].filter((n) => n !== p.name);
  return {
    '@context': 'https://schema.org',
    ...self,
    identifier: p.id,
    ...(alternate.length ? { alternateName: alternate } : {}),
    ...(sameAs(p).length ? { sameAs: sameAs(p) } : {}),
    ...(p.lat !== null && p.lon !== null
      ? { geo: { '@type': 'GeoCoordinates', latitude: p.lat, longitude: p.lon } }
      : {}),
    ...(opts.parent ? { containedInPlace: ref(base, opts.parent) } : {}),
    ...(opts.contains?.length ? { containsPlace: opts.contains.map((c) => ref(base, c)) } : {}),
    ...(opts.ties?.length
      ? {
          subjectOf: opts.ties.map(({ id, partner }) => ({
            '@type': 'WebPage',
            '@id': `${base}/ties/${id}`,
            url: `${base}/ties/${id}`,
            name: t.download.tieName(p.name, partner.name),
            about: [{ '@id': self['@id'] }, ref(base, partner)],
          })),
        }
      : {}),
  };
}

/** The site and its data as schema.org: a WebSite with its search, and a Dataset with licence and downloads. */
export function siteJsonLd(base: string, t: Catalogue): object {
  const types: Record<string, string> = {
    csv: 'application/zip',
    json: 'application/json',
    geojson: 'application/geo+json',
    graphml: 'application/graphml+xml',
    gexf: 'application/gexf+xml',
  };
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'WebSite',
        '@id': `${base}/#website`,
        name: t.site.siteName,
        url: `${base}/`,
        potentialAction: {
          '@type': 'SearchAction',
          target: `${base}/search?q={search_term_string}`,
          'query-input': 'required name=search_term_string',
        },
      },
      {
        '@type': 'Dataset',
        '@id': `${base}/#dataset`,
        name: t.download.datasetName,
        description: t.download.datasetDescription,
        url: `${base}/`,
        license: DATA_LICENCE.url,
        isAccessibleForFree: true,
        keywords: ['sister cities', 'twin towns', 'town twinning'],
        distribution: EXPORT_FORMATS.map((f) => ({
          '@type': 'DataDownload',
          name: t.download.formats[f],
          encodingFormat: types[f],
          contentUrl: `${base}/api/export?format=${f}`,
        })),
      },
    ],
  };
}

/** The `<script>` holding JSON-LD: a data block, with `<` escaped so that no text in it can end the element. */
export function jsonLdScript(data: object): string {
  return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}

/** A place's JSON and GeoJSON in the API, for its pages' alternate links. */
export function placeAlternates(id: string): Alternate[] {
  const at = `/api/places/${encodeURIComponent(id)}`;
  return [
    { type: 'application/json', href: at },
    { type: 'application/geo+json', href: `${at}.geojson` },
  ];
}
