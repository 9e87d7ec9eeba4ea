import type { AppContext } from '../../context.js';
import type { App } from '../app.js';
import { activityRoutes } from './activities.js';
import { entryRoutes } from './entries.js';
import { eventRoutes } from './events.js';
import { feedRoutes } from './feeds.js';
import { followRoutes } from './follow.js';
import { moderationRoutes } from './moderation.js';
import { notificationRoutes } from './notifications.js';
import { orgRoutes } from './orgs.js';
import { photoRoutes } from './photos.js';
import { postRoutes } from './posts.js';

/**
 * What organizations publish and what readers do with it: organizations' pages, their entries (and the
 * editors' forms), news, events, activities, feeds, comments and moderation, following, notification
 * settings and photos.
 */
export async function programRoutes(app: App, ctx: AppContext): Promise<void> {
  orgRoutes(app, ctx);
  entryRoutes(app, ctx);
  postRoutes(app, ctx);
  eventRoutes(app, ctx);
  activityRoutes(app, ctx);
  feedRoutes(app, ctx);
  moderationRoutes(app, ctx);
  followRoutes(app, ctx);
  await notificationRoutes(app, ctx);
  await photoRoutes(app, ctx);
}
