import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../app.js';
import { CACHED, PageQuery, Text } from '../kit.js';
import { atomFeed, calendar } from '../views/feeds.js';

export function sendAtom(reply: FastifyReply, xml: string) {
  return reply.type('application/atom+xml; charset=utf-8').send(xml);
}

export function sendCalendar(reply: FastifyReply, ics: string) {
  return reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', 'inline; filename="events.ics"')
    .send(ics);
}

/** The news feed of every program (or about a place, tie or country) and the calendar of their events. */
export function feedRoutes(app: App, ctx: AppContext): void {
  const base = ctx.config.publicUrl;

  app.get(
    '/news.atom',
    { ...CACHED, schema: { querystring: PageQuery({ about: Type.Optional(Text(100)) }) } },
    async (req, reply) =>
      sendAtom(reply, atomFeed(await ctx.entryViews.newsFeed({ about: req.query.about }), base)),
  );

  app.get('/events.ics', { ...CACHED, schema: { querystring: PageQuery({}) } }, async (_req, reply) =>
    sendCalendar(reply, calendar(await ctx.entryViews.calendar({}), base)),
  );
}
