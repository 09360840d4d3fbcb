/**
 * Worker-thread entry of a fleet run: receives numbered host jobs and analyzes them one after
 * another (a second job waits here, ready, while the first runs), answering each with its number
 * and host summary.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeHost, type HostJob } from './analyze-host.js';

export interface NumberedJob {
  readonly index: number;
  readonly job: HostJob;
}

let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', ({ index, job }: NumberedJob) => {
  queue = queue.then(async () => {
    parentPort?.postMessage({ index, summary: await analyzeHost(job) });
  });
});
