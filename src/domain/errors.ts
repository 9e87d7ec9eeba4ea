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

export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
}

/** The user may not do this (403); the message says who may. */
export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError';
  readonly statusCode = 403;
}

/** Too many attempts in a short time (429); the message says when to try again. */
export class TooManyError extends DomainError {
  override name = 'TooManyError';
  readonly statusCode = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
