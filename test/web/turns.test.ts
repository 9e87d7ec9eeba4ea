import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { takingTurns } from '../../src/web/turns.js';

type Req = IncomingMessage;
type Res = ServerResponse;
const fake = (n: number) => [{ n } as unknown as Req, {} as Res] as const;
const numberOf = (req: Req) => (req as unknown as { n: number }).n;

/** Spends `ms` of the thread's time, as rendering a page does. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

/** Notes a request's answer and, queued behind it, the end of the turn it was made in; then spends `ms`. */
function answer(events: string[], req: Req, ms: number): void {
  const n = numberOf(req);
  events.push(`answer ${n}`);
  // what the event loop does between turns (its I/O, where connections are accepted) is queued here
  setImmediate(() => events.push(`turn after ${n}`));
  busy(ms);
}

describe('requests taking turns', () => {
  it('are answered in the order they arrived', async () => {
    const seen: number[] = [];
    const handle = takingTurns((req) => seen.push(numberOf(req)));
    for (let n = 0; n < 10; n++) handle(...fake(n));
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('leave the rest of the queue to the next turn once the slice is spent', async () => {
    const events: string[] = [];
    const handle = takingTurns((req) => answer(events, req, 3), 1);
    for (let n = 0; n < 3; n++) handle(...fake(n));
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toEqual([
      'answer 0',
      'turn after 0',
      'answer 1',
      'turn after 1',
      'answer 2',
      'turn after 2',
    ]);
  });

  it('answer several cheap requests in one turn', async () => {
    const events: string[] = [];
    const handle = takingTurns((req) => answer(events, req, 0), 1000);
    for (let n = 0; n < 3; n++) handle(...fake(n));
    await new Promise((r) => setTimeout(r, 20));
    expect(events.slice(0, 3)).toEqual(['answer 0', 'answer 1', 'answer 2']);
  });

  it('count the work of a handler that continues in promises against the slice', async () => {
    const events: string[] = [];
    const handle = takingTurns((req) => {
      void (async () => {
        await null;
        answer(events, req, 3);
      })();
    }, 1);
    for (let n = 0; n < 2; n++) handle(...fake(n));
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toEqual(['answer 0', 'turn after 0', 'answer 1', 'turn after 1']);
  });

  it('go on after a handler that threw', async () => {
    const seen: number[] = [];
    const handle = takingTurns((req) => {
      const n = numberOf(req);
      seen.push(n);
      if (n === 0) throw new Error('boom');
    });
    const errors: unknown[] = [];
    const listeners = process.listeners('uncaughtException');
    process.removeAllListeners('uncaughtException');
    process.on('uncaughtException', (e) => errors.push(e));
    try {
      for (let n = 0; n < 3; n++) handle(...fake(n));
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      process.removeAllListeners('uncaughtException');
      for (const l of listeners) process.on('uncaughtException', l);
    }
    expect(errors).toHaveLength(1);
    expect(seen).toEqual([0, 1, 2]);
  });
});

describe('a busy server', () => {
  const open: (Server | Socket)[] = [];
  afterEach(() => {
    for (const o of open.splice(0))
      if ('destroy' in o) o.destroy();
      else o.closeAllConnections();
  });

  /**
   * Opens 30 connections at once to a server whose answers take 2 ms; each asks again as soon as it is
   * answered. How many answers the server had made when the last of them got its first: how long the last
   * visitor to arrive waited, counted in other people's pages.
   */
  async function lastFirstAnswer(wrap: (h: (req: Req, res: Res) => void) => (req: Req, res: Res) => void) {
    let answered = 0;
    const firstAt: number[] = [];
    const body = 'x'.repeat(100);
    const server = createServer(
      wrap((req, res) => {
        const socket = req.socket as Socket & { seen?: boolean };
        if (!socket.seen) {
          socket.seen = true;
          firstAt.push(answered);
        }
        busy(2);
        answered++;
        res.writeHead(200, { 'content-length': body.length }).end(body);
      }),
    );
    open.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const count = 30;
    for (let i = 0; i < count; i++) {
      const socket = connect(port, '127.0.0.1');
      open.push(socket);
      const ask = () => socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
      let got = '';
      socket.on('connect', ask);
      socket.on('data', (d) => {
        got += String(d);
        // one answer: its headers and its 100 bytes
        while (got.includes('\r\n\r\n') && got.length >= got.indexOf('\r\n\r\n') + 4 + body.length) {
          got = got.slice(got.indexOf('\r\n\r\n') + 4 + body.length);
          if (!socket.destroyed) ask();
        }
      });
      socket.on('error', () => {});
    }
    const deadline = Date.now() + 20_000;
    while (firstAt.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(firstAt).toHaveLength(count);
    return Math.max(...firstAt);
  }

  it('answers a new connection after a turn per connection ahead of it, not after all their pages', async () => {
    const plain = await lastFirstAnswer((h) => h);
    const inTurn = await lastFirstAnswer((h) => takingTurns(h, 1));
    // answered at once, the last of 30 connections waits for the pages of every turn before its own, each
    // turn as long as all the connections accepted so far (239 pages here); taking turns, for about two per
    // connection (57)
    expect(plain, 'the event loop accepts one connection per turn').toBeGreaterThan(150);
    expect(inTurn).toBeLessThan(100);
  });
});
