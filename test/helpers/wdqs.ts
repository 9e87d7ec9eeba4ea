import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'wikidata');

type Results = { head: { vars: string[] }; results: { bindings: Record<string, { value: string }>[] } };

export interface RecordedRequest {
  method: string;
  kind: string;
  qids: string[];
  userAgent: string;
  accept: string;
  status: number;
}

export interface Wdqs {
  /** the base address the client is given (its endpoint is `<base>/sparql`) */
  url: string;
  requests: RecordedRequest[];
  /** answer the n-th request (1-based, counting every request) with this status once */
  failOnce(n: number, status?: number, retryAfter?: string): void;
  close(): Promise<void>;
}

/**
 * A stand-in for the Wikidata Query Service on a local port, answering from recorded results
 * (test/fixtures/wikidata/{items,facts,ties}.json, in the SPARQL 1.1 JSON results format): each query names its
 * kind in its first line (`#twinning:items`) and its items in `VALUES ?item { wd:Q… }`; the answer is the
 * recorded rows of those items (and, for `items`, changed since the `?modified` filter's day). Listens on `port`
 * (the tests' own range).
 */
export async function startWdqs(port: number): Promise<Wdqs> {
  const recorded: Record<string, Results> = {};
  for (const kind of ['items', 'facts', 'ties'])
    recorded[kind] = JSON.parse(readFileSync(join(FIXTURES, `${kind}.json`), 'utf8')) as Results;
  const requests: RecordedRequest[] = [];
  const failures = new Map<number, { status: number; retryAfter?: string }>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const form = new URLSearchParams(
        req.method === 'POST' ? Buffer.concat(chunks).toString('utf8') : url.search,
      );
      const query = form.get('query') ?? '';
      const kind = /^#twinning:(\w+)/.exec(query)?.[1] ?? '';
      const qids = [...(/VALUES \?item \{([^}]*)\}/.exec(query)?.[1] ?? '').matchAll(/wd:(Q\d+)/g)].map(
        (m) => m[1]!,
      );
      const n = requests.length + 1;
      const entry: RecordedRequest = {
        method: req.method ?? '',
        kind,
        qids,
        userAgent: req.headers['user-agent'] ?? '',
        accept: req.headers.accept ?? '',
        status: 200,
      };
      requests.push(entry);
      const failure = failures.get(n);
      if (failure) {
        failures.delete(n);
        entry.status = failure.status;
        res.writeHead(failure.status, {
          'content-type': 'text/plain',
          ...(failure.retryAfter ? { 'retry-after': failure.retryAfter } : {}),
        });
        return res.end('Service Unavailable: too many queries, try again later');
      }
      if (url.pathname !== '/sparql' || form.get('format') !== 'json' || !recorded[kind]) {
        entry.status = 400;
        res.writeHead(400, { 'content-type': 'text/plain' });
        return res.end('MalformedQueryException');
      }
      const since = /FILTER\(\?modified >= "([^"]+)"/.exec(query)?.[1];
      const wanted = new Set(qids);
      const { head, results } = recorded[kind]!;
      const bindings = results.bindings.filter((b) => {
        const item = b.item?.value.split('/').pop() ?? '';
        return wanted.has(item) && (!since || (b.modified?.value ?? '') >= since);
      });
      res.writeHead(200, { 'content-type': 'application/sparql-results+json;charset=utf-8' });
      res.end(JSON.stringify({ head, results: { bindings } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failOnce: (n, status = 503, retryAfter) => failures.set(n, { status, retryAfter }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A tie the registry has from Wikidata whose statement was removed there since (Malmö – Tokyo). */
export const WIKIDATA_TIES_CSV = `a,b,kind,signed,ended,status,source,notes,listed_by
Q2211,Q1490,sister,2005,,active,tie=https://www.wikidata.org/wiki/Q2211#P190 | kind=Wikidata P190,,a
`;
