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

/** Where a bucket stands after a request: what `RateLimit-*` headers tell a client. */
export interface RateState {
  limit: number;
  remaining: number;
  /** seconds until the oldest counted request leaves the window (and a slot is free again) */
  resetSeconds: number;
  /** the window, in seconds */
  windowSeconds: number;
}

/**
 * Counts a request in a bucket as `takeLimit` does (atomic across servers), and says where the bucket stands
 * (`onState` hears it whether the request passes or not). When the bucket is full: a TooManyError (429) whose
 * Retry-After is the time until a slot frees.
 */
export async function takeRate(
  store: Store,
  bucket: string,
  limit: Limit,
  what: string,
  now: Date,
  onState: (state: RateState) => void,
): Promise<RateState> {
  const windowMs = limit.minutes * 60_000;
  const since = new Date(now.getTime() - windowMs).toISOString();
  const id = await store.users.takeAttempt(bucket, since, now.toISOString(), limit.max);
  const { count, oldest } = await store.users.window(bucket, since);
  const frees = oldest ? Date.parse(oldest) + windowMs : now.getTime() + windowMs;
  const state: RateState = {
    limit: limit.max,
    remaining: Math.max(0, limit.max - count),
    resetSeconds: Math.max(1, Math.ceil((frees - now.getTime()) / 1000)),
    windowSeconds: limit.minutes * 60,
  };
  onState(state);
  if (id === undefined)
    throw new TooManyError(
      `Too many ${what} in a short time: at most ${limit.max} in ${limit.minutes === 1 ? 'a minute' : `${limit.minutes} minutes`}. Try again in ${state.resetSeconds} seconds.`,
      state.resetSeconds,
    );
  return state;
}
