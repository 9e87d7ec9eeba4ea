import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  AuthenticationError,
  ConflictError,
  ForbiddenError,
  GoneError,
  MovedError,
  NotFoundError,
  TooManyError,
  ValidationError,
  type Problem,
} from '../domain/errors.js';
import { isConnectionLost } from '../store/db.js';
import { messages } from './i18n/index.js';
import { page } from './views/layout.js';
import { placePath } from './views/links.js';

/** What a 503 asks clients to wait while the database is away. */
export const UNAVAILABLE_RETRY_SECONDS = 2;

/** The problems of a refused form, for showing it again: messages on top, and per field where known. */
export interface FormProblems {
  messages: string[];
  /** field name → what is wrong with it */
  fields: Record<string, string>;
}

/** Renders a form page again with its problems (the request's body holds what was sent). */
export type FormRenderer = (
  req: FastifyRequest,
  reply: FastifyReply,
  problems: FormProblems,
) => string | Promise<string>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A POST page route whose refusals (400, 401, 409, 429) show the form again with its problems, instead of
     * an error page; the same renderer as the GET that shows the form.
     */
    form?: FormRenderer;
  }
}

interface Mapped {
  status: number;
  retryAfter?: number;
  /** the error's problems as they are shown (ajv's validation errors made readable) */
  problems: Problem[];
}

const CODE_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Every kind of error the site answers, and its HTTP status: the one place where domain meets HTTP. */
export function mapError(error: FastifyError): Mapped {
  if (isConnectionLost(error)) return { status: 503, retryAfter: UNAVAILABLE_RETRY_SECONDS, problems: [] };
  if (error instanceof ValidationError) return { status: 400, problems: error.problems };
  if (error.validation) return { status: 400, problems: validationProblems(error) };
  if (error instanceof AuthenticationError) return { status: 401, problems: [] };
  if (error instanceof ForbiddenError) return { status: 403, problems: [] };
  if (error instanceof NotFoundError) return { status: 404, problems: [] };
  if (error instanceof ConflictError) return { status: 409, problems: [] };
  // (an old id that is not the address's own: the request must name the current place)
  if (error instanceof MovedError) return { status: 409, problems: [] };
  if (error instanceof GoneError) return { status: 410, problems: [] };
  if (error instanceof TooManyError)
    return { status: 429, retryAfter: error.retryAfterSeconds, problems: [] };
  // Fastify's and its plugins' own refusals (a body too large, a malformed one, a CSRF token that fails)
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, problems: [] };
  }
  return { status: 500, problems: [] };
}

