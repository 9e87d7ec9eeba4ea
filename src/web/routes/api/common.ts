import type { Static, TSchema } from 'typebox';
import { Type } from 'typebox';
import { ValidationError } from '../../../domain/errors.js';
import { isCountryCode } from '../../../domain/countries.js';
import type { Twinning } from '../../../domain/twinnings.js';
import type { PlaceDetail } from '../../../services/places.js';
import { placeFacts, tieFacts } from '../../../services/presenters.js';
import type { CompactHit } from '../../../store/places-repo.js';
import { ErrorBody } from '../../schemas.js';
import { EXAMPLES } from './examples.js';

// What the API's route modules share: paging with opaque cursors, the error answers, and how a place and a
// tie read in JSON (from the presenters the exports use too).

const errorAnswer = (description: string, example: object) =>
  Type.Object(ErrorBody.properties, { description, examples: [example] });

/** The error answers every route can give: a wrong parameter, the database away for a moment. */
export const errors = {
  400: errorAnswer('A parameter is missing, malformed or out of range', EXAMPLES.badRequest),
  503: errorAnswer(
    'The database cannot be reached just now; `Retry-After` says when to ask again',
    EXAMPLES.unavailable,
  ),
};

/** The error answers of a route about one place (or two): those of every route, and an unknown place. */
export const placeErrors = {
  ...errors,
  404: errorAnswer(
    'There is no such place (nor was one merged into another under this id)',
    EXAMPLES.notFound,
  ),
};

/** A response schema with its example, which the OpenAPI document shows. */
export const withExample = <S extends TSchema>(schema: S, example: unknown): S => ({
  ...schema,
  examples: [example],
});

/** Cursors are opaque to clients; inside they hold the offset of the next page. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m)
    throw new ValidationError('The cursor is not one this API gave out; pass the `next` value of a page.');
  return Number(m[1]);
}

/** Fetches one more than asked, to know whether there is a next page without counting. */
export async function paged<T>(
  limit: number,
  cursor: string | undefined,
  fetch: (limit: number, offset: number) => Promise<T[]>,
) {
  const offset = decodeCursor(cursor);
  const rows = await fetch(limit + 1, offset);
  return { items: rows.slice(0, limit), next: rows.length > limit ? encodeCursor(offset + limit) : null };
}

/** An ISO country code from a query, upper-cased; a ValidationError when it is none. */
export function country(code: string | undefined): string | undefined {
  if (!code) return undefined;
  const c = code.toUpperCase();
  if (!isCountryCode(c))
    throw new ValidationError(`country "${code}" is not an ISO 3166-1 alpha-2 code such as CN`);
  return c;
}

export const DateParam = (description: string) =>
  Type.String({ description: `${description}: YYYY, YYYY-MM or YYYY-MM-DD`, maxLength: 10 });

export function summaryJson({ place, ties }: CompactHit) {
  return {
    id: place.id,
    name: place.name,
    kind: place.kind,
    country: place.country,
    lat: place.lat,
    lon: place.lon,
    population: place.population,
    names: place.names,
    ties,
  };
}

/** A place with the facts it takes from its location and country (time zone, languages, currency). */
export function detailJson(d: PlaceDetail) {
  const f = placeFacts(d.place);
  return {
    id: f.id,
    name: f.name,
    kind: f.kind,
    country: f.country,
    continent: d.facts.continent,
    parent: f.parent,
    ancestors: d.ancestors.map((a) => ({ id: a.id, name: a.name, kind: a.kind })),
    lat: f.lat,
    lon: f.lon,
    population: f.population,
    populationYear: f.populationYear,
    timezone: d.facts.timezone,
    languages: d.facts.languages,
    currency: d.facts.currency,
    leader:
      f.leaderName || f.leaderTitle
        ? { title: f.leaderTitle, name: f.leaderName, since: f.leaderSince }
        : null,
    wikidata: f.wikidata,
    geonames: f.geonames,
    names: f.names,
    sources: f.sources,
    ties: d.ties,
    updatedAt: d.place.updatedAt,
  };
}

export function twinningJson(t: Twinning) {
  return { id: t.id, ...tieFacts(t) };
}

export type Query<S extends TSchema> = Static<S>;
