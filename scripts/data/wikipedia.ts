// Wikipedia's lists of twin towns (CC BY-SA, names only) as a cross-check: which country the lists give for a
// place named so, listed beside a partner named so. Nothing from these lists is written to data/.
import { countries } from 'countries-list';
import isoCountries from 'i18n-iso-countries';
import { normalizeName } from '../../src/domain/names.js';
import type { PlaceRec, Tie } from './model.js';
import type { WikipediaPair } from './seed.js';

const SPELLINGS: Record<string, string> = {
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  'republic of ireland': 'IE',
  'georgia country': 'GE',
  palestine: 'PS',
  'northern cyprus': 'CY',
  kosovo: 'XK',
  taiwan: 'TW',
  'czech republic': 'CZ',
  'east timor': 'TL',
  'ivory coast': 'CI',
  'cape verde': 'CV',
  'the gambia': 'GM',
  'the bahamas': 'BS',
  'federated states of micronesia': 'FM',
  'vatican city': 'VA',
  'republic of the congo': 'CG',
  'democratic republic of the congo': 'CD',
};

export function countryCodeOf(name: string): string | null {
  // "England, United Kingdom": the last part names the country
  const parts = name.split(',').map((s) => normalizeName(s));
  for (const part of [...parts].reverse()) {
    const code = SPELLINGS[part] ?? byName.get(part);
    if (code) return code;
  }
  return null;
}
const byName = new Map<string, string>();
for (const [code, c] of Object.entries(countries)) byName.set(normalizeName(c.name), code);
for (const [code, names] of Object.entries(isoCountries.getNames('en', { select: 'all' })))
  for (const n of names) byName.set(normalizeName(n), code);

/** For a place: the countries the lists give for its 2016 label beside the name of one of its partners. */
export function listedCountries(pairs: WikipediaPair[], places: Map<string, PlaceRec>, ties: Iterable<Tie>) {
  const rows = new Map<string, { other: string; own: string | null; otherCountry: string | null }[]>();
  const add = (city: string, own: string, other: string, otherCountry: string) => {
    const k = normalizeName(city);
    const list = rows.get(k) ?? [];
    list.push({ other: normalizeName(other), own: countryCodeOf(own), otherCountry: countryCodeOf(otherCountry) });
    rows.set(k, list);
  };
  for (const r of pairs) {
    add(r.city1, r.country1, r.city2, r.country2);
    add(r.city2, r.country2, r.city1, r.country1);
  }
  const partners = new Map<string, string[]>();
  for (const t of ties) {
    partners.set(t.a, [...(partners.get(t.a) ?? []), t.b]);
    partners.set(t.b, [...(partners.get(t.b) ?? []), t.a]);
  }
  const namesOf = (p: PlaceRec) =>
    new Set(
      [p.name?.value, p.label2016, ...[...p.names.values()].map((n) => n.value)]
        .filter((n): n is string => !!n)
        .map(normalizeName),
    );
  return (p: PlaceRec): Set<string> => {
    const out = new Set<string>();
    if (!p.label2016) return out;
    const mine = rows.get(normalizeName(p.label2016));
    if (!mine) return out;
    for (const q of partners.get(p.id) ?? []) {
      const partner = places.get(q);
      if (!partner) continue;
      const names = namesOf(partner);
      for (const r of mine)
        if (
          r.own &&
          names.has(r.other) &&
          (!partner.country || !r.otherCountry || partner.country.value === r.otherCountry)
        )
          out.add(r.own);
    }
    return out;
  };
}
