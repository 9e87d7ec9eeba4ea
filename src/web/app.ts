import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { ConfigError } from '../config.js';
import type { AppContext } from '../context.js';
import { ValidationError } from '../domain/errors.js';
import { DATA_LICENCE } from '../domain/licence.js';
import { apiRoutes } from './routes/api/index.js';
import { API_KEY_SCHEME } from './routes/api/write.js';
import { API_KEY_LIMIT } from '../services/api-keys.js';
import { assetRoutes } from './assets.js';
import { hasSessionCookie, registerAuth } from './auth.js';
import { ResponseCache } from './cache.js';
import { registerCors } from './cors.js';
import { errorPage, handleError } from './errors.js';
import { aboutRoutes } from './routes/about.js';
import { apiReferenceRoutes } from './routes/api-reference.js';
import { accountRoutes } from './routes/account.js';
import { adminRoutes } from './routes/admin.js';
import { apiKeyRoutes } from './routes/api-keys.js';
import { editRoutes } from './routes/edit.js';
import { additionRoutes } from './routes/additions.js';
import { homeRoutes } from './routes/home.js';
import { manageRoutes } from './routes/manage.js';
import { seekingRoutes } from './routes/seeking.js';
import { matchingRoutes } from './routes/matching.js';
import { networkRoutes } from './routes/network.js';
import { openDataRoutes } from './routes/open-data.js';
import { placeRoutes } from './routes/places.js';
import { programRoutes } from './routes/program.js';
import { proposalRoutes } from './routes/proposals.js';
import { rankingRoutes } from './routes/rankings.js';
import { signInRoutes } from './routes/signin.js';
import { statsRoutes } from './routes/stats.js';
import { tieRoutes } from './routes/ties.js';
import { registerSecurityHeaders, securityHeaders } from './security.js';
import { registerSite, type Site } from './site.js';
import { takingTurns } from './turns.js';

export interface AppOptions {
  logger?: boolean;
  /** where the log's lines go (JSON, one a line); standard output when not given */
  logStream?: { write(line: string): void };
  /** compute whole-network figures in the background once ready, so the first visitor need not wait */
  warm?: boolean;
  /** deliver queued mail every this many milliseconds (when a mail server is configured); off by default */
  mailIntervalMs?: number;
}

/** The Fastify instance with TypeBox schemas as the source of request types. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/**
 * The web app over a context: plugins and hooks (language and deployment, sessions and CSRF, the response cache,
 * security headers), one error handler, and the routes of every area. Handlers take what they need from `ctx`.
 */
