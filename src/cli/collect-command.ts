/**
 * `ptdoctor collect` writes a bundle of this host. It runs the same shell collector customers
 * run without Node, so both produce the same format by construction.
 */
import { Command } from 'commander';
import { BundleError } from '../bundle/bundle-error.js';
import { collectorScriptPath } from '../collector/collector-path.js';
import type { CliIo } from './io.js';

interface CollectOptions {
  out?: string;
  force?: boolean;
  redact?: boolean;
  kubectl?: boolean;
}

/** The collector's arguments for these options (the script's own spelling of each). */
export function collectorArgs(opts: CollectOptions): string[] {
  return [
    ...(opts.out ? ['-o', opts.out] : []),
    ...(opts.force ? ['--force'] : []),
    ...(opts.redact ? ['--redact'] : []),
    ...(opts.kubectl ? ['--kubectl'] : []),
  ];
}

export function collectCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('collect')
    .description('collect this host into ptdoctor-<host>-<time>.tgz (the same bundle the shell collector writes)')
    .option('-o, --out <path>', 'write the bundle here instead (a directory: the default name inside it; - for stdout)')
    .option('--force', 'replace the output file when it exists (a symbolic link there is replaced, never followed)')
    .option('--redact', 'replace hostnames, IP and MAC addresses, serials and user names with stable tokens')
    .option('--kubectl', 'also ask the Kubernetes API server for the Cloudpods host service log when no log file exists (uses the network)')
    .action(async (opts: CollectOptions) => {
      // child_process loads only here: analysis never starts a process
      const { spawn } = await import('node:child_process');
      const args = [collectorScriptPath(), ...collectorArgs(opts)];
      const code = await new Promise<number>((resolve, reject) => {
        const child = spawn('sh', args, { cwd: io.cwd, stdio: ['ignore', 'inherit', 'inherit'] });
        child.on('error', (e) => reject(new BundleError(`cannot run the collector: ${e.message}`)));
        child.on('close', (c) => resolve(c ?? 2));
      });
      setExit(code === 0 ? 0 : 2);
    });
}
