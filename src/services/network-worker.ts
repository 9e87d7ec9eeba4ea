// The thread that computes the whole-network figures (see NetworkService): seconds of work on the world's
// network, kept off the thread that answers requests. It receives the ties in force, answers with the figures.
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
