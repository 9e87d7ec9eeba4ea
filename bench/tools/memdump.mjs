// Memory figures of a running `twinning serve`, loaded with NODE_OPTIONS="--import bench/tools/memdump.mjs"
// (see memprobe.sh and NOTES.md, "Memory under load"). On SIGUSR2: a full GC when --expose-gc is given, then one
// line appended to $TMPDIR/mem-PID.txt; with HEAPSNAP=1 also a heap snapshot (heap-summary.mjs,
// heap-retainers.mjs read it).
import { appendFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';

let snapshots = 0;
const mb = (n) => Math.round(n / 1048576);
process.on('SIGUSR2', () => {
  if (typeof globalThis.gc === 'function') globalThis.gc();
  const m = process.memoryUsage();
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = (k) => Math.round(Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024);
  appendFileSync(
    join(tmpdir(), `mem-${process.pid}.txt`),
    `rss ${mb(m.rss)} anon ${kb('RssAnon')} file ${kb('RssFile')} heapTotal ${mb(m.heapTotal)} ` +
      `heapUsed ${mb(m.heapUsed)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)}\n`,
  );
  if (process.env.HEAPSNAP) {
    writeHeapSnapshot(join(tmpdir(), `twinning-snap-${process.pid}-${++snapshots}.heapsnapshot`));
  }
});
