// Accounts: who may sign in, and the rules for what they type.
import { ValidationError } from './errors.js';

export interface User {
  id: number;
  email: string;
  name: string;
  isAdmin: boolean;
  createdAt: string;
  disabledAt: string | null;
  /** the language of the mail they get: en or zh */
  lang: string;
  /** when they showed the address is theirs; until then the site mails them nothing but the link to do so */
  emailConfirmedAt: string | null;
}

/** The name a deleted account's comments and edits are shown with (pages say it in the reader's language). */
export const FORMER_MEMBER = 'Former member';

/** The address a deleted account is left with: unique, and of a domain that can never receive mail. */
export const deletedAddress = (id: number) => `deleted-${id}@deleted.invalid`;
export const isDeleted = (user: { email: string }) => user.email.endsWith('@deleted.invalid');

export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 200;
// one @, something on each side, a dot in the domain; the mail server is the real check
export const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;

/** Whether a (normalized) text is an e-mail address as far as the site can tell. */
export function isEmail(email: string): boolean {
  return EMAIL.test(email) && email.length <= 254;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Checks a new account's fields; every problem is reported. */
export function validateNewUser(input: { email: string; name?: string; password: string }): {
  email: string;
  name: string;
  password: string;
} {
  const problems: string[] = [];
  const email = normalizeEmail(input.email);
  if (!isEmail(email)) problems.push(`"${input.email}" is not an e-mail address`);
  const name = (input.name ?? '').trim() || email.split('@')[0]!;
  if (name.length > 100) problems.push('the name is longer than 100 characters');
  if (name === FORMER_MEMBER) problems.push(`"${name}" is kept for deleted accounts`);
  if (input.password.length < MIN_PASSWORD)
    problems.push(`the password must be at least ${MIN_PASSWORD} characters long`);
  if (input.password.length > MAX_PASSWORD)
    problems.push(`the password must be at most ${MAX_PASSWORD} characters long`);
  if (problems.length) {
    throw new ValidationError(
      `The account cannot be created: ${problems.join('; ')}.`,
      problems.map((message) => ({ message })),
    );
  }
  return { email, name, password: input.password };
}
