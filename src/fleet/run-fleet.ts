/**
 * Analyze many bundles on `jobs` worker threads. Each worker takes the next bundle when it answers;
 * a worker that dies is replaced and its bundle reported as failed, so one bad bundle never stops
 * the rest. With one job everything runs in this thread (no worker start-up cost).
 */
import { analyzeHost, type HostJob } from './analyze-host.js';
import { failedHost, type HostSummary } from './host-summary.js';

export async function runFleet(
  jobs: readonly HostJob[],
  threads: number,
  progress: (done: number, total: number) => void,
): Promise<HostSummary[]> {
  const results: HostSummary[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const finish = (i: number, s: HostSummary): void => {
    results[i] = s;
    done += 1;
    progress(done, jobs.length);
  };
  if (threads <= 1) {
    for (let i = 0; i < jobs.length; i += 1) finish(i, await analyzeHost(jobs[i] as HostJob));
    return results;
  }
  const { Worker } = await import('node:worker_threads');
  const workerUrl = new URL('./fleet-worker.js', import.meta.url);
  const runWorker = (): Promise<void> =>
    new Promise((resolve) => {
      const worker = new Worker(workerUrl);
      let current = -1;
      const feed = (): void => {
        if (next >= jobs.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        worker.postMessage(jobs[current]);
      };
      worker.on('message', (s: HostSummary) => {
        finish(current, s);
        feed();
      });
      worker.on('error', (e) => {
        const job = jobs[current];
        if (job) finish(current, failedHost(job.name, job.source, `analysis crashed: ${e.message}`));
        void runWorker().then(resolve);
      });
      feed();
    });
  await Promise.all(Array.from({ length: Math.min(threads, jobs.length) }, runWorker));
  return results;
}
