import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../app.js';
import { CACHED, PageQuery, Slug, sendHtml } from '../kit.js';
import { viewOf } from '../views/context.js';
import { atomFeed, calendar } from '../views/feeds.js';
import { orgPage, orgsPage } from '../views/orgs.js';
import { sendAtom, sendCalendar } from './feeds.js';

/** Organizations: the list, each one's page, and its news feed and calendar (`/orgs/{slug}.atom`, `.ics`). */
export function orgRoutes(app: App, ctx: AppContext): void {
  const base = ctx.config.publicUrl;

  app.get('/orgs', { ...CACHED, schema: { querystring: PageQuery({}) } }, async (req, reply) =>
    sendHtml(reply, orgsPage(viewOf(req, reply), await ctx.entryViews.organizations())),
  );

  // one route for the page and its feeds: the router cannot tell `{slug}.atom` from a slug
  app.get(
    '/orgs/:slug',
    { ...CACHED, schema: { params: Type.Object({ slug: Slug }), querystring: PageQuery({}) } },
    async (req, reply) => {
      const [, slug, feed] = /^(.+)\.(atom|ics)$/.exec(req.params.slug) ?? [];
      if (feed === 'atom')
        return sendAtom(reply, atomFeed(await ctx.entryViews.newsFeed({ org: slug! }), base));
      if (feed === 'ics')
        return sendCalendar(reply, calendar(await ctx.entryViews.calendar({ org: slug! }), base));
      return sendHtml(
        reply,
        orgPage(viewOf(req, reply), await ctx.entryViews.org(req.params.slug, req.actor)),
      );
    },
  );
}
