/**
 * Fill `{{name}}` placeholders of a rule message with data, as plain text. Escaping for HTML,
 * Markdown and terminals happens at output time, never here. A rule's template is split into
 * text and placeholders once: a host with thousands of devices renders it thousands of times.
 */
import type { MessageData } from './finding.js';

/** A template as alternating parts: text at even places, placeholder names at odd ones. */
const parsed = new Map<string, readonly string[]>();
const MAX_PARSED = 4096;

function partsOf(template: string): readonly string[] {
  let parts = parsed.get(template);
  if (parts === undefined) {
    parts = template.split(/\{\{(\w+)\}\}/);
    if (parsed.size < MAX_PARSED) parsed.set(template, parts);
  }
  return parts;
}

export function renderMessage(template: string, data: MessageData): string {
  const parts = partsOf(template);
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!;
    out += (Object.prototype.hasOwnProperty.call(data, key) ? String(data[key]) : `{{${key}}}`) + (parts[i + 1] ?? '');
  }
  return out;
}
