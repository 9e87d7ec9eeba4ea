import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../app.js';
import { FormBody, PageQuery, Text } from '../kit.js';
import { viewOf } from '../views/context.js';
import { secretLinkHtml } from '../views/layout.js';
import { notificationSettingsPage, stopNotificationsPage } from '../views/notifications.js';

const TokenParams = Type.Object({ token: Text(200) });

/**
 * Notification settings from the link in every notification: no sign-in, the link's secret is the key (so the
 * pages are never sent on as a referrer nor indexed).
 */
export async function notificationRoutes(app: App, ctx: AppContext): Promise<void> {
  const schema = { params: TokenParams, querystring: PageQuery({}) };

  app.get('/notifications/:token', { schema }, async (req, reply) => {
    const m = await ctx.notify.settings(req.params.token);
    return secretLinkHtml(reply).send(notificationSettingsPage(viewOf(req, reply), m, req.params));
  });

  app.post(
    '/notifications/:token/unfollow',
    { schema: { params: TokenParams, body: FormBody({ type: Text(20), id: Text(200) }) } },
    async (req, reply) => {
      const { token } = req.params;
      const m = await ctx.notify.unfollowByToken(token, req.body.type ?? '', req.body.id ?? '');
      return secretLinkHtml(reply).send(
        notificationSettingsPage(viewOf(req, reply), m, { token, notice: 'unfollowed' }),
      );
    },
  );

  // The List-Unsubscribe address: a page with a button for people, and the one-click POST of RFC 8058 for mail
  // programs, which carries no cookie and no CSRF token (the route says `csrf: false`; the secret is the key).
  app.get('/notifications/:token/stop', { schema }, async (req, reply) => {
    const { email } = await ctx.notify.byToken(req.params.token);
    return secretLinkHtml(reply).send(
      stopNotificationsPage(viewOf(req, reply), { token: req.params.token, email }),
    );
  });

  await app.register(async (scope) => {
    // some mail programs send the one-click POST as multipart/form-data: its content does not matter
    scope.addContentTypeParser('multipart/form-data', { bodyLimit: 4096 }, (_req, payload, done) => {
      payload.resume();
      payload.on('end', () => done(null, {}));
      payload.on('error', done);
    });
    scope.post(
      '/notifications/:token/stop',
      { schema: { params: TokenParams }, config: { csrf: false } },
      async (req, reply) => {
        const { token } = req.params as { token: string };
        const m = await ctx.notify.stopAll(token);
        return secretLinkHtml(reply).send(
          notificationSettingsPage(viewOf(req, reply), m, { token, notice: 'stopped' }),
        );
      },
    );
  });
}
