/**
 * The HTML report of a bundle carrying hostile evidence, opened from a file:// URL in a real
 * headless Chromium (Debian's `chromium`, driven by playwright-core): no script runs (a
 * `window.__pwned` marker stays unset, no dialog opens), no network request is attempted, the
 * Content-Security-Policy is in force and its style hash matches the inlined CSS. A screenshot is
 * saved to test/artifacts/ (git-ignored). Skips when /usr/bin/chromium is not installed.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { suiteCanRun } from '../helpers/required-suite.js';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { readTree, ROOT } from '../helpers/bundle-from.js';
import { makeTgz, type ArchiveEntry } from '../helpers/make-archive.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Each payload would set window.__pwned, open a dialog or fetch from the network if it were live. */
const PAYLOADS = [
  '<script>window.__pwned = 1</script>',
  '"><img src=x onerror="window.__pwned = 2">',
  "'><svg onload=window.__pwned=3>",
  "{{constructor.constructor('window.__pwned = 4')()}}",
  '<a href="javascript:window.__pwned=5">click</a> <iframe src="http://evil.example/frame"></iframe>',
  '<meta http-equiv="refresh" content="0;url=http://evil.example/refresh">',
  '<link rel="stylesheet" href="http://evil.example/x.css"><style>@import url(http://evil.example/y.css); body{background:url(http://evil.example/z.png)}</style>',
  '</code></pre></details><base href="http://evil.example/"><form action="http://evil.example/f"><button>go</button></form>',
  '[click](http://evil.example/x) ![px](http://beacon.example/p.png) <img src="http://beacon.example/q.png">',
  '<script>alert(document.domain)</script><img src=x onerror=confirm(1)>',
  '\u001b]52;c;cHduZWQ=\u0007\u001b[2J\u009b31m\u202eevil',
];

const TOP = 'ptdoctor-lab-intel-firmware-off';

async function hostileBundle(dir: string): Promise<string> {
  const tree = readTree(join(ROOT, 'samples', 'lab-intel-firmware-off', 'evidence'));
  const manifest = JSON.parse(tree.get('manifest.json')!.bytes.toString('utf8')) as Record<string, unknown>;
  manifest.hostname = PAYLOADS[1];
  const entries: ArchiveEntry[] = [...tree.values()].map((f) => {
    if (f.path === 'manifest.json') return { name: `${TOP}/manifest.json`, body: JSON.stringify(manifest) };
    // the ACPI table listing is cited by iommu-firmware-disabled, which fails on this sample
    if (f.path === 'commands/acpi-tables.out')
      return { name: `${TOP}/${f.path}`, body: `${f.bytes.toString('utf8')}${PAYLOADS.join('\n')}\n` };
    // device names are shown in the device table: give each device line a payload as its name
    if (f.path === 'commands/lspci-nnk.out') {
      let i = 0;
      const named = f.bytes
        .toString('utf8')
        .split('\n')
        .map((l) =>
          /^[0-9a-f]{2}:/.test(l)
            ? l.replace(/\]: .* \[([0-9a-f]{4}:[0-9a-f]{4})\]/, (_m, ids: string) => `]: ${PAYLOADS[i++ % PAYLOADS.length]} [${ids}]`)
            : l,
        );
      return { name: `${TOP}/${f.path}`, body: named.join('\n') };
    }
    return { name: `${TOP}/${f.path}`, body: f.bytes };
  });
  // refused entries are listed in the report by name and link target
  entries.push({ name: `${TOP}/link`, type: 'symlink', linkname: PAYLOADS[0]! });
  entries.push({ name: `${TOP}/"><img src=x onerror="window.__pwned=6">`, type: 'fifo' });
  const path = join(dir, 'hostile.tgz');
  writeFileSync(path, await makeTgz(entries));
  return path;
}

