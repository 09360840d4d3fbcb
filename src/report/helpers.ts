/**
 * The Handlebars helpers the report templates may use; registered on an isolated environment
 * only (render.ts). Markdown helpers escape their argument themselves because the Markdown
 * templates compile with noEscape.
 */
import { mdCell, mdCodeSpan, mdFence, mdInline } from './markdown-escape.js';

type Step = { text: string; command: string | null };
type EvidenceLine = { source: string; line: string; text: string };

const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

export const markdownHelpers: Record<string, (...args: unknown[]) => string> = {
  md: (v) => mdInline(str(v)),
  mdCell: (v) => mdCell(str(v)),
  mdCodeSpan: (v) => mdCodeSpan(str(v)),
  mdFence: (v, lang) => mdFence(str(v), typeof lang === 'string' ? lang : ''),
  mdEvidence: (list) => mdFence((list as EvidenceLine[]).map((e) => `${e.source}${e.line ? `:${e.line}` : ''}: ${e.text}`).join('\n')),
  mdPlanItem: (item, index) => {
    const s = item as Step & { from: string };
    const head = `${Number(index) + 1}. ${mdInline(s.text)} _(${mdInline(s.from)})_`;
    if (s.command === null) return head;
    return `${head}\n${mdFence(s.command, 'sh').replace(/^/gm, '   ')}`;
  },
  mdStep: (step, index) => {
    const s = step as Step;
    const head = `${Number(index) + 1}. ${mdInline(s.text)}`;
    if (s.command === null) return head;
    return `${head}\n${mdFence(s.command, 'sh').replace(/^/gm, '   ')}`;
  },
};
