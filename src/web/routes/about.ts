import type { AppContext } from '../../context.js';
import type { App } from '../app.js';
import { CACHED, PageQuery, sendHtml } from '../kit.js';
import { aboutPage } from '../views/about.js';
import { viewOf } from '../views/context.js';

/** What the data is, how old, and from which sources under which licences. */
export function aboutRoutes(app: App, ctx: AppContext): void {
  app.get('/about', { ...CACHED, schema: { querystring: PageQuery({}) } }, async (req, reply) =>
    sendHtml(reply, aboutPage(viewOf(req, reply), await ctx.dataInfo.about())),
  );
}
