import type { AppContext } from '../../context.js';
import type { App } from '../app.js';
import { CACHED, PageQuery, sendHtml } from '../kit.js';
import { viewOf } from '../views/context.js';
import { atlasPage } from '../views/home/atlas.js';
import { programHomePage } from '../views/home/program-home.js';

/** The home page: the world's registry, or in home mode the program's own. */
export function homeRoutes(app: App, ctx: AppContext): void {
  app.get('/', { ...CACHED, schema: { querystring: PageQuery({}) } }, async (req, reply) => {
    const home = req.site.home;
    const v = viewOf(req, reply);
    return sendHtml(
      reply,
      home
        ? programHomePage(v, home, await ctx.homeViews.home(home.id))
        : atlasPage(v, await ctx.homeViews.atlas()),
    );
  });
}
