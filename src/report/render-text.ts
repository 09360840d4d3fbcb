/**
 * The terminal summary: fits one screen (verdict, device board, one line per problem, what is
 * missing). Colors only when asked (a TTY without NO_COLOR); bundle text is made visible first
 * and colors are added after, so evidence can never carry escape sequences to the terminal.
 */
import { joinLines } from './join-lines.js';
import { TERMINAL_PROBLEMS, type ReportView } from './view-model.js';

const MAX_INPUT_ROWS = 10;
const CODES = { red: 31, yellow: 33, blue: 34, green: 32, magenta: 35, dim: 2, bold: 1 } as const;

export function renderText(view: ReportView, options: { color: boolean }): string {
  const paint = (c: keyof typeof CODES, s: string): string => (options.color ? `\u001b[${CODES[c]}m${s}\u001b[0m` : s);
  const sevColor = (label: string): keyof typeof CODES =>
    label === 'error' || label === 'Blocked'
      ? 'red'
      : label === 'warning'
        ? 'yellow'
        : label === 'info'
          ? 'blue'
          : label === 'Ready' || label === 'pass'
            ? 'green'
            : 'magenta';
  const out: string[] = [];
  out.push(paint('bold', view.title));
  out.push(paint('dim', view.host.map((r) => `${r.label}: ${r.value}`).join(' · ')));
  const verdictColor =
    view.verdict.kind === 'blocked'
      ? 'red'
      : view.verdict.kind === 'attention'
        ? 'yellow'
        : view.verdict.kind === 'ready'
          ? 'green'
          : 'magenta';
  out.push('', paint(verdictColor, paint('bold', view.verdict.text)));
  if (view.board.length > 0) {
    out.push('', paint('bold', view.boardIsCandidates ? 'Devices (no target named):' : 'Target devices:'));
    for (const b of view.board.slice(0, 10)) {
      const reasons = b.reasons ? `  ${b.reasons}` : '';
      out.push(
        `  ${paint(sevColor(b.verdictLabel), b.verdictLabel.padEnd(8))}${b.address} ${b.name} [${b.ids}] driver ${b.driver}, group ${b.group}${reasons}`,
      );
      if (b.verdict === 'blocked' && b.fixSummary)
        out.push(`          first fix: ${oneLine(b.fixSummary)}${b.firstCommand ? ` (${oneLine(b.firstCommand)})` : ''}`);
    }
    if (view.board.length > 10) out.push(`  … and ${view.board.length - 10} more`);
  }
  const problems = view.counts.errors + view.counts.warnings + view.counts.infos;
  if (problems > 0) {
    out.push('', paint('bold', 'Problems:'));
    for (const p of view.problems.slice(0, TERMINAL_PROBLEMS)) {
      const subject = p.subject === 'host' ? '' : ` ${p.subject.split(' ')[0]}`;
      out.push(`  ${paint(sevColor(p.severity), p.severity.padEnd(8))}${p.ruleId}${subject}: ${oneLine(p.message)}`);
    }
    if (problems > TERMINAL_PROBLEMS) out.push(`  … and ${problems - TERMINAL_PROBLEMS} more (see the full report)`);
  }
  if (view.cloudpods) {
    const { failing, rows } = view.cloudpods;
    out.push(
      '',
      paint(failing > 0 ? 'red' : 'green', `Cloudpods host service: ${failing} of ${rows.length} check(s) fail`) +
        (failing > 0 ? ' (cloudpods-* above)' : ''),
    );
  }
  if (view.counts.unknowns > 0) {
    out.push(
      '',
      `${paint('magenta', `${view.counts.unknowns} check(s) undecided`)}; collect: ${view.collect.slice(0, 4).join('; ') || 'see the full report'}`,
    );
  }
  if (view.inputs) {
    out.push('', paint('bold', `Read as (${view.inputs.summary}):`));
    const rows = view.inputs.rows.map((r) => ({ where: r.lines === '' ? r.input : `${r.input}:${r.lines}`, r }));
    const width = Math.min(40, Math.max(...rows.map((x) => x.where.length)));
    for (const { where, r } of rows.slice(0, MAX_INPUT_ROWS)) {
      const what = r.recognised ? r.readAs : paint('yellow', 'not recognised');
      const note = r.note ? paint('dim', ` — ${oneLine(r.note)}`) : '';
      out.push(
        `  ${where.padEnd(width)}  ${what}${r.recognised && r.evidence === null ? paint('dim', ' (not read by any check)') : ''}${r.recognised ? '' : note}`,
      );
    }
    if (rows.length > MAX_INPUT_ROWS) out.push(`  … and ${rows.length - MAX_INPUT_ROWS} more (see the full report)`);
  }
  if (view.bundle.lost) out.push(paint('yellow', `Bundle incomplete: ${view.bundle.lost}`));
  if (view.bundle.manifestProblem) out.push(paint('yellow', `${view.bundle.manifestProblem}; collection statuses are unknown`));
  if (view.bundle.hasSkipped) out.push(paint('yellow', `${view.bundle.skipped.length} bundle entr(ies) refused while reading`));
  out.push(
    '',
    paint(
      'dim',
      `${view.counts.errors} error, ${view.counts.warnings} warning, ${view.counts.infos} info, ${view.counts.unknowns} unknown, ${view.counts.passes} passed · full report: -f html -o report.html`,
    ),
  );
  return `${out.join('\n')}\n`;
}

function oneLine(s: string): string {
  const flat = joinLines(s);
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}
