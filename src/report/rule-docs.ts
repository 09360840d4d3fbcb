/**
 * Rule doc pages (rules/<id>.md): the whole page for `ptdoctor explain`, and the first paragraph
 * for reports, which travel to tickets without the docs.
 */
import { joinLines } from './join-lines.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

function ruleDocPath(id: string): string | null {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) return null;
  const path = join(packageRoot(), 'rules', `${id}.md`);
  return existsSync(path) ? path : null;
}

export function readRuleDoc(id: string): string | null {
  const path = ruleDocPath(id);
  return path ? readFileSync(path, 'utf8') : null;
}

/** The first paragraph after the H1 and the metadata line. */
function firstParagraph(doc: string): string | null {
  const blocks = doc.split(/\n\s*\n/).map((b) => b.trim());
  const para = blocks.find((b) => b !== '' && !b.startsWith('#') && !b.startsWith('Severity:'));
  return para ? joinLines(para) : null;
}

export function loadRuleDocs(ids: readonly string[]): Map<string, string> {
  const docs = new Map<string, string>();
  for (const id of new Set(ids)) {
    const doc = readRuleDoc(id);
    const para = doc ? firstParagraph(doc) : null;
    if (para) docs.set(id, para);
  }
  return docs;
}
