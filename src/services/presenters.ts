// How places and ties read outside the program — in the JSON API and in exports — written once. The API speaks
// camelCase (`listedBy`), the interchange format the column names (`listed_by`): the same facts either way.
import { formatPartialDate } from '../domain/dates.js';
import type { Place } from '../domain/places.js';
import type { Twinning } from '../domain/twinnings.js';

/** A tie's own facts: kind, dates as precise as known (YYYY, YYYY-MM or YYYY-MM-DD), status, sources. */
export function tieFacts(t: Twinning) {
  return {
    kind: t.kind,
    signed: t.signed ? formatPartialDate(t.signed) : null,
    ended: t.ended ? formatPartialDate(t.ended) : null,
    status: t.status,
    listedBy: t.listedBy,
    notes: t.notes,
    sources: t.sources,
  };
}

/** A place's own facts, as stored (not the time zone, languages and currency it takes from its country). */
export function placeFacts(p: Place) {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    country: p.country,
    parent: p.parent,
    lat: p.lat,
    lon: p.lon,
    population: p.population,
    populationYear: p.populationYear,
    wikidata: p.wikidata,
    geonames: p.geonames,
    names: p.names,
    timezone: p.timezone,
    languages: p.languages,
    currency: p.currency,
    leaderTitle: p.leaderTitle,
    leaderName: p.leaderName,
    leaderSince: p.leaderSince ? formatPartialDate(p.leaderSince) : null,
    sources: p.sources,
  };
}

/** The same facts under the interchange format's column names (`populationYear` → `population_year`). */
export function asColumns(facts: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(facts).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]),
  );
}
