// Preloaded with `node --import` into a measured process: at exit it writes the process's own
// wall time, CPU time (all threads) and peak RSS as JSON to the file named by PTDOCTOR_BENCH_USAGE.
// Peak RSS is the kernel's VmHWM of this process's memory: getrusage's maxrss would start from the
// RSS of the parent that forked it (Linux keeps the high-water mark across exec), so a child of a
// large bench process would report the bench's own size.
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

process.on('exit', () => {
  const u = process.resourceUsage();
  const out = process.env.PTDOCTOR_BENCH_USAGE;
  if (!out) return;
  const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  writeFileSync(
    out,
    JSON.stringify({
      wallMs: performance.now(),
      cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000,
      maxRssMb: (hwm === undefined ? u.maxRSS : Number(hwm)) / 1024,
    }),
  );
});
