import type { ViewContext } from './context.js';
import { renderPage } from './layout.js';
import { DataTable } from './table.js';

// The API reference at /api: the OpenAPI document read for people, rendered on the server from the document
// itself, so that it cannot drift from the API. The page's own texts come from the catalogue; the texts of
// the operations are the document's (in English).

interface Schema {
  type?: string | string[];
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  description?: string;
  examples?: unknown[];
  anyOf?: Schema[];
}
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  example?: unknown;
  schema?: Schema;
}
interface Media {
  schema?: Schema;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}
interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, Media> };
  /** set on the operations that need an API key */
  security?: unknown[];
  responses?: Record<string, { description?: string; content?: Record<string, Media> }>;
}
/** The parts of an OpenAPI 3.1 document the page shows. */
export interface OpenApiDocument {
  info: { title: string; version: string; description?: string; license?: { name: string } };
  servers?: { url: string }[];
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export interface ApiOperation {
  method: string;
  path: string;
  anchor: string;
  op: Operation;
}

/** Every operation of the document, grouped by its first tag, in the order of the document's tags. */
export function operationsByTag(
  doc: OpenApiDocument,
): { tag: string; description?: string; ops: ApiOperation[] }[] {
  const groups = new Map<string, ApiOperation[]>((doc.tags ?? []).map((t) => [t.name, []]));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'other';
      const anchor = `op-${method}-${path
        .replace(/^\/api\/?/, '')
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/-+$/, '')}`;
      groups.set(tag, [...(groups.get(tag) ?? []), { method: method.toUpperCase(), path, anchor, op }]);
    }
  }
  return [...groups]
    .filter(([, ops]) => ops.length)
    .map(([tag, ops]) => ({ tag, description: doc.tags?.find((t) => t.name === tag)?.description, ops }));
}

/** Text with `code` spans, as the document's descriptions write them. */
function Prose({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <>
      {text
        .split(/(`[^`]+`)/)
        .map((part) => (/^`[^`]+`$/.test(part) ? <code>{part.slice(1, -1)}</code> : part))}
    </>
  );
}

const exampleOf = (p: Parameter): unknown => p.example ?? p.schema?.examples?.[0];

/** What values a parameter takes, in a few words. */
function typeOf(s: Schema | undefined): string {
  if (!s) return '';
  if (s.enum) return s.enum.map(String).join(' | ');
  if (s.anyOf) return s.anyOf.map(typeOf).join(' | ');
  const type = Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? '');
  const range =
    s.minimum !== undefined || s.maximum !== undefined ? ` ${s.minimum ?? ''}–${s.maximum ?? ''}` : '';
  return `${type}${range}`;
}

/** The successful answer of an operation: 200, or 201 for one that makes something. */
const success = (o: ApiOperation) => o.op.responses?.['200'] ?? o.op.responses?.['201'];

/** The example of a JSON request body, if the operation takes one. */
export function exampleBody(o: ApiOperation): unknown {
  const media = o.op.requestBody?.content?.['application/json'];
  if (!media) return undefined;
  return media.example ?? Object.values(media.examples ?? {})[0]?.value ?? media.schema?.examples?.[0];
}

const needsKey = (o: ApiOperation) => !!o.op.security?.length;

/** A curl command for the operation at the site's address: path parameters and the query's examples filled in. */
export function exampleRequest(base: string, o: ApiOperation): string {
  const params = o.op.parameters ?? [];
  const path = o.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const p = params.find((q) => q.in === 'path' && q.name === name);
    return encodeURIComponent(String((p && exampleOf(p)) ?? name.toUpperCase()));
  });
  const query = params
    .filter((p) => p.in === 'query' && exampleOf(p) !== undefined)
    .map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(String(exampleOf(p)))}`);
  const url = `${base}${path}${query.length ? `?${query.join('&')}` : ''}`;
  const binary = !success(o)?.content?.['application/json'];
  const body = exampleBody(o);
  const lines = [`curl${o.method === 'GET' ? '' : ` -X ${o.method}`} '${url}'${binary ? ' -OJ' : ''}`];
  if (needsKey(o)) lines.push(`-H 'Authorization: Bearer tw_…'`);
  if (body !== undefined)
    lines.push(`-H 'Content-Type: application/json'`, `-d '${JSON.stringify(body).replace(/'/g, "'\\''")}'`);
  return lines.join(' \\\n  ');
}

/** The example answer: JSON pretty-printed, or the file's beginning for the other types; with its media type. */
function exampleResponse(o: ApiOperation): { type: string; text: string } | null {
  for (const [type, media] of Object.entries(success(o)?.content ?? {})) {
    const ex = media.example ?? Object.values(media.examples ?? {})[0]?.value;
    if (ex === undefined) continue;
    return { type, text: typeof ex === 'string' ? pretty(ex) : JSON.stringify(ex, null, 2) };
  }
  return null;
}

