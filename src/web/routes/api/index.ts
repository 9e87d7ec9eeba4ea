import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../context.js';
import { duplicatesApi } from './duplicates.js';
import { exportApi } from './export.js';
import { networkApi } from './network.js';
import { placesApi } from './places.js';
import { statsApi } from './stats.js';
import { seekingApi } from './seeking.js';
import { twinningsApi } from './twinnings.js';

/** The JSON API under /api, one module per resource; the OpenAPI document comes from their schemas. */
export function apiRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    for (const area of [placesApi, duplicatesApi, twinningsApi, statsApi, networkApi, exportApi, seekingApi])
      await app.register(area(ctx));
  };
}
