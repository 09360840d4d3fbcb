/**
 * --rules DIR: extra rules a site keeps beside the built-in ones. Each .js/.mjs file in DIR
 * default-exports a rule made with defineRule (its code is the site's own, trusted like a
 * plugin). Files are loaded in name order; an id clashing with a built-in rule is refused.
 */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from '../engine/define-rule.js';
import { UsageError } from './errors.js';

export async function loadSiteRules(dir: string, builtin: readonly Rule[]): Promise<Rule[]> {
  const names = await readdir(dir).catch(() => {
    throw new UsageError(`--rules ${dir}: cannot read the directory`);
  });
  const taken = new Set(builtin.map((r) => r.id));
  const rules: Rule[] = [];
  for (const name of names.filter((n) => /\.(?:mjs|js)$/.test(n)).sort()) {
    const mod = (await import(pathToFileURL(resolve(join(dir, name))).href)) as { default?: Partial<Rule> };
    const rule = mod.default;
    if (
      !rule ||
      typeof rule.id !== 'string' ||
      typeof rule.check !== 'function' ||
      !Array.isArray(rule.needs) ||
      typeof rule.messages !== 'object'
    )
      throw new UsageError(`--rules ${join(dir, name)}: the default export is not a rule (defineRule({...}))`);
    if (taken.has(rule.id)) throw new UsageError(`--rules ${join(dir, name)}: rule id ${rule.id} is already used`);
    taken.add(rule.id);
    rules.push(rule as Rule);
  }
  return rules;
}
