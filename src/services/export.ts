// Exports of any part of the registry — the whole of it, a place with everything under it, a country, the places
// a search finds — in the interchange format (CSV in a zip with a data package, or one JSON document), as GeoJSON
// (places as points, ties as lines), and as GraphML and GEXF for network tools. Every export carries the data's
// licence and sources. Writers yield the file piece by piece, reading places and ties from the store a batch at a
// time, so the whole registry never has to be held as one string.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { formatSources } from '../domain/fields.js';
import { DATA_LICENCE, attribution, type DataLicence } from '../domain/licence.js';
import { NotFoundError, ValidationError } from '../domain/errors.js';
import { isCountryCode } from '../domain/countries.js';
import { PLACE_COLUMNS, type Place, type PlaceKind } from '../domain/places.js';
import {
  DISAGREEMENT_COLUMNS,
  REDIRECT_COLUMNS,
  type DataManifest,
  type ManifestSource,
} from '../domain/provenance.js';
import { TWINNING_COLUMNS, type Twinning } from '../domain/twinnings.js';
import type { Store } from '../store/store.js';
import type { DataInfoService } from './data-info.js';
import type { DataVersion } from './data-version.js';
import type { Gazetteer } from './gazetteer.js';
import {
  disagreementRecord,
  disagreementsCsv,
  placeRecord,
  placesCsv,
  redirectRecord,
  redirectsCsv,
  twinningRecord,
  twinningsCsv,
} from './interchange.js';
import { MANIFEST_KEY } from './import.js';
import type { PlacesService } from './places.js';
import { placeFacts, tieFacts } from './presenters.js';

/** The interchange format in files: the `twinning export DIR` of before, one file per record type. */
export type ExportFormat = 'csv' | 'json';

export const EXPORT_FORMATS = ['csv', 'json', 'geojson', 'graphml', 'gexf'] as const;
export type DownloadFormat = (typeof EXPORT_FORMATS)[number];

/** What to export. */
export type Selection =
  | { kind: 'all' }
  /** the place and everything under it */
  | { kind: 'place'; id: string }
  /** the country, everything under it and every place in it */
  | { kind: 'country'; code: string }
  /** every place a search finds (no paging) */
  | {
      kind: 'search';
      q: string;
      country?: string | undefined;
      placeKind?: PlaceKind | undefined;
      hasTies?: boolean | undefined;
    };

/** A search finds at most this many places to export. */
export const SEARCH_EXPORT_LIMIT = 100_000;

/** What every export says about itself: what it holds, the licence, the attribution and the sources. */
export interface ExportMeta {
  title: string;
  selection: { kind: Selection['kind']; value: string | null; label: string };
  licence: DataLicence;
  attribution: string;
  sources: ManifestSource[];
  /** the date the data describes, from the dataset's manifest */
  asOf: string | null;
  /** the registry's data version the export was made from */
  dataVersion: number;
  /** the site it came from */
  site: string;
  /** places the selection chose; the export also holds their ties' other ends and everyone's parents */
  selected: number;
  places: number;
  ties: number;
}

/** A selection made concrete: the places (sorted by id) and ties (by pair) it holds. */
export interface Resolved {
  selection: Selection;
  /** every place in the export: the chosen ones, their ties' other ends and the parents of all of them */
  placeIds: string[];
  /** the places the selection chose */
  selected: Set<string>;
  /** the ties with at least one chosen end, without sources */
  ties: Twinning[];
  label: string;
  /** a short name for files: all, Q90, country-FR, search-paris */
  slug: string;
}

/** An export as a download: a name for the file, its media type and its bytes in pieces. */
export interface Download {
  filename: string;
  contentType: string;
  body: AsyncIterable<string | Uint8Array>;
}

const BATCH = 512;

const CONTENT_TYPES: Record<DownloadFormat, string> = {
  csv: 'application/zip',
  json: 'application/json; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
  gexf: 'application/gexf+xml; charset=utf-8',
};

const EXTENSIONS: Record<DownloadFormat, string> = {
  csv: 'csv.zip',
  json: 'json',
  geojson: 'geojson',
  graphml: 'graphml',
  gexf: 'gexf',
};

export class ExportService {
  constructor(
    private readonly store: Store,
    private readonly gazetteer: Gazetteer,
    private readonly places: PlacesService,
    private readonly dataInfo: DataInfoService,
    private readonly version: DataVersion,
    /** the site's public address, named in every export */
    private readonly publicUrl: string,
  ) {}

