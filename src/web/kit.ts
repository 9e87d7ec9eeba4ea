import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../domain/errors.js';
import type { Viewer } from '../services/place-views.js';
import { Type, type TSchema } from 'typebox';

// What route modules share: the schemas of the parameters, queries and form fields pages take, and the few
// ways a handler answers. Every route parses what it takes with a schema, so a repeated parameter, a number
// out of range or a wrong type is a 400 that says what to fix, never a failure further in.

/** Options of a GET page kept in the response cache (see cache.ts). */
export const CACHED = { config: { cache: true } } as const;

/** A line of text of at most `max` characters, e.g. a search box or a form field. */
export const Text = (max = 200) => Type.String({ maxLength: max });
/** A longer text (Markdown, notes). */
export const LongText = (max = 100_000) => Type.String({ maxLength: max });

/** A row id as it appears in addresses: a positive 32-bit integer (both databases' `integer`). */
export const RowId = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
/** The same as text in a path, so that an id out of range is "not found" rather than a malformed request. */
export const RowIdText = Type.String({ pattern: '^[0-9]{1,18}$', maxLength: 18 });

/** A place's id in an address (QIDs, country codes, `<cc>-<slug>` regions). */
export const PlaceIdText = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$', maxLength: 100 });
export const Slug = Type.String({ maxLength: 200 });

/** ?page=N of a paged list; pages past the end are empty, not errors. */
export const PageNo = Type.Integer({ minimum: 1, maximum: 10_000 });

/** The query every page takes: the language of this view of it. */
export const PageQuery = <P extends Record<string, TSchema>>(props: P) =>
  Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })), ...props });

/**
 * A form body: the fields a form sends, each text, all optional (a missing field reads as empty, as browsers
 * leave out empty selects and unchecked boxes); the CSRF token is checked apart. A field sent twice is refused.
 */
export const FormBody = <P extends Record<string, TSchema>>(props: P) =>
  Type.Partial(Type.Object({ _csrf: Type.String({ maxLength: 200 }), ...props }));

/** A row id from a path parameter, or null when it cannot be one (the caller answers 404). */
export function rowId(text: string): number | null {
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= 1 && n <= 2_147_483_647 ? n : null;
}

/** A row id from a path parameter; "There is no `what` `text`." (404) when it cannot be one. */
export function rowIdOr404(text: string, what: string): number {
  const id = rowId(text);
  if (id === null) throw new NotFoundError(`There is no ${what} ${text}.`);
  return id;
}

/** Sends a rendered page. */
export function sendHtml(reply: FastifyReply, html: string, status = 200) {
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}

/** Who looks at a page, as services take it: the signed-in actor and, in home mode, the home place. */
export function viewerOf(req: FastifyRequest): Viewer {
  return { actor: req.actor, homeId: req.site.home?.id ?? null };
}

/**
 * A field of a refused form as it was sent, to show it again: text only (a field sent twice is not), without
 * NUL characters (the reason such a form is refused).
 */
export function sentField(body: unknown, name: string): string | undefined {
  const v = (body as Record<string, unknown> | null | undefined)?.[name];
  return typeof v === 'string' ? v.replaceAll('\u0000', '') : undefined;
}
