/**
 * Worker-thread entry of a fleet run: receives host jobs, answers with host summaries.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeHost, type HostJob } from './analyze-host.js';

parentPort?.on('message', (job: HostJob) => {
  void analyzeHost(job).then((summary) => parentPort?.postMessage(summary));
});
