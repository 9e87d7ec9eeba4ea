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

/**
 * Lets V8's old generation grow only `percent` past what its last full collection found live before it
 * collects again (`TWINNING_HEAP_GROWTH`; 0, V8's own, by default). V8's own factor rises to 4x when the program
 * allocates fast, which a server under load does: after a load of the profile page and four APIs (~60,000
 * answers, 35 s, one core), the heap held 176–201 MB for 70–80 MB live and RSS had peaked at 429–439 MB.
 * With 20%: heap 118–120 MB, peak 286–289 MB, 221–223 MB held right after the load (277–302 before); idle
 * the same, ~185 MB. The price is more full collections, 20–43 instead of 4 in that load: 0.004–0.014 ms of
 * the main thread per answer (a `gc` PerformanceObserver, bench/tools/memdump.mjs), where an answer takes
 * 0.25–1.5 ms of CPU, and longer waits for the slowest answers: `/api/places/{id}` at 50 connections p99
 * 70–93 ms instead of 19–63 ms (50% and 100% did no better). `--max-semi-space-size=8` would save another
 * 16 MB but cost ~20% of the profile page's throughput: not taken. The flag is read at each collection, so
 * setting it after start takes effect; it is the whole process's (the network worker's heap too).
 *
 * Not the default: in the bench (ninth session, two runs ten minutes apart), 20% cost each answer 30–45% more
 * CPU (the profile page 1.43 against 0.97 ms, `/api/places/{id}` 0.31 against 0.22 ms) and held the cheap API
 * answers' p99 at 33–47 ms against 9–12 ms, for a peak RSS of 314 against 484 MB and 253 against 298 MB right
 * after the load; idle, both ~210 MB. For a host short of memory it is worth that.
 */
export function keepHeapNearLive(percent: number): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
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
