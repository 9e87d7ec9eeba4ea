// Statistics of a place's twinnings, counted the way program offices publish them: over the ties whose local
// side is the place or anything under it and whose partner lies outside, each tie once.
import { continentOf, type Continent } from './countries.js';
import { partialDateEnd, type PartialDate } from './dates.js';
import type { PlaceKind } from './places.js';
import type { TwinningKind, TwinningStatus } from './twinnings.js';

/** A tie as seen from the subtree: its local side inside, its partner outside. */
export interface StatTie {
  id: number;
  kind: TwinningKind;
  status: TwinningStatus;
  signed: PartialDate | null;
  ended: PartialDate | null;
  localId: string;
  localKind: PlaceKind;
  localCountry: string | null;
  partnerId: string;
  partnerCountry: string | null;
}

export interface StatsOptions {
  /** ISO date: also count the ties signed on or after it (sinceCount) */
  since?: string | undefined;
  /** ISO date: the picture on that day — ties certainly signed by then and not yet ended */
  asOf?: string | undefined;
  kind?: TwinningKind | undefined;
  /** which statuses count; default: active (or, with asOf, every status but proposed) */
  status?: TwinningStatus[] | undefined;
  /** true: only ties with a partner in another country; false: only domestic ones */
  international?: boolean | undefined;
  continents?: Record<string, Continent>;
}

export interface YearCount {
  year: number;
  new: number;
  cumulative: number;
}

export interface Stats {
  total: number;
  /** distinct partner countries */
  countries: number;
  /** by kind of the local side: { region: 21, city: 74 } */
  byLevel: Partial<Record<PlaceKind, number>>;
  byContinent: Partial<Record<Continent, number>>;
  byCountry: Record<string, number>;
  byYear: YearCount[];
  /** counted ties whose signing year is not known */
  unknownYear: number;
  /** counted ties whose partner has no known country */
  unknownCountry: number;
  firstYear: number | null;
  since?: string;
  sinceCount?: number;
  asOf?: string;
  /** with asOf: ties left out because their signing date is not known */
  excludedUndated?: number;
}

function inForceOn(t: StatTie, day: string): boolean | null {
  if (!t.signed) return null;
  // "1996" may mean any day of 1996: only a tie certainly signed by then counts.
  if (partialDateEnd(t.signed) > day) return false;
  if (t.ended) return t.ended.date > day;
  // Ended, but when is not known: it cannot be said to be in force then.
  return t.status !== 'ended';
}

export function computeStats(ties: StatTie[], opts: StatsOptions = {}): Stats {
  const statuses = new Set<TwinningStatus>(
    opts.status ?? (opts.asOf ? ['active', 'dormant', 'suspended', 'ended'] : ['active']),
  );
  const seen = new Set<number>();
  let excludedUndated = 0;
  const counted: StatTie[] = [];
  for (const t of ties) {
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    if (!statuses.has(t.status)) continue;
    if (opts.kind && t.kind !== opts.kind) continue;
    if (opts.international !== undefined) {
      if (!t.localCountry || !t.partnerCountry) continue;
      if ((t.localCountry !== t.partnerCountry) !== opts.international) continue;
    }
    if (opts.asOf) {
      const inForce = inForceOn(t, opts.asOf);
      if (inForce === null) excludedUndated++;
      if (!inForce) continue;
    }
    counted.push(t);
  }

  const byLevel: Partial<Record<PlaceKind, number>> = {};
  const byContinent: Partial<Record<Continent, number>> = {};
  const byCountry: Record<string, number> = {};
  const newByYear = new Map<number, number>();
  let unknownYear = 0;
  let unknownCountry = 0;
  for (const t of counted) {
    byLevel[t.localKind] = (byLevel[t.localKind] ?? 0) + 1;
    if (t.partnerCountry) {
      byCountry[t.partnerCountry] = (byCountry[t.partnerCountry] ?? 0) + 1;
      const c = continentOf(t.partnerCountry, opts.continents);
      if (c) byContinent[c] = (byContinent[c] ?? 0) + 1;
    } else unknownCountry++;
    if (t.signed) {
      const y = Number(t.signed.date.slice(0, 4));
      newByYear.set(y, (newByYear.get(y) ?? 0) + 1);
    } else unknownYear++;
  }
  const years = [...newByYear.keys()].sort((a, b) => a - b);
  const byYear: YearCount[] = [];
  if (years.length) {
    let cumulative = 0;
    for (let y = years[0] as number; y <= (years[years.length - 1] as number); y++) {
      const n = newByYear.get(y) ?? 0;
      cumulative += n;
      byYear.push({ year: y, new: n, cumulative });
    }
  }
  const stats: Stats = {
    total: counted.length,
    countries: Object.keys(byCountry).length,
    byLevel,
    byContinent: sortRecord(byContinent),
    byCountry: sortRecord(byCountry) as Record<string, number>,
    byYear,
    unknownYear,
    unknownCountry,
    firstYear: years[0] ?? null,
  };
  if (opts.since) {
    stats.since = opts.since;
    stats.sinceCount = counted.filter((t) => t.signed && t.signed.date >= (opts.since as string)).length;
  }
  if (opts.asOf) {
    stats.asOf = opts.asOf;
    stats.excludedUndated = excludedUndated;
  }
  return stats;
}

/** Largest count first, then by key: the order figures are read out in. */
function sortRecord<K extends string>(r: Partial<Record<K, number>>): Partial<Record<K, number>> {
  return Object.fromEntries(
    (Object.entries(r) as [K, number][]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
  ) as Partial<Record<K, number>>;
}
