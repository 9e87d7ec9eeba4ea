import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createServer } from 'node:http';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { NotFoundError, ValidationError } from '../domain/errors.js';
import { DataVersion } from '../services/data-version.js';
import { ContentService } from '../services/content.js';
import { Gazetteer } from '../services/gazetteer.js';
import { NetworkService } from '../services/network.js';
import { PlacesService } from '../services/places.js';
import { StatsService } from '../services/stats.js';
import type { Store } from '../store/store.js';
import { apiRoutes } from './api.js';
import { ResponseCache } from './cache.js';
import { ConfigError } from '../config.js';
import { assetRoutes } from './assets.js';
import { homePages } from './pages/home.js';
import { tiePages } from './pages/ties.js';
import { registerSite, type Site } from './site.js';
import { networkPages } from './pages/network.js';
import { placePages, searchPage } from './pages/places.js';
import { statsPages } from './pages/stats.js';
import { htmlError } from './pages/errors.js';

export interface AppContext {
  config: Config;
  store: Store;
  /** shared with writers in this process, so they can invalidate it */
  dataVersion?: DataVersion;
}

export interface AppOptions {
  logger?: boolean;
  /** compute whole-network figures in the background once ready, so the first visitor need not wait */
  warm?: boolean;
}

export async function buildApp(ctx: AppContext, opts: AppOptions = {}): Promise<FastifyInstance> {
  const version = ctx.dataVersion ?? new DataVersion(ctx.store);
  let site: Site = { home: null };
  if (ctx.config.home) {
    const home = await ctx.store.places.get(ctx.config.home);
    if (!home) {
      throw new ConfigError(
        `TWINNING_HOME=${ctx.config.home} is not a place in the database; find its id with \`twinning places search NAME\`.`,
      );
    }
    site = { home };
  }
  const cache = new ResponseCache(version);
  const app = Fastify({
    logger: opts.logger ? { level: ctx.config.logLevel } : false,
    serverFactory: (handler) =>
      createServer((req, res) => {
        if (!cache.tryServe(req, res)) handler(req, res);
      }),
    // Query strings like ?has_ties=true arrive as text; coerce them to the schema's types.
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Twinning API',
        description:
          "Read access to the world's sister cities: places, their names and facts, and their twinnings.",
        version: '1',
      },
      tags: [
        { name: 'places', description: 'Countries, regions, cities and districts' },
        { name: 'twinnings', description: 'Ties between two places' },
        { name: 'statistics', description: 'Figures about a place and everything under it, and rankings' },
        {
          name: 'network',
          description: 'Chains of ties, cousins, open triangles, central places, data quality',
        },
      ],
    },
  });

  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (!req.url.startsWith('/api/')) return htmlError(error, req, reply);
    if (error instanceof ValidationError) {
      return reply.code(400).send({ error: 'Bad Request', message: error.message, problems: error.problems });
    }
    if (error instanceof NotFoundError) {
      return reply.code(404).send({ error: 'Not Found', message: error.message });
    }
    if (error.validation) {
      return reply.code(400).send({ error: 'Bad Request', message: `Invalid request: ${error.message}` });
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ error: error.name, message: error.message });
    }
    req.log.error(error);
    return reply
      .code(500)
      .send({ error: 'Internal Server Error', message: 'Something went wrong on our side.' });
  });
  app.setNotFoundHandler((req, reply) =>
    req.url.startsWith('/api/')
      ? reply.code(404).send({ error: 'Not Found', message: `There is nothing at ${req.method} ${req.url}.` })
      : htmlError(new NotFoundError(`There is nothing at ${req.url}.`) as FastifyError, req, reply),
  );

  registerSite(app, site);
  cache.register(app);
  assetRoutes(app);
  const gazetteer = new Gazetteer(ctx.store, version);
  const places = new PlacesService(ctx.store, ctx.config.continents, gazetteer);
  const stats = new StatsService(ctx.store, ctx.config.continents);
  const network = new NetworkService(ctx.store, version, ctx.config.continents, gazetteer);
  await app.register(apiRoutes({ places, stats, network }), { prefix: '/api' });
  statsPages(app, ctx.store, stats);
  networkPages(app, network, places);
  placePages(app, ctx.store, places, network, new ContentService(ctx.store, version), ctx.config.continents);
  searchPage(app, places);
  homePages(app, ctx.store, places, network);
  tiePages(app, ctx.store, places);
  if (opts.warm) {
    app.addHook('onReady', async () => {
      void network.overview().catch((e: unknown) => app.log.error(e));
    });
  }
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/health', { schema: { hide: true } }, async () => ({ ok: true }));
  return app;
}
