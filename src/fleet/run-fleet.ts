/**
 * Analyze many bundles on `threads` threads: this one and `threads - 1` workers. A bundle costs a
 * few milliseconds, so what decides the speed-up is that no thread waits: this thread, warm and
 * with the CLI's code cache, analyzes bundles too instead of only handing them out, and each
 * worker holds a second bundle while it works on one, so it never waits for this thread to answer
 * (npm run bench, fleet case). Workers write their own reports and send back only a host summary.
 * A worker that dies is replaced: the bundle it was on is reported as failed, so one bad bundle
 * never stops the rest, and the bundle it held next goes to another thread. With one thread
 * everything runs here (no worker start-up cost).
 */
import { analyzeHost, type HostJob } from './analyze-host.js';
import type { NumberedJob } from './fleet-worker.js';
import { failedHost, type HostSummary } from './host-summary.js';

/** Bundles a worker holds at once: the one it analyzes and the next. */
const IN_FLIGHT = 2;

export async function runFleet(
  jobs: readonly HostJob[],
  threads: number,
  progress: (done: number, total: number) => void,
): Promise<HostSummary[]> {
  const results: HostSummary[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  /** Bundles a dead worker held but had not started: they go first to the next thread that asks. */
  const again: number[] = [];
  const take = (): number | null => again.shift() ?? (next < jobs.length ? next++ : null);
  const finish = (i: number, s: HostSummary): void => {
    results[i] = s;
    done += 1;
    progress(done, jobs.length);
  };
  const here = async (): Promise<void> => {
    for (let i = take(); i !== null; i = take()) {
      finish(i, await analyzeHost(jobs[i] as HostJob));
      // a bundle's work awaits nothing but this thread's own promises: without a turn of the event
      // loop here, the workers' answers would wait (and the workers starve) until this thread ran out
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  const workers = Math.min(threads - 1, jobs.length - 1);
  if (workers < 1) {
    await here();
    return results;
  }
  const { Worker } = await import('node:worker_threads');
  const workerUrl = new URL('./fleet-worker.js', import.meta.url);
  const runWorker = (): Promise<void> =>
    new Promise((resolve) => {
      const worker = new Worker(workerUrl);
      const held: number[] = [];
      const feed = (): void => {
        for (let i = held.length < IN_FLIGHT ? take() : null; i !== null; i = held.length < IN_FLIGHT ? take() : null) {
          held.push(i);
          worker.postMessage({ index: i, job: jobs[i] as HostJob } satisfies NumberedJob);
        }
        if (held.length === 0) void worker.terminate().then(() => resolve());
      };
      // Each answer names its bundle: a summary can never be filed under another host.
      worker.on('message', ({ index, summary }: { index: number; summary: HostSummary }) => {
        held.splice(held.indexOf(index), 1);
        finish(index, summary);
        feed();
      });
      worker.on('error', (e) => {
        const crashed = held.shift();
        const job = crashed === undefined ? undefined : jobs[crashed];
        if (crashed !== undefined && job) finish(crashed, failedHost(job.name, job.source, `analysis crashed: ${e.message}`));
        again.unshift(...held);
        void runWorker().then(resolve);
      });
      feed();
    });
  await Promise.all([...Array.from({ length: workers }, runWorker), here()]);
  return results;
}
