import { readFileSync } from 'node:fs';

/** One row of a SPARQL SELECT answer in the W3C JSON results format: variable → term. */
export type Binding = Record<string, { type: string; value: string; 'xml:lang'?: string; datatype?: string }>;

export interface SparqlResults {
  head: { vars: string[] };
  results: { bindings: Binding[] };
}

export interface ClientOptions {
  /** the service's base address; the endpoint is `<base>/sparql` (https://query.wikidata.org) */
  baseUrl: string;
  /** how to reach whoever runs this site, for the User-Agent (Wikimedia's policy asks for one) */
  contact: string;
  /** give up on an answer after this long (milliseconds) */
  timeoutMs?: number;
  /** attempts after the first, on 429, 5xx, a timeout or a network error */
  retries?: number;
  /** the first wait before trying again; doubled each time (plus up to a quarter at random) */
  backoffMs?: number;
  /** the longest wait (also for a Retry-After) */
  maxWaitMs?: number;
  /** told of each retry (for logs) */
  onRetry?: (attempt: number, waitMs: number, why: string) => void;
  /** gives up at once (a server shutting down) */
  signal?: AbortSignal;
}

/** An answer the service gave up on, or refused: not worth trying again as it was. */
export class SparqlError extends Error {
  override name = 'SparqlError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

function productVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0';
  } catch {
    return '0';
  }
}

const VERSION = productVersion();

/** The User-Agent Wikimedia asks for: product/version (contact) library/version. */
export function userAgent(contact: string): string {
  return `Twinning/${VERSION} (${contact}; sister-city registry sync) Node.js/${process.versions.node}`;
}

const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);

/** Seconds or an HTTP date, as a wait in milliseconds; undefined when absent or not understood. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Waits, or less if `signal` stops it. */
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * A client of a SPARQL endpoint such as the Wikidata Query Service: SELECT queries sent by POST as a form
 * (long VALUES lists do not fit in an address), JSON results, retries with exponential backoff that honour
 * Retry-After, and a timeout per attempt. Only the base address tells the real service from a recorded one.
 */
export class SparqlClient {
  readonly endpoint: string;
  readonly userAgent: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxWaitMs: number;
  /** requests sent, retries included */
  requests = 0;

  constructor(private readonly opts: ClientOptions) {
    this.endpoint = `${opts.baseUrl.replace(/\/+$/, '')}/sparql`;
    this.userAgent = userAgent(opts.contact);
    this.timeoutMs = opts.timeoutMs ?? 60_000;
    this.retries = opts.retries ?? 5;
    this.backoffMs = opts.backoffMs ?? 2_000;
    this.maxWaitMs = opts.maxWaitMs ?? 120_000;
  }

  async select(query: string): Promise<Binding[]> {
    for (let attempt = 0; ; attempt++) {
      let why: string;
      let wait: number | undefined;
      try {
        this.requests++;
        const res = await fetch(this.endpoint, {
          method: 'POST',
          headers: {
            accept: 'application/sparql-results+json',
            'content-type': 'application/x-www-form-urlencoded',
            'user-agent': this.userAgent,
          },
          body: new URLSearchParams({ query, format: 'json' }).toString(),
          signal: this.opts.signal
            ? AbortSignal.any([this.opts.signal, AbortSignal.timeout(this.timeoutMs)])
            : AbortSignal.timeout(this.timeoutMs),
        });
        if (res.ok) {
          const json = (await res.json()) as SparqlResults;
          if (!json?.results || !Array.isArray(json.results.bindings))
            throw new SparqlError(`${this.endpoint} answered without SPARQL results.`);
          return json.results.bindings;
        }
        const body = (await res.text()).slice(0, 300);
        if (!RETRYABLE.has(res.status))
          throw new SparqlError(`${this.endpoint} refused the query (${res.status}): ${body}`, res.status);
        why = `HTTP ${res.status}`;
        wait = retryAfterMs(res.headers.get('retry-after'));
      } catch (e) {
        if (e instanceof SparqlError) throw e;
        if (this.opts.signal?.aborted) throw new SparqlError(`Stopped while asking ${this.endpoint}.`);
        // a timeout, a refused or broken connection, a truncated answer
        why =
          (e as Error).name === 'TimeoutError'
            ? 'timeout'
            : String((e as Error).cause ?? (e as Error).message);
      }
      if (attempt >= this.retries || this.opts.signal?.aborted)
        throw new SparqlError(`${this.endpoint} failed ${attempt + 1} times; the last time: ${why}.`);
      const backoff = this.backoffMs * 2 ** attempt * (1 + Math.random() / 4);
      // the service's own word on when to come back, else the backoff
      const ms = Math.min(this.maxWaitMs, wait ?? backoff);
      this.opts.onRetry?.(attempt + 1, ms, why);
      await sleep(ms, this.opts.signal);
    }
  }
}