export async function buildApp(ctx: AppContext, opts: AppOptions = {}): Promise<App> {
  const { config } = ctx;
  const url = config.publicUrl.replace(/\/+$/, '');
  let site: Site = { home: null, url };
  if (config.home) {
    // a home merged into another place since it was configured is that place now
    const home = (await ctx.places.get(config.home)) ?? (await ctx.places.movedTo(config.home));
    if (!home) {
      throw new ConfigError(
        `TWINNING_HOME=${config.home} is not a place in the database; find its id with \`twinning places search NAME\`.`,
      );
    }
    site = { home, url };
  }
  const headers = securityHeaders(config.publicUrl);
  const cache = new ResponseCache(ctx.version, undefined, undefined, headers);
  const app = Fastify({
    logger: opts.logger
      ? { level: config.logLevel, ...(opts.logStream ? { stream: opts.logStream } : {}) }
      : false,
    // Fastify's two lines per request ("incoming request", "request completed"), each written to stdout at
    // once, cost a cheap API answer 10–20% of its CPU; answers from the response cache were never among them.
    // Failures are logged where they are handled (errors.tsx); each answer only at `debug` (below).
    logController: new LogController({ disableRequestLogging: true }),
    // the client's address (sign-in limits) from X-Forwarded-For, through this many proxies
    trustProxy: config.trustProxy ? (_addr: string, hop: number) => hop < config.trustProxy : false,
    serverFactory: (handler) => {
      // pages the cache cannot answer (~1 ms each) take their turn, so that under load a new connection is
      // accepted and served in order instead of waiting behind every open one (turns.ts); API answers, most
      // a fraction of that, are made at once: queued, the cheapest cost a third more
      const inTurn = takingTurns(handler);
      return createServer((req, res) => {
        // a signed-in reader gets pages made for them, never the shared ones
        if (!hasSessionCookie(req.headers.cookie) && cache.tryServe(req, res)) return;
        if (req.url?.startsWith('/api/')) handler(req, res);
        else inTurn(req, res);
      });
    },
    // Query strings like ?has_ties=true arrive as text; coerce them to the schema's types.
    // verbose: errors carry the value, so a repeated parameter can be told from a wrong one
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, allErrors: true, verbose: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Twinning API',
        description:
          "Read access to the world's sister cities: places, their names and facts, and their twinnings " +
          "(open to every site: CORS), and writing for program offices with their organization's API key. " +
          `The data is offered under the ${DATA_LICENCE.title}; every export lists its sources and their ` +
          'licences. Errors answer with a JSON body `{ error, message }` and the HTTP status.',
        version: PACKAGE_VERSION,
        license: { name: DATA_LICENCE.title, identifier: DATA_LICENCE.id },
        contact: { name: 'The Twinning registry', url: `${url}/about` },
      },
      servers: [{ url, description: 'This site' }],
      tags: [
        { name: 'places', description: 'Countries, regions, cities and districts' },
        { name: 'twinnings', description: 'Ties between two places' },
        { name: 'statistics', description: 'Figures about a place and everything under it, and rankings' },
        {
          name: 'network',
          description: 'Chains of ties, cousins, open triangles, central places, data quality',
        },
        {
          name: 'matching',
          description: '"Seeking partners" listings of program offices (suggestions are under places)',
        },
        {
          name: 'export',
          description:
            'The registry or a part of it as CSV, JSON, GeoJSON, GraphML or GEXF, with licence and sources',
        },
        {
          name: 'writing',
          description:
            "A program office's own systems keep its home's ties, facts, sections and entries with an " +
            "organization's API key (sent as `Authorization: Bearer tw_…`; editors make keys on the " +
            "organization's page). Each write is checked, kept in the history and audited as an edit on the " +
            `site is. Each key may make ${API_KEY_LIMIT.max} requests a minute; every answer says where it ` +
            'stands in `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`.',
        },
      ],
      components: {
        securitySchemes: {
          [API_KEY_SCHEME]: {
            type: 'http',
            scheme: 'bearer',
            description:
              "An organization's API key (`tw_…`), made by its editors on the organization's page. It acts " +
              "with the organization's editor role: its home, the home's ties and the places tied to it, and " +
              "the organization's entries.",
          },
        },
      },
    },
  });

  // the OpenAPI document describes the API; pages and forms are not part of it
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) route.schema = { ...route.schema, hide: true };
  });

  app.setErrorHandler(handleError);
  app.setNotFoundHandler((req, reply) =>
    req.url.startsWith('/api/')
      ? reply.code(404).send({ error: 'Not Found', message: `There is nothing at ${req.method} ${req.url}.` })
      : errorPage(req, reply, 404, new Error(`There is nothing at ${req.url}.`)),
  );
  // A NUL character is never meaningful in an address or a form, and PostgreSQL refuses it in text.
  app.addHook('preValidation', async (req) => {
    for (const [part, value] of [
      ['address', req.params],
      ['query', req.query],
      ['form', req.body],
    ] as const) {
      if (hasNul(value))
        throw new ValidationError(`The ${part} contains a NUL character; remove it and try again.`);
    }
  });

  // ajv coerces "1e309" to Infinity and then skips its range checks, which only look at finite numbers
  app.addHook('preHandler', async (req) => {
    for (const part of [req.params, req.query] as unknown[]) {
      if (!part || typeof part !== 'object') continue;
      for (const [name, value] of Object.entries(part)) {
        if (typeof value === 'number' && !Number.isFinite(value))
          throw new ValidationError(`"${name}" is too large a number.`, [
            { column: name, message: `"${name}" is too large a number` },
          ]);
      }
    }
  });

  const home = site.home;
  registerSite(
    app,
    site,
    home
      ? async () => {
          const org = (await ctx.homeProgram.of(home.id))[0]?.org;
          return org ? { slug: org.slug, name: org.name } : null;
        }
      : undefined,
  );
  registerSecurityHeaders(app, headers);
  await registerAuth(app, {
    accounts: ctx.accounts,
    secret: await ctx.accounts.siteSecret(config.secret),
    secure: config.publicUrl.startsWith('https:'),
  });
  // before the response cache, so that kept API answers carry the CORS headers too
  registerCors(app);
  cache.register(app);
  assetRoutes(app);
  // the whole-network figures are made in a worker thread: report its failures in the server's log, end it
  ctx.network.onError((e) => app.log.error(e));
  app.addHook('onClose', () => ctx.network.close());
  // LOG_LEVEL=debug: a line for each answer the app makes (not those the response cache gives at once)
  if (opts.logger && (config.logLevel === 'debug' || config.logLevel === 'trace')) {
    app.addHook('onResponse', async (req, reply) => {
      req.log.debug(
        { method: req.method, url: req.url, status: reply.statusCode, ms: +reply.elapsedTime.toFixed(1) },
        'answered',
      );
    });
  }
  await app.register(apiRoutes(ctx), {
    prefix: '/api',
  });

  // pages, area by area
  placeRoutes(app, ctx);
  statsRoutes(app, ctx);
  rankingRoutes(app, ctx);
  networkRoutes(app, ctx);
  matchingRoutes(app, ctx);
  seekingRoutes(app, ctx);
  aboutRoutes(app, ctx);
  apiReferenceRoutes(app, ctx);
  homeRoutes(app, ctx);
  tieRoutes(app, ctx);
  openDataRoutes(app, ctx);
  signInRoutes(app, ctx);
  accountRoutes(app, ctx);
  adminRoutes(app, ctx);
  proposalRoutes(app, ctx);
  manageRoutes(app, ctx);
  apiKeyRoutes(app, ctx);
  editRoutes(app, ctx);
  additionRoutes(app, ctx);
  await programRoutes(app, ctx);

  if (opts.mailIntervalMs) startWorkers(app, ctx, opts.mailIntervalMs);
  if (opts.warm) {
    app.addHook('onReady', async () => {
      void ctx.network.overview().catch((e: unknown) => app.log.error(e));
    });
  }
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/health', { schema: { hide: true } }, async () => ({ ok: true }));
  return app;
}

