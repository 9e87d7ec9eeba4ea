import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../app.js';
import { mustSignIn, requireActor } from '../auth.js';
import { FormBody, PageQuery, RowIdText, Slug, Text, rowIdOr404, sendHtml, sentField } from '../kit.js';
import { apiKeyCreatedPage, apiKeysPage, apiKeysPath } from '../views/api-keys.js';
import { viewOf } from '../views/context.js';
import { href } from '../views/layout.js';

const SlugParams = Type.Object({ slug: Slug });
const KeyParams = Type.Object({ slug: Slug, id: RowIdText });
const KeysQuery = PageQuery({ revoked: Type.Optional(Text(10)) });
const LabelBody = FormBody({ label: Text(200) });

/** An organization's API keys, for its editors: the list, making one (its secret shown once), revoking one. */
export function apiKeyRoutes(app: App, ctx: AppContext): void {
  const { apiKeys } = ctx;
  const signedIn = { preHandler: mustSignIn };

  app.get(
    '/orgs/:slug/api-keys',
    { ...signedIn, schema: { params: SlugParams, querystring: KeysQuery } },
    async (req, reply) => {
      const view = await apiKeys.view(requireActor(req), req.params.slug);
      return sendHtml(reply, apiKeysPage(viewOf(req, reply), view, { revoked: req.query.revoked === '1' }));
    },
  );

  app.post(
    '/orgs/:slug/api-keys',
    {
      ...signedIn,
      schema: { params: SlugParams, body: LabelBody },
      config: {
        form: async (req, reply, problems) => {
          const view = await apiKeys.view(requireActor(req), (req.params as { slug: string }).slug);
          return apiKeysPage(viewOf(req, reply), view, {
            create: { label: sentField(req.body, 'label'), problems },
          });
        },
      },
    },
    async (req, reply) => {
      const made = await apiKeys.create(requireActor(req), req.params.slug, req.body.label ?? '');
      // the secret is on this answer and nowhere else: never kept by a browser's cache or a proxy
      const html = apiKeyCreatedPage(viewOf(req, reply), made);
      return sendHtml(reply.header('cache-control', 'no-store'), html);
    },
  );

  app.post(
    '/orgs/:slug/api-keys/:id/revoke',
    { ...signedIn, schema: { params: KeyParams } },
    async (req, reply) => {
      const key = rowIdOr404(req.params.id, 'API key');
      const { slug } = req.params;
      await apiKeys.revoke(requireActor(req), slug, key);
      return reply.redirect(href(apiKeysPath({ slug }), req.lang, { revoked: '1' }), 303);
    },
  );
}
