import type { AppContext } from '../../context.js';
import { requireActor } from '../auth.js';
import type { App } from '../app.js';
import { FormBody, Text } from '../kit.js';
import { safeLocalPath } from '../site.js';

const FollowBody = FormBody({ type: Text(20), id: Text(200), mode: Text(20), next: Text(2000) });

/** "Follow" and "Stop following" of places, organizations and a post's replies, from any page. */
export function followRoutes(app: App, ctx: AppContext): void {
  app.post('/follow', { schema: { body: FollowBody } }, async (req, reply) => {
    const b = req.body;
    await ctx.notify.follow(requireActor(req), b.type ?? '', b.id ?? '', b.mode ?? '');
    return reply.redirect(safeLocalPath(b.next || '/account'), 303);
  });

  app.post('/unfollow', { schema: { body: FollowBody } }, async (req, reply) => {
    const b = req.body;
    await ctx.notify.unfollow(requireActor(req), b.type ?? '', b.id ?? '');
    return reply.redirect(safeLocalPath(b.next || '/account'), 303);
  });
}
