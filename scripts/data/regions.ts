// Parents: a place's admin-1 name (from Natural Earth or dr5hn) becomes its parent region, one region per name and
// country. China's province-level divisions come from the GB/T 2260 table, whatever spelling a source uses.
import { normalizeName, slugify } from '../../src/domain/names.js';
import { CHINA_DIVISIONS } from './china.js';
import { fact, newPlace, type PlaceRec } from './model.js';
import type { Redirect } from './duplicates.js';
import { cite } from './sources.js';

export function assignParents(places: Map<string, PlaceRec>): Redirect[] {
  const redirects: Redirect[] = [];
  const byName = new Map<string, string>();
  const sorted = [...places.values()].sort((a, b) => a.id.localeCompare(b.id));
  for (const p of sorted) {
    if (!p.country || p.kind?.value !== 'region') continue;
    for (const n of [p.name?.value, p.label2016, p.names.get('en')?.value])
      if (n) {
        const k = `${p.country.value}:${normalizeName(n)}`;
        if (!byName.has(k)) byName.set(k, p.id);
      }
  }

  // China: one region per division, the item of the graph where one is there, else `cn-<english name>`.
  const chinaKey = new Map<string, (typeof CHINA_DIVISIONS)[number]>();
  for (const d of CHINA_DIVISIONS.filter((d) => !['CN-HK', 'CN-MO', 'CN-TW'].includes(d.iso))) {
    for (const n of [d.en, ...d.aliases]) chinaKey.set(normalizeName(n), d);
    const id =
      [d.en, ...d.aliases].map((n) => byName.get(`CN:${normalizeName(n)}`)).find(Boolean) ??
      sorted.find(
        (p) =>
          p.country?.value === 'CN' &&
          p.kind?.value === 'city' &&
          d.kind === 'municipality' &&
          p.coordsOwn &&
          normalizeName(p.name?.value ?? '') === normalizeName(d.en),
      )?.id ??
      `cn-${slugify(d.en)}`;
    let p = places.get(id);
    if (!p) {
      p = newPlace(id, null);
      places.set(id, p);
      p.name = fact(d.en, cite('china'));
      p.kind = fact('region', cite('china'));
      p.country = fact('CN', cite('china'));
      p.countryHow = 'table';
      p.parent = fact('CN', cite('china'));
    }
    // the province-level division's name as GB/T 2260 writes it
    p.names.set('zh', fact(d.zh, cite('china')));
    if (!p.names.has('en')) p.names.set('en', fact(d.en, cite('china')));
    for (const n of [d.en, ...d.aliases]) {
      byName.set(`CN:${normalizeName(n)}`, id);
      const slug = `cn-${slugify(n)}`;
      if (slug !== id && !places.has(slug)) redirects.push([slug, id, 'another spelling of the same region']);
    }
  }

  for (const p of sorted) {
    if (!p.country) continue;
    if (p.kind?.value === 'country') continue;
    const admin1 = p.admin1;
    if (!admin1 || p.kind?.value === 'region') {
      p.parent = fact(p.country.value, p.country.source);
      continue;
    }
    const cc = p.country.value;
    const k = `${cc}:${normalizeName(admin1.value)}`;
    let id = byName.get(k);
    if (!id && cc === 'CN') {
      const d = chinaKey.get(normalizeName(admin1.value));
      if (d) id = byName.get(`CN:${normalizeName(d.en)}`);
    }
    if (!id) {
      id = `${cc.toLowerCase()}-${slugify(admin1.value) || 'region'}`;
      if (!places.has(id)) {
        const r = newPlace(id, null);
        r.name = fact(admin1.value, admin1.source);
        r.kind = fact('region', admin1.source);
        r.country = fact(cc, admin1.source);
        r.countryHow = 'item';
        r.parent = fact(cc, admin1.source);
        places.set(id, r);
      }
      byName.set(k, id);
    }
    if (id !== p.id) p.parent = fact(id, admin1.source);
    else p.parent = fact(cc, p.country.source);
  }
  return redirects;
}