/** A string example that is JSON, pretty-printed; any other text as it is. */
function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function apiReferencePage(v: ViewContext, doc: OpenApiDocument): string {
  const t = v.t.apiRef;
  const base = doc.servers?.[0]?.url ?? v.site.url ?? '';
  const groups = operationsByTag(doc);
  return renderPage(v, {
    title: t.title,
    description: t.intro,
    head: { alternates: [{ type: 'application/json', href: '/api/openapi.json', title: t.rawLink }] },
    children: (
      <div class="api-ref">
        <h1>{t.title}</h1>
        <p class="lead">{t.intro}</p>
        <dl class="facts">
          <dt>{t.version}</dt>
          <dd>{doc.info.version}</dd>
          <dt>{t.server}</dt>
          <dd>
            <code>{doc.servers?.[0]?.url ?? base}</code>
          </dd>
          {doc.info.license && (
            <>
              <dt>{t.licence}</dt>
              <dd>{doc.info.license.name}</dd>
            </>
          )}
          <dt>{t.document}</dt>
          <dd>
            <a href="/api/openapi.json" type="application/json">
              {t.rawLink}
            </a>
          </dd>
        </dl>
        <p>
          <Prose text={t.errorsIntro} />
        </p>
        <p>
          <Prose text={t.writeIntro} />
        </p>
        {v.lang !== 'en' && <p class="muted">{t.englishNote}</p>}
        <nav class="api-toc" aria-labelledby="h-api-toc">
          <h2 id="h-api-toc">{t.contents}</h2>
          <ul>
            {groups.map((g) => (
              <li>
                <a href={`#tag-${g.tag}`}>{g.tag}</a>
                <ul>
                  {g.ops.map((o) => (
                    <li>
                      <a href={`#${o.anchor}`}>
                        <span class="api-method">{o.method}</span> <code class="api-path">{o.path}</code>
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </nav>
        {groups.map((g) => (
          <section class="api-tag" aria-labelledby={`tag-${g.tag}`}>
            <h2 id={`tag-${g.tag}`}>{g.tag}</h2>
            {g.description && <p>{g.description}</p>}
            {g.ops.map((o) => (
              <Operation v={v} o={o} base={base} />
            ))}
          </section>
        ))}
      </div>
    ),
  });
}

function Operation({ v, o, base }: { v: ViewContext; o: ApiOperation; base: string }) {
  const t = v.t.apiRef;
  const params = o.op.parameters ?? [];
  const response = exampleResponse(o);
  const errors = Object.entries(o.op.responses ?? {}).filter(([code]) => /^[45]\d\d$/.test(code));
  const id = (part: string) => `${o.anchor}-${part}`;
  return (
    <article class="api-op" aria-labelledby={o.anchor}>
      <h3 id={o.anchor}>
        <span class="api-method">{o.method}</span> <code class="api-path">{o.path}</code>
      </h3>
      <p class="api-summary">{o.op.summary}</p>
      {o.op.description && (
        <p>
          <Prose text={o.op.description} />
        </p>
      )}
      {needsKey(o) && (
        <p class="api-auth">
          <Prose text={t.needsKey} />
        </p>
      )}
      <h4 id={id('params')}>{t.parameters}</h4>
      {params.length ? (
        <DataTable
          class="api-params"
          columns={[
            { label: t.name },
            { label: t.in },
            { label: t.type },
            { label: t.required },
            { label: t.meaning },
          ]}
          rows={params.map((p) => [
            <code>{p.name}</code>,
            p.in === 'path' ? t.inPath : t.inQuery,
            <>
              <code class="api-type">{typeOf(p.schema)}</code>
              {p.schema?.default !== undefined && (
                <>
                  {' '}
                  <span class="muted">{t.defaultValue(String(p.schema.default))}</span>
                </>
              )}
            </>,
            p.required ? t.yes : t.no,
            <Prose text={p.description ?? p.schema?.description} />,
          ])}
        />
      ) : (
        <p class="muted">{t.noParameters}</p>
      )}
      {exampleBody(o) !== undefined && (
        <>
          <h4 id={id('body')}>{t.requestBody}</h4>
          <pre class="api-code" tabindex={0} role="region" aria-labelledby={`${id('body')} ${o.anchor}`}>
            <code>{JSON.stringify(exampleBody(o), null, 2)}</code>
          </pre>
        </>
      )}
      <h4 id={id('request')}>{t.exampleRequest}</h4>
      <pre
        class="api-code api-request"
        tabindex={0}
        role="region"
        aria-labelledby={`${id('request')} ${o.anchor}`}
      >
        <code>{exampleRequest(base, o)}</code>
      </pre>
      {response && (
        <>
          <h4 id={id('response')}>
            {t.exampleResponse} <span class="muted">({response.type})</span>
          </h4>
          <pre class="api-code" tabindex={0} role="region" aria-labelledby={`${id('response')} ${o.anchor}`}>
            <code>{response.text}</code>
          </pre>
        </>
      )}
      <h4>{t.errors}</h4>
      <DataTable
        class="api-errors"
        columns={[{ label: t.status, numeric: true }, { label: t.meaning }]}
        rows={errors.map(([code, r]) => [<code>{code}</code>, <Prose text={r.description} />])}
      />
    </article>
  );
}
