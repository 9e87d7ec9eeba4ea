import { TooManyError } from '../domain/errors.js';
import type { Store } from '../store/store.js';

/** How many attempts a bucket allows within its window. */
export interface Limit {
  max: number;
  minutes: number;
}

/** An attempt counted in a bucket; `release` takes it back when it should not count after all. */
export interface Slot {
  release(): Promise<void>;
}

/**
 * Counts an attempt in a bucket ("signin:email:…", "comment:user:…"), or refuses with 429 when the bucket is
 * full; the message says when to try again. Counting and checking are one atomic step in the database, so
 * parallel requests and several app servers cannot together pass more than `limit.max` attempts. What the
 * limit guards runs after the slot is taken; a caller that counts only failures releases the slot on success.
 */
export async function takeLimit(
  store: Store,
  bucket: string,
  limit: Limit,
  what: string,
  now: Date,
): Promise<Slot> {
  const since = new Date(now.getTime() - limit.minutes * 60_000).toISOString();
  const id = await store.users.takeAttempt(bucket, since, now.toISOString(), limit.max);
  if (id === undefined) {
    throw new TooManyError(
      `Too many ${what} in a short time. Please wait ${limit.minutes} minutes and try again.`,
      limit.minutes * 60,
    );
  }
  let released = false;
  return {
    release: async () => {
      if (released) return;
      released = true;
      await store.users.removeAttempt(id);
    },
  };
}