/** Fastify's schema errors in words: which parameter or field, and what to do about it. */
function validationProblems(error: FastifyError): Problem[] {
  return (error.validation ?? []).map((v) => {
    const field =
      (v.params as { missingProperty?: string }).missingProperty ??
      v.instancePath.replace(/^\//, '').split('/')[0] ??
      '';
    const where = error.validationContext === 'querystring' ? 'parameter' : 'field';
    const p = v.params as Record<string, unknown>;
    let message: string;
    switch (v.keyword) {
      case 'required':
        message = `the ${where} "${field}" is missing`;
        break;
      case 'type':
        message = Array.isArray((v as { data?: unknown }).data)
          ? `give "${field}" only once`
          : `"${field}" must be ${p.type === 'integer' ? 'a whole number' : `a ${String(p.type)}`}`;
        break;
      case 'maxLength':
        message = `"${field}" may be at most ${String(p.limit)} characters long`;
        break;
      case 'minLength':
        message = `"${field}" must be at least ${String(p.limit)} characters long`;
        break;
      case 'maximum':
      case 'minimum':
        message = `"${field}" must be ${v.keyword === 'maximum' ? 'at most' : 'at least'} ${String(p.limit)}`;
        break;
      case 'enum':
        message = `"${field}" must be one of ${(p.allowedValues as unknown[]).join(', ')}`;
        break;
      case 'pattern':
      case 'format':
        message = `"${field}" is not in the expected form`;
        break;
      default:
        message = `"${field}" ${v.message ?? 'is not valid'}`;
    }
    return { column: field, message };
  });
}

export function formProblems(error: FastifyError, mapped = mapError(error)): FormProblems {
  const fields: Record<string, string> = {};
  for (const p of mapped.problems) if (p.column && !fields[p.column]) fields[p.column] = p.message;
  const list = mapped.problems.length ? mapped.problems.map((p) => p.message) : [error.message];
  return { messages: list, fields };
}

const FORM_STATUSES = new Set([400, 401, 409, 429]);

/**
 * The error handler of the whole site. JSON for the API; for pages, the form again with its problems where the
 * route has one, else an error page in the reader's language. Server faults are logged and told in general
 * words; nothing of them reaches the reader.
 */
export async function handleError(
  error: FastifyError,
  req: FastifyRequest,
  reply: FastifyReply,
  /** false once the form's renderer has failed: the answer is then about what made it fail */
  withForm = true,
): Promise<FastifyReply> {
  if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
    error.message =
      'This form has expired or was opened before you signed in or out. Go back, reload the page and send it again.';
  }
  // a place merged into another: its old addresses lead to the current ones, for pages and the API alike;
  // a write to one is sent on with its method and body (308); an old id in a body is refused as out of date
  if (error instanceof MovedError) {
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (read) return reply.redirect(movedLocation(req.url, error), 301);
    if (findId(req.url, error.from).at > 0) return reply.redirect(movedLocation(req.url, error), 308);
  }
  const mapped = mapError(error);
  if (mapped.status >= 500) {
    if (mapped.status === 503) req.log.warn(`database unavailable: ${error.message}`);
    else req.log.error(error);
  }
  if (mapped.retryAfter !== undefined) reply.header('retry-after', String(mapped.retryAfter));
  reply.code(mapped.status);
  if (req.url.startsWith('/api/')) {
    const message =
      mapped.status === 503
        ? `The database cannot be reached just now. Try again in ${UNAVAILABLE_RETRY_SECONDS} seconds.`
        : mapped.status >= 500
          ? 'Something went wrong on our side.'
          : error.validation
            ? `Invalid request: ${mapped.problems.map((p) => p.message).join('; ')}`
            : error.message;
    return reply.send({
      error: CODE_NAMES[mapped.status] ?? error.name,
      message,
      ...(error instanceof ValidationError ? { problems: error.problems } : {}),
    });
  }
  const form = withForm ? req.routeOptions.config?.form : undefined;
  if (form && FORM_STATUSES.has(mapped.status)) {
    let html: string;
    try {
      html = await form(req, reply, formProblems(error, mapped));
    } catch (e) {
      // the form is not for this reader (a refused form of something they may not edit): say that instead
      return handleError(e as FastifyError, req, reply, false);
    }
    return reply.type('text/html; charset=utf-8').send(html);
  }
  // a schema's refusal in words that name the parameter ("give "a" only once"), not ajv's paths
  const shown = error.validation ? new Error(mapped.problems.map((p) => p.message).join('; ')) : error;
  return errorPage(req, reply, mapped.status, shown);
}

/** The segments of an address's path, its query apart, and where among them `id` stands (-1: nowhere). */
function findId(url: string, id: string): { parts: string[]; query: string; at: number } {
  const q = url.indexOf('?');
  const parts = (q < 0 ? url : url.slice(0, q)).split('/');
  return {
    parts,
    query: q < 0 ? '' : url.slice(q),
    at: parts.findIndex((p, i) => i > 0 && safeDecode(p) === id),
  };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Where an address about a merged place now lives: the same address with the current id (`/api/places/OLD/…`,
 * `/places/OLD/stats`), and the current page itself for a profile (`/places/OLD[/slug]`, `/countries/OLD`).
 */
export function movedLocation(url: string, moved: MovedError): string {
  const { parts, query, at } = findId(url, moved.from);
  const path = parts.join('/');
  const profile =
    !path.startsWith('/api/') &&
    ((parts[1] === 'places' &&
      at === 2 &&
      parts.length <= 4 &&
      !['stats', 'network'].includes(parts[3] ?? '')) ||
      (parts[1] === 'countries' && at === 2));
  if (profile) return placePath(moved.to) + query;
  if (at < 0) return placePath(moved.to);
  parts[at] = encodeURIComponent(moved.to.id);
  return parts.join('/') + query;
}

/** An error as a page: what went wrong, in words a visitor can act on. */
export function errorPage(req: FastifyRequest, reply: FastifyReply, status: number, error?: Error) {
  const t = messages(req.lang ?? 'en').site;
  const [title, message] =
    status === 503
      ? [t.unavailableTitle, t.unavailableText]
      : status === 404
        ? [t.notFoundTitle, error?.message ?? '']
        : status === 403
          ? [t.forbiddenTitle, error?.message ?? '']
          : status < 500
            ? [t.checkTitle, error instanceof Error && error.message ? error.message : t.checkTitle]
            : [t.errorTitle, t.errorText];
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(
      page({
        lang: req.lang ?? 'en',
        path: req.url,
        site: req.site,
        user: req.user,
        title,
        children: (
          <>
            <h1>{title}</h1>
            <p>{message}</p>
          </>
        ),
      }),
    );
}