describe.runIf(suiteCanRun('browser', existsSync(CHROMIUM) ? null : `${CHROMIUM} is not installed`))(
  'HTML report in headless Chromium',
  () => {
    let browser: Browser;
    let html: string;
    let htmlPath: string;

    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ptd-browser-'));
      const bundle = await hostileBundle(dir);
      htmlPath = join(dir, 'report.html');
      const err: string[] = [];
      const io: CliIo = { stdout: () => {}, stderr: (t) => err.push(t), color: false, stderrIsTty: false, cwd: dir, env: {} };
      const code = await main(['analyze', bundle, '-f', 'html', '-o', htmlPath], io);
      expect(code, err.join('')).toBe(1);
      html = readFileSync(htmlPath, 'utf8');
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
    });

    it('the payloads reach the report as text', () => {
      expect(html).toContain('&lt;script&gt;window.__pwned');
      expect(html).toContain('evil.example');
    });

    it('no script runs, no dialog opens, no request leaves file://, the CSP holds', async () => {
      const context = await browser.newContext({ javaScriptEnabled: true });
      const page = await context.newPage();
      const requests: string[] = [];
      const dialogs: string[] = [];
      const console: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => console.push(`pageerror: ${e.message}`));
      await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
      await page.waitForTimeout(500);

      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
      expect(page.url()).toBe(pathToFileURL(htmlPath).href);
      // nothing injected became markup
      const live = await page.evaluate(() => ({
        scripts: document.querySelectorAll('script').length,
        iframes: document.querySelectorAll('iframe, form, base, link, meta[http-equiv="refresh"]').length,
        imgs: Array.from(document.querySelectorAll('img'), (i) => i.getAttribute('src')),
        handlers: Array.from(document.querySelectorAll('*')).flatMap((e) =>
          Array.from(e.attributes, (a) => a.name).filter((n) => n.startsWith('on')),
        ),
        hrefs: Array.from(document.querySelectorAll('a[href]'), (a) => a.getAttribute('href') ?? '').filter((h) => !h.startsWith('#')),
        styles: document.querySelectorAll('style').length,
        text: document.body.textContent ?? '',
      }));
      // shown to the reader as text, verbatim
      for (const p of [PAYLOADS[0], PAYLOADS[1], PAYLOADS[3], PAYLOADS[4]]) expect(live.text).toContain(p);
      expect(live.scripts).toBe(0);
      expect(live.iframes).toBe(0);
      expect(live.imgs.every((s) => s?.startsWith('data:'))).toBe(true);
      expect(live.handlers).toEqual([]);
      expect(live.hrefs).toEqual([]);
      expect(live.styles).toBe(1);
      // the report's own inline CSS is allowed by its hash: no CSP complaint at all
      expect(console.filter((c) => /Content Security Policy|Refused to/i.test(c))).toEqual([]);
      expect(console.filter((c) => c.startsWith('pageerror'))).toEqual([]);
      const bodyFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
      expect(bodyFont).not.toBe('');

      mkdirSync(join(ROOT, 'test', 'artifacts'), { recursive: true });
      await page.screenshot({ path: join(ROOT, 'test', 'artifacts', 'report-hostile.png'), fullPage: true });
      await context.close();
    });

    it('the policy is in force: an image added after load is refused by img-src and blocked', async () => {
      const page = await browser.newPage();
      const failed: string[] = [];
      page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
      await page.goto(pathToFileURL(htmlPath).href);
      const violation = await page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective));
            const img = document.createElement('img');
            img.src = 'http://127.0.0.1:9/probe.png';
            document.body.append(img);
            setTimeout(() => resolve('no violation'), 2000);
          }),
      );
      expect(violation).toBe('img-src');
      await page.waitForTimeout(200);
      // Chromium names the failure 'csp' (net::ERR_BLOCKED_BY_CSP)
      expect(failed).toEqual(['http://127.0.0.1:9/probe.png csp']);
      await page.close();
    });
  },
);
