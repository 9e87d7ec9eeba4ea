import { TooManyError } from '../domain/errors.js';
import type { Store } from '../store/store.js';

/** How many attempts a bucket allows within its window. */
export interface Limit {
  max: number;
  minutes: number;
}

/**
 * Refuses with 429 when a bucket ("signin:email:…", "comment:user:…") is full; the message says when to try
 * again. Counted in the database, so app servers agree.
 */
export async function checkLimit(store: Store, bucket: string, limit: Limit, what: string, now: Date) {
  const since = new Date(now.getTime() - limit.minutes * 60_000).toISOString();
  if ((await store.users.attempts(bucket, since)) >= limit.max) {
    throw new TooManyError(
      `Too many ${what} in a short time. Please wait ${limit.minutes} minutes and try again.`,
      limit.minutes * 60,
    );
  }
}
