/**
 * `ptdoctor diff BEFORE AFTER`: what a fix changed on a host — the report a support engineer
 * attaches when closing a ticket. Exit 1 when a failing finding remains or is new at --fail-on.
 */
import { Command, Option } from 'commander';
import { analyzeBundle } from '../analyze.js';
import { builtinRules } from '../../rules/index.js';
import { diffAnalyses } from '../diff/diff-analyses.js';
import { renderDiffMarkdown, renderDiffText } from '../diff/render-diff.js';
import { safeJsonText } from '../report/safe-json-text.js';
import { collectValues } from './collect-values.js';
import { exitCodeFor, FAIL_ON, type FailOn } from './exit-code.js';
import type { CliIo } from './io.js';
import { writeOutput } from './write-output.js';
import { readInput } from './read-input.js';

export function diffCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('diff')
    .description('compare two bundles of one host: findings fixed, new and remaining, and what changed in the evidence')
    .argument('<before>', 'bundle from before the fix')
    .argument('<after>', 'bundle from after the fix')
    .addOption(new Option('-f, --format <fmt>', 'output format').choices(['text', 'md', 'json']).default('text'))
    .option('-o, --out <path>', 'write to this file instead of stdout')
    .option('-d, --device <addr|vendor:device>', 'the device the fix was for (as given to analyze); repeatable', collectValues, [])
    .addOption(
      new Option('--fail-on <level>', 'exit 1 when a remaining or new finding reaches this level')
        .choices(Object.keys(FAIL_ON))
        .default('error'),
    )
    .action(
      async (
        beforePath: string,
        afterPath: string,
        opts: { format: 'text' | 'md' | 'json'; out?: string; device: string[]; failOn: FailOn },
      ) => {
        const [before, after] = await Promise.all([readInput(beforePath), readInput(afterPath)]);
        const a = analyzeBundle(before, { devices: opts.device, rules: builtinRules });
        const b = analyzeBundle(after, { devices: opts.device, rules: builtinRules });
        const d = diffAnalyses(a, b);
        const text =
          opts.format === 'json'
            ? safeJsonText(d)
            : opts.format === 'md'
              ? renderDiffMarkdown(d, { before: beforePath, after: afterPath })
              : renderDiffText(d);
        if (opts.out) await writeOutput(opts.out, text);
        else io.stdout(text);
        setExit(exitCodeFor(b.findings, opts.failOn));
      },
    );
}
