/**
 * `ptdoctor collect` writes a bundle of this host. It runs the same shell collector customers
 * run without Node, so both produce the same format by construction.
 */
import { Command } from 'commander';
import { collectorScriptPath } from '../collector/collector-path.js';
import { BundleError } from '../bundle/bundle-error.js';
import type { CliIo } from './io.js';

export function collectCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('collect')
    .description('collect this host into ptdoctor-<host>-<time>.tgz (the same bundle the shell collector writes)')
    .option('-o, --out <path>', 'write the bundle here instead (- for stdout)')
    .option('--redact', 'replace hostnames, IP and MAC addresses, serials and user names with stable tokens')
    .action(async (opts: { out?: string; redact?: boolean }) => {
      // child_process loads only here: analysis never starts a process
      const { spawn } = await import('node:child_process');
      const args = [collectorScriptPath(), ...(opts.out ? ['-o', opts.out] : []), ...(opts.redact ? ['--redact'] : [])];
      const code = await new Promise<number>((resolve, reject) => {
        const child = spawn('sh', args, { cwd: io.cwd, stdio: ['ignore', 'inherit', 'inherit'] });
        child.on('error', (e) => reject(new BundleError(`cannot run the collector: ${e.message}`)));
        child.on('close', (c) => resolve(c ?? 2));
      });
      setExit(code === 0 ? 0 : 2);
    });
}
