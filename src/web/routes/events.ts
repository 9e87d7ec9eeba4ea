import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../app.js';
import { CACHED, PageQuery, Text, rowIdOr404, sendHtml } from '../kit.js';
import { viewOf } from '../views/context.js';
import { eventsPage } from '../views/entry-lists.js';
import { entryPage } from '../views/entry-page.js';
import { calendar } from '../views/feeds.js';
import { sendCalendar } from './feeds.js';

/** Upcoming events, one event, and one event as a calendar (`/events/{id}.ics`). The feed is in feeds.ts. */
export function eventRoutes(app: App, ctx: AppContext): void {
  const base = ctx.config.publicUrl;

  app.get('/events', { ...CACHED, schema: { querystring: PageQuery({}) } }, async (req, reply) =>
    sendHtml(reply, eventsPage(viewOf(req, reply), await ctx.entryViews.upcoming())),
  );

  // one route for the page and its calendar: the router cannot tell `{id}.ics` from an id
  app.get(
    '/events/:id',
    {
      ...CACHED,
      schema: { params: Type.Object({ id: Text(30) }), querystring: PageQuery({}) },
    },
    async (req, reply) => {
      const [, ics] = /^(\d{1,18})\.ics$/.exec(req.params.id) ?? [];
      if (ics)
        return sendCalendar(
          reply,
          calendar(await ctx.entryViews.eventCalendar(rowIdOr404(ics, 'event')), base, true),
        );
      const m = await ctx.entryViews.entry('event', rowIdOr404(req.params.id, 'event'), req.actor);
      return sendHtml(reply, entryPage(viewOf(req, reply), m));
    },
  );
}
