// Preloaded with `node --import` into a measured process: at exit it writes the process's own
// wall time, CPU time and peak RSS as JSON to the file named by PTDOCTOR_BENCH_USAGE.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

process.on('exit', () => {
  const u = process.resourceUsage();
  const out = process.env.PTDOCTOR_BENCH_USAGE;
  if (out)
    writeFileSync(
      out,
      JSON.stringify({ wallMs: performance.now(), cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMb: u.maxRSS / 1024 }),
    );
});
