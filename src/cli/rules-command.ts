/**
 * `ptdoctor rules` lists the rule catalog; `ptdoctor explain ID` prints a rule's doc page offline.
 */
import { Command } from 'commander';
import { builtinRules } from '../../rules/index.js';
import { readRuleDoc } from '../report/rule-docs.js';
import { UsageError } from './errors.js';
import type { CliIo } from './io.js';

export function rulesCommand(io: CliIo): Command {
  return new Command('rules').description('list every rule with its id, severity and title').action(() => {
    const width = Math.max(...builtinRules.map((r) => r.id.length));
    for (const r of builtinRules) io.stdout(`${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.title}\n`);
  });
}

export function explainCommand(io: CliIo): Command {
  return new Command('explain')
    .description("print a rule's documentation: what it means, the evidence, the fix per platform")
    .argument('<rule-id>')
    .action((id: string) => {
      const doc = builtinRules.some((r) => r.id === id) ? readRuleDoc(id) : null;
      if (doc === null) throw new UsageError(`no rule ${JSON.stringify(id)}; \`ptdoctor rules\` lists them`);
      io.stdout(doc.endsWith('\n') ? doc : `${doc}\n`);
    });
}
