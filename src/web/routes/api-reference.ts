import type { AppContext } from '../../context.js';
import type { App } from '../app.js';
import { CACHED, PageQuery, sendHtml } from '../kit.js';
import { apiReferencePage, type OpenApiDocument } from '../views/api-reference.js';
import { viewOf } from '../views/context.js';

/** The API reference for people: the OpenAPI document rendered as a page. */
export function apiReferenceRoutes(app: App, _ctx: AppContext): void {
  app.get('/api', { ...CACHED, schema: { querystring: PageQuery({}) } }, async (req, reply) =>
    sendHtml(reply, apiReferencePage(viewOf(req, reply), app.swagger() as unknown as OpenApiDocument)),
  );
}
