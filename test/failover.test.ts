import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../src/services/import.js';
import { createTestDb, DIALECTS, PG_ADMIN_URL, type TestDb } from './helpers/db.js';
import { fixtureFiles } from './helpers/fixtures.js';

// What a PostgreSQL restart or failover does to two app servers under load: every connection, idle or in use
// by a request or a transaction, is ended by the server. Both processes must live on, the requests that held a
// connection fail with 503 and Retry-After (or are answered after one retry), and reads answer again at once.
const root = join(import.meta.dirname, '..');

interface Server {
  child: ChildProcess;
  url: string;
  log: () => string;
}

function start(databaseUrl: string): Promise<Server> {
  const child = spawn(process.execPath, [join(root, 'bin/twinning.js'), 'serve'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      TWINNING_SEED: 'false',
      LOG_LEVEL: 'warn',
    },
  });
  let log = '';
  return new Promise((resolve, reject) => {
    const onData = (d: unknown) => {
      log += String(d);
      const m = /serving at (http:\/\/\S+)/.exec(log);
      if (m) resolve({ child, url: m[1]!.replace('localhost', '127.0.0.1'), log: () => log });
    };
    child.stderr.on('data', onData);
    child.stdout.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${log}`)));
  });
}

describe.runIf(DIALECTS.includes('postgres'))('two app servers when PostgreSQL ends every connection', () => {
  let t: TestDb;
  const servers: Server[] = [];
  beforeAll(async () => {
    t = await createTestDb('postgres');
    await importFiles(t.store, fixtureFiles());
    servers.push(await start(t.url), await start(t.url));
  }, 60_000);
  afterAll(async () => {
    for (const s of servers) {
      if (s.child.exitCode === null) {
        const exited = new Promise((r) => s.child.once('exit', r));
        s.child.kill('SIGTERM');
        await exited;
      }
    }
    await t?.drop();
  });

  async function terminateAll(): Promise<number> {
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    const r = await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [new URL(t.url).pathname.slice(1)],
    );
    await admin.end();
    return r.rowCount ?? 0;
  }

  it('keep both processes, answer 503 with Retry-After or the data, and read again within 2 s', async () => {
    const statuses = new Map<number, number>();
    const unavailableWithoutRetryAfter: string[] = [];
    let stop = false;
    let n = 0;
    // Uncached reads (a new address each time) and sign-in attempts, which write in transactions.
    const worker = async (s: Server) => {
      const form = await fetch(`${s.url}/signin`);
      const cookie = form.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
      while (!stop) {
        const i = n++;
        const res =
          i % 10 === 0
            ? await fetch(`${s.url}/signin`, {
                method: 'POST',
                redirect: 'manual',
                headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
                body: new URLSearchParams({
                  _csrf: token,
                  email: `x${i % 7}@example.org`,
                  password: 'wrong',
                }),
              }).catch(() => null)
            : await fetch(`${s.url}/api/places?q=${i % 2 ? 'an' : 'ma'}&limit=${1 + (i % 97)}&i=${i}`).catch(
                () => null,
              );
        if (!res) continue;
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 503 && !res.headers.get('retry-after')) unavailableWithoutRetryAfter.push(res.url);
      }
    };
    const load = servers.flatMap((s) => [worker(s), worker(s), worker(s), worker(s)]);
    await new Promise((r) => setTimeout(r, 500));
    // a few rounds, as a restart and the clients' reconnections would do; sign-ins (slow by design) may hold
    // every connection in some rounds, so only the first must find connections to end
    const rounds: number[] = [];
    for (let round = 0; round < 4; round++) {
      rounds.push(await terminateAll());
      await new Promise((r) => setTimeout(r, 400));
    }
    expect(rounds[0]).toBeGreaterThan(0);
    const ended = Date.now();
    // reads answer again: within 2 s of the last termination both servers serve an uncached read
    for (const s of servers) {
      let ok = false;
      while (!ok && Date.now() - ended < 2000) {
        const res = await fetch(`${s.url}/api/places?q=anshan&limit=3&after=${Date.now()}`);
        ok = res.status === 200;
        if (!ok) await new Promise((r) => setTimeout(r, 50));
      }
      expect(ok, `${s.url} answered again within 2 s`).toBe(true);
    }
    // enough requests to have crossed the terminations, however slow the machine (not a speed check)
    const until = Date.now() + 30_000;
    while (n < 60 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    stop = true;
    await Promise.all(load);

    for (const s of servers) {
      expect(s.child.exitCode, s.log()).toBeNull();
      expect(s.log()).not.toMatch(/Unhandled|uncaught/i);
    }
    expect(n).toBeGreaterThan(50);
    expect([...statuses.keys()].filter((c) => c >= 500 && c !== 503)).toEqual([]);
    expect(unavailableWithoutRetryAfter).toEqual([]);
  }, 60_000);
});
