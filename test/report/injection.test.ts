/**
 * Evidence is untrusted: whatever a bundle holds must render inert in HTML, Markdown and the
 * terminal. The hostile strings ride in a real sample through a rule's cited evidence.
 */
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { builtinRules } from '../../rules/index.js';
import { renderHtml, renderMarkdown } from '../../src/report/render.js';
import { renderText } from '../../src/report/render-text.js';
import { buildReportView } from '../../src/report/view-model.js';
import { sampleBundle } from '../helpers/bundle-from.js';

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "{{constructor.constructor('alert(3)')()}}",
  '[click](http://evil.example/x) ![px](http://beacon.example/p.png) @channel #123',
  '\u001b]52;c;aGVsbG8=\u0007\u001b[2J\u009b31m\u202eevil',
  '```',
];

function views() {
  const bundle = sampleBundle('lab-intel-firmware-off', { 'acpi-tables': `${HOSTILE.join('\n')}\n` });
  const analysis = analyzeBundle(bundle, { rules: builtinRules });
  return buildReportView(analysis, { generatedAt: 'now', toolVersion: 'test', docs: new Map() });
}

describe('report injection', () => {
  it('the hostile text reaches the report as evidence', () => {
    const v = views();
    expect(JSON.stringify(v.problems)).toContain('alert(1)');
  });

  it('HTML: no script, no injected element or handler, CSP first in head', () => {
    const html = renderHtml(views());
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/(src|href)="?https?:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.indexOf('<meta http-equiv="Content-Security-Policy"')).toBe(html.indexOf('<head>') + '<head>\n'.length);
    expect(html).not.toContain('\u001b');
    expect(html).not.toContain('\u202e');
  });

  it('Markdown: no live link, image or raw HTML from the bundle; fences hold', () => {
    const md = renderMarkdown(views());
    const outsideFences = md.replace(/^( *)(`{3,})[^\n]*\n[\s\S]*?\n\1\2 *$/gm, '');
    expect(outsideFences).not.toContain('](http');
    expect(outsideFences).not.toMatch(/<script|<img/i);
    expect(md).not.toContain('\u001b');
    const fence = /\n(`{4,})\n/.exec(md);
    expect(fence, 'a fence longer than the ``` inside the evidence').not.toBeNull();
  });

  it('terminal: escape sequences are shown, never sent', () => {
    const text = renderText(views(), { color: false });
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u009b');
  });
});
