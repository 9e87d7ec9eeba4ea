import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { PLACE_KINDS } from '../../domain/places.js';
import type { AppContext } from '../../context.js';
import type { App } from '../app.js';
import { CACHED, PageNo, PageQuery, Slug, Text, sendHtml, viewerOf } from '../kit.js';
import { enumOf } from '../schemas.js';
import { viewOf } from '../views/context.js';
import { placePath } from '../views/links.js';
import { countriesPage, countryPage } from '../views/places/countries.js';
import { profilePage } from '../views/places/profile.js';
import { searchPage } from '../views/places/search.js';

const ProfileParams = Type.Object({ id: Type.String({ maxLength: 100 }), slug: Type.Optional(Slug) });
const SearchQuery = PageQuery({
  q: Type.Optional(Text(200)),
  country: Type.Optional(Text(10)),
  kind: Type.Optional(Type.Union([enumOf(PLACE_KINDS), Type.Literal('')])),
  ties: Type.Optional(Type.Union([Type.Literal('yes'), Type.Literal('no'), Type.Literal('')])),
  page: Type.Optional(PageNo),
});

/** The public pages about places and countries, and place search. */
export function placeRoutes(app: App, ctx: AppContext): void {
  /**
   * A place's page at its canonical address; the bare id, or a slug that is not (or no longer) the place's,
   * sends the reader there.
   */
  async function profile(req: FastifyRequest<{ Params: Static<typeof ProfileParams> }>, reply: FastifyReply) {
    const { id, slug } = req.params;
    const view = await ctx.placeViews.profile(id, viewerOf(req));
    const canonical = placePath(view.place);
    const current = `/places/${encodeURIComponent(id)}${slug !== undefined ? `/${encodeURIComponent(slug)}` : ''}`;
    if (canonical !== current) {
      const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      return reply.redirect(canonical + query, 301);
    }
    return sendHtml(reply, profilePage(viewOf(req, reply), view));
  }
  const profileSchema = { params: ProfileParams, querystring: PageQuery({}) };
  app.get('/places/:id', { ...CACHED, schema: profileSchema }, profile);
  app.get('/places/:id/:slug', { ...CACHED, schema: profileSchema }, profile);

  app.get('/countries', { ...CACHED, schema: { querystring: PageQuery({}) } }, async (req, reply) =>
    sendHtml(reply, countriesPage(viewOf(req, reply), await ctx.placeViews.countries())),
  );

  app.get(
    '/countries/:code',
    { ...CACHED, schema: { params: Type.Object({ code: Text(10) }), querystring: PageQuery({}) } },
    async (req, reply) =>
      sendHtml(
        reply,
        countryPage(viewOf(req, reply), await ctx.placeViews.country(req.params.code, viewerOf(req))),
      ),
  );

  app.get('/search', { ...CACHED, schema: { querystring: SearchQuery } }, async (req, reply) => {
    const s = req.query;
    const q = {
      q: s.q?.trim() ?? '',
      country: s.country?.trim().toUpperCase() || undefined,
      kind: s.kind || undefined,
      hasTies: s.ties === 'yes' ? true : s.ties === 'no' ? false : undefined,
      page: s.page ?? 1,
    };
    return sendHtml(reply, searchPage(viewOf(req, reply), q, await ctx.placeViews.search(q)));
  });
}
