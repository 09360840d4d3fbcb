/**
 * Suites that need something from the machine (QEMU for the lab, Chromium for the browser tests,
 * sos and root for the sosreport test, QEMU and mmdebstrap for the fix-apply lab) run where it is there. Locally a missing tool skips the suite
 * with a line that says why; where PTDOCTOR_REQUIRE names the suite (CI sets `lab,browser,sos`), a
 * missing tool fails the run instead of skipping it silently.
 */
export type RequiredSuite = 'lab' | 'browser' | 'sos' | 'fixlab';

export function suiteCanRun(suite: RequiredSuite, missing: string | null): boolean {
  if (missing === null) return true;
  const required = (process.env.PTDOCTOR_REQUIRE ?? '').split(',').map((s) => s.trim());
  if (required.includes(suite)) throw new Error(`the ${suite} suite is required (PTDOCTOR_REQUIRE) but cannot run: ${missing}`);
  process.stderr.write(`skipping the ${suite} suite: ${missing} (set PTDOCTOR_REQUIRE=${suite} to make this a failure)\n`);
  return false;
}
