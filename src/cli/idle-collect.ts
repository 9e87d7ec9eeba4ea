import type { Server } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** V8's full garbage collection, as `--expose-gc` would give it (asked for once, at the first call). */
let fullGc: (() => void) | undefined;
export function v8FullGc(): void {
  if (!fullGc) {
    setFlagsFromString('--expose-gc');
    fullGc = runInNewContext('gc') as () => void;
  }
  // twice: objects the first pass finalizes (sockets, handles) are freed by the second
  fullGc();
  fullGc();
}

export interface IdleCollectOptions {
  /** how long no request may have been under way before collecting */
  idleMs: number;
  /** the collection (V8's full GC; a test passes its own) */
  collect?: () => void;
}

/**
 * Collects garbage once when the server falls idle after answering. Under load V8 grows its heap two to four
 * times past what is live (a bench load took it from ~60 to ~200 MB) and gives it back only after a later
 * full collection, which an idle server never reaches: the memory stayed held indefinitely. One full
 * collection (~5–50 ms) when no request has been under way for `idleMs` hands it back (~150 MB), at a moment
 * when nobody waits for it. Returns a function that stops watching.
 */
export function collectWhenIdle(
  server: Server,
  { idleMs, collect = v8FullGc }: IdleCollectOptions,
): () => void {
  let underWay = 0;
  let last = Date.now();
  /** whether anything was answered since the last collection */
  let dirty = false;
  const onRequest = (_req: unknown, res: { once(e: 'close', f: () => void): void }) => {
    underWay++;
    dirty = true;
    res.once('close', () => {
      underWay--;
      last = Date.now();
    });
  };
  server.on('request', onRequest);
  const timer = setInterval(
    () => {
      if (!dirty || underWay > 0 || Date.now() - last < idleMs) return;
      dirty = false;
      collect();
    },
    Math.max(10, Math.floor(idleMs / 4)),
  );
  timer.unref();
  return () => {
    clearInterval(timer);
    server.off('request', onRequest);
  };
}
