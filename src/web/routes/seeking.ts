import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { CONTINENTS, isCountryCode, type Continent } from '../../domain/countries.js';
import { ValidationError } from '../../domain/errors.js';
import { PLACE_KINDS, type PlaceKind } from '../../domain/places.js';
import { SEEKING_FIELDS, isSeekingField } from '../../domain/seeking.js';
import type { ListingForm, SeekingFilters } from '../../services/seeking.js';
import type { App } from '../app.js';
import { mustSignIn, requireActor } from '../auth.js';
import { CACHED, FormBody, LongText, PageQuery, Slug, Text, sendHtml, sentField } from '../kit.js';
import { viewOf } from '../views/context.js';
import { href } from '../views/layout.js';
import { listingEditorPage, seekingPage, type SeekingPageQuery } from '../views/seeking.js';

/** The filters of /seeking and /api/seeking from their query; ValidationError (400) on anything unknown. */
export function seekingFilters(q: SeekingPageQuery): SeekingFilters {
  const text = (v: string | undefined) => v?.trim() || undefined;
  const country = text(q.country)?.toUpperCase();
  if (country && !isCountryCode(country))
    throw new ValidationError(`country: "${q.country}" is not an ISO 3166 country code such as DE.`);
  const continent = text(q.continent)?.toUpperCase();
  if (continent && !(CONTINENTS as readonly string[]).includes(continent))
    throw new ValidationError(`continent: one of ${CONTINENTS.join(', ')}.`);
  const field = text(q.field);
  if (field && !isSeekingField(field))
    throw new ValidationError(`field: one of ${SEEKING_FIELDS.join(', ')}.`);
  const kind = text(q.kind);
  if (kind && !(PLACE_KINDS as readonly string[]).includes(kind))
    throw new ValidationError(`kind: one of ${PLACE_KINDS.join(', ')}.`);
  return {
    country,
    continent: continent as Continent | undefined,
    field: field && isSeekingField(field) ? field : undefined,
    kind: kind as PlaceKind | undefined,
  };
}

const SeekingQuery = PageQuery({
  country: Type.Optional(Text(20)),
  continent: Type.Optional(Text(20)),
  field: Type.Optional(Text(40)),
  kind: Type.Optional(Text(40)),
});
const SlugParams = Type.Object({ slug: Slug });
const EditorQuery = PageQuery({ done: Type.Optional(Text(20)) });
/** Several values of one field (checkboxes), or one. */
const Several = Type.Union([Text(40), Type.Array(Text(40), { maxItems: 50 })]);
const ListingBody = FormBody({
  countries: Text(400),
  continents: Several,
  fields: Several,
  note: LongText(5000),
  contactName: Text(500),
  contactEmail: Text(500),
});

const several = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];

/** A listing form's fields as sent (missing ones empty). */
function listingForm(body: unknown): ListingForm {
  const b = (body ?? {}) as Record<string, unknown>;
  return {
    countries: sentField(body, 'countries') ?? '',
    continents: several(b.continents),
    fields: several(b.fields),
    note: sentField(body, 'note') ?? '',
    contactName: sentField(body, 'contactName') ?? '',
    contactEmail: sentField(body, 'contactEmail') ?? '',
  };
}

/** /seeking (the open listings) and each organization's listing editor. */
export function seekingRoutes(app: App, ctx: AppContext): void {
  const { seeking } = ctx;
  const signedIn = { preHandler: mustSignIn };
  const slugOf = (req: FastifyRequest) => (req.params as { slug: string }).slug;
  const done = (req: FastifyRequest, reply: FastifyReply, what: string) =>
    reply.redirect(href(`/orgs/${slugOf(req)}/seeking`, req.lang, { done: what }), 303);

  // shared in the response cache for anonymous readers: the contacts are only rendered for a signed-in
  // reader, whose pages never enter that cache (hasSessionCookie)
  app.get('/seeking', { ...CACHED, schema: { querystring: SeekingQuery } }, async (req, reply) => {
    const items = await seeking.list(seekingFilters(req.query), req.actor !== null);
    return sendHtml(reply, seekingPage(viewOf(req, reply), items, req.query));
  });

  app.get(
    '/orgs/:slug/seeking',
    { ...signedIn, schema: { params: SlugParams, querystring: EditorQuery } },
    async (req, reply) => {
      const view = await seeking.editor(requireActor(req), req.params.slug);
      const d = req.query.done;
      return sendHtml(
        reply,
        listingEditorPage(viewOf(req, reply), view, {
          done: d === 'published' || d === 'withdrawn' ? d : undefined,
        }),
      );
    },
  );

  app.post(
    '/orgs/:slug/seeking',
    {
      ...signedIn,
      schema: { params: SlugParams, body: ListingBody },
      config: {
        form: async (req, reply, problems) => {
          const view = await seeking.editor(requireActor(req), slugOf(req));
          return listingEditorPage(viewOf(req, reply), view, { values: listingForm(req.body), problems });
        },
      },
    },
    async (req, reply) => {
      await seeking.publish(requireActor(req), req.params.slug, listingForm(req.body));
      return done(req, reply, 'published');
    },
  );

  app.post(
    '/orgs/:slug/seeking/withdraw',
    { ...signedIn, schema: { params: SlugParams } },
    async (req, reply) => {
      await seeking.withdraw(requireActor(req), req.params.slug);
      return done(req, reply, 'withdrawn');
    },
  );
}
