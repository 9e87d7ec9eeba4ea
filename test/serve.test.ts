import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The README's `npm start` path: the built `twinning serve` on an empty database loads the bundled data,
// and a second start reuses it. Runs the compiled code (npm test builds it first).
const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'twinning-serve-'));
const children: ChildProcess[] = [];

function start(): Promise<{ url: string; log: () => string }> {
  const child = spawn(process.execPath, [join(root, 'bin/twinning.js'), 'serve'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: join(dir, 'twinning.db'),
      LOG_LEVEL: 'warn',
    },
  });
  children.push(child);
  let log = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (d) => {
      log += String(d);
      const m = /serving at (http:\/\/\S+)/.exec(log);
      if (m) resolve({ url: m[1]!.replace('localhost', '127.0.0.1'), log: () => log });
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${log}`)));
  });
}

async function stop(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

describe('twinning serve', () => {
  afterAll(async () => {
    for (const c of children) await stop(c);
  });

  it('loads the bundled data on first start and reuses it later', async () => {
    const first = await start();
    expect(first.log()).toMatch(/Loaded the bundled data into .*twinning\.db: \d+ places, 20298 twinnings/);
    const res = await fetch(`${first.url}/api/places?q=anshan&limit=1`);
    expect(res.status).toBe(200);
    expect((await res.json()).items[0].id).toBe('Q74957');
    await stop(children[0]);

    const second = await start();
    expect(second.log()).not.toMatch(/Loaded the bundled data/);
    const url = `${second.url}/api/places/Q74957/twinnings`;
    const miss = await fetch(url);
    expect(miss.headers.get('x-cache')).toBe('miss');
    const ties = await miss.json();
    expect(ties.items.length).toBeGreaterThan(0);
    // answered from the cache before routing, with the same bytes and validator
    const hit = await fetch(url);
    expect(hit.headers.get('x-cache')).toBe('hit');
    expect(hit.headers.get('etag')).toBe(miss.headers.get('etag'));
    expect(await hit.json()).toEqual(ties);
    const conditional = await fetch(url, { headers: { 'if-none-match': miss.headers.get('etag')! } });
    expect(conditional.status).toBe(304);
  }, 60_000);
});
