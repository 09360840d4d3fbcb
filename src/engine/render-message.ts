/**
 * Fill `{{name}}` placeholders of a rule message with data, as plain text. Escaping for HTML,
 * Markdown and terminals happens at output time, never here.
 */
import type { MessageData } from './finding.js';

export function renderMessage(template: string, data: MessageData): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(data, key) ? String(data[key]) : whole,
  );
}