  /** The places and ties a selection holds. Unknown places and countries are not found; merged ids move. */
  async resolve(selection: Selection): Promise<Resolved> {
    const snap = await this.gazetteer.snapshot();
    let selected: Set<string>;
    let label: string;
    let slug: string;
    if (selection.kind === 'all') {
      selected = new Set(snap.places.keys());
      label = 'the whole registry';
      slug = 'all';
    } else if (selection.kind === 'place') {
      // an id merged away exports the place it became
      const place = (await this.places.get(selection.id)) ?? (await this.places.movedTo(selection.id));
      if (!place) throw new NotFoundError(`There is no place with id ${selection.id}.`);
      selected = subtree(place.id, childrenOf(snap.places.values()));
      label = `${place.name} (${place.id}) with everything under it`;
      slug = fileSafe(place.id);
    } else if (selection.kind === 'country') {
      const code = selection.code.toUpperCase();
      const country = isCountryCode(code) ? snap.countries.get(code) : undefined;
      if (!country) throw new NotFoundError(`There is no country with the code ${selection.code}.`);
      selected = subtree(code, childrenOf(snap.places.values()));
      for (const p of snap.places.values()) if (p.country === code) selected.add(p.id);
      label = `${country.name} (${code}): the country and every place in it`;
      slug = `country-${code}`;
    } else {
      const q = selection.q.trim();
      if (!q && !selection.country && !selection.placeKind && selection.hasTies === undefined)
        throw new ValidationError('Say what to search for: a name, a country or a kind of place.');
      if (selection.country && !isCountryCode(selection.country.toUpperCase()))
        throw new ValidationError(
          `"${selection.country}" is not an ISO 3166-1 alpha-2 country code such as CN`,
        );
      const hits = await this.places.search(
        q,
        {
          country: selection.country?.toUpperCase(),
          kind: selection.placeKind,
          hasTies: selection.hasTies,
        },
        SEARCH_EXPORT_LIMIT,
        0,
      );
      selected = new Set(hits.map((h) => h.place.id));
      const filters = [
        selection.country && `country ${selection.country.toUpperCase()}`,
        selection.placeKind && `kind ${selection.placeKind}`,
        selection.hasTies !== undefined && (selection.hasTies ? 'with ties' : 'without ties'),
      ].filter(Boolean);
      label = `places found by the search "${q}"${filters.length ? ` (${filters.join(', ')})` : ''}`;
      slug = `search-${fileSafe(q || 'all').slice(0, 40) || 'places'}`;
    }
    const ties = snap.ties
      .filter((t) => selected.has(t.a) || selected.has(t.b))
      .sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
    // the other ends of the ties, and the parents of every place, so that the export imports on its own
    const all = new Set(selected);
    for (const t of ties) all.add(t.a).add(t.b);
    for (const id of [...all]) {
      let parent = snap.places.get(id)?.parent;
      while (parent && !all.has(parent) && snap.places.has(parent)) {
        all.add(parent);
        parent = snap.places.get(parent)?.parent;
      }
    }
    return { selection, placeIds: [...all].sort(byteOrder), selected, ties, label, slug };
  }

  /** What an export of `r` says about itself. */
  async meta(r: Resolved): Promise<ExportMeta> {
    const [info, dataVersion] = await Promise.all([this.dataInfo.info(), this.version.current()]);
    const sources = info?.sources ?? [];
    const s = r.selection;
    return {
      title: `Twinning: sister cities and twin towns — ${r.label}`,
      selection: {
        kind: s.kind,
        value:
          s.kind === 'place'
            ? s.id
            : s.kind === 'country'
              ? s.code.toUpperCase()
              : s.kind === 'search'
                ? s.q
                : null,
        label: r.label,
      },
      licence: DATA_LICENCE,
      attribution: attribution(sources),
      sources,
      asOf: info?.asOf ?? null,
      dataVersion,
      site: this.publicUrl,
      selected: r.selected.size,
      places: r.placeIds.length,
      ties: r.ties.length,
    };
  }

