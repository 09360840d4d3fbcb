#!/usr/bin/env node
/**
 * The ptdoctor binary. The only place that maps errors to exit codes: 0 analysis done and nothing
 * reached --fail-on, 1 a finding did, 2 could not analyze (usage, unreadable bundle, internal).
 * One line on stderr per error; --debug adds the stack.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { toolVersion } from '../version.js';
import { analyzeCommand } from './analyze-command.js';
import { collectCommand } from './collect-command.js';
import { collectorScriptCommand } from './collector-script-command.js';
import { diffCommand } from './diff-command.js';
import { BundleError } from '../bundle/bundle-error.js';
import { visibleLine } from '../report/visible-text.js';
import { EXIT, UsageError } from './errors.js';
import { processIo, terminalSafe, type CliIo } from './io.js';
import { explainCommand, rulesCommand } from './rules-command.js';

const EXAMPLES = `
Examples:
  On the host (no Node.js needed):   sh ptdoctor-collect.sh            # writes ptdoctor-<host>-<time>.tgz
  Send the collector to a customer:  ptdoctor collector-script > ptdoctor-collect.sh
  Analyze a bundle:                  ptdoctor analyze ptdoctor-host1-20241125T101500Z.tgz
  Reports for a ticket:              ptdoctor analyze bundle.tgz -f html -f md -o report
  Name the devices to pass through:  ptdoctor analyze bundle.tgz --device 0000:42:00.0 --device 10de:1b06
  Check this host now:               sudo ptdoctor analyze --live
  What a finding means:              ptdoctor explain group-not-viable
  Did the fix work?                  ptdoctor diff before.tgz after.tgz -f md
`;

export async function main(argv: readonly string[], rawIo: CliIo = processIo()): Promise<number> {
  // Messages on stderr carry paths and names from the command line and from bundles: they pass
  // the same visible-text filter as evidence, whoever writes them (commander included).
  const io = terminalSafe(rawIo);
  let exit: number = EXIT.ok;
  const setExit = (code: number): void => {
    exit = code;
  };
  const program = new Command('ptdoctor')
    .description('Diagnose why PCI/PCIe passthrough (VFIO) fails on a Linux KVM host, offline, from one evidence bundle.')
    .version(toolVersion())
    .option('--debug', 'print stack traces of internal errors')
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  for (const cmd of [
    analyzeCommand(io, setExit),
    diffCommand(io, setExit),
    collectCommand(io, setExit),
    collectorScriptCommand(io),
    rulesCommand(io),
    explainCommand(io),
  ])
    program.addCommand(cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr }));
  try {
    await program.parseAsync(['node', 'ptdoctor', ...argv]);
    return exit;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.cannotAnalyze;
    const debug = argv.includes('--debug');
    if (e instanceof UsageError || e instanceof BundleError) io.stderr(`ptdoctor: ${visibleLine(e.message)}\n`);
    else
      io.stderr(
        `ptdoctor: internal error: ${visibleLine(e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e))}${debug ? '' : ' (rerun with --debug for details)'}\n`,
      );
    if (debug && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT.cannotAnalyze;
  }
}

function isEntryPoint(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
