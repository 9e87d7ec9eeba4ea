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
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

/** Reads and checks the environment once; every setting that is wrong is reported together. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const errors: string[] = [];
  const portText = env.PORT?.trim() || '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 0 || port > 65535) {
    errors.push(`PORT="${env.PORT}" is not a port number (0-65535)`);
  }
  let continents: Record<string, Continent> = {};
  try {
    continents = parseContinentOverrides(env.TWINNING_CONTINENTS ?? '');
  } catch (e) {
    errors.push(`TWINNING_CONTINENTS: ${(e as Error).message}`);
  }
  const seedText = (env.TWINNING_SEED ?? 'true').trim().toLowerCase();
  if (!['true', 'false', '1', '0', 'yes', 'no'].includes(seedText)) {
    errors.push(`TWINNING_SEED="${env.TWINNING_SEED}" must be true or false`);
  }
  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    errors.push(`LOG_LEVEL="${env.LOG_LEVEL}" must be one of fatal, error, warn, info, debug, trace, silent`);
  }
  const home = env.TWINNING_HOME?.trim() || null;
  if (home && !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/.test(home)) {
    errors.push(
      `TWINNING_HOME="${env.TWINNING_HOME}" is not a place id such as Q74957 (see \`twinning places search\`)`,
    );
  }
  const publicUrl = (env.TWINNING_URL?.trim() || `http://localhost:${portText}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(publicUrl))
    errors.push(
      `TWINNING_URL="${env.TWINNING_URL}" must be the site's address, such as https://twinning.example.org`,
    );
  const secret = env.TWINNING_SECRET?.trim() || null;
  if (secret && secret.length < 32) errors.push('TWINNING_SECRET must be at least 32 characters long');
  const smtpUrl = env.TWINNING_SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl))
    errors.push(`TWINNING_SMTP_URL="${smtpUrl}" must look like smtp://user:password@mail.example.org:587`);
  const mailFrom = env.TWINNING_MAIL_FROM?.trim() || `Twinning <no-reply@${hostOf(publicUrl)}>`;
  const proxyText = (env.TWINNING_TRUST_PROXY ?? '0').trim() || '0';
  const trustProxy = proxyText === 'true' ? 1 : proxyText === 'false' ? 0 : Number(proxyText);
  if (!Number.isInteger(trustProxy) || trustProxy < 0 || trustProxy > 10)
    errors.push(
      `TWINNING_TRUST_PROXY="${proxyText}" must be the number of proxies in front (0-10), or true/false`,
    );
  const quotaText = (env.TWINNING_PHOTO_QUOTA_MB ?? '500').trim() || '500';
  const quotaMb = Number(quotaText);
  if (!Number.isInteger(quotaMb) || quotaMb < 1 || quotaMb > 1_000_000)
    errors.push(`TWINNING_PHOTO_QUOTA_MB="${quotaText}" must be a whole number of megabytes (1 or more)`);
  if (errors.length) throw new ConfigError(`The configuration is not valid:\n  ${errors.join('\n  ')}`);
  return {
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl: env.DATABASE_URL?.trim() || './var/twinning.db',
    seed: ['true', '1', 'yes'].includes(seedText),
    continents,
    logLevel,
    home,
    publicUrl,
    secret,
    smtpUrl,
    mailFrom,
    trustProxy,
    photoQuotaBytes: quotaMb * 1024 * 1024,
  };
}
