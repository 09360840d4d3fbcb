/**
 * Child-process entry for the hostile corpus: runs the BUILT CLI's main() exactly as the binary
 * does, then reports on fd 3 what only the process itself can see: its exit code, its peak
 * resident set, its CPU time (user + system, all threads) and whether Object.prototype was polluted.
 *
 * Peak RSS is VmHWM from /proc/self/status: getrusage's ru_maxrss keeps the high-water mark of the
 * memory the process had before exec, that is of the test worker that spawned it (a worker at
 * 300 MB makes every child report 300 MB). Elsewhere than Linux, ru_maxrss is what there is.
 */
import { readFileSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

function peakRssKiB() {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

// the binary is CommonJS (a launcher that hands over its module to the bundled CLI): main is on the default export
const cli = await import(pathToFileURL(process.env.PTDOCTOR_MAIN).href);
const main = cli.main ?? cli.default.main;
const code = await main(process.argv.slice(2));
const polluted = 'polluted' in {} || Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted');
const ru = process.resourceUsage();
writeSync(3, JSON.stringify({ code, maxRssKiB: peakRssKiB(), cpuMicros: ru.userCPUTime + ru.systemCPUTime, polluted }));
process.exitCode = code;
