import type { IncomingMessage, ServerResponse } from 'node:http';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** How long requests may run in one turn of the event loop before new connections get their turn. */
export const SLICE_MS = 1;

/**
 * Runs requests in the order they arrived, about `sliceMs` of work per turn of the event loop.
 *
 * Node's event loop (libuv since 1.45, Node 20) accepts one new connection per turn, and a turn runs every
 * request that arrived on the open connections before it. When each answer costs a millisecond, a turn under
 * load is as long as all of them together, so a visitor who opens a connection waits one full turn for each
 * connection that opened before theirs: with 50 connections, the last ones waited 1.5–2 s for their first
 * page while every other request took ~60 ms. Here a request only joins a queue when it arrives; each turn
 * starts the requests at the queue's head until the slice is spent and leaves the rest to the next turn, so
 * connections are accepted, and served first come first served, while the server is busy.
 *
 * A handler does most of its work in promise continuations after it returns. The next request starts in a
 * tick queued from a microtask: Node runs ticks once the microtasks are done, so the time read then includes
 * the whole of the previous answer. What a handler awaits from outside (PostgreSQL, a worker) comes back in a
 * later turn, as before.
 *
 * Requests that wait are kept alive across the young generation's collections, which promotes more of them
 * to the old one: about 0.03 ms of collection per answer. That is noise beside a page's millisecond but a
 * third of the cheapest API answers, so the app queues pages only (app.ts).
 */
export function takingTurns(handler: Handler, sliceMs = SLICE_MS): Handler {
  const queue: [IncomingMessage, ServerResponse][] = [];
  /** whether a run is set for the coming check phase */
  let scheduled = false;
  /** when the current turn's slice ends */
  let end = 0;

  const next = (): void => {
    const first = performance.now() < end ? queue.shift() : undefined;
    if (!first) {
      // the slice is spent (or nobody waits): set during the check phase, the run is in the next turn, after
      // its I/O (where a connection is accepted)
      if (queue.length > 0) schedule();
      return;
    }
    // queued first, so that the queue goes on even if the handler throws (that request fails alone)
    queueMicrotask(() => process.nextTick(next));
    handler(first[0], first[1]);
  };
  const run = () => {
    scheduled = false;
    end = performance.now() + sliceMs;
    next();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // set while a turn's I/O is handled (a request arrives), the run is in this turn's check phase
    setImmediate(run);
  };
  return (req, res) => {
    queue.push([req, res]);
    schedule();
  };
}
