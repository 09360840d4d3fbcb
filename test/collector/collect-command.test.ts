/**
 * `ptdoctor collect` passes its options to the shell collector in the collector's own spelling:
 * each argument list it builds is one the script accepts.
 */
import { describe, expect, it } from 'vitest';
import { collectorArgs } from '../../src/cli/collect-command.js';
import { runCollector, tempDir } from './harness.js';

describe('ptdoctor collect → collect.sh arguments', () => {
  it.each([
    [{}, []],
    [{ out: 'b.tgz', force: true }, ['-o', 'b.tgz', '--force']],
    [{ redact: true, kubectl: true }, ['--redact', '--kubectl']],
    [{ out: '-', force: true, redact: true, kubectl: true }, ['-o', '-', '--force', '--redact', '--kubectl']],
  ])('%o → %o, which the script accepts', async (opts, args) => {
    expect(collectorArgs(opts)).toEqual(args);
    // the script reads every argument before acting: --help at the end proves the others valid
    const r = await runCollector({ shell: ['/usr/bin/dash'], cwd: tempDir('ptd-cwd-'), args: [...args, '--help'] });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.toString()).toContain('--kubectl');
  });
});
