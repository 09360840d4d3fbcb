/**
 * `ptdoctor analyze INPUT`: validate options at the boundary, read the bundle, analyze, write
 * each requested report to its file or stdout, and return the exit status.
 */
import { writeFile } from 'node:fs/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import { z } from 'zod';
import { analyzeBundle, type Analysis } from '../analyze.js';
import { builtinRules } from '../../rules/index.js';
import { loadRuleDocs } from '../report/rule-docs.js';
import { toJsonReport } from '../report/json-report.js';
import { renderHtml, renderMarkdown } from '../report/render.js';
import { renderText } from '../report/render-text.js';
import { buildReportView } from '../report/view-model.js';
import { toolVersion } from '../version.js';
import { UsageError } from './errors.js';
import { exitCodeFor, FAIL_ON, type FailOn } from './exit-code.js';
import type { CliIo } from './io.js';
import { loadSiteRules } from './load-site-rules.js';
import { FORMATS, outputTargets, type Format } from './output-paths.js';
import { collectLive, readInput } from './read-input.js';

const Options = z.object({
  format: z.array(z.enum(Object.keys(FORMATS) as [Format, ...Format[]])).default(['text']),
  out: z.string().min(1).optional(),
  device: z.array(z.string().min(1)).default([]),
  failOn: z.enum(Object.keys(FAIL_ON) as [FailOn, ...FailOn[]]).default('error'),
  rules: z.string().optional(),
  live: z.boolean().default(false),
  dumpFacts: z.string().optional(),
});

const collectValues = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];
const collectFormats = (value: string, previous: string[] | undefined): string[] => {
  if (!(value in FORMATS)) throw new InvalidArgumentError(`Allowed choices are ${Object.keys(FORMATS).join(', ')}.`);
  return collectValues(value, previous);
};

export function analyzeCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('analyze')
    .description('analyze a bundle (.tgz, .tar, or an unpacked directory) and report per device whether passthrough can work')
    .argument('[input]', 'bundle file or directory')
    .addOption(new Option('-f, --format <fmt>', `report format (${Object.keys(FORMATS).join(', ')}); repeat for several`).argParser(collectFormats))
    .option('-o, --out <path>', 'write the report here (with several formats: the file stem)')
    .option('-d, --device <addr|vendor:device>', 'a device to pass through; repeatable', collectValues)
    .addOption(new Option('--fail-on <level>', 'exit 1 when a finding reaches this level').choices(Object.keys(FAIL_ON)).default('error'))
    .option('--rules <dir>', 'also apply the site rules in this directory')
    .option('--live', 'collect this host now (runs the shell collector) and analyze it')
    .option('--dump-facts <file>', 'also write the facts the rules saw, as JSON')
    .action(async (input: string | undefined, raw: unknown) => {
      const parsed = Options.safeParse(raw);
      if (!parsed.success) throw new UsageError(`invalid option: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
      const opts = parsed.data;
      if (opts.live === (input !== undefined)) throw new UsageError('give exactly one of INPUT or --live');
      const rules = opts.rules ? [...builtinRules, ...(await loadSiteRules(opts.rules, builtinRules))] : builtinRules;
      const bundle = input !== undefined ? await readInput(input) : await collectLive(io.stderr);
      const analysis = analyzeBundle(bundle, { devices: opts.device, rules });
      const targets = outputTargets(opts.format, opts.out);
      for (const t of targets) {
        const text = render(analysis, t.format, t.path === null ? io.color : false);
        if (t.path === null) io.stdout(text);
        else {
          await writeFile(t.path, text);
          io.stderr(`wrote ${t.path}\n`);
        }
      }
      if (opts.dumpFacts) await writeFile(opts.dumpFacts, `${JSON.stringify(analysis.facts, null, 2)}\n`);
      if (targets.every((t) => t.path !== null)) io.stdout(render(analysis, 'text', io.color));
      setExit(exitCodeFor(analysis.findings, opts.failOn));
    });
}

function render(analysis: Analysis, format: Format, color: boolean): string {
  const meta = { generatedAt: new Date().toISOString(), toolVersion: toolVersion() };
  if (format === 'json') return `${JSON.stringify(toJsonReport(analysis, meta), null, 2)}\n`;
  const view = buildReportView(analysis, { ...meta, docs: loadRuleDocs(analysis.findings.map((f) => f.ruleId)) });
  if (format === 'html') return renderHtml(view);
  if (format === 'md') return renderMarkdown(view);
  return renderText(view, { color });
}
