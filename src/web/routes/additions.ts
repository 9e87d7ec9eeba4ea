import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { PlaceDraft, TieDraft } from '../../services/additions.js';
import type { App } from '../app.js';
import { mustSignIn, requireActor } from '../auth.js';
import { FormBody, LongText, PageQuery, Text, sendHtml, sentField } from '../kit.js';
import { EMPTY_PLACE, EMPTY_TIE, addPlacePage, addTiePage, mergePage } from '../views/additions.js';
import { viewOf } from '../views/context.js';
import { editPath } from '../views/edit.js';
import { href } from '../views/layout.js';
import { placePath } from '../views/links.js';

const TieQuery = PageQuery({
  from: Type.Optional(Text(200)),
  partner: Type.Optional(Text(200)),
  added: Type.Optional(Text(100)),
});
const TieBody = FormBody({
  from: Text(200),
  partner: Text(200),
  kind: Text(20),
  signed: Text(20),
  ended: Text(20),
  status: Text(20),
  source: LongText(20_000),
  notes: LongText(5_000),
});
const PlaceQuery = PageQuery({ from: Type.Optional(Text(200)) });
const PlaceBody = FormBody({
  name: Text(200),
  country: Text(10),
  kind: Text(20),
  parent: Text(200),
  lat: Text(30),
  lon: Text(30),
  wikidata: Text(30),
  source: LongText(20_000),
  confirm: Text(5),
});
const MergeQuery = PageQuery({
  keep: Type.Optional(Text(200)),
  drop: Type.Optional(Text(200)),
  merged: Type.Optional(Text(100)),
});
const MergeBody = FormBody({ keep: Text(200), drop: Text(200), confirm: Text(100) });

/** A form's fields as text ('' for those not sent), in the shape of its draft. */
function draftOf<T extends object>(req: FastifyRequest, empty: T): T {
  const out: Record<string, string> = {};
  for (const k of Object.keys(empty)) out[k] = (sentField(req.body, k) ?? '').replace(/\r\n?/g, '\n');
  return out as T;
}

/**
 * Adding ties and places from the web (an organization's editors for their home, site admins any), the check
 * for likely duplicates, and the admin page that merges duplicate places.
 */
export function additionRoutes(app: App, ctx: AppContext): void {
  const { additions } = ctx;
  const signedIn = { preHandler: mustSignIn };

  app.get('/add/tie', { ...signedIn, schema: { querystring: TieQuery } }, async (req, reply) => {
    const { from, partner, added } = req.query;
    const view = await additions.tieForm(requireActor(req), from, partner, added);
    const v = viewOf(req, reply);
    return sendHtml(reply, addTiePage(v, view, view.added ? { added: view.added } : {}));
  });

  app.post(
    '/add/tie',
    {
      ...signedIn,
      schema: { body: TieBody },
      config: {
        form: async (req, reply, problems) => {
          const values = draftOf<TieDraft>(req, { ...EMPTY_TIE, kind: '', status: '' });
          const view = await additions.tieForm(requireActor(req), values.from);
          return addTiePage(viewOf(req, reply), view, { values, problems });
        },
      },
    },
    async (req, reply) => {
      const draft = draftOf<TieDraft>(req, { ...EMPTY_TIE, kind: '', status: '' });
      const id = await additions.addTie(requireActor(req), draft);
      return reply.redirect(href(editPath('twinning', String(id)), req.lang, { done: 'added' }), 303);
    },
  );

  app.get('/add/place', { ...signedIn, schema: { querystring: PlaceQuery } }, async (req, reply) => {
    const view = await additions.placeForm(requireActor(req), req.query.from);
    return sendHtml(reply, addPlacePage(viewOf(req, reply), view));
  });

  app.post(
    '/add/place',
    {
      ...signedIn,
      schema: { querystring: PlaceQuery, body: PlaceBody },
      config: {
        form: async (req, reply, problems) => {
          const values = draftOf<PlaceDraft>(req, EMPTY_PLACE);
          const view = await additions.placeForm(requireActor(req), (req.query as { from?: string }).from);
          const lat = Number.parseFloat(values.lat);
          const lon = Number.parseFloat(values.lon);
          const duplicates = problems.fields.duplicate
            ? await additions.duplicates({
                name: values.name,
                country: values.country,
                wikidata: values.wikidata,
                ...(Number.isFinite(lat) && Number.isFinite(lon) && { lat, lon }),
              })
            : [];
          return addPlacePage(viewOf(req, reply), view, { values, problems, duplicates });
        },
      },
    },
    async (req, reply) => {
      const draft = draftOf<PlaceDraft>(req, EMPTY_PLACE);
      const place = await additions.addPlace(requireActor(req), draft, req.body.confirm === '1');
      const from = req.query.from;
      return reply.redirect(
        href('/add/tie', req.lang, { ...(from && { from }), partner: place.id, added: place.id }),
        303,
      );
    },
  );

  app.get('/admin/places/merge', { ...signedIn, schema: { querystring: MergeQuery } }, async (req, reply) => {
    const actor = requireActor(req);
    const { keep = '', drop = '', merged } = req.query;
    const v = viewOf(req, reply);
    if (merged) {
      const view = await additions.mergeView(actor, keep);
      const kept = view.keep;
      return sendHtml(
        reply,
        mergePage(
          v,
          { ...view, keepText: '', keep: null },
          {
            ...(kept && {
              merged: { drop: merged, keep: `${kept.name} (${kept.id})`, keepPath: placePath(kept) },
            }),
          },
        ),
      );
    }
    return sendHtml(reply, mergePage(v, await additions.mergeView(actor, keep, drop)));
  });

  app.post(
    '/admin/places/merge',
    {
      ...signedIn,
      schema: { body: MergeBody },
      config: {
        form: async (req, reply, problems) => {
          const view = await additions.mergeView(
            requireActor(req),
            sentField(req.body, 'keep') ?? '',
            sentField(req.body, 'drop') ?? '',
          );
          return mergePage(viewOf(req, reply), view, { problems });
        },
      },
    },
    async (req, reply) => {
      const { keep = '', drop = '', confirm = '' } = req.body;
      const result = await additions.merge(requireActor(req), keep, drop, confirm);
      return reply.redirect(
        href('/admin/places/merge', req.lang, { keep: result.keep, merged: result.drop }),
        303,
      );
    },
  );
}
