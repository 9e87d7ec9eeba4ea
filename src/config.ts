import { parseContinentOverrides, type Continent } from './domain/countries.js';

export interface Config {
  port: number;
  host: string;
  /** postgres://… for PostgreSQL; a path or file: URL for SQLite */
  databaseUrl: string;
  /** load the bundled data into an empty database at start */
  seed: boolean;
  /** country → continent corrections on top of the UN M49 default */
  continents: Record<string, Continent>;
  logLevel: string;
  /** home mode: the id of the place whose program office runs this site; null for the whole world (atlas) */
  home: string | null;
  /** the site's public address, for links in mail (password resets, notifications); no trailing slash */
  publicUrl: string;
  /** signs cookies; null: made once and kept in the database, so every app server on it agrees */
  secret: string | null;
  /** smtp://user:pass@host:port; null keeps mail in the outbox, where site admins read it */
  smtpUrl: string | null;
  mailFrom: string;
  /** behind a reverse proxy: trust X-Forwarded-For for this many hops (sign-in limits count per client address) */
  trustProxy: number;
  /** how many bytes of photos (as stored, every size) each organization may keep */
  photoQuotaBytes: number;
  /** the Wikidata Query Service's base address (its endpoint is `<base>/sparql`) */
  wikidataUrl: string;
  /** who runs this site, for the User-Agent of requests to Wikidata */
  wikidataContact: string;
  /** `serve`: how many app processes answer on the one port (node:cluster); 1 serves from the process itself */
  workers: number;
  /** `serve`: % V8's heap may grow past what is live before a full collection; 0 leaves it to V8 */
  heapGrowth: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * One setting read from the environment: its documentation (printed by `twinning --help` and kept in the
 * README's table, which a test compares) and how it is read. `read` gets the trimmed text ('' when unset) and
 * the settings read before it; it returns the value or throws a message saying what to write instead.
 */
export interface Setting<K extends keyof Config = keyof Config> {
  env: string;
  key: K;
  /** the default as the README and --help show it */
  default: string;
  /** one line for --help */
  help: string;
  /** the README's fuller description (Markdown) */
  doc: string;
  /** never repeated in messages (passwords, keys) */
  sensitive?: boolean;
  read(text: string, before: Partial<Config>): Config[K];
}

const fail = (message: string): never => {
  throw new Error(message);
};

const setting = <K extends keyof Config>(s: Setting<K>): Setting<K> => s;

/** A whole number written in digits alone, `fallback` when unset, within min..max; else `message`. */
const wholeNumber = (text: string, fallback: string, min: number, max: number, message: string): number => {
  const t = text || fallback;
  const n = Number(t);
  return /^\d+$/.test(t) && n >= min && n <= max ? n : fail(message);
};

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

/** Every setting, in the order the README lists them. */
export const SETTINGS = [
  setting({
    env: 'PORT',
    key: 'port',
    default: '3000',
    help: 'port `serve` listens on',
    doc: 'port to listen on',
    read: (v) => wholeNumber(v, '3000', 0, 65535, 'is not a port number (0-65535)'),
  }),
  setting({
    env: 'HOST',
    key: 'host',
    default: '0.0.0.0',
    help: 'interface `serve` listens on (all by default)',
    doc: 'interface to listen on',
    read: (v) => v || '0.0.0.0',
  }),
  setting({
    env: 'DATABASE_URL',
    key: 'databaseUrl',
    default: './var/twinning.db',
    help: 'postgres://user@host/db, or a SQLite file path',
    doc: '`postgres://user:pass@host:5432/db` for PostgreSQL; a file path or `file:` URL for SQLite',
    // it may hold a password
    sensitive: true,
    read: (v) => {
      const url = v || './var/twinning.db';
      // 'sqlite:x.db' or 'postgres:db' would otherwise be taken for a file path and make a directory
      // named 'sqlite:' (a single letter before the colon is a Windows drive, a path)
      const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(url)?.[1]?.toLowerCase();
      if (scheme === undefined || scheme === 'file' || /^postgres(ql)?:\/\//i.test(url)) return url;
      return fail(
        /^postgres(ql)?$/.test(scheme)
          ? 'is not a PostgreSQL address: write postgres://user:pass@host:5432/db'
          : `starts with "${scheme}:", which is not an address Twinning reads: write postgres://user:pass@host:5432/db ` +
              'for PostgreSQL, or a file path or file: URL (file:var/twinning.db) for SQLite',
      );
    },
  }),
  setting({
    env: 'TWINNING_SEED',
    key: 'seed',
    default: 'true',
    help: 'load the bundled world data into an empty database at start',
    doc: 'load the bundled data into an empty database at start',
    read: (v) => {
      const t = (v || 'true').toLowerCase();
      if (!['true', 'false', '1', '0', 'yes', 'no'].includes(t)) fail('must be true or false');
      return ['true', '1', 'yes'].includes(t);
    },
  }),
  setting({
    env: 'TWINNING_CONTINENTS',
    key: 'continents',
    default: '(none)',
    help: 'continent overrides such as RU=AS,CY=EU (default: UN M49 regions)',
    doc: 'continent overrides, e.g. `RU=AS,CY=EU`; the default is the UN M49 regions (Russia → Europe, Turkey, Georgia and Cyprus → Asia), with the Americas split into North (incl. Central America and the Caribbean) and South America',
    read: (v) => {
      try {
        return parseContinentOverrides(v);
      } catch (e) {
        return fail(`is not valid: ${(e as Error).message}`);
      }
    },
  }),
  setting({
    env: 'TWINNING_HOME',
    key: 'home',
    default: '(none)',
    help: 'home mode: the id of the place whose program office runs the site, e.g. Q74957',
    doc: "home mode: the id of the place whose program office runs the site (find it with `npx twinning places search NAME`); the home page then leads with its partners and each partner's page reads from its point of view",
    read: (v) =>
      !v
        ? null
        : /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/.test(v)
          ? v
          : fail('is not a place id such as Q74957 (see `twinning places search`)'),
  }),
  setting({
    env: 'LOG_LEVEL',
    key: 'logLevel',
    default: 'info',
    help: 'fatal, error, warn, info, debug, trace or silent',
    doc:
      '`fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`. Failures and background work are logged at ' +
      '`info`; `debug` adds a line for each answer the app makes (address, status, milliseconds), at a cost in ' +
      'CPU on every answer. Answers from the response cache are not logged: the access log is a reverse ' +
      "proxy's",
    read: (v) =>
      LOG_LEVELS.includes(v || 'info') ? v || 'info' : fail(`must be one of ${LOG_LEVELS.join(', ')}`),
  }),
  setting({
    env: 'TWINNING_URL',
    key: 'publicUrl',
    default: 'http://localhost:PORT',
    help: "the site's public address, for links in mail and feeds",
    doc: "the site's public address, used in links sent by mail (password resets, notifications, feeds); `https://…` also marks cookies `Secure` and sends HSTS",
    read: (v, before) => {
      const url = (v || `http://localhost:${before.port ?? 3000}`).replace(/\/+$/, '');
      return /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(url)
        ? url
        : fail("must be the site's address, such as https://twinning.example.org");
    },
  }),
  setting({
    env: 'TWINNING_SMTP_URL',
    key: 'smtpUrl',
    default: '(none)',
    sensitive: true,
    help: 'smtp://user:password@host:port to deliver mail; unset keeps mail in the outbox (/admin/outbox)',
    doc: '`smtp://user:password@host:587` (or `smtps://`) to deliver mail; without it mail is kept in the outbox, where site admins read it at `/admin/outbox`',
    read: (v) =>
      !v
        ? null
        : /^smtps?:\/\/[^\s]+$/.test(v)
          ? v
          : fail('must look like smtp://user:password@mail.example.org:587'),
  }),
  setting({
    env: 'TWINNING_MAIL_FROM',
    key: 'mailFrom',
    default: 'Twinning <no-reply@host>',
    help: "the sender of mail (default: Twinning <no-reply@the site's host>)",
    doc: "the sender of the site's mail",
    read: (v, before) => v || `Twinning <no-reply@${hostOf(before.publicUrl ?? '')}>`,
  }),
  setting({
    env: 'TWINNING_TRUST_PROXY',
    key: 'trustProxy',
    default: '0',
    help: 'proxies in front to trust for the client address',
    doc: "behind a reverse proxy, how many proxies to trust for the client's address (`X-Forwarded-For`); sign-in limits count per client address",
    read: (v) => {
      const t = v || '0';
      const n = t === 'true' ? 1 : t === 'false' ? 0 : Number(t);
      return Number.isInteger(n) && n >= 0 && n <= 10
        ? n
        : fail('must be the number of proxies in front (0-10), or true/false');
    },
  }),
  setting({
    env: 'TWINNING_PHOTO_QUOTA_MB',
    key: 'photoQuotaBytes',
    default: '500',
    help: 'megabytes of photos each organization may keep',
    doc: 'how many megabytes of photos (every stored size together) each organization may keep; an upload past it is refused with a message',
    read: (v) => {
      const mb = Number(v || '500');
      return Number.isInteger(mb) && mb >= 1 && mb <= 1_000_000
        ? mb * 1024 * 1024
        : fail('must be a whole number of megabytes (1 or more)');
    },
  }),
  setting({
    env: 'TWINNING_WORKERS',
    key: 'workers',
    default: '1',
    help: '`serve`: app processes answering on the one port (e.g. one per core)',
    doc: "how many app processes `serve` runs behind its one port (Node's cluster): each answers requests with its own caches, all on the same database; `1` serves from the process itself. More than one needs PostgreSQL or SQLite on a local disk; mail, digests and the network figures are safe to run in each",
    read: (v) => wholeNumber(v, '1', 1, 64, 'must be the number of app processes (1-64)'),
  }),
  setting({
    env: 'TWINNING_HEAP_GROWTH',
    key: 'heapGrowth',
    default: '0',
    help: '`serve`: % the JavaScript heap may grow past live data before a full collection (0: as V8 decides)',
    doc: "how far (in %) `serve`'s JavaScript heap may grow past what the last full garbage collection found live before it collects again; `0` leaves it to V8, which lets the heap grow up to 4x what is live under load. A small value keeps memory near what is live, for a host short of memory: with `20`, under the bench's full load RSS peaked at ~310 MB instead of ~480 MB (~250 instead of ~300 MB right after; the same ~210 MB once idle), but each answer cost 30–45% more CPU and the slowest (p99) of the cheap API answers took 33–47 ms instead of 9–12 ms",
    read: (v) => wholeNumber(v, '0', 0, 1000, 'must be a whole percentage (0-1000; 0: as V8 decides)'),
  }),
  setting({
    env: 'TWINNING_SECRET',
    key: 'secret',
    default: '(made once)',
    sensitive: true,
    help: 'signs cookies (32+ characters); unset: made once and kept in the database',
    doc: 'the key that signs cookies, 32 characters or more; without it one is made at first start and kept in the database, so every app server on it agrees',
    read: (v) => (!v ? null : v.length >= 32 ? v : fail('must be at least 32 characters long')),
  }),
  setting({
    env: 'TWINNING_WIKIDATA_URL',
    key: 'wikidataUrl',
    default: 'https://query.wikidata.org',
    help: 'the Wikidata Query Service `twinning sync wikidata` asks (its endpoint is <base>/sparql)',
    doc: 'the Wikidata Query Service that `twinning sync wikidata` and the daily sync ask; the endpoint is `<base>/sparql`',
    read: (v) => {
      const url = (v || 'https://query.wikidata.org').replace(/\/+$/, '');
      return /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(url)
        ? url
        : fail('must be an address such as https://query.wikidata.org');
    },
  }),
  setting({
    env: 'TWINNING_WIKIDATA_CONTACT',
    key: 'wikidataContact',
    default: "(the site's address)",
    help: 'how Wikidata can reach whoever runs this site (an address or URL), sent in the User-Agent',
    doc: "how Wikidata's operators can reach whoever runs this site (an e-mail address or a URL), sent in the User-Agent of every request as Wikimedia's policy asks; the default is `TWINNING_URL`",
    read: (v, before) => {
      const contact = v || before.publicUrl || 'http://localhost';
      return /^[^\s()]{3,200}$/.test(contact)
        ? contact
        : fail('must be an e-mail address or a URL, without spaces or brackets');
    },
  }),
] as const satisfies readonly Setting[];

/** Reads and checks the environment once; every setting that is wrong is reported together. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const errors: string[] = [];
  const config: Partial<Config> = {};
  for (const s of SETTINGS as readonly Setting[]) {
    const raw = env[s.env];
    try {
      (config as Record<string, unknown>)[s.key] = s.read(raw?.trim() ?? '', config);
    } catch (e) {
      errors.push(`${s.env}${raw !== undefined && !s.sensitive ? `="${raw}"` : ''} ${(e as Error).message}`);
    }
  }
  if (errors.length) throw new ConfigError(`The configuration is not valid:\n  ${errors.join('\n  ')}`);
  return config as Config;
}

/** The settings as `twinning --help` lists them. */
export function settingsHelp(): string {
  const width = Math.max(...SETTINGS.map((s) => s.env.length)) + 2;
  return SETTINGS.map(
    (s) => `  ${s.env.padEnd(width)}${s.help}${/^\(/.test(s.default) ? '' : ` (default ${s.default})`}`,
  ).join('\n');
}
