import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAIN_TIMES } from '../src/cli/shutdown.js';
import { importFiles } from '../src/services/import.js';
import { readSeedFiles } from '../src/services/seed.js';
import { openDatabase } from '../src/store/db.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { Store } from '../src/store/store.js';

// `twinning serve` (the build: npm test builds first) stopped with SIGTERM, as systemd, Docker or a deploy does.
const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'twinning-shutdown-'));
const dbPath = join(dir, 'twinning.db');
const children: ChildProcess[] = [];

interface Served {
  child: ChildProcess;
  port: number;
  log: () => string;
  exited: Promise<{ code: number | null; at: number }>;
}

function serve(env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child = spawn(process.execPath, [join(root, 'bin/twinning.js'), 'serve'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: dbPath, LOG_LEVEL: 'warn', ...env },
  });
  children.push(child);
  let log = '';
  const exited = new Promise<{ code: number | null; at: number }>((r) =>
    child.once('exit', (code) => r({ code, at: performance.now() })),
  );
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d) => {
      log += String(d);
      const m = /serving at http:\/\/localhost:(\d+)/.exec(log);
      if (m) resolve({ child, port: Number(m[1]), log: () => log, exited });
    });
    void exited.then(({ code }) => reject(new Error(`serve exited with ${code}: ${log}`)));
  });
}

/** Sends one request on an open connection and reads its answer (headers, and a body of Content-Length). */
function request(socket: Socket, path: string): Promise<{ status: number; headers: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0);
    const onData = (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [statusLine, ...lines] = buf.subarray(0, end).toString().split('\r\n');
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      if (buf.length - end - 4 < Number(headers['content-length'] ?? 0)) return;
      cleanup();
      resolve({ status: Number(statusLine!.split(' ')[1]), headers });
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    const onClose = () => {
      cleanup();
      reject(new Error(`the connection closed without an answer to ${path}`));
    };
    const timer = setTimeout(() => onError(new Error(`no answer to ${path} within 5 s`)), 5000);
    const cleanup = () => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('error', onError);
      socket.off('close', onClose);
    };
    socket.on('data', onData);
    socket.on('error', onError);
    socket.on('close', onClose);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n`);
  });
}

const until = async (what: string, ok: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`no ${what} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('stopping twinning serve', () => {
  beforeAll(async () => {
    // the bundled data, so that start-up has seconds of network figures to compute
    const db = openDatabase(dbPath);
    await migrateToLatest(db);
    await importFiles(Store.of(db), await readSeedFiles());
    await db.close();
  }, 120_000);
  afterAll(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits within two seconds of a SIGTERM right after start, while the network figures are computed', async () => {
    const s = await serve();
    const asked = performance.now();
    s.child.kill('SIGTERM');
    const { code, at } = await s.exited;
    expect(code).toBe(0);
    expect(at - asked).toBeLessThan(2000);
    expect(s.log()).toContain('Stopped.');
  }, 60_000);

  it('answers a request sent on an open keep-alive connection after SIGTERM, with Connection: close', async () => {
    const s = await serve();
    const socket = connect(s.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const before = await request(socket, '/health');
    expect(before.status).toBe(200);
    expect(before.headers.connection).toBe('keep-alive');
    const asked = performance.now();
    s.child.kill('SIGTERM');
    await until('word that the server is stopping', () => /SIGTERM: stopping/.test(s.log()));
    // no new connections are taken
    const refused = await new Promise<string>((resolve) => {
      const c = connect(s.port, '127.0.0.1');
      c.once('connect', () => resolve('connected'));
      c.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    });
    expect(refused).toBe('ECONNREFUSED');
    // the open connection still gets a whole answer, and is told to close
    const after = await request(socket, '/api/places/Q74957');
    expect(after.status).toBe(200);
    expect(after.headers.connection).toBe('close');
    // the server closes the connection itself once it has answered, long before the drain's deadline (when it
    // would close whatever is still open), and then exits without waiting for anything else
    await new Promise((r) => (socket.destroyed ? r(null) : socket.once('close', r)));
    const closed = performance.now();
    expect(closed - asked).toBeLessThan(DRAIN_TIMES.deadlineMs - 2000);
    const { code, at } = await s.exited;
    expect(code).toBe(0);
    expect(at - closed).toBeLessThan(DRAIN_TIMES.deadlineMs - 2000);
  }, 60_000);

  it('with two app processes (TWINNING_WORKERS=2) answers on one port and stops them all on SIGTERM', async () => {
    const s = await serve({ TWINNING_WORKERS: '2' });
    expect(s.log()).toContain('(2 app processes)');
    const workers = execFileSync('ps', ['--ppid', String(s.child.pid), '-o', 'pid='], { encoding: 'utf8' })
      .split('\n')
      .map((l) => Number(l.trim()))
      .filter(Boolean);
    expect(workers).toHaveLength(2);
    // a new connection each time: the primary hands them to the workers in turn
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`http://127.0.0.1:${s.port}/api/places/Q74957`, {
        headers: { connection: 'close' },
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { id: string }).id).toBe('Q74957');
    }
    const asked = performance.now();
    s.child.kill('SIGTERM');
    const { code, at } = await s.exited;
    expect(code).toBe(0);
    expect(at - asked).toBeLessThan(5000);
    expect(s.log()).toContain('Stopped.');
    expect(s.log()).not.toMatch(/ended|Error/);
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect(workers.filter(alive)).toEqual([]);
  }, 60_000);
});
