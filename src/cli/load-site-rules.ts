/**
 * --rules DIR: extra rules a site keeps beside the built-in ones. Each .js/.mjs file in DIR
 * default-exports a rule (an object of the shape defineRule takes). Files are loaded in name
 * order; an id clashing with a built-in rule is refused.
 *
 * A rule file is JavaScript that runs with the privileges of whoever runs ptdoctor, like any
 * plugin: only directories the engineer wrote or trusts belong here, never one from a bundle
 * (docs/security.md, "Site rules").
 */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from '../engine/define-rule.js';
import { UsageError } from './errors.js';

/**
 * The bundled CLI (dist/bundle/app.js) is compiled by its launcher (scripts/launcher.cjs) as a
 * script, where import() cannot run; the launcher passes its own import() as this parameter. Run
 * from dist/src or in tests, the name is not bound and the module's own import() is used.
 */
declare const __ptdoctorImport: ((url: string) => Promise<unknown>) | undefined;

function importModule(url: string): Promise<unknown> {
  return typeof __ptdoctorImport === 'function' ? __ptdoctorImport(url) : import(url);
}

export async function loadSiteRules(dir: string, builtin: readonly Rule[]): Promise<Rule[]> {
  const names = await readdir(dir).catch(() => {
    throw new UsageError(`--rules ${dir}: cannot read the directory`);
  });
  const taken = new Set(builtin.map((r) => r.id));
  const rules: Rule[] = [];
  for (const name of names.filter((n) => /\.(?:mjs|js)$/.test(n)).sort()) {
    const mod = (await importModule(pathToFileURL(resolve(join(dir, name))).href).catch((e: unknown) => {
      throw new UsageError(`--rules ${join(dir, name)}: cannot load: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    })) as { default?: Partial<Rule> };
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
