import type { PartialDate } from '../../domain/dates.js';
import type { Binding } from './client.js';

/** Wikidata's label languages the sync reads, and the registry's name language each becomes. */
export const LABEL_LANGS: Record<string, string> = {
  en: 'en',
  // the site's Chinese is Simplified; Traditional names are kept under their own tag
  'zh-hans': 'zh',
  'zh-hant': 'zh-Hant',
  ja: 'ja',
  ko: 'ko',
  de: 'de',
  fr: 'fr',
  es: 'es',
  ru: 'ru',
};

/** What Wikidata says of one item. */
export interface WikidataItem {
  qid: string;
  /** the item's revision id (schema:version) */
  revision: string | null;
  /** when the item was last changed (schema:dateModified) */
  modified: string | null;
  /** registry language → label */
  labels: Record<string, string>;
  /** ISO 3166-1 alpha-2 codes of its countries (P17 → P297) */
  countries: string[];
  coordinates: { lat: number; lon: number } | null;
  /** QIDs of what it is located in (P131) */
  parents: string[];
  /** the newest population (preferred rank first) with its date (P1082 / P585) */
  population: { value: number; date: string | null } | null;
}

/** A twinning statement (P190) either side makes, with its start and end (P580 / P582). */
export interface WikidataTie {
  /** the item asked about */
  item: string;
  partner: string;
  start: PartialDate | null;
  end: PartialDate | null;
}

const QID = /^Q[1-9]\d*$/;
const entityId = (uri: string | undefined): string | null => {
  const id = uri?.slice(uri.lastIndexOf('/') + 1) ?? '';
  return QID.test(id) ? id : null;
};

/** `VALUES ?item { wd:Q1 wd:Q2 }`; only well-formed ids ever reach a query. */
const values = (qids: string[]) =>
  `VALUES ?item { ${qids
    .filter((q) => QID.test(q))
    .map((q) => `wd:${q}`)
    .join(' ')} }`;

/** Revision, date and labels of the items (changed since `since`, an ISO date, when given). */
export function itemsQuery(qids: string[], since?: string): string {
  const langs = Object.keys(LABEL_LANGS)
    .map((l) => `"${l}"`)
    .join(', ');
  const after =
    since && /^\d{4}-\d{2}-\d{2}/.test(since)
      ? `  FILTER(?modified >= "${since.slice(0, 10)}T00:00:00Z"^^xsd:dateTime)\n`
      : '';
  return `#twinning:items
SELECT ?item ?rev ?modified ?label WHERE {
  ${values(qids)}
  ?item schema:version ?rev ; schema:dateModified ?modified .
${after}  OPTIONAL { ?item rdfs:label ?label . FILTER(LANG(?label) IN (${langs})) }
}`;
}

/** Country, coordinates, parent and population of the items. */
export function factsQuery(qids: string[]): string {
  return `#twinning:facts
SELECT ?item ?prop ?value ?code ?date ?rank WHERE {
  ${values(qids)}
  { ?item wdt:P17 ?value . OPTIONAL { ?value wdt:P297 ?code } BIND("P17" AS ?prop) }
  UNION { ?item wdt:P625 ?value . BIND("P625" AS ?prop) }
  UNION { ?item wdt:P131 ?value . BIND("P131" AS ?prop) }
  UNION {
    ?item p:P1082 ?st . ?st ps:P1082 ?value ; wikibase:rank ?rank .
    FILTER(?rank != wikibase:DeprecatedRank)
    OPTIONAL { ?st pq:P585 ?date }
    BIND("P1082" AS ?prop)
  }
}`;
}

/** Every twinning statement of the items or naming them, with start and end and their precision. */
export function tiesQuery(qids: string[]): string {
  return `#twinning:ties
SELECT ?item ?partner ?start ?startPrecision ?end ?endPrecision WHERE {
  ${values(qids)}
  { ?item p:P190 ?st . ?st ps:P190 ?partner . }
  UNION { ?partner p:P190 ?st . ?st ps:P190 ?item . }
  ?st wikibase:rank ?rank .
  FILTER(?rank != wikibase:DeprecatedRank)
  OPTIONAL { ?st pqv:P580 [ wikibase:timeValue ?start ; wikibase:timePrecision ?startPrecision ] }
  OPTIONAL { ?st pqv:P582 [ wikibase:timeValue ?end ; wikibase:timePrecision ?endPrecision ] }
}`;
}

