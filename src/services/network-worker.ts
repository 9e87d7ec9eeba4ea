// The thread that computes the whole-network figures (see NetworkService): seconds of work on the world's
// network, kept off the thread that answers requests. It reads the ties in force itself, from its own
// connection, so that the thread answering requests does nothing for the figures but ask and receive.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { isMainThread, parentPort } from 'node:worker_threads';
import { TwinGraph, networkFigures, type NetworkFigures } from '../domain/graph.js';
import { otherNames } from '../domain/names.js';
import { openDatabase } from '../store/db.js';
import { Store } from '../store/store.js';

/** Ties that link places today: not ended, not merely proposed. */
export const LINKING: ReadonlySet<string> = new Set(['active', 'dormant', 'suspended']);

/** What the figures show of a place besides its id. */
export interface PlaceLabel {
  name: string;
  names: Readonly<Record<string, string>>;
  kind: string;
  country: string | null;
}

export type FiguresJob = { job: number; limit: number; samples: number } & (
  | { source: 'database'; url: string }
  /** the two ends of each tie in force, as parallel lists (cheaper to copy between threads than pairs) */
  | { source: 'ties'; version: number; a: string[]; b: string[] }
);

export type FiguresAnswer =
  | {
      job: number;
      /** the data version the figures are of */
      version: number;
      figures: NetworkFigures;
      /** the places the figures name (from the database; absent when the ties were sent) */
      labels?: Record<string, PlaceLabel>;
    }
  | { job: number; error: string };

/** The version and the ties in force, as of one moment. */
async function read(store: Store) {
  const run = <T>(fn: (tx: Store) => Promise<T>) =>
    store.dialect === 'postgres'
      ? store.db
          .transaction()
          .setIsolationLevel('repeatable read')
          .execute((trx) => fn(new Store(trx, 'postgres')))
      : store.transaction(fn);
  return run(async (tx) => {
    const version = await tx.meta.dataVersion();
    const ties = (await tx.twinnings.allBare()).filter((t) => LINKING.has(t.status));
    return { version, ties };
  });
}

async function answer(m: FiguresJob): Promise<FiguresAnswer> {
  if (m.source === 'ties') {
    const graph = new TwinGraph(m.a.map((a, i) => [a, m.b[i] as string] as const));
    return { job: m.job, version: m.version, figures: networkFigures(graph, m.limit, m.samples) };
  }
  const database = openDatabase(m.url);
  try {
    const store = Store.of(database);
    const { version, ties } = await read(store);
    const figures = networkFigures(new TwinGraph(ties.map((t) => [t.a, t.b] as const)), m.limit, m.samples);
    // only the places the figures name (every place's names would be most of this thread's memory); read
    // after the computation, so a name edited meanwhile is shown as it is now
    const named = new Set([
      ...figures.largestComponents.map((c) => c.hub),
      ...figures.mostConnected.map((p) => p.id),
      ...figures.mostCentral.map((p) => p.id),
    ]);
    const labels: Record<string, PlaceLabel> = {};
    for (const p of (await store.places.getMany([...named], false)).values())
      labels[p.id] = { name: p.name, names: otherNames(p.names), kind: p.kind, country: p.country };
    return { job: m.job, version, figures, labels };
  } finally {
    await database.close();
  }
}

if (!isMainThread && parentPort) {
  // Background work must leave the CPU to the thread that answers requests, also on a single core. On Linux a
  // thread has a niceness of its own (setpriority on its thread id), so this one alone steps back: at 10 it
  // gets about a tenth of a core the request thread wants too (at 19, a machine busy with anything else would
  // leave it next to nothing, and the figures would take minutes).
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (tid > 0) setPriority(tid, 10);
  } catch {
    // elsewhere it runs at the process's priority
  }
  const port = parentPort;
  port.on('message', (m: FiguresJob) => {
    answer(m).then(
      (a) => port.postMessage(a),
      (e: unknown) => port.postMessage({ job: m.job, error: (e as Error).stack ?? String(e) }),
    );
  });
}
