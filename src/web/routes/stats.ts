import { Type, type Static } from 'typebox';
import type { AppContext } from '../../context.js';
import { NotFoundError } from '../../domain/errors.js';
import type { App } from '../app.js';
import { CACHED, PageQuery, Text, sendHtml } from '../kit.js';
import type { Lang } from '../i18n/index.js';
import { viewOf } from '../views/context.js';
import { statsDownload } from '../views/stats/figures.js';
import { statsEmbed, statsPage } from '../views/stats/page.js';

const StatsQuery = PageQuery({
  since: Type.Optional(Text(10)),
  asOf: Type.Optional(Text(10)),
  kind: Type.Optional(Text(20)),
  status: Type.Optional(Text(60)),
  partners: Type.Optional(Text(20)),
});
// any text: an id no place has is "not found", like the profile's
const PlaceId = Type.String({ maxLength: 100 });
const StatsParams = Type.Object({ id: PlaceId });
type StatsRequest = { params: { id: string }; query: Static<typeof StatsQuery>; lang: Lang };

/** The statistics of a place: its page, its downloads (CSV, SVG, PNG) and the widget other sites frame. */
export function statsRoutes(app: App, ctx: AppContext): void {
  const schema = { params: StatsParams, querystring: StatsQuery };
  const load = (req: StatsRequest) => ctx.stats.page(req.params.id, req.query, req.lang);

  app.get('/places/:id/stats', { ...CACHED, schema }, async (req, reply) =>
    sendHtml(reply, statsPage(viewOf(req, reply), await load(req), ctx.config.publicUrl)),
  );

  app.get(
    '/places/:id/stats/:file',
    { ...CACHED, schema: { ...schema, params: Type.Object({ id: PlaceId, file: Text(40) }) } },
    async (req, reply) => {
      const file = statsDownload(viewOf(req, reply), await load(req), req.params.file);
      if (typeof file === 'string') throw new NotFoundError(file);
      return reply
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .type(file.type)
        .send(file.body);
    },
  );

  // other sites may frame the widget, and no other page
  app.get(
    '/embed/places/:id/stats',
    { config: { cache: true, embeddable: true }, schema },
    async (req, reply) => sendHtml(reply, statsEmbed(viewOf(req, reply), await load(req))),
  );
}