  /** A selection in one of the download formats. */
  async download(selection: Selection, format: DownloadFormat): Promise<Download> {
    const r = await this.resolve(selection);
    const meta = await this.meta(r);
    const manifest = selection.kind === 'all' ? await this.manifest() : null;
    const w = new Writer(this.store, r, meta);
    const body =
      format === 'csv'
        ? w.csvZip(manifest)
        : format === 'json'
          ? w.json(manifest)
          : format === 'geojson'
            ? w.geojson()
            : format === 'graphml'
              ? w.graphml()
              : w.gexf();
    return { filename: `twinning-${r.slug}.${EXTENSIONS[format]}`, contentType: CONTENT_TYPES[format], body };
  }

  private async manifest(): Promise<DataManifest | null> {
    const text = await this.store.meta.get(MANIFEST_KEY);
    return text ? (JSON.parse(text) as DataManifest) : null;
  }
}

/** Reads the places and ties of a resolved selection a batch at a time and writes them in each format. */
class Writer {
  constructor(
    private readonly store: Store,
    private readonly r: Resolved,
    private readonly meta: ExportMeta,
  ) {}

  /** Places with their names and sources, in id order. */
  async *placeBatches(): AsyncGenerator<Place[]> {
    for (let i = 0; i < this.r.placeIds.length; i += BATCH) {
      const ids = this.r.placeIds.slice(i, i + BATCH);
      const got = await this.store.places.getMany(ids);
      yield ids.map((id) => got.get(id)).filter((p): p is Place => p !== undefined);
    }
  }

  /** Ties with their sources, by pair. */
  async *tieBatches(): AsyncGenerator<Twinning[]> {
    for (let i = 0; i < this.r.ties.length; i += BATCH) {
      const part = this.r.ties.slice(i, i + BATCH);
      const sources = await this.store.twinnings.sourcesOf(part.map((t) => t.id));
      yield part.map((t) => ({ ...t, sources: sources.get(t.id) ?? [] }));
    }
  }

  private async redirects() {
    const ids = new Set(this.r.placeIds);
    return (await this.store.redirects.all()).filter((x) => ids.has(x.to));
  }

  private async disagreements() {
    const ids = new Set(this.r.placeIds);
    return (await this.store.disagreements.all()).filter((d) => ids.has(d.place));
  }

  /**
   * The interchange format's CSV files in a zip, with a Frictionless data package (`datapackage.json`) that
   * names the licence, the sources and each file's columns; and the dataset's manifest for the whole registry.
   */
  async *csvZip(manifest: DataManifest | null): AsyncGenerator<Uint8Array> {
    const out: Uint8Array[] = [];
    let failed: Error | null = null;
    const zip = new Zip((err, chunk) => {
      if (err) failed = err;
      else out.push(chunk);
    });
    const mtime = this.meta.asOf ? new Date(`${this.meta.asOf.slice(0, 10)}T00:00:00Z`) : new Date();
    async function* file(name: string, pieces: AsyncIterable<string> | Iterable<string>) {
      const entry = new ZipDeflate(name, { level: 6 });
      entry.mtime = mtime;
      zip.add(entry);
      for await (const piece of pieces) {
        entry.push(strToU8(piece));
        yield* out.splice(0);
      }
      entry.push(new Uint8Array(0), true);
      if (failed) throw failed;
      yield* out.splice(0);
    }
    yield* file('datapackage.json', [JSON.stringify(dataPackage(this.meta, !!manifest), null, 1) + '\n']);
    yield* file('places.csv', csvOf(this.placeBatches(), placesCsv, PLACE_COLUMNS));
    yield* file('twinnings.csv', csvOf(this.tieBatches(), twinningsCsv, TWINNING_COLUMNS));
    const redirects = await this.redirects();
    yield* file('redirects.csv', [
      redirects.length ? redirectsCsv(redirects) : stringify([[...REDIRECT_COLUMNS]]),
    ]);
    const disagreements = await this.disagreements();
    yield* file('disagreements.csv', [
      disagreements.length ? disagreementsCsv(disagreements) : stringify([[...DISAGREEMENT_COLUMNS]]),
    ]);
    if (manifest) yield* file('manifest.json', [JSON.stringify(manifest, null, 1) + '\n']);
    zip.end();
    if (failed) throw failed;
    yield* out.splice(0);
  }

