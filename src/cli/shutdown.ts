import type { Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';

export interface DrainTimes {
  /** how long connections that are open but idle may still send a request (answered, then closed) */
  idleGraceMs: number;
  /** when whatever is still open is closed, answered or not */
  deadlineMs: number;
}

export const DRAIN_TIMES: DrainTimes = { idleGraceMs: 1000, deadlineMs: 10_000 };

/**
 * Lets an HTTP server stop without dropping anyone: `drain` stops accepting connections, answers the requests
 * in flight and those that still arrive on open keep-alive connections, each with `Connection: close` so the
 * client opens its next connection elsewhere, closes idle connections after a short grace and resolves once
 * every connection has ended. Node's own `server.close()` ends idle keep-alive connections at once, so a
 * request a client sends on one at that moment meets a reset connection instead of an answer.
 */
export function drainable(server: Server, times: DrainTimes = DRAIN_TIMES): { drain(): Promise<void> } {
  const unanswered = new Set<ServerResponse>();
  let draining = false;
  // before the application's own listener, which may answer at once (the response cache)
  server.prependListener('request', (_req, res: ServerResponse) => {
    if (draining) {
      res.setHeader('connection', 'close');
      return;
    }
    unanswered.add(res);
    res.once('close', () => unanswered.delete(res));
  });
  let drained: Promise<void> | undefined;
  return {
    drain() {
      drained ??= new Promise<void>((resolve) => {
        draining = true;
        for (const res of unanswered) if (!res.headersSent) res.setHeader('connection', 'close');
        const idle = setTimeout(() => server.closeIdleConnections(), times.idleGraceMs);
        const deadline = setTimeout(() => server.closeAllConnections(), times.deadlineMs);
        // net's close: no new connections, and the callback once the open ones have ended
        NetServer.prototype.close.call(server, () => {
          clearTimeout(idle);
          clearTimeout(deadline);
          resolve();
        });
      });
      return drained;
    },
  };
}
