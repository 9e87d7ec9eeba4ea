// Collects what the per-item sources say about each place of the twinning graph: the 2016 crawl with its merged
// Natural Earth / dr5hn / GeoNames values (places.tsv), and the 2026 Wikidata extract. Nothing is matched by name
// here; every fact is joined by QID.
import { isCountryCode } from '../../src/domain/countries.js';
import type { GeoNameIndex } from './geonames.js';
import { fact, newPlace, type Disagreement, type Kind, type PlaceRec, type Tie } from './model.js';
import type { Seed, SeedPlace } from './seed.js';
import { cite } from './sources.js';
import { distanceKm } from './geo.js';

const REGION_TYPES = new Set([
  'state',
  'province',
  'region',
  'land',
  'autonomous region',
  'administrative region',
  'federal territory',
  'union territory',
  'emirate',
  'special region',
  'metropolitan region',
  'department',
  'metropolitan department',
  'county',
]);
const DISTRICT_TYPES = new Set(['district', 'london borough', 'section']);

// dr5hn's type is only a hint: a Natural Earth populated place is a city whatever the type says, and a
// Chinese "prefecture" is a prefecture-level city while a Japanese one is a region.
function kindOf(r: SeedPlace, inNaturalEarth: boolean): Kind {
  const type = r.type.toLowerCase();
  if (inNaturalEarth) return 'city';
  if (type === 'prefecture') return r.country === 'JP' ? 'region' : 'city';
  if (REGION_TYPES.has(type)) return 'region';
  if (DISTRICT_TYPES.has(type)) return 'district';
  return 'city';
}

// The 2026 extract's codes for places outside ISO 3166-1: Taiwan is TW there; Northern Cyprus and Somaliland are
// recognised by ISO 3166 (and nearly every state) as parts of Cyprus and Somalia.
const WD_COUNTRY: Record<string, string> = { 'CN-TW': 'TW', XC: 'CY', XS: 'SO' };
export const wdCountryCode = (cd: string): string | null => {
  const c = WD_COUNTRY[cd] ?? cd;
  return isCountryCode(c) ? c : null;
};

/** Coordinates further apart than this are recorded as a disagreement. */
export const COORDS_AGREE_KM = 25;

export function qidOrder(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1));
}

export function gather(seed: Seed, gn: GeoNameIndex, disagreements: Disagreement[]) {
  const ne = new Map(seed.naturalEarth.map((r) => [r.qid, r]));
  const wd = new Map(seed.wdNodes.map((r) => [r.id, r]));
  const places = new Map<string, PlaceRec>();
  const get = (q: string) => {
    let p = places.get(q);
    if (!p) places.set(q, (p = newPlace(q, q)));
    return p;
  };

  // ---- ties: the 2016 crawl (with which side states each) and the 2026 extract ----
  const ties = new Map<string, Tie>();
  const key = (a: string, b: string) => (qidOrder(a, b) < 0 ? `${a} ${b}` : `${b} ${a}`);
  for (const t of seed.ties) {
    const listedBy = new Set<string>();
    if (t.a_lists_b === '1') listedBy.add(t.qid_a);
    if (t.b_lists_a === '1') listedBy.add(t.qid_b);
    ties.set(key(t.qid_a, t.qid_b), { a: t.qid_a, b: t.qid_b, listedBy, in2016: true, in2026: false });
  }
  for (const l of seed.wdLinks) {
    if (l.source === l.target) continue;
    const k = key(l.source, l.target);
    const t = ties.get(k);
    if (t) t.in2026 = true;
    else {
      const [a, b] = k.split(' ') as [string, string];
      ties.set(k, { a, b, listedBy: new Set(), in2016: false, in2026: true });
    }
  }
  for (const t of ties.values()) {
    get(t.a);
    get(t.b);
  }

  // ---- the 2016 places with their Natural Earth / dr5hn / GeoNames values ----
  for (const r of seed.places) {
    const p = places.get(r.qid);
    if (!p) continue;
    const n = ne.get(r.qid);
    const dr = r.src.split('+').includes('dr5hn');
    p.label2016 = r.label_wd2016 || null;
    // places.tsv took each value from Natural Earth first, then from dr5hn: tell them apart by the Natural Earth row.
    const from = (neValue: string | undefined) => (n && neValue ? cite('ne') : dr ? cite('dr5hn') : null);
    if (r.name_en) {
      const s = from(n?.name_en);
      if (s) p.name = fact(r.name_en, s);
      // dr5hn's name is sometimes the local form ("Grad Dubrovnik"): only Natural Earth's is known to be English.
      if (n?.name_en) p.names.set('en', fact(r.name_en, cite('ne')));
    }
    if (r.name_zh) {
      const s = from(n?.name_zh);
      if (s) p.names.set('zh', fact(r.name_zh, s));
    }
    if (r.country) {
      const s = from(n?.country);
      if (s) {
        p.country = fact(r.country, s);
        p.countryHow = 'item';
      }
    }
    if (r.admin1_name.trim()) {
      const s = from(n?.admin1_name);
      if (s) p.admin1 = fact(r.admin1_name.trim(), s);
    }
    if (r.lat && r.lon) {
      const s = from(n?.lat);
      if (s) {
        p.coords = fact([Number(r.lat), Number(r.lon)], s);
        p.coordsOwn = true;
      }
    }
    if (n || dr) p.kind = fact(kindOf(r, !!n), n ? cite('ne') : cite('dr5hn'));
    if (r.geonameid) p.geonames = fact(Number(r.geonameid), cite('ne'));
    // GeoNames population: the 2023 dump where it has the place, else the 2015 value places.tsv carries.
    const g = r.geonameid ? gn.byId.get(Number(r.geonameid)) : undefined;
    if (g && g.population > 0) p.population = fact(g.population, cite('geonames'));
    else if (r.population && r.population_src === 'geonames')
      p.population = fact(Number(r.population), cite('atc'));
    else if (r.population && r.population_src === 'dr5hn')
      p.population = fact(Number(r.population), cite('dr5hn'));
  }

  // ---- the 2026 extract: English label, Wikidata's coordinates, a coarse country ----
  for (const [q, w] of [...wd].sort(([a], [b]) => qidOrder(a, b))) {
    const p = places.get(q);
    if (!p) continue;
    const en = w.name.trim();
    if (en && !/^Q\d+$/.test(en)) {
      if (p.name) p.displaced.push(p.name);
      p.name = fact(en, cite('wd2026'));
      p.names.set('en', fact(en, cite('wd2026')));
    }
    const lat = Number(w.lat);
    const lon = Number(w.lng);
    if (w.lat && w.lng && Number.isFinite(lat) && Number.isFinite(lon)) {
      const mine: [number, number] = [lat, lon];
      // Wikidata's coordinates are the item's own; a per-QID join elsewhere may have picked another place.
      if (p.coords) {
        const d = distanceKm(p.coords.value, mine);
        if (d > COORDS_AGREE_KM)
          disagreements.push([
            q,
            'coordinates',
            `${lat},${lon}`,
            cite('wd2026'),
            p.coords.value.join(','),
            p.coords.source,
          ]);
      }
      p.coords = fact(mine, cite('wd2026'));
      p.coordsOwn = true;
    }
    p.wdCountry = wdCountryCode(w.countrycd);
  }

  return { places, ties };
}
