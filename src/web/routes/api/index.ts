import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../context.js';
import { duplicatesApi } from './duplicates.js';
import { exportApi } from './export.js';
import { networkApi } from './network.js';
import { placesApi } from './places.js';
import { statsApi } from './stats.js';
import { seekingApi } from './seeking.js';
import { twinningsApi } from './twinnings.js';
import { writeApi } from './write.js';

/**
 * The JSON API under /api, one module per resource; the OpenAPI document comes from their schemas. Reads are
 * open to every site (CORS); writes take an organization's API key and allow no other site.
 */
export function apiRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    for (const area of [
      placesApi,
      duplicatesApi,
      twinningsApi,
      statsApi,
      networkApi,
      exportApi,
      seekingApi,
      writeApi,
    ])
      await app.register(area(ctx));
  };
}
