import cluster, { type Worker } from 'node:cluster';

/**
 * `serve` with several app processes behind one port (`TWINNING_WORKERS`): this process prepares the database
 * once (`prepare`: migrations, the bundled data), starts `count` workers (each runs `serve` itself, and Node
 * hands them the connections of the one listening port in turn), says "serving at" once all of them listen,
 * starts another if one dies, and on SIGTERM or SIGINT asks every worker to stop gently (each drains as a
 * single process does) and exits once all have; a second signal ends them at once.
 */
export async function servePrimary(
  count: number,
  err: (s: string) => void,
  prepare: () => Promise<void>,
): Promise<void> {
  let stopping = false;
  let failed = false;
  let announced = false;
  const live = new Set<Worker>();
  const listening = new Set<Worker>();

  const stopAll = (signal: NodeJS.Signals | 'failure') => {
    if (stopping) {
      err(`${signal} again: stopping at once.`);
      for (const w of live) w.process.kill('SIGKILL');
      process.exit(1);
    }
    stopping = true;
    if (signal === 'failure') failed = true;
    else
      err(
        `${signal}: stopping ${live.size} app processes; answering the requests under way, taking no new connections.`,
      );
    if (!live.size) finish();
    // each worker also handles a signal sent to the whole group (Ctrl-C, systemd) once
    for (const w of live) w.process.kill('SIGTERM');
  };
  const finish = () => {
    err('Stopped.');
    process.exit(failed ? 1 : 0);
  };
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);

  await prepare();
  if (stopping) finish();

  const fork = () => {
    const w = cluster.fork();
    live.add(w);
    w.on('listening', (address) => {
      listening.add(w);
      if (!announced && listening.size === count) {
        announced = true;
        err(`Twinning is serving at http://localhost:${address.port} (${count} app processes)`);
      }
    });
    w.on('exit', (code, signal) => {
      live.delete(w);
      listening.delete(w);
      if (stopping) {
        if (code !== 0) failed = true;
        if (!live.size) finish();
      } else if (!announced) {
        err(`An app process ended while starting (${signal ?? `exit code ${code}`}); stopping.`);
        stopAll('failure');
      } else {
        err(`App process ${w.process.pid} ended (${signal ?? `exit code ${code}`}); starting another.`);
        fork();
      }
    });
  };
  for (let i = 0; i < count; i++) fork();
}
