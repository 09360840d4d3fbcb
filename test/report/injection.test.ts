/**
 * Evidence is untrusted: whatever a bundle holds must render inert in HTML, Markdown and the
 * terminal. The hostile strings ride in a real sample through a rule's cited evidence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { builtinRules } from '../../rules/index.js';
import { renderHtml, renderMarkdown } from '../../src/report/render.js';
import { renderText } from '../../src/report/render-text.js';
import { buildReportView } from '../../src/report/view-model.js';
import { ROOT, sampleBundle } from '../helpers/bundle-from.js';

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
  return buildReportView(analysis, { generatedAt: 'now', toolVersion: 'test', docs: new Map(), picture: true });
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
    // The fence run is captured whole for the back-reference that closes it.
    // eslint-disable-next-line regexp/optimal-quantifier-concatenation
    const outsideFences = md.replace(/^( *)(`{3,})[^\n]*\n[\s\S]*?\n\1\2 *$/gm, '');
    expect(outsideFences).not.toContain('](http');
    expect(outsideFences).not.toMatch(/<script|<img/i);
    expect(md).not.toContain('\u001b');
    const fence = /\n(`{4,})\n/.exec(md);
    expect(fence, 'a fence longer than the ``` inside the evidence').not.toBeNull();
  });

  it('SVG picture: a hostile device name stays text in every element that shows it', () => {
    const lspci = readFileSync(join(ROOT, 'samples', 'lab-group-shared', 'evidence', 'commands', 'lspci-nnk.out'), 'utf8');
    const hostileName = `${HOSTILE[1]} ${HOSTILE[0]} ${HOSTILE[4]}`;
    const edited = lspci.replace(
      '03:02.0 Ethernet controller [0200]: Intel Corporation 82540EM Gigabit Ethernet Controller',
      `03:02.0 Ethernet controller [0200]: ${hostileName}`,
    );
    expect(edited).not.toBe(lspci);
    const analysis = analyzeBundle(sampleBundle('lab-group-shared', { 'lspci-nnk': edited }), { rules: builtinRules });
    const view = buildReportView(analysis, { generatedAt: 'now', toolVersion: 'test', docs: new Map(), picture: true });
    const blocker = view.topology?.groups.flatMap((g) => g.devices).find((d) => d.address === '03:02.0');
    expect(blocker?.title).toContain('<script>alert(1)</script>');
    const html = renderHtml(view);
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;');
    expect(svg).not.toMatch(/<script|<img|\son\w+=/i);
    expect(svg).not.toContain('\u001b');
    expect(svg).not.toContain('\u202e');
    expect(renderMarkdown(view)).not.toMatch(/<script|<img/i);
  });

  it('terminal: escape sequences are shown, never sent', () => {
    const text = renderText(views(), { color: false });
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u009b');
  });
});
