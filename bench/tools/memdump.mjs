// Memory figures of a running `twinning serve`, loaded with NODE_OPTIONS="--import bench/tools/memdump.mjs"
// (see memprobe.sh and NOTES.md, "Memory under load"). On SIGUSR2: a full GC when --expose-gc is given, then one
// line appended to $TMPDIR/mem-PID.txt; with HEAPSNAP=1 also a heap snapshot (heap-summary.mjs,
// heap-retainers.mjs read it).
import { appendFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import { getHeapSpaceStatistics, setFlagsFromString, writeHeapSnapshot } from 'node:v8';

// V8FLAGS: heap flags NODE_OPTIONS does not take (e.g. --heap-growing-percent=50), for A/B probes
if (process.env.V8FLAGS) setFlagsFromString(process.env.V8FLAGS);

// time spent in garbage collection since start, by kind (scavenge, mark-compact, …), in each dump line
const gcMs = {};
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind =
      { 1: 'scavenge', 2: 'minor-ms', 4: 'mark-compact', 8: 'incremental', 16: 'weak' }[e.detail?.kind] ??
      String(e.detail?.kind);
    const k = (gcMs[kind] ??= { n: 0, ms: 0 });
    k.n++;
    k.ms += e.duration;
  }
}).observe({ entryTypes: ['gc'] });

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
      `heapUsed ${mb(m.heapUsed)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)} ` +
      `spaces ${getHeapSpaceStatistics()
        .filter((s) => s.space_size >= 1048576)
        .map((s) => `${s.space_name.replace('_space', '')}:${mb(s.space_size)}/${mb(s.space_used_size)}`)
        .join(' ')} ` +
      `gc ${Object.entries(gcMs)
        .map(([k, { n, ms }]) => `${k}:${n}/${Math.round(ms)}ms`)
        .join(' ')}\n`,
  );
  if (process.env.HEAPSNAP) {
    writeHeapSnapshot(join(tmpdir(), `twinning-snap-${process.pid}-${++snapshots}.heapsnapshot`));
  }
});
