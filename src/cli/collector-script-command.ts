/**
 * `ptdoctor collector-script` prints the shell collector, so support can send it to a customer
 * whose host has no Node.js: `ptdoctor collector-script > ptdoctor-collect.sh`.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { collectorScriptPath } from '../collector/collector-path.js';
import type { CliIo } from './io.js';

export function collectorScriptCommand(io: CliIo): Command {
  return new Command('collector-script')
    .description('print the POSIX-sh collector to send to a host without Node.js')
    .action(() => io.stdout(readFileSync(collectorScriptPath(), 'utf8')));
}
