import type { FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken } from '../auth.js';
import { withoutTracking } from '../cache.js';
import { messages, type Catalogue, type Lang } from '../i18n/index.js';
import type { Site } from '../site.js';

/**
 * What every view may know about the request it renders for, and nothing more: the reader's language and its
 * catalogue, the page's own address, the deployment, the signed-in reader, and a way to get a form token.
 * Views render read models from services with this; they never see the request, the reply or the store.
 */
export interface ViewContext {
  lang: Lang;
  t: Catalogue;
  /** the page's own path with its query (the language switch, "next" fields) */
  path: string;
  site: Site;
  user: { id: number; name: string; emailConfirmed: boolean; isAdmin: boolean } | null;
  /** a CSRF token for a form on this page; asking for one makes the page private (no-store) */
  csrf(): string;
}

export function viewOf(req: FastifyRequest, reply: FastifyReply): ViewContext {
  let token: string | undefined;
  const u = req.user;
  return {
    lang: req.lang,
    t: messages(req.lang),
    // a cached page must not hand one reader's click id (fbclid, utm_…) on to the next in its links
    path: withoutTracking(req.url),
    site: req.site,
    user: u ? { id: u.id, name: u.name, emailConfirmed: !!u.emailConfirmedAt, isAdmin: u.isAdmin } : null,
    csrf: () => (token ??= csrfToken(req, reply)),
  };
}
