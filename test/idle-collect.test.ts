import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { collectWhenIdle, v8FullGc } from '../src/cli/idle-collect.js';

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A server whose answers take `ms`; its base URL, and when each of its answers ended (by the server's clock). */
async function serverAnswering(ms: number): Promise<{ server: Server; url: string; closed: number[] }> {
  const closed: number[] = [];
  const server = createServer((_req, res) => {
    res.once('close', () => closed.push(Date.now()));
    setTimeout(() => res.end('ok'), ms);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, closed };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('collecting garbage when the server falls idle', () => {
  it('collects once after the last answer, never while a request is under way, and again only after more answers', async () => {
    const { server, url, closed } = await serverAnswering(300);
    const at: number[] = [];
    const stop = collectWhenIdle(server, { idleMs: 100, collect: () => at.push(Date.now()) });
    await sleep(250);
    expect(at, 'nothing answered yet: nothing to give back').toEqual([]);
    const asked = Date.now();
    const slow = fetch(url);
    await sleep(250);
    expect(at, 'a request under way').toEqual([]);
    await (await slow).text();
    await sleep(400);
    expect(at).toHaveLength(1);
    // idleMs after the answer ended (the server's clock: the client may hear of it later on a busy machine)
    expect(at[0]! - closed[0]!).toBeGreaterThanOrEqual(99);
    expect(at[0]! - asked).toBeGreaterThanOrEqual(400);
    await sleep(300);
    expect(at, 'idle again, with nothing answered since').toHaveLength(1);
    await (await fetch(url)).text();
    await sleep(400);
    expect(at).toHaveLength(2);
    stop();
    await (await fetch(url)).text();
    await sleep(400);
    expect(at, 'stopped').toHaveLength(2);
  });

  it("V8's full collection gives back a heap grown by garbage", () => {
    let garbage: { i: number; s: string }[] | null = [];
    for (let i = 0; i < 1_000_000; i++) garbage.push({ i, s: `x${i}` });
    const grown = process.memoryUsage().heapUsed;
    garbage = null;
    v8FullGc();
    expect(process.memoryUsage().heapUsed).toBeLessThan(grown - 30 * 1024 * 1024);
  });
});
