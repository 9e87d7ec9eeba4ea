/** Where a problem in an input is: a file, a line (CSV) or a record path (JSON), and a column. */
export interface Problem {
  file?: string;
  line?: number;
  record?: string;
  column?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = [
    p.file,
    p.line !== undefined ? `line ${p.line}` : p.record,
    p.column ? `column ${p.column}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${p.message}` : p.message;
}

/**
 * Errors the rules of the domain raise. They say what went wrong in words a person can act on and carry no
 * transport details: the web layer maps each kind to an HTTP status in one place (src/web/errors.ts), the
 * command line to a message and an exit code.
 */
export class DomainError extends Error {
  override name = 'DomainError';
}

/** Input that cannot be accepted; `problems` lists every one found, not just the first. */
export class ValidationError extends DomainError {
  override name = 'ValidationError';
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

/** The credentials given do not identify anyone (a wrong address or password). */
export class AuthenticationError extends DomainError {
  override name = 'AuthenticationError';
}

/** The actor may not do this; the message says who may. */
export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError';
}

export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
}

/**
 * What the request names lives on under another id (a place merged into another): the answer points there.
 * `to` is the current place, `from` the id that was asked for.
 */
export class MovedError extends DomainError {
  override name = 'MovedError';
  constructor(
    readonly from: string,
    readonly to: { id: string; name: string; kind: string },
  ) {
    super(`${from} is now ${to.id} (${to.name}).`);
  }
}

/** The request was right when made, but the state changed meanwhile (an address taken by someone else). */
export class ConflictError extends DomainError {
  override name = 'ConflictError';
}

/** What the request names existed but is no longer usable (an expired or used one-time link). */
export class GoneError extends DomainError {
  override name = 'GoneError';
}

/** Too many attempts in a short time; the message says when to try again. */
export class TooManyError extends DomainError {
  override name = 'TooManyError';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