const emptyItem = (qid: string): WikidataItem => ({
  qid,
  revision: null,
  modified: null,
  labels: {},
  countries: [],
  coordinates: null,
  parents: [],
  population: null,
});

/** The items query's rows, by QID (an item changed before `since` has no row). */
export function readItems(rows: Binding[]): Map<string, WikidataItem> {
  const out = new Map<string, WikidataItem>();
  for (const r of rows) {
    const qid = entityId(r.item?.value);
    if (!qid) continue;
    const item = out.get(qid) ?? emptyItem(qid);
    out.set(qid, item);
    item.revision = r.rev?.value ?? item.revision;
    item.modified = r.modified?.value ?? item.modified;
    const lang = r.label?.['xml:lang'];
    const to = lang ? LABEL_LANGS[lang.toLowerCase()] : undefined;
    if (to && r.label!.value.trim()) item.labels[to] = r.label!.value.trim();
  }
  return out;
}

const POINT = /^Point\(\s*(-?[\d.]+(?:[eE]-?\d+)?)\s+(-?[\d.]+(?:[eE]-?\d+)?)\s*\)$/;

/** Adds the facts query's rows to the items. */
export function readFacts(rows: Binding[], items: Map<string, WikidataItem>): void {
  const populations = new Map<string, { value: number; date: string | null; preferred: boolean }[]>();
  for (const r of rows) {
    const qid = entityId(r.item?.value);
    const item = qid && items.get(qid);
    if (!item) continue;
    const v = r.value?.value ?? '';
    switch (r.prop?.value) {
      case 'P17': {
        const code = r.code?.value?.toUpperCase();
        if (code && /^[A-Z]{2}$/.test(code) && !item.countries.includes(code)) item.countries.push(code);
        break;
      }
      case 'P625': {
        const m = POINT.exec(v.trim());
        // the first point of the Earth's; another globe's coordinates carry its IRI before "Point"
        if (m && !item.coordinates) {
          const lon = Number(m[1]);
          const lat = Number(m[2]);
          if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) item.coordinates = { lat, lon };
        }
        break;
      }
      case 'P131': {
        const parent = entityId(v);
        if (parent && !item.parents.includes(parent)) item.parents.push(parent);
        break;
      }
      case 'P1082': {
        const n = Number(v);
        if (!Number.isFinite(n) || n < 0 || n > 2_000_000_000) break;
        const list = populations.get(qid) ?? [];
        populations.set(qid, list);
        list.push({
          value: Math.round(n),
          date: r.date?.value?.slice(0, 10) ?? null,
          preferred: r.rank?.value?.endsWith('PreferredRank') ?? false,
        });
        break;
      }
    }
  }
  // preferred statements first, then the newest date
  for (const [qid, list] of populations) {
    list.sort(
      (x, y) =>
        Number(y.preferred) - Number(x.preferred) ||
        (y.date ?? '').localeCompare(x.date ?? '') ||
        y.value - x.value,
    );
    const best = list[0]!;
    items.get(qid)!.population = { value: best.value, date: best.date };
  }
}

/** A Wikidata time (`1996-11-05T00:00:00Z`, precision 9 year, 10 month, 11 day) as a partial date. */
export function wikidataDate(time: string | undefined, precision: string | undefined): PartialDate | null {
  const m = time && /^\+?(\d{4})-(\d{2})-(\d{2})T/.exec(time);
  if (!m) return null;
  const p = Number(precision ?? 11);
  if (p < 9) return null;
  if (p === 9) return { date: `${m[1]}-01-01`, precision: 'year' };
  if (p === 10) return { date: `${m[1]}-${m[2]}-01`, precision: 'month' };
  return { date: `${m[1]}-${m[2]}-${m[3]}`, precision: 'day' };
}

/** The ties query's rows; a pair stated by both sides comes once per statement. */
export function readTies(rows: Binding[]): WikidataTie[] {
  const out: WikidataTie[] = [];
  for (const r of rows) {
    const item = entityId(r.item?.value);
    const partner = entityId(r.partner?.value);
    if (!item || !partner || item === partner) continue;
    out.push({
      item,
      partner,
      start: wikidataDate(r.start?.value, r.startPrecision?.value),
      end: wikidataDate(r.end?.value, r.endPrecision?.value),
    });
  }
  return out;
}
