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
    expect(first.log()).toMatch(/Loaded the bundled data into .*twinning\.db: \d+ places, 17401 twinnings/);
    const res = await fetch(`${first.url}/api/places?q=anshan&limit=1`);
    expect(res.status).toBe(200);
    expect((await res.json()).items[0].id).toBe('Q74957');
    await stop(children[0]);

    const second = await start();
    expect(second.log()).not.toMatch(/Loaded the bundled data/);
    const ties = await (await fetch(`${second.url}/api/places/Q74957/twinnings`)).json();
    expect(ties.items.length).toBeGreaterThan(0);
  }, 60_000);
});
