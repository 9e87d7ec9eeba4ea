// The thread that computes the whole-network figures (see NetworkService): seconds of work on the world's
// network, kept off the thread that answers requests. It receives the ties in force, answers with the figures.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { TwinGraph, networkFigures, type NetworkFigures } from '../domain/graph.js';

export interface FiguresJob {
  job: number;
  /** the two ends of each tie in force, as parallel lists (cheaper to copy between threads than pairs) */
  a: string[];
  b: string[];
  limit: number;
  samples: number;
}

export type FiguresAnswer = { job: number; figures: NetworkFigures } | { job: number; error: string };

// Background work must leave the CPU to the thread that answers requests, also on a single core. On Linux a
// thread has a niceness of its own (setpriority on its thread id), so this one alone steps back.
try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (tid > 0) setPriority(tid, 19);
} catch {
  // elsewhere it runs at the process's priority
}

parentPort?.on('message', (m: FiguresJob) => {
  let answer: FiguresAnswer;
  try {
    const graph = new TwinGraph(m.a.map((a, i) => [a, m.b[i] as string] as const));
    answer = { job: m.job, figures: networkFigures(graph, m.limit, m.samples) };
  } catch (e) {
    answer = { job: m.job, error: (e as Error).stack ?? String(e) };
  }
  parentPort!.postMessage(answer);
});
