// What every language's paragraph writer shares: the input, and the grouping of figures.
import type { PlaceKind } from '../places.js';
import type { Stats } from '../stats.js';

export interface StatsTextInput {
  placeName: string;
  /** the place's ISO code when it is itself a country, for languages that put an article before its name */
  placeCountry?: string;
  stats: Stats;
  /** country code → name in the language of the text */
  countryName: (code: string) => string;
  /** how many countries to name; the rest are left out */
  maxCountries?: number;
}

export type ParagraphWriter = (input: StatsTextInput) => string;

export const LEVEL_ORDER: PlaceKind[] = ['country', 'region', 'city', 'district', 'other'];

/** Groups entries with equal counts, keeping the order: [[10, [JP]], [5, [DE, AU, IT]]]. */
export function groupByCount<K>(entries: [K, number][]): [number, K[]][] {
  const groups: [number, K[]][] = [];
  for (const [k, n] of entries) {
    const last = groups[groups.length - 1];
    if (last && last[0] === n) last[1].push(k);
    else groups.push([n, [k]]);
  }
  return groups;
}

/** The largest counts, in whole groups of equal counts, as many as fit in `max` names (at least one group). */
export function topGroups(counts: Record<string, number>, max: number): [number, string[]][] {
  const out: [number, string[]][] = [];
  let names = 0;
  for (const g of groupByCount(Object.entries(counts))) {
    if (out.length && names + g[1].length > max) break;
    out.push(g);
    names += g[1].length;
  }
  return out;
}

const longDays = new Map<string, (iso: string) => string>();

/**
 * A day (ISO date) as the language writes it in full: "November 5, 1996", "1996年11月5日". The formatter is
 * made once per language: building one costs more than writing the whole paragraph.
 */
export function longDay(locale: string): (iso: string) => string {
  let day = longDays.get(locale);
  if (!day) {
    const f = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    day = (iso) => f.format(new Date(`${iso}T00:00:00Z`));
    longDays.set(locale, day);
  }
  return day;
}
