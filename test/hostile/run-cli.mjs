/**
 * Child-process entry for the hostile corpus: runs the BUILT CLI's main() exactly as the binary
 * does, then reports on fd 3 what only the process itself can see: its exit code, its peak
 * resident set (getrusage ru_maxrss, KiB on Linux), its CPU time (user + system, all threads) and whether Object.prototype was polluted.
 */
import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

// the binary is CommonJS (a launcher that hands over its module to the bundled CLI): main is on the default export
const cli = await import(pathToFileURL(process.env.PTDOCTOR_MAIN).href);
const main = cli.main ?? cli.default.main;
const code = await main(process.argv.slice(2));
const polluted = 'polluted' in {} || Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted');
const ru = process.resourceUsage();
writeSync(3, JSON.stringify({ code, maxRssKiB: ru.maxRSS, cpuMicros: ru.userCPUTime + ru.systemCPUTime, polluted }));
process.exitCode = code;