  /**
   * One JSON document in the interchange format: `format` says what it is, with the licence and sources (the
   * importer reads past it), then the records; the dataset's manifest for the whole registry.
   */
  async *json(manifest: DataManifest | null): AsyncGenerator<string> {
    yield `{"format":${JSON.stringify({ name: 'twinning-interchange', version: 1, ...this.meta })},\n`;
    if (manifest) yield `"manifest":${JSON.stringify(manifest)},\n`;
    yield '"places":[';
    let first = true;
    for await (const batch of this.placeBatches()) {
      if (!batch.length) continue;
      yield (first ? '\n' : ',\n') + batch.map((p) => JSON.stringify(placeRecord(p))).join(',\n');
      first = false;
    }
    yield '],\n"twinnings":[';
    first = true;
    for await (const batch of this.tieBatches()) {
      yield (first ? '\n' : ',\n') + batch.map((t) => JSON.stringify(twinningRecord(t))).join(',\n');
      first = false;
    }
    const list = (xs: unknown[]) => (xs.length ? '\n' + xs.map((x) => JSON.stringify(x)).join(',\n') : '');
    yield `],\n"redirects":[${list((await this.redirects()).map(redirectRecord))}],\n`;
    yield `"disagreements":[${list((await this.disagreements()).map(disagreementRecord))}]}\n`;
  }

  /**
   * RFC 7946 GeoJSON: a FeatureCollection of the places (Points, [lon, lat]; null geometry where a place has no
   * coordinates) and the ties (LineStrings between their places, cut in two where they would cross the
   * antimeridian; null where an end is not located). The licence and sources are a foreign member, `metadata`.
   */
  async *geojson(): AsyncGenerator<string> {
    yield `{"type":"FeatureCollection","metadata":${JSON.stringify(this.meta)},"features":[`;
    let first = true;
    const at = new Map<string, { lon: number; lat: number; name: string }>();
    for await (const batch of this.placeBatches()) {
      const features: string[] = [];
      for (const p of batch) {
        if (p.lat !== null && p.lon !== null) at.set(p.id, { lon: p.lon, lat: p.lat, name: p.name });
        else at.set(p.id, { lon: NaN, lat: NaN, name: p.name });
        const { lat, lon, ...facts } = placeFacts(p);
        features.push(
          JSON.stringify({
            type: 'Feature',
            id: p.id,
            geometry: lat !== null && lon !== null ? { type: 'Point', coordinates: [lon, lat] } : null,
            properties: { type: 'place', ...facts, selected: this.r.selected.has(p.id) },
          }),
        );
      }
      if (!features.length) continue;
      yield (first ? '\n' : ',\n') + features.join(',\n');
      first = false;
    }
    for await (const batch of this.tieBatches()) {
      const features = batch.map((t) => {
        const a = at.get(t.a);
        const b = at.get(t.b);
        return JSON.stringify({
          type: 'Feature',
          id: `tie-${t.id}`,
          geometry: a && b && Number.isFinite(a.lat) && Number.isFinite(b.lat) ? line(a, b) : null,
          properties: {
            type: 'tie',
            tie: t.id,
            a: t.a,
            b: t.b,
            aName: a?.name ?? null,
            bName: b?.name ?? null,
            ...tieFacts(t),
          },
        });
      });
      if (!features.length) continue;
      yield (first ? '\n' : ',\n') + features.join(',\n');
      first = false;
    }
    yield ']}\n';
  }

  /**
   * GraphML: nodes are places, edges ties (undirected), every attribute declared as a key; the licence,
   * attribution and sources are graph data.
   */
  async *graphml(): AsyncGenerator<string> {
    const m = this.meta;
    yield (
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    );
    for (const [id, name, type] of GRAPH_KEYS)
      yield `<key id="${id}" for="graph" attr.name="${name}" attr.type="${type}"/>\n`;
    for (const [id, name, type] of NODE_KEYS)
      yield `<key id="${id}" for="node" attr.name="${name}" attr.type="${type}"/>\n`;
    for (const [id, name, type] of EDGE_KEYS)
      yield `<key id="${id}" for="edge" attr.name="${name}" attr.type="${type}"/>\n`;
    yield '<graph id="twinning" edgedefault="undirected">\n';
    for (const [key, value] of graphData(m)) yield `<data key="${key}">${xml(value)}</data>\n`;
    for await (const batch of this.placeBatches()) {
      let s = '';
      for (const p of batch) {
        s += `<node id="${xml(p.id)}">`;
        for (const [key, value] of nodeData(p, this.r.selected.has(p.id)))
          s += `<data key="${key}">${xml(value)}</data>`;
        s += '</node>\n';
      }
      yield s;
    }
    for await (const batch of this.tieBatches()) {
      let s = '';
      for (const t of batch) {
        s += `<edge id="tie-${t.id}" source="${xml(t.a)}" target="${xml(t.b)}">`;
        for (const [key, value] of edgeData(t)) s += `<data key="${key}">${xml(value)}</data>`;
        s += '</edge>\n';
      }
      yield s;
    }
    yield '</graph>\n</graphml>\n';
  }

