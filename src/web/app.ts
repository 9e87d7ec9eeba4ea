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
import { isConnectionLost } from '../store/db.js';
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
import { AccountsService } from '../services/accounts.js';
import { MailService } from '../services/mail.js';
import { OrgsService } from '../services/orgs.js';
import { hasSessionCookie, registerAuth, siteSecret } from './auth.js';
import { accountPages } from './pages/account.js';
import { adminPages } from './pages/admin.js';
import { editPages } from './pages/edit.js';
import { entryPages } from './pages/entries.js';
import { communityPages } from './pages/community.js';
import { EntriesService } from '../services/entries.js';
import { CommentsService } from '../services/comments.js';
import { NotifyService } from '../services/notify.js';
import { PhotosService } from '../services/photos.js';
import { FactsService } from '../services/facts.js';
import { ContentIndex } from '../services/content-index.js';

/** what a 503 asks clients to wait while the database is away */
export const UNAVAILABLE_RETRY_SECONDS = 2;

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
  /** deliver queued mail every this many milliseconds (when a mail server is configured); off by default */
  mailIntervalMs?: number;
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
    // the client's address (sign-in limits) from X-Forwarded-For, through this many proxies
    trustProxy: ctx.config.trustProxy ? (_addr: string, hop: number) => hop < ctx.config.trustProxy : false,
    serverFactory: (handler) =>
      createServer((req, res) => {
        // a signed-in reader gets pages made for them, never the shared ones
        if (hasSessionCookie(req.headers.cookie) || !cache.tryServe(req, res)) handler(req, res);
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

  // the OpenAPI document describes the API; pages and forms are not part of it
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) route.schema = { ...route.schema, hide: true };
  });

  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
      error.message =
        'This form has expired or was opened before you signed in or out. Go back, reload the page and send it again.';
    }
    if (isConnectionLost(error)) {
      // the database is restarting or failing over: nothing wrong with the request, so say when to come back
      req.log.warn(`database unavailable: ${error.message}`);
      reply.header('retry-after', String(UNAVAILABLE_RETRY_SECONDS));
    }
    if (!req.url.startsWith('/api/')) return htmlError(error, req, reply);
    if (isConnectionLost(error)) {
      return reply.code(503).send({
        error: 'Service Unavailable',
        message: `The database cannot be reached just now. Try again in ${UNAVAILABLE_RETRY_SECONDS} seconds.`,
      });
    }
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
  const secure = ctx.config.publicUrl.startsWith('https:');
  const accounts = new AccountsService(ctx.store, version);
  await registerAuth(app, {
    store: ctx.store,
    accounts,
    secret: await siteSecret(ctx.store, ctx.config.secret),
    secure,
  });
  cache.register(app);
  assetRoutes(app);
  const gazetteer = new Gazetteer(ctx.store, version);
  const places = new PlacesService(ctx.store, ctx.config.continents, gazetteer);
  const stats = new StatsService(ctx.store, ctx.config.continents);
  const network = new NetworkService(ctx.store, version, ctx.config.continents, gazetteer, {
    onError: (e) => app.log.error(e),
  });
  app.addHook('onClose', () => network.close());
  await app.register(apiRoutes({ places, stats, network }), { prefix: '/api' });
  statsPages(app, ctx.store, stats);
  networkPages(app, network, places);
  const index = new ContentIndex(ctx.store, version);
  placePages(
    app,
    ctx.store,
    places,
    network,
    new ContentService(ctx.store, version),
    ctx.config.continents,
    index,
  );
  searchPage(app, places);
  homePages(app, ctx.store, places, network);
  tiePages(app, ctx.store, places, index);
  const content = new ContentService(ctx.store, version);
  const mail = new MailService(ctx.store, { smtpUrl: ctx.config.smtpUrl, from: ctx.config.mailFrom });
  const orgs = new OrgsService(ctx.store, ctx.config.publicUrl);
  accountPages(app, { store: ctx.store, accounts, publicUrl: ctx.config.publicUrl, secure });
  adminPages(app, { store: ctx.store, orgs, mail, photoQuotaBytes: ctx.config.photoQuotaBytes });
  editPages(app, { store: ctx.store, content, places, facts: new FactsService(ctx.store, version) });
  const notify = new NotifyService(ctx.store, ctx.config.publicUrl);
  const { commentsSection } = await communityPages(app, {
    store: ctx.store,
    comments: new CommentsService(ctx.store, ctx.config.publicUrl, version),
    notify,
    orgs,
    photos: new PhotosService(ctx.store, version, ctx.config.photoQuotaBytes),
  });
  entryPages(app, {
    store: ctx.store,
    entries: new EntriesService(ctx.store, ctx.config.publicUrl, version),
    orgs,
    notify,
    publicUrl: ctx.config.publicUrl,
    comments: commentsSection,
  });
  if (opts.mailIntervalMs) {
    const stop = mail.start(opts.mailIntervalMs, (e) => app.log.error(e));
    // the daily digests go out once a day, from whichever server comes first
    const digests = setInterval(
      () => void notify.sendDigestsIfDue().catch((e: unknown) => app.log.error(e)),
      600_000,
    );
    digests.unref();
    // expired sessions and links and old sign-in counts are of no use to anyone: cleared every ten minutes
    const housekeeping = setInterval(() => {
      const now = Date.now();
      void Promise.all([
        ctx.store.users.removeExpiredSessions(new Date(now).toISOString()),
        ctx.store.users.removeExpiredTokens(new Date(now).toISOString()),
        ctx.store.users.removeAttemptsBefore(new Date(now - 86_400_000).toISOString()),
      ]).catch((e: unknown) => app.log.error(e));
    }, 600_000);
    housekeeping.unref();
    app.addHook('onClose', async () => {
      stop();
      clearInterval(housekeeping);
      clearInterval(digests);
    });
  }
  if (opts.warm) {
    app.addHook('onReady', async () => {
      void network.overview().catch((e: unknown) => app.log.error(e));
    });
  }
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/health', { schema: { hide: true } }, async () => ({ ok: true }));
  return app;
}
