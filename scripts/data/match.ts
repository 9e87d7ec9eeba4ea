// Rules that give a place a country (and coordinates) from another source, each measured blind before use: it
// is run on places whose country and coordinates some other source already gives, as if they were unknown, and
// kept only if at least MIN_PRECISION of its answers there are right.
import { normalizeName } from '../../src/domain/names.js';
import { distanceKm } from './geo.js';
import type { CountryShapes } from './geo.js';
import type { GeoName, GeoNameIndex } from './geonames.js';
import { fact, type Disagreement, type PlaceRec } from './model.js';
import { cite } from './sources.js';

export const MIN_PRECISION = 0.98;
/** Fewer test answers than this and a rule's precision is not trusted. */
export const MIN_SAMPLE = 30;
/** A matched point this close to the known one, in the known country, counts as right. */
export const RIGHT_WITHIN_KM = 25;

export interface RuleFigures {
  rule: string;
  description: string;
  /** places the rule decided in the shipped data */
  matched: number;
  /** test places it answered, and how many of those answers were right */
  sample: number;
  right: number;
  precision: number | null;
  used: boolean;
}

function figures(rule: string, description: string, sample: number, right: number): RuleFigures {
  const precision = sample ? Math.round((right / sample) * 10000) / 10000 : null;
  return {
    rule,
    description,
    matched: 0,
    sample,
    right,
    precision,
    used: precision !== null && sample >= MIN_SAMPLE && precision >= MIN_PRECISION,
  };
}

// ---- country from coordinates ----

/** Country of a point, from the Natural Earth 1:50m borders; measured on places whose country a source gives. */
export function countriesFromCoordinates(
  places: PlaceRec[],
  shapes: CountryShapes,
  disagreements: Disagreement[],
): RuleFigures[] {
  const at = new Map<string, string | null>();
  const where = (p: PlaceRec) => {
    if (!at.has(p.id)) at.set(p.id, p.coords ? shapes.countryAt(p.coords.value[0], p.coords.value[1]) : null);
    return at.get(p.id) ?? null;
  };
  const known = places.filter((p) => p.countryHow === 'item' && p.coords && p.coordsOwn);
  let sample = 0;
  let right = 0;
  let wdSample = 0;
  let wdRight = 0;
  for (const p of known) {
    const c = where(p);
    const country = p.country?.value;
    if (c) {
      sample++;
      if (c === country) right++;
    }
    if (p.wdCountry) {
      wdSample++;
      if (p.wdCountry === country) wdRight++;
    }
  }
  const polygon = figures(
    'point-in-country',
    'the country whose Natural Earth 1:50m shape (world-atlas) contains the place’s own coordinates',
    sample,
    right,
  );
  const coarse = figures(
    'wikidata-2026-country',
    'the 2026 extract’s country code (drawn from coarse borders), where the point lies in no 1:50m shape',
    wdSample,
    wdRight,
  );
  for (const p of places) {
    const c = where(p);
    if (p.country) {
      // A source's own country wins; a different answer from the borders or the 2026 extract is recorded.
      if (c && c !== p.country.value && p.coords)
        disagreements.push([p.id, 'country', p.country.value, p.country.source, c, cite('atlas')]);
      else if (p.wdCountry && p.wdCountry !== p.country.value)
        disagreements.push([p.id, 'country', p.country.value, p.country.source, p.wdCountry, cite('wd2026')]);
      continue;
    }
    if (c && polygon.used) {
      p.country = fact(c, cite('atlas'));
      p.countryHow = 'coordinates';
      polygon.matched++;
      if (p.wdCountry && p.wdCountry !== c)
        disagreements.push([p.id, 'country', c, cite('atlas'), p.wdCountry, cite('wd2026')]);
    } else if (p.wdCountry && coarse.used) {
      p.country = fact(p.wdCountry, cite('wd2026'));
      p.countryHow = 'wd2026';
      coarse.matched++;
    }
  }
  return [polygon, coarse];
}

// ---- GeoNames by name ----

interface NameRule {
  rule: string;
  description: string;
  pick(any: GeoName[], main: GeoName[], listed: Set<string>): GeoName | null;
}

const byPopulation = (a: GeoName, b: GeoName) => b.population - a.population || a.id - b.id;

/** How many times larger than every namesake a place must be to be taken as the one meant. */
export const DOMINANCE = 10;

const NAME_RULES: NameRule[] = [
  {
    rule: 'unique-name',
    description:
      'exactly one GeoNames place (500+ people) has the label as its name or an alternate name, and Wikipedia’s lists of twin towns do not give the label another country beside one of its partners',
    pick: (any, _main, listed) => {
      const g = any.length === 1 ? any[0] : undefined;
      return g && (listed.size === 0 || listed.has(g.country)) ? g : null;
    },
  },
  {
    rule: 'partner-list-unique',
    description:
      'the one GeoNames place with the label as any name in the country that Wikipedia’s lists of twin towns give for the label beside one of its partners (the lists are a cross-check only: every value shipped is GeoNames’)',
    pick(any, _main, listed) {
      if (listed.size !== 1) return null;
      const inCountry = any.filter((g) => listed.has(g.country));
      return inCountry.length === 1 ? (inCountry[0] ?? null) : null;
    },
  },
  {
    rule: 'partner-list-dominant',
    description: `as partner-list-unique, with several namesakes in that country: the largest, at least ${DOMINANCE}× as populous as each other`,
    pick(any, _main, listed) {
      if (listed.size !== 1) return null;
      const [top, ...others] = any.filter((g) => listed.has(g.country)).sort(byPopulation);
      if (!top || top.population <= 0) return null;
      return others.every((g) => top.population >= DOMINANCE * g.population) ? top : null;
    },
  },
  {
    rule: 'dominant-main-name',
    description: `the largest place whose main name is the label, at least ${DOMINANCE}× as populous as every other place with the label as any name`,
    pick(any, main) {
      const top = [...main].sort(byPopulation)[0];
      if (!top || top.population <= 0) return null;
      const others = any.filter((g) => g !== top);
      return others.every((g) => top.population >= DOMINANCE * g.population) ? top : null;
    },
  },
  {
    rule: 'dominant-any-name',
    description: `the largest place with the label as any name, at least ${DOMINANCE}× as populous as every other`,
    pick(any) {
      const [top, ...others] = [...any].sort(byPopulation);
      if (!top || top.population <= 0) return null;
      return others.every((g) => top.population >= DOMINANCE * g.population) ? top : null;
    },
  },
];