  /**
   * GEXF 1.3 (Gephi): nodes are places with a label, edges ties, attributes declared per class; the licence,
   * attribution and sources are in `<meta>`.
   */
  async *gexf(): AsyncGenerator<string> {
    const m = this.meta;
    const description = [
      m.title,
      `Licence: ${m.licence.title} (${m.licence.id}), ${m.licence.url}.`,
      m.attribution,
      ...m.sources.map(
        (s) =>
          `Source ${s.id}: ${s.title}${s.date ? `, ${s.date}` : ''}${s.licence ? `, ${s.licence}` : ''}${s.url ? `, ${s.url}` : ''}`,
      ),
      `From ${m.site}, data version ${m.dataVersion}${m.asOf ? `, as of ${m.asOf}` : ''}.`,
    ].join('\n');
    yield (
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n' +
      `<meta${m.asOf ? ` lastmodifieddate="${xml(m.asOf.slice(0, 10))}"` : ''}>` +
      `<creator>Twinning (${xml(m.site)})</creator>` +
      `<title>${xml(m.title)}</title>` +
      `<keywords>sister cities, twin towns, ${xml(m.licence.id)}</keywords>` +
      `<description>${xml(description)}</description></meta>\n` +
      '<graph defaultedgetype="undirected" mode="static">\n<attributes class="node">\n'
    );
    // attributes are declared per class, so their ids are their plain names (readers key values by id)
    for (const [id, name, type] of NODE_KEYS)
      if (id !== 'n_name') yield `<attribute id="${name}" title="${name}" type="${gexfType(type)}"/>\n`;
    yield '</attributes>\n<attributes class="edge">\n';
    for (const [, name, type] of EDGE_KEYS)
      yield `<attribute id="${name}" title="${name}" type="${gexfType(type)}"/>\n`;
    yield '</attributes>\n<nodes>\n';
    for await (const batch of this.placeBatches()) {
      let s = '';
      for (const p of batch) {
        s += `<node id="${xml(p.id)}" label="${xml(p.name)}"><attvalues>`;
        for (const [key, value] of nodeData(p, this.r.selected.has(p.id)))
          if (key !== 'n_name') s += `<attvalue for="${KEY_NAME.get(key)}" value="${xml(value)}"/>`;
        s += '</attvalues></node>\n';
      }
      yield s;
    }
    yield '</nodes>\n<edges>\n';
    for await (const batch of this.tieBatches()) {
      let s = '';
      for (const t of batch) {
        s += `<edge id="tie-${t.id}" source="${xml(t.a)}" target="${xml(t.b)}"><attvalues>`;
        for (const [key, value] of edgeData(t))
          s += `<attvalue for="${KEY_NAME.get(key)}" value="${xml(value)}"/>`;
        s += '</attvalues></edge>\n';
      }
      yield s;
    }
    yield '</edges>\n</graph>\n</gexf>\n';
  }
}

type KeyType = 'string' | 'double' | 'long' | 'boolean';

const GRAPH_KEYS: [string, string, KeyType][] = [
  ['g_title', 'title', 'string'],
  ['g_licence', 'licence', 'string'],
  ['g_licence_url', 'licence_url', 'string'],
  ['g_attribution', 'attribution', 'string'],
  ['g_sources', 'sources', 'string'],
  ['g_site', 'site', 'string'],
  ['g_as_of', 'as_of', 'string'],
  ['g_data_version', 'data_version', 'long'],
];

