/// <reference lib="dom" />
/**
 * The HTML report in a real browser: Debian's headless Chromium opens the reports of real lab
 * samples and checks that the IOMMU-group picture and the readiness board render, collapsible
 * evidence opens by mouse and keyboard, the strict CSP lets the report's own stylesheet apply and
 * nothing else (no console errors), and the page prints. Screenshots go to test/artifacts/
 * (git-ignored; CI keeps them as artifacts). Skips when /usr/bin/chromium is not installed
 * (`apt-get install -y chromium`).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { analyzeBundle } from '../../src/analyze.js';
import { renderHtml } from '../../src/report/render.js';
import { loadRuleDocs } from '../../src/report/rule-docs.js';
import { buildReportView } from '../../src/report/view-model.js';
import { suiteCanRun } from '../helpers/required-suite.js';
import { ROOT, sampleBundle } from '../helpers/bundle-from.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const SAMPLES = ['lab-group-shared', 'lab-intel-healthy', 'lab-intel-firmware-off'] as const;

function writeReport(dir: string, sample: string): string {
  const analysis = analyzeBundle(sampleBundle(sample), { rules: builtinRules });
  const view = buildReportView(analysis, {
    generatedAt: '2026-01-01T00:00:00.000Z',
    toolVersion: 'browser-test',
    docs: loadRuleDocs(analysis.findings.map((f) => f.ruleId)),
    picture: true,
  });
  const path = join(dir, `${sample}.html`);
  writeFileSync(path, renderHtml(view));
  return path;
}

describe.runIf(suiteCanRun('browser', existsSync(CHROMIUM) ? null : `${CHROMIUM} is not installed`))(
  'HTML report in headless Chromium',
  () => {
    let browser: Browser;
    const files = new Map<string, string>();

    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ptd-browser-'));
      for (const s of SAMPLES) files.set(s, writeReport(dir, s));
      mkdirSync(ARTIFACTS, { recursive: true });
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      });
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
    });

    /** Opens a report and collects every console error, page error and failed request. */
    async function open(sample: string, opts: { dark?: boolean; hash?: string } = {}): Promise<{ page: Page; errors: string[] }> {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, colorScheme: opts.dark ? 'dark' : 'light' });
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url()}`));
      await page.goto(`file://${files.get(sample)!}${opts.hash ?? ''}`);
      return { page, errors };
    }

    async function box(page: Page, selector: string): Promise<{ width: number; height: number }> {
      const b = await page.locator(selector).first().boundingBox();
      expect(b, `${selector} is laid out`).not.toBeNull();
      return b!;
    }

    it('lab-group-shared: the picture shows the target, the member that blocks its group, and the board row', async () => {
      const { page, errors } = await open('lab-group-shared');
      const svg = await box(page, 'svg.topo');
      expect(svg.width).toBeGreaterThan(600);
      expect(svg.height).toBeGreaterThan(100);
      // Group 4 holds the vfio-pci target 03:01.0 and 03:02.0 still on e1000 (samples/lab-group-shared/README.md).
      const blocked = page.locator('svg.topo g.grp-blocked');
      expect(await blocked.count()).toBe(1);
      await expect.poll(() => blocked.locator('.grp-title').textContent()).toContain('IOMMU group 4');
      expect(await blocked.locator('g.dev-target .dev-addr').allTextContents()).toEqual(['03:01.0']);
      expect(await blocked.locator('g.dev-blocker .dev-addr').allTextContents()).toEqual(['03:02.0']);
      expect(await blocked.locator('g.dev-blocker .x-mark').count()).toBe(1);
      const deviceRow = await box(page, 'svg.topo g.dev-blocker rect.dev-box');
      expect(deviceRow.width).toBeGreaterThan(100);
      // The stylesheet applies (its hash is in the CSP): the blocker's outline is dashed.
      const dash = await page.locator('svg.topo g.dev-blocker rect.dev-box').evaluate((el) => getComputedStyle(el).strokeDasharray);
      expect(dash).not.toBe('none');
      // Groups holding nothing of interest are counted, not drawn.
      await expect.poll(() => page.locator('svg.topo .topo-collapsed').textContent()).toMatch(/^7 more groups \(9 devices\)/);

      const row = page.locator('#board-0000-03-01-0');
      expect(await row.count()).toBe(1);
      const rowBox = await box(page, '#board-0000-03-01-0');
      expect(rowBox.height).toBeGreaterThan(0);
      if (builtinRules.some((r) => r.id === 'group-not-viable')) {
        expect(await row.locator('.pill').textContent()).toBe('Blocked');
        expect(await row.locator('.why-cell').textContent()).toContain('0000:03:02.0');
        // The group box links to the finding, and report.html#group-not-viable lands on it.
        expect(await blocked.locator('a').getAttribute('href')).toBe('#group-not-viable-0000-03-01-0');
        // The link is a keyboard stop: focus it and follow it with Enter.
        await blocked.locator('a').focus();
        expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#group-not-viable-0000-03-01-0');
        await page.keyboard.press('Enter');
        expect(await page.evaluate(() => location.hash)).toBe('#group-not-viable-0000-03-01-0');
      }
      await page.screenshot({ path: join(ARTIFACTS, 'report-lab-group-shared.png'), fullPage: true });
      // The first screen a reader sees: verdict, board, picture (docs/report-screenshot.png is a copy).
      await page.setViewportSize({ width: 1100, height: 1000 });
      await page.screenshot({ path: join(ARTIFACTS, 'report-lab-group-shared-top.png') });
      await page.locator('#board').screenshot({ path: join(ARTIFACTS, 'report-lab-group-shared-board.png') });
      await page.locator('#groups').screenshot({ path: join(ARTIFACTS, 'report-lab-group-shared-groups.png') });
      expect(errors).toEqual([]);
      await page.close();
    });

    it('an anchor per finding: #<rule-id> scrolls to the first finding of that rule', async () => {
      const id = builtinRules.some((r) => r.id === 'group-not-viable') ? 'group-not-viable' : 'iommu-firmware-disabled';
      const sample = id === 'group-not-viable' ? 'lab-group-shared' : 'lab-intel-firmware-off';
      const { page, errors } = await open(sample, { hash: `#${id}` });
      const target = page.locator(`[id="${id}"]`);
      expect(await target.count()).toBe(1);
      const article = page.locator(`article.finding:has(code.rule-id:text-is("${id}"))`).first();
      expect(await article.isVisible()).toBe(true);
      const top = await article.evaluate((el) => el.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(-2);
      expect(top).toBeLessThan(200);
      expect(errors).toEqual([]);
      await page.close();
    });

    it('collapsible parts open by click and by keyboard; the skip link is the first tab stop', async () => {
      const { page, errors } = await open('lab-intel-firmware-off');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
      expect((await box(page, 'a.skip')).width).toBeGreaterThan(10);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      const evidence = page.locator('details.evidence').first();
      expect(await evidence.count()).toBe(1);
      expect(await evidence.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect(await evidence.locator('table').isVisible()).toBe(false);
      await evidence.locator('summary').click();
      expect(await evidence.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect(await evidence.locator('table').isVisible()).toBe(true);

      const devices = page.locator('#devices details');
      await devices.locator('summary').focus();
      await page.keyboard.press('Enter');
      expect(await devices.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect(await page.locator('#devices table.devices tbody tr').count()).toBeGreaterThan(5);
      await page.screenshot({ path: join(ARTIFACTS, 'report-lab-intel-firmware-off.png'), fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    });

    it('dark mode and print: colours follow prefers-color-scheme, and the report prints to PDF', async () => {
      const { page, errors } = await open('lab-intel-healthy', { dark: true });
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe('rgb(13, 17, 23)');
      expect(await page.locator('svg.topo g.grp').count()).toBeGreaterThan(0);
      expect((await box(page, '#board table.board')).height).toBeGreaterThan(0);
      await page.screenshot({ path: join(ARTIFACTS, 'report-lab-intel-healthy-dark.png'), fullPage: true });
      await page.emulateMedia({ media: 'print', colorScheme: 'light' });
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
      // Printed, the closed collapsibles show their content: paper cannot be clicked.
      const closed = page.locator('details:not([open])').first();
      expect(await closed.count()).toBe(1);
      expect(await closed.locator(':scope > :not(summary)').first().isVisible()).toBe(true);
      const pdfPath = join(ARTIFACTS, 'report-lab-intel-healthy.pdf');
      const pdf = await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(readFileSync(pdfPath).length).toBeGreaterThan(10_000);
      expect(errors).toEqual([]);
      await page.close();
    });
  },
);
