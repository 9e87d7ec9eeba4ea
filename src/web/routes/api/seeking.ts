import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../../context.js';
import { CONTINENTS } from '../../../domain/countries.js';
import { PLACE_KINDS } from '../../../domain/places.js';
import { SEEKING_FIELDS } from '../../../domain/seeking.js';
import { LANGS, localName } from '../../i18n/index.js';
import { CountryCode, enumOf } from '../../schemas.js';
import { href } from '../../views/layout.js';
import { placePath } from '../../views/links.js';
import { seekingFilters } from '../seeking.js';
import { errors, withExample } from './common.js';

const Listing = Type.Object({
  id: Type.Integer(),
  place: Type.Object(
    {
      id: Type.String(),
      name: Type.String(),
      label: Type.String({ description: 'the name in the asked language where known' }),
      kind: enumOf(PLACE_KINDS),
      country: Type.Union([Type.String(), Type.Null()]),
      continent: Type.Union([enumOf(CONTINENTS), Type.Null()]),
      url: Type.String(),
    },
    { description: 'the place that seeks partners: the home of the organization publishing the listing' },
  ),
  org: Type.Object({ slug: Type.String(), name: Type.String(), url: Type.String() }),
  countries: Type.Array(Type.String(), {
    description: 'countries wanted (ISO codes); none and no continents: anywhere',
  }),
  continents: Type.Array(enumOf(CONTINENTS), { description: 'continents wanted' }),
  fields: Type.Array(enumOf(SEEKING_FIELDS)),
  note: Type.String(),
  updatedAt: Type.String({ description: 'when it was last published or changed (ISO timestamp)' }),
  contact: Type.Union([Type.Object({ name: Type.String(), email: Type.String() }), Type.Null()], {
    description: 'whom to write to; null unless the request is made signed in (with the session cookie)',
  }),
});

const EXAMPLE = {
  items: [
    {
      id: 3,
      place: {
        id: 'Q74957',
        name: 'Anshan',
        label: 'Anshan',
        kind: 'city',
        country: 'CN',
        continent: 'AS',
        url: '/places/Q74957/anshan',
      },
      org: { slug: 'anshan-sister-cities', name: 'Anshan Sister Cities', url: '/orgs/anshan-sister-cities' },
      countries: ['DE', 'FR'],
      continents: ['EU'],
      fields: ['education', 'trade'],
      note: 'A steel city looking for partners in vocational training.',
      updatedAt: '2026-11-30T09:12:00.000Z',
      contact: null,
    },
  ],
};

/** "Seeking partners" listings: the open ones, filtered as /seeking filters them. */
export function seekingApi(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/seeking',
      {
        config: { cache: true },
        schema: {
          tags: ['matching'],
          summary: '"Seeking partners" listings',
          description:
            'The open listings of program offices looking for new partners, newest first: the place (the ' +
            "organization's home), the countries and continents wanted, the fields, a note. The contact is given " +
            'only to requests made signed in (with the session cookie); anonymous answers carry `contact: null`. ' +
            'Filters: `country` and `continent` of the place, `field`, `kind` of the place. Example: ' +
            '`/api/seeking?continent=AS&field=education`.',
          querystring: Type.Object({
            country: Type.Optional({ ...CountryCode, examples: ['CN'] }),
            continent: Type.Optional(enumOf(CONTINENTS, "Continent of the listing's place")),
            field: Type.Optional(enumOf(SEEKING_FIELDS, 'Only listings naming this field')),
            kind: Type.Optional(enumOf(PLACE_KINDS, "Kind of the listing's place")),
            lang: Type.Optional(enumOf(LANGS, 'Language of labels and addresses')),
          }),
          response: { 200: withExample(Type.Object({ items: Type.Array(Listing) }), EXAMPLE), ...errors },
        },
      },
      async (req) => {
        const lang = req.query.lang ?? 'en';
        const items = await ctx.seeking.list(seekingFilters(req.query), req.actor !== null);
        return {
          items: items.map((l) => ({
            id: l.id,
            place: {
              id: l.place.id,
              name: l.place.name,
              label: localName(l.place, lang),
              kind: l.place.kind,
              country: l.place.country,
              continent: l.continent,
              url: href(placePath(l.place), lang),
            },
            org: { ...l.org, url: href(`/orgs/${l.org.slug}`, lang) },
            countries: l.countries,
            continents: l.continents,
            fields: l.fields,
            note: l.note,
            updatedAt: l.updatedAt,
            contact: l.contact,
          })),
        };
      },
    );
  };
}
