import { Type, type Static } from 'typebox';
import { CONTINENTS } from '../domain/countries.js';
import { PLACE_KINDS } from '../domain/places.js';
import { LISTED_BY, TWINNING_KINDS, TWINNING_STATUSES } from '../domain/twinnings.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
export const enumOf = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

export const PlaceId = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$',
  description: 'Place id',
  examples: ['Q1490'],
});
export const CountryCode = Type.String({
  pattern: '^[A-Za-z]{2}$',
  description: 'ISO 3166-1 alpha-2 country code',
});

export const PlaceSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: enumOf(PLACE_KINDS),
  country: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  population: Nullable(Type.Integer()),
  names: Type.Record(Type.String(), Type.String(), { description: 'Names by language (BCP 47)' }),
  ties: Type.Integer({ description: 'Number of twinnings' }),
});

/** Where a fact comes from: a URL or a citation, and the fact it backs (null: the record as a whole). */
const Source = Type.Object({
  fact: Nullable(Type.String()),
  url: Nullable(Type.String()),
  citation: Nullable(Type.String()),
});

export const PlaceDetail = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: enumOf(PLACE_KINDS),
  country: Nullable(Type.String()),
  continent: Nullable(enumOf(CONTINENTS, 'UN M49 continent of the country')),
  parent: Nullable(Type.String()),
  ancestors: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), kind: enumOf(PLACE_KINDS) }), {
    description: 'Parent first, up to the country',
  }),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  population: Nullable(Type.Integer()),
  populationYear: Nullable(Type.Integer()),
  timezone: Nullable(
    Type.String({ description: "IANA time zone: the place's own, else from its location or country" }),
  ),
  languages: Type.Array(Type.String(), { description: "ISO 639 codes: the place's own, else its country's" }),
  currency: Nullable(Type.String({ description: "ISO 4217: the place's own, else its country's" })),
  leader: Nullable(
    Type.Object({
      title: Nullable(Type.String()),
      name: Nullable(Type.String()),
      since: Nullable(Type.String()),
    }),
  ),
  wikidata: Nullable(Type.String()),
  geonames: Nullable(Type.Integer()),
  names: Type.Record(Type.String(), Type.String()),
  sources: Type.Array(Source, { description: 'Where the facts come from, each with the fact it backs' }),
  ties: Type.Integer(),
  updatedAt: Type.String(),
});

const TwinningFields = {
  id: Type.Integer(),
  kind: enumOf(TWINNING_KINDS),
  signed: Nullable(Type.String({ description: 'YYYY, YYYY-MM or YYYY-MM-DD, as precise as known' })),
  ended: Nullable(Type.String()),
  status: enumOf(TWINNING_STATUSES),
  listedBy: Nullable(enumOf(LISTED_BY, 'Which side lists the tie: both, a or b')),
  notes: Nullable(Type.String()),
  sources: Type.Array(Source),
};

export const Twinning = Type.Object({ a: Type.String(), b: Type.String(), ...TwinningFields });

export const PartnerTwinning = Type.Object({
  ...TwinningFields,
  listedByPartner: Nullable(
    Type.Boolean({ description: 'Whether the partner lists the tie; null if unknown' }),
  ),
  listedByPlace: Nullable(Type.Boolean({ description: 'Whether this place lists the tie; null if unknown' })),
  partner: Type.Object({
    id: Type.String(),
    name: Type.String(),
    kind: enumOf(PLACE_KINDS),
    country: Nullable(Type.String()),
    lat: Nullable(Type.Number()),
    lon: Nullable(Type.Number()),
    population: Nullable(Type.Integer()),
  }),
});

export const Page = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    next: Nullable(Type.String({ description: 'Cursor for the next page; null on the last page' })),
  });

export const ErrorBody = Type.Object({
  error: Type.String(),
  message: Type.String(),
  problems: Type.Optional(
    Type.Array(
      Type.Object({
        file: Type.Optional(Type.String()),
        line: Type.Optional(Type.Integer()),
        record: Type.Optional(Type.String()),
        column: Type.Optional(Type.String()),
        message: Type.String(),
      }),
    ),
  ),
});

export const Limit = Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Items per page' });
export const Cursor = Type.String({ maxLength: 64, description: 'The `next` value of the previous page' });

export type PlaceDetailJson = Static<typeof PlaceDetail>;
export type PlaceSummaryJson = Static<typeof PlaceSummary>;

const Counts = Type.Record(Type.String(), Type.Integer());

export const StatsBody = Type.Object({
  place: Type.Object({ id: Type.String(), name: Type.String(), kind: enumOf(PLACE_KINDS) }),
  total: Type.Integer({ description: 'Ties counted' }),
  countries: Type.Integer({ description: 'Distinct partner countries' }),
  byLevel: Type.Record(Type.String(), Type.Integer(), { description: 'By kind of the local side' }),
  byContinent: Type.Record(Type.String(), Type.Integer(), {
    description: 'By UN M49 continent of the partner',
  }),
  byCountry: Counts,
  byYear: Type.Array(Type.Object({ year: Type.Integer(), new: Type.Integer(), cumulative: Type.Integer() })),
  unknownYear: Type.Integer(),
  unknownCountry: Type.Integer(),
  firstYear: Nullable(Type.Integer()),
  since: Type.Optional(Type.String()),
  sinceCount: Type.Optional(Type.Integer()),
  asOf: Type.Optional(Type.String()),
  excludedUndated: Type.Optional(
    Type.Integer({ description: 'With asOf: ties without a known date, left out' }),
  ),
  text: Type.String({ description: 'The figures as a paragraph' }),
  lang: Type.String(),
  dataDate: Nullable(
    Type.Object(
      {
        date: Type.String({ description: 'YYYY-MM-DD' }),
        kind: Type.Union([Type.Literal('sync'), Type.Literal('snapshot')], {
          description:
            "'sync': last brought up to date from Wikidata; 'snapshot': the imported dataset's date",
        }),
      },
      { description: 'The date the data describes; null when nothing says' },
    ),
  ),
});

export const PlaceRef = Type.Object({
  id: Type.String(),
  name: Type.String(),
  nameZh: Nullable(Type.String({ description: 'Simplified Chinese name, where known' })),
  names: Type.Record(Type.String(), Type.String(), {
    description: 'Names in other languages where a source has them (language code → name: zh, ja, ko)',
  }),
  kind: Type.String(),
  country: Nullable(Type.String()),
  ties: Type.Integer({ description: 'Ties in force (not ended or proposed)' }),
});
