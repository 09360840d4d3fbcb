/**
 * `ptdoctor analyze INPUT…`: validate options at the boundary, read the bundle, analyze, write
 * each requested report to its file or stdout, and return the exit status. Several inputs (or a
 * directory of bundles) run as a fleet: per-host reports plus one summary. Loose evidence — text
 * files, a directory of text files, `-` for stdin — is one host: its pieces are recognised by
 * content and stand in for the bundle's evidence (src/loose/); bundles and loose text together are
 * a usage error.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { z } from 'zod/v3';
import { analyzeBundle, type Analysis } from '../analyze.js';
import { builtinRules } from '../../rules/index.js';
import { expandFleetInputs } from '../fleet/find-bundles.js';
import { buildLooseBundle } from '../loose/loose-bundle.js';
import { presentLooseAnalysis } from '../loose/present-analysis.js';
import { renderReport, renderReportChunks } from '../report/render-report.js';
import { UsageError } from './errors.js';
import { collectValues } from './collect-values.js';
import { exitCodeFor, FAIL_ON, type FailOn } from './exit-code.js';
import { analyzeFleet } from './fleet.js';
import type { CliIo } from './io.js';
import { writeOutput } from './write-output.js';
import { loadSiteRules } from './load-site-rules.js';
import { FORMATS, outputTargets, type Format } from './output-paths.js';
import { collectLive, readInput, readLooseTexts, readStdin, sortInput, type NamedInput } from './read-input.js';

const Options = z.object({
  format: z.array(z.enum(Object.keys(FORMATS) as [Format, ...Format[]])).default(['text']),
  out: z.string().min(1).optional(),
  device: z.array(z.string().min(1)).default([]),
  failOn: z.enum(Object.keys(FAIL_ON) as [FailOn, ...FailOn[]]).default('error'),
  rules: z.string().optional(),
  live: z.boolean().default(false),
  dumpFacts: z.string().optional(),
  jobs: z.coerce.number().int().min(1).max(256).optional(),
});

const collectFormats = (value: string, previous: string[] | undefined): string[] => {
  if (!(value in FORMATS)) throw new InvalidArgumentError(`Allowed choices are ${Object.keys(FORMATS).join(', ')}.`);
  return collectValues(value, previous);
};

export function analyzeCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('analyze')
    .description(
      'analyze a bundle (.tgz, .tar, .tar.xz sosreport, or an unpacked directory), or loose evidence (pasted dmesg, lspci, grub … as text files, a directory of them, or - for stdin), and report per device whether passthrough can work; several bundles give a fleet summary',
    )
    .argument('[inputs...]', 'bundle files or directories, or text files of one host (- reads stdin)')
    .addOption(
      new Option('-f, --format <fmt>', `report format (${Object.keys(FORMATS).join(', ')}); repeat for several`).argParser(collectFormats),
    )
    .option('-o, --out <path>', 'write the report here (several formats: the file stem; several bundles: a directory)')
    .option('-d, --device <addr|vendor:device>', 'a device to pass through; repeatable', collectValues)
    .addOption(new Option('--fail-on <level>', 'exit 1 when a finding reaches this level').choices(Object.keys(FAIL_ON)).default('error'))
    .option('--rules <dir>', 'also apply the site rules in this directory')
    .option('--live', 'collect this host now (runs the shell collector) and analyze it')
    .option('--dump-facts <file>', 'also write the facts the rules saw, as JSON')
    .option('-j, --jobs <n>', 'bundles analyzed in parallel in a fleet run (default: the core count)')
    .action(async (inputs: string[], raw: unknown) => {
      const parsed = Options.safeParse(raw);
      if (!parsed.success) throw new UsageError(`invalid option: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
      const opts = parsed.data;
      if (opts.live === inputs.length > 0) throw new UsageError('give bundle files or directories, text files, or --live');
      const named = await Promise.all(inputs.map(sortInput));
      const loose = named.filter((n) => n.kind !== 'bundle');
      if (loose.length > 0 && loose.length < named.length) throw new UsageError(mixMessage(named));
      if (named.filter((n) => n.kind === 'stdin').length > 1) throw new UsageError('- (stdin) can be given once');
      const paths = opts.live || loose.length > 0 ? [] : expandFleetInputs(inputs);
      if (paths.length !== 1 && !opts.live && loose.length === 0) {
        if (opts.rules || opts.dumpFacts) throw new UsageError('--rules and --dump-facts work on one bundle at a time, not on a fleet');
        setExit(
          await analyzeFleet(
            paths,
            { out: opts.out, formats: opts.format, devices: opts.device, jobs: opts.jobs, progress: io.stderrIsTty, failOn: opts.failOn },
            io,
          ),
        );
        return;
      }
      const rules = opts.rules ? [...builtinRules, ...(await loadSiteRules(opts.rules, builtinRules))] : builtinRules;
      let analysis: Analysis;
      if (loose.length > 0) {
        const texts = await readLooseTexts(loose, () => readStdin(process.stdin));
        const looseBundle = buildLooseBundle(texts, inputs.map((i) => (i === '-' ? 'stdin' : i)).join(', '));
        analysis = presentLooseAnalysis(analyzeBundle(looseBundle.bundle, { devices: opts.device, rules }), looseBundle);
      } else {
        const bundle = opts.live ? await collectLive(io.stderr) : await readInput(paths[0] as string);
        analysis = analyzeBundle(bundle, { devices: opts.device, rules });
      }
      const targets = outputTargets(opts.format, opts.out);
      for (const t of targets) {
        const text = await renderReportChunks(analysis, t.format, t.path === null ? io.color : false);
        if (t.path === null) for (const piece of typeof text === 'string' ? [text] : text) io.stdout(piece);
        else {
          await writeOutput(t.path, text);
          io.stderr(`wrote ${t.path}\n`);
        }
      }
      if (opts.dumpFacts) await writeOutput(opts.dumpFacts, `${JSON.stringify(analysis.facts, null, 2)}\n`);
      if (targets.every((t) => t.path !== null)) io.stdout(await renderReport(analysis, 'text', io.color));
      setExit(exitCodeFor(analysis.findings, opts.failOn));
    });
}

function mixMessage(named: readonly NamedInput[]): string {
  const bundle = named.find((n) => n.kind === 'bundle');
  const text = named.find((n) => n.kind !== 'bundle');
  const nameOf = (n: NamedInput | undefined): string => (n === undefined ? '' : n.kind === 'stdin' ? '- (stdin)' : n.path);
  return `give bundles or one host's loose text files, not both: ${nameOf(bundle)} is a bundle, ${nameOf(text)} is text`;
}