/** The version of the program, which is the version of its API (package.json sits two levels up, in src and dist). */
const PACKAGE_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** Mail delivery, the daily digests, the daily Wikidata sync and housekeeping, for a server process (`serve`). */
function startWorkers(app: App, ctx: AppContext, mailIntervalMs: number) {
  const stop = ctx.mail.start(mailIntervalMs, (e) => app.log.error(e));
  // the daily digests go out once a day, from whichever server comes first
  const digests = setInterval(
    () => void ctx.notify.sendDigestsIfDue().catch((e: unknown) => app.log.error(e)),
    600_000,
  );
  digests.unref();
  // expired sessions and links and old sign-in counts are of no use to anyone: cleared every ten minutes
  const housekeeping = setInterval(
    () => void ctx.accounts.housekeeping(new Date()).catch((e: unknown) => app.log.error(e)),
    600_000,
  );
  housekeeping.unref();
  // the Wikidata sync, when a site admin switched it on: once a day, from whichever server comes first
  const stopSync = new AbortController();
  let syncing: Promise<unknown> = Promise.resolve();
  const syncIfDue = () => {
    syncing = ctx.sync
      .runIfDue(new Date(), stopSync.signal)
      .then((r) => r && app.log.info({ wikidata: r }, 'Wikidata sync done'))
      .catch((e: unknown) => app.log.error(e));
  };
  const sync = setInterval(syncIfDue, 600_000);
  sync.unref();
  app.addHook('onClose', async () => {
    stop();
    clearInterval(housekeeping);
    clearInterval(digests);
    clearInterval(sync);
    stopSync.abort();
    await syncing;
  });
}

function hasNul(v: unknown): boolean {
  if (typeof v === 'string') return v.includes('\u0000');
  if (Array.isArray(v)) return v.some(hasNul);
  if (v && typeof v === 'object' && !Buffer.isBuffer(v)) return Object.values(v).some(hasNul);
  return false;
}