const NODE_KEYS: [string, string, KeyType][] = [
  ['n_name', 'name', 'string'],
  ['n_kind', 'kind', 'string'],
  ['n_country', 'country', 'string'],
  ['n_parent', 'parent', 'string'],
  ['n_lat', 'lat', 'double'],
  ['n_lon', 'lon', 'double'],
  ['n_population', 'population', 'long'],
  ['n_wikidata', 'wikidata', 'string'],
  ['n_geonames', 'geonames', 'long'],
  ['n_names', 'names', 'string'],
  ['n_sources', 'sources', 'string'],
  ['n_selected', 'selected', 'boolean'],
];

const EDGE_KEYS: [string, string, KeyType][] = [
  ['e_kind', 'kind', 'string'],
  ['e_signed', 'signed', 'string'],
  ['e_ended', 'ended', 'string'],
  ['e_status', 'status', 'string'],
  ['e_listed_by', 'listed_by', 'string'],
  ['e_notes', 'notes', 'string'],
  ['e_sources', 'sources', 'string'],
];

/** The plain name of each node and edge key. */
const KEY_NAME = new Map([...NODE_KEYS, ...EDGE_KEYS].map(([id, name]) => [id, name]));

function gexfType(t: KeyType): string {
  return t === 'long' ? 'long' : t === 'double' ? 'double' : t === 'boolean' ? 'boolean' : 'string';
}

function graphData(m: ExportMeta): [string, string][] {
  return [
    ['g_title', m.title],
    ['g_licence', `${m.licence.title} (${m.licence.id})`],
    ['g_licence_url', m.licence.url],
    ['g_attribution', m.attribution],
    [
      'g_sources',
      m.sources.map((s) => [s.id, s.title, s.date, s.licence, s.url].filter(Boolean).join(', ')).join(' | '),
    ],
    ['g_site', m.site],
    ['g_as_of', m.asOf ?? ''],
    ['g_data_version', String(m.dataVersion)],
  ];
}

/** A place's attributes in the graph formats, leaving out what it does not have. */
function nodeData(p: Place, selected: boolean): [string, string][] {
  const names = Object.entries(p.names)
    .map(([lang, name]) => `${lang}:${name}`)
    .join(';');
  const out: [string, string | number | null][] = [
    ['n_name', p.name],
    ['n_kind', p.kind],
    ['n_country', p.country],
    ['n_parent', p.parent],
    ['n_lat', p.lat],
    ['n_lon', p.lon],
    ['n_population', p.population],
    ['n_wikidata', p.wikidata],
    ['n_geonames', p.geonames],
    ['n_names', names || null],
    ['n_sources', formatSources(p.sources) || null],
    ['n_selected', String(selected)],
  ];
  return out.filter((x): x is [string, string | number] => x[1] !== null).map(([k, v]) => [k, String(v)]);
}

function edgeData(t: Twinning): [string, string][] {
  const f = tieFacts(t);
  const out: [string, string | null][] = [
    ['e_kind', f.kind],
    ['e_signed', f.signed],
    ['e_ended', f.ended],
    ['e_status', f.status],
    ['e_listed_by', f.listedBy],
    ['e_notes', f.notes],
    ['e_sources', formatSources(t.sources) || null],
  ];
  return out.filter((x): x is [string, string] => x[1] !== null && x[1] !== '');
}

/** Text for XML content and attribute values: escaped, and without the characters XML 1.0 cannot hold. */
export function xml(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/\n/g, '&#10;')
  );
}

/**
 * The line between two places: a LineString, or two (a MultiLineString) cut at the antimeridian when the
 * shorter way round crosses it, as RFC 7946 (3.1.9) asks.
 */
export function line(a: { lon: number; lat: number }, b: { lon: number; lat: number }) {
  if (Math.abs(b.lon - a.lon) <= 180)
    return {
      type: 'LineString',
      coordinates: [
        [a.lon, a.lat],
        [b.lon, b.lat],
      ],
    };
  // going the short way round: shift b by 360° to be next to a, find where the line meets ±180
  const edge = a.lon > 0 ? 180 : -180;
  const bLon = b.lon + (a.lon > 0 ? 360 : -360);
  const t = (edge - a.lon) / (bLon - a.lon);
  const lat = Math.round((a.lat + t * (b.lat - a.lat)) * 1e6) / 1e6;
  return {
    type: 'MultiLineString',
    coordinates: [
      [
        [a.lon, a.lat],
        [edge, lat],
      ],
      [
        [-edge, lat],
        [b.lon, b.lat],
      ],
    ],
  };
}

