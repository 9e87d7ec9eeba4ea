import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectWhenIdle, v8FullGc } from '../src/cli/idle-collect.js';

const root = join(import.meta.dirname, '..');
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

describe('keeping the heap near what is live', () => {
  // A load in a process of its own (the setting is the whole process's): 200,000 records stay live while
  // answers that outlive a young-generation collection come and go, as under a server's load.
  const peakHeap = (keep: boolean): number => {
    const script = `
      ${keep ? `const { keepHeapNearLive } = await import(${JSON.stringify(join(root, 'src/cli/idle-collect.ts'))}); keepHeapNearLive(20);` : ''}
      const live = [];
      for (let i = 0; i < 200_000; i++) live.push({ id: 'place' + i, n: i, names: ['a' + i, 'b' + i] });
      const ring = new Array(60_000);
      let peak = 0;
      for (let i = 0; i < 1_000_000; i++) {
        ring[i % 60_000] = { body: 'x'.repeat(200) + i, parts: [i, i + 1, i + 2] };
        if (i % 1000 === 0) peak = Math.max(peak, process.memoryUsage().heapTotal);
      }
      console.log(live.length + ring.length, Math.round(peak / 1048576));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    const [kept, peak] = out.split(' ').map(Number);
    expect(kept).toBe(260_000);
    return peak!;
  };

  it('collects before the heap grows far past the live data, where V8 alone lets it grow', () => {
    const grown = peakHeap(false);
    const kept = peakHeap(true);
    // the premise: V8's own growth factor lets this load's heap grow well past its ~80 MB live
    expect(grown).toBeGreaterThan(200);
    expect(kept).toBeLessThan(grown * 0.6);
  }, 60_000);
});