function candidates(gn: GeoNameIndex, label: string): [GeoName[], GeoName[]] {
  const k = normalizeName(label);
  return [gn.any.get(k) ?? [], gn.main.get(k) ?? []];
}

export interface NameMatch {
  place: PlaceRec;
  geoname: GeoName;
  rule: string;
}

/**
 * Places with neither a country nor coordinates get both from the GeoNames place their 2016 label names, by the
 * first rule (in order) that answers. Each rule is measured on the places whose country and coordinates another
 * source gives, with the same order, so a rule is judged on exactly the places it would decide.
 */
export function matchByName(
  places: PlaceRec[],
  gn: GeoNameIndex,
  listedCountries: (p: PlaceRec) => Set<string>,
): { figures: RuleFigures[]; matches: NameMatch[] } {
  const test = places.filter(
    (p) => p.label2016 && p.coords && p.coordsOwn && (p.countryHow === 'item' || p.countryHow === 'coordinates'),
  );
  const stats = NAME_RULES.map(() => ({ sample: 0, right: 0 }));
  for (const p of test) {
    const [any, main] = candidates(gn, p.label2016 as string);
    const listed = listedCountries(p);
    for (const [i, r] of NAME_RULES.entries()) {
      const g = r.pick(any, main, listed);
      if (!g) continue;
      const s = stats[i] as { sample: number; right: number };
      s.sample++;
      if (g.country === p.country?.value && distanceKm([g.lat, g.lon], p.coords!.value) <= RIGHT_WITHIN_KM)
        s.right++;
      break;
    }
  }
  const figs = NAME_RULES.map((r, i) => figures(r.rule, r.description, stats[i]!.sample, stats[i]!.right));
  const matches: NameMatch[] = [];
  for (const p of places) {
    if (p.country || p.coords || !p.label2016) continue;
    const [any, main] = candidates(gn, p.label2016);
    const listed = listedCountries(p);
    for (const [i, r] of NAME_RULES.entries()) {
      const g = r.pick(any, main, listed);
      if (!g) continue;
      // a rule that failed its test still claims its places, so later rules do not take them by a weaker test
      const f = figs[i] as RuleFigures;
      if (f.used) {
        f.matched++;
        matches.push({ place: p, geoname: g, rule: r.rule });
      }
      break;
    }
  }
  return { figures: figs, matches };
}

/**
 * Places with their own coordinates but no GeoNames id: the GeoNames place within NEAR_KM that bears one of the
 * place's names. Measured against the GeoNames ids Natural Earth gives.
 */
export const NEAR_KM = 10;
export function matchNearby(places: PlaceRec[], gn: GeoNameIndex): { figures: RuleFigures; matches: NameMatch[] } {
  const pick = (p: PlaceRec): GeoName | null => {
    const seen = new Set<GeoName>();
    const labels = [p.name?.value, p.label2016, ...[...p.names.values()].map((n) => n.value)];
    for (const l of labels) if (l) for (const g of candidates(gn, l)[0]) seen.add(g);
    const near = [...seen]
      .map((g) => [g, distanceKm([g.lat, g.lon], p.coords!.value)] as const)
      .filter(([, d]) => d <= NEAR_KM)
      .sort((a, b) => a[1] - b[1] || byPopulation(a[0], b[0]));
    // two namesakes nearby (a town and its station, a city and a quarter): take none
    if (near.length !== 1) return null;
    return near[0]![0];
  };
  let sample = 0;
  let right = 0;
  for (const p of places) {
    if (!p.coords || !p.coordsOwn || !p.geonames || p.geonames.source !== cite('ne')) continue;
    if (!gn.byId.has(p.geonames.value)) continue;
    const g = pick(p);
    if (!g) continue;
    sample++;
    if (g.id === p.geonames.value) right++;
  }
  const f = figures(
    'name-and-coordinates',
    `the one GeoNames place within ${NEAR_KM} km of the place’s own coordinates that bears one of its names (right = the GeoNames id Natural Earth gives)`,
    sample,
    right,
  );
  const matches: NameMatch[] = [];
  if (f.used)
    for (const p of places) {
      if (!p.coords || !p.coordsOwn || p.geonames) continue;
      const g = pick(p);
      if (!g) continue;
      f.matched++;
      matches.push({ place: p, geoname: g, rule: f.rule });
    }
  return { figures: f, matches };
}