/** A Frictionless data package describing the CSV files: licence, sources and each file's columns. */
function dataPackage(m: ExportMeta, withManifest: boolean) {
  const resource = (name: string, columns: readonly string[], description: string) => ({
    name,
    path: `${name}.csv`,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    description,
    schema: { fields: columns.map((c) => ({ name: c, type: 'string' })) },
  });
  return {
    name: `twinning-${m.selection.kind}`,
    title: m.title,
    description:
      `${m.attribution} Files in the Twinning interchange format; import them with \`twinning import\`. ` +
      `From ${m.site}, data version ${m.dataVersion}.`,
    licenses: [{ name: m.licence.id, title: m.licence.title, path: m.licence.url }],
    sources: m.sources.map((s) => ({ title: s.title, path: s.url ?? undefined, licence: s.licence })),
    homepage: m.site,
    ...(m.asOf ? { version: m.asOf } : {}),
    twinning: { selection: m.selection, places: m.places, selected: m.selected, ties: m.ties },
    resources: [
      resource('places', PLACE_COLUMNS, 'places: countries, regions, cities, districts'),
      resource('twinnings', TWINNING_COLUMNS, 'ties between two places'),
      resource('redirects', REDIRECT_COLUMNS, 'old ids of merged places and where they lead'),
      resource('disagreements', DISAGREEMENT_COLUMNS, 'facts on which the sources disagreed'),
      ...(withManifest
        ? [{ name: 'manifest', path: 'manifest.json', format: 'json', mediatype: 'application/json' }]
        : []),
    ],
  };
}

/** One CSV file from batches of records: the header once, then each batch's rows. */
async function* csvOf<T>(
  batches: AsyncIterable<T[]>,
  toCsv: (list: T[]) => string,
  columns: readonly string[],
): AsyncGenerator<string> {
  let first = true;
  for await (const batch of batches) {
    if (!batch.length) continue;
    const text = toCsv(batch);
    yield first ? text : text.slice(text.indexOf('\n') + 1);
    first = false;
  }
  if (first) yield stringify([[...columns]]);
}

function childrenOf(places: Iterable<{ id: string; parent: string | null }>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of places) {
    if (!p.parent) continue;
    const list = out.get(p.parent);
    if (list) list.push(p.id);
    else out.set(p.parent, [p.id]);
  }
  return out;
}

function subtree(root: string, children: Map<string, string[]>): Set<string> {
  const out = new Set([root]);
  const todo = [root];
  while (todo.length) {
    for (const c of children.get(todo.pop()!) ?? []) {
      if (out.has(c)) continue;
      out.add(c);
      todo.push(c);
    }
  }
  return out;
}

const byteOrder = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

function fileSafe(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Writes every place, tie, redirect and disagreement in the interchange format, and the dataset's manifest if
 * one was imported; returns the files written. What it writes imports back to the same data.
 */
export async function exportAll(store: Store, dir: string, format: ExportFormat): Promise<string[]> {
  const [places, twinnings, redirects, disagreements, manifest] = await Promise.all([
    store.places.all(),
    store.twinnings.all(),
    store.redirects.all(),
    store.disagreements.all(),
    store.meta.get(MANIFEST_KEY),
  ]);
  await mkdir(dir, { recursive: true });
  const json = (key: string, list: unknown[]) => JSON.stringify({ [key]: list }, null, 1) + '\n';
  const files: [string, string][] =
    format === 'csv'
      ? [
          ['places.csv', placesCsv(places)],
          ['twinnings.csv', twinningsCsv(twinnings)],
          ['redirects.csv', redirectsCsv(redirects)],
          ['disagreements.csv', disagreementsCsv(disagreements)],
        ]
      : [
          ['places.json', json('places', places.map(placeRecord))],
          ['twinnings.json', json('twinnings', twinnings.map(twinningRecord))],
          ['redirects.json', json('redirects', redirects.map(redirectRecord))],
          ['disagreements.json', json('disagreements', disagreements.map(disagreementRecord))],
        ];
  if (manifest) files.push(['manifest.json', JSON.stringify(JSON.parse(manifest), null, 1) + '\n']);
  const written: string[] = [];
  for (const [name, content] of files) {
    const path = join(dir, name);
    await writeFile(path, content);
    written.push(path);
  }
  return written;
}
