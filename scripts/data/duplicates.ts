// Places that are certainly one place under two ids are merged: the survivor keeps every tie of both, and
// data/redirects.csv sends the old id to it.
import { createRequire } from 'node:module';
import isoCountries from 'i18n-iso-countries';
import { normalizeName } from '../../src/domain/names.js';
import { distanceKm } from './geo.js';
import type { GeoNameIndex } from './geonames.js';
import { fact, type PlaceRec, type Tie } from './model.js';
import { cite } from './sources.js';

export type Redirect = [from: string, to: string, reason: string];

/** Own coordinates of two namesakes in one country at most this far apart: one place. */
export const SAME_PLACE_KM = 3;

const LABEL_LANGS = ['de', 'en', 'fr', 'it', 'es'];

/**
 * Items of the graph that are countries: the 2016 label is the name of exactly one country in one of the label
 * languages (i18n-iso-countries) and of no GeoNames populated place, and no source gives the item coordinates.
 */
export function countryItems(places: PlaceRec[], gn: GeoNameIndex): Redirect[] {
  const require = createRequire(import.meta.url);
  const byName = new Map<string, Set<string>>();
  for (const l of LABEL_LANGS) {
    isoCountries.registerLocale(require(`i18n-iso-countries/langs/${l}.json`));
    for (const [code, names] of Object.entries(isoCountries.getNames(l, { select: 'all' })))
      for (const n of names) {
        const k = normalizeName(n);
        byName.set(k, (byName.get(k) ?? new Set()).add(code));
      }
  }
  const out: Redirect[] = [];
  for (const p of places) {
    if (!p.label2016 || p.coords || p.country) continue;
    const k = normalizeName(p.label2016);
    const codes = byName.get(k);
    if (!codes || codes.size !== 1 || gn.any.has(k)) continue;
    out.push([p.id, [...codes][0] as string, 'the item is a country: its label is that country’s name']);
  }
  return out;
}

function partnersOf(ties: Iterable<Tie>) {
  const m = new Map<string, Set<string>>();
  for (const t of ties) {
    m.set(t.a, (m.get(t.a) ?? new Set()).add(t.b));
    m.set(t.b, (m.get(t.b) ?? new Set()).add(t.a));
  }
  return m;
}

const keysOf = (p: PlaceRec) =>
  new Set(
    [p.name?.value, p.label2016, p.names.get('en')?.value].filter((n): n is string => !!n).map(normalizeName),
  );

/**
 * A place no source locates whose namesake in the data (same 2016 label or English name) shares a partner with
 * it: the same place under an older or duplicate item (the tie was recorded on both).
 */
export function countrylessNamesakes(places: PlaceRec[], ties: Iterable<Tie>): Redirect[] {
  const partners = partnersOf(ties);
  const byKey = new Map<string, PlaceRec[]>();
  for (const p of places) if (p.country) for (const k of keysOf(p)) byKey.set(k, [...(byKey.get(k) ?? []), p]);
  const out: Redirect[] = [];
  for (const p of places) {
    if (p.country || p.coords) continue;
    const mine = partners.get(p.id) ?? new Set();
    const found = new Set<PlaceRec>();
    for (const k of keysOf(p))
      for (const q of byKey.get(k) ?? []) if ([...mine].some((x) => partners.get(q.id)?.has(x))) found.add(q);
    if (found.size === 1)
      out.push([p.id, [...found][0]!.id, 'a namesake without a country that shares a partner with this place']);
  }
  return out;
}

/** Two items with one name, in one country, whose own coordinates (not a name match's) lie within SAME_PLACE_KM. */
export function closeNamesakes(places: PlaceRec[], ties: Iterable<Tie>): Redirect[] {
  const degree = partnersOf(ties);
  const groups = new Map<string, PlaceRec[]>();
  for (const p of places) {
    if (!p.country || !p.coords || !p.coordsOwn || !p.name) continue;
    const k = `${p.country.value} ${normalizeName(p.name.value)}`;
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  const out: Redirect[] = [];
  for (const g of [...groups.values()].filter((g) => g.length > 1)) {
    // the survivor: the place with more ties, then the older item
    const sorted = [...g].sort(
      (a, b) =>
        (degree.get(b.id)?.size ?? 0) - (degree.get(a.id)?.size ?? 0) ||
        Number(a.id.slice(1)) - Number(b.id.slice(1)),
    );
    const keep = sorted[0]!;
    for (const p of sorted.slice(1)) {
      // a city and its municipality, a prefecture and its city: kinds that differ are two places
      if (p.kind && keep.kind && p.kind.value !== keep.kind.value) continue;
      // …and so are two items whose own labels differ ("Gmina Sulęcin" and "Sulęcin")
      if (differ(p.label2016, keep.label2016) || differ(p.names.get('en')?.value, keep.names.get('en')?.value))
        continue;
      if (distanceKm(p.coords!.value, keep.coords!.value) <= SAME_PLACE_KM)
        out.push([p.id, keep.id, `same name and country, coordinates within ${SAME_PLACE_KM} km`]);
    }
  }
  return out;
}

const differ = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && normalizeName(a) !== normalizeName(b);

/**
 * Namesakes kept apart (a town and its municipality) would show one name twice: the one whose 2016 label is longer
 * and contains the shared name ("Gmina Sulęcin", "Malmö Municipality") is shown by that label.
 */
export function distinguishNamesakes(places: PlaceRec[]) {
  const groups = new Map<string, PlaceRec[]>();
  for (const p of places) {
    if (!p.country || !p.name) continue;
    const k = `${p.country.value} ${normalizeName(p.name.value)}`;
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    for (const p of g) {
      const label = p.label2016;
      if (!label || !p.name) continue;
      const a = normalizeName(label);
      const b = normalizeName(p.name.value);
      if (a !== b && a.includes(b)) {
        p.displaced.push(p.name);
        p.name = fact(label, cite('wd2016'));
      }
    }
  }
}

/** Moves what the survivor lacks from a merged place onto it (its names stay findable). */
export function absorb(keep: PlaceRec, gone: PlaceRec) {
  for (const k of ['name', 'kind', 'country', 'admin1', 'coords', 'population', 'geonames'] as const) {
    if (!keep[k] && gone[k]) (keep as unknown as Record<string, unknown>)[k] = gone[k];
  }
  if (!keep.coords && gone.coords) keep.coordsOwn = gone.coordsOwn;
  for (const [l, n] of gone.names) if (!keep.names.has(l)) keep.names.set(l, n);
  if (gone.name) keep.displaced.push(gone.name);
  if (!keep.label2016) keep.label2016 = gone.label2016;
}

/** Ties re-pointed through the redirects; a pair that becomes one is merged, a tie of a place to itself dropped. */
export function retie(ties: Iterable<Tie>, redirect: Map<string, string>, order: (a: string, b: string) => number) {
  const out = new Map<string, Tie>();
  let dropped = 0;
  for (const t of ties) {
    let a = redirect.get(t.a) ?? t.a;
    let b = redirect.get(t.b) ?? t.b;
    if (a === b) {
      dropped++;
      continue;
    }
    if (order(a, b) > 0) [a, b] = [b, a];
    // the items that state the tie stay as they were: they are its sources
    const listedBy = new Set(t.listedBy);
    const k = `${a} ${b}`;
    const had = out.get(k);
    if (had) {
      for (const x of listedBy) had.listedBy.add(x);
      had.in2016 ||= t.in2016;
      had.in2026 ||= t.in2026;
    } else out.set(k, { a, b, listedBy, in2016: t.in2016, in2026: t.in2026 });
  }
  return { ties: out, dropped };
}
