/**
 * The fix plan as a person runs it: for every sample and every host-family variant the plan and
 * verify scripts parse under dash and bash, no placeholder is a runnable word, and every value the
 * plan asks for is declared at its top; each fix keeps its own order across the merge; conflicting
 * edits are flagged and not run; info-level suggestions stay out of the script; checks are merged
 * only when command and expectation are equal; restarts and re-probes follow the reboot.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import type { Finding } from '../../src/engine/finding.js';
import type { HostProfile } from '../../src/facts/host-profile.js';
import { bindByAddress } from '../../src/fixes/bind-by-address.js';
import { editHostConf, restartHostService } from '../../src/fixes/cloudpods.js';
import type { FixStep } from '../../src/fixes/fix.js';
import { keepGpuDriverOff } from '../../src/fixes/gpu-driver.js';
import { reserveHugepages } from '../../src/fixes/hugepages.js';
import { keepHostStorage } from '../../src/fixes/keep-host-storage.js';
import { changeKernelParams } from '../../src/fixes/kernel-params.js';
import { PLAN_INPUTS } from '../../src/fixes/shell.js';
import { bindToVfioAtBoot } from '../../src/fixes/vfio-binding.js';
import { loadVfioModules } from '../../src/fixes/vfio-modules.js';
import { buildFixPlan, type FixPlan } from '../../src/report/fix-plan.js';
import { builtinRules } from '../../rules/index.js';
import { ROOT, sampleBundle } from '../helpers/bundle-from.js';
import { hostOf } from './helpers/host-of.js';
import { parses } from './helpers/run-shell.js';
import { failingWith } from './helpers/plan-of.js';
import { LAB_NIC } from './helpers/lab-nic.js';
import { VARIANTS } from './helpers/variants.js';

const finding = failingWith;

/** Lines a shell runs: not comments, with single-quoted text (data) taken out. */
const runnable = (script: string): string[] =>
  script
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#') && l.trim() !== '')
    // An embedded quote is written '\'' inside single quotes: join those first, then drop quoted text.
    .map((l) => l.replaceAll("'\\''", '').replace(/'[^'\n]*'/g, "''"));

function expectRunnable(plan: FixPlan, label: string): void {
  for (const script of [plan.script, plan.verifyScript]) {
    if (script === '') continue;
    for (const shell of ['dash', 'bash'] as const) {
      const r = parses(shell, script);
      expect(r.ok, `${label}: ${shell} -n: ${r.stderr}`).toBe(true);
    }
    for (const line of runnable(script)) expect(line, `${label}: a placeholder is a runnable word`).not.toMatch(/<[A-Z][^<>]{0,40}>/i);
    const run = runnable(script).join('\n');
    for (const name of Object.keys(PLAN_INPUTS))
      if (run.includes(`\${${name}:?`)) expect(run, `${label}: ${name} used but not declared`).toContain(`${name}=\${${name}:-}`);
  }
}

const SAMPLES = readdirSync(join(ROOT, 'samples')).filter((n) => statSync(join(ROOT, 'samples', n)).isDirectory());

describe('every sample: the plan parses and runs nothing it should not', () => {
  it.each(SAMPLES)('%s', (sample) => {
    const a = analyzeBundle(sampleBundle(sample), { rules: builtinRules });
    const plan = buildFixPlan(
      a.findings.filter((f) => f.status === 'fail'),
      a.facts.host.state === 'known' ? a.facts.host.value : null,
    );
    expectRunnable(plan, sample);
  });
});

const NIC = LAB_NIC;

/** The fixes a typical broken host gets, built for that host. */
const typicalFixes = (h: HostProfile): Finding[] => [
  finding('iommu-kernel-disabled', changeKernelParams(h, { add: ['intel_iommu=on'], remove: ['intel_iommu=off'] }, 's')),
  finding('device-host-driver', bindToVfioAtBoot(h, NIC, 'e1000e', { builtinDriver: false, otherSameIds: [] })),
  finding('vfio-modules-missing', loadVfioModules(h, ['vfio_pci'])),
  finding('gpu-host-driver-loaded', keepGpuDriverOff(h, ['nouveau'], '0000:42:00.0'), 'warning'),
  finding('hugepages-not-configured', reserveHugepages(h, true), 'info'),
];

describe('every host-family variant: the plan parses and runs nothing it should not', () => {
  it.each(Object.keys(VARIANTS))('%s', (name) => {
    const h = hostOf(VARIANTS[name]!);
    expectRunnable(buildFixPlan(typicalFixes(h), h), name);
  });
});

const DEBIAN = hostOf(VARIANTS['debian-12-bios']!);
const lines = (plan: FixPlan): string[] => runnable(plan.script);
const indexOf = (plan: FixPlan, needle: string): number =>
  plan.script.split('\n').findIndex((l) => l.includes(needle) && !l.startsWith('#'));

describe('the merge keeps each fix in its own order', () => {
  it('edit, rebuild the initramfs, regenerate the boot configuration; a hook is written before update-initramfs', () => {
    const plan = buildFixPlan(
      [
        finding('iommu-kernel-disabled', changeKernelParams(DEBIAN, { add: ['intel_iommu=on'], remove: [] }, 's')),
        finding('vfio-ids-capture-twin', bindByAddress(DEBIAN, { id: '8086:10d3', refs: [], matches: [] }, [NIC], [], [])),
      ],
      DEBIAN,
    );
    const hook = indexOf(plan, 'f=/etc/initramfs-tools/hooks/vfio-pci-override');
    const rebuild = indexOf(plan, 'update-initramfs -u -k all');
    const grub = indexOf(plan, 'update-grub');
    expect(hook).toBeGreaterThan(0);
    expect(rebuild).toBeGreaterThan(hook);
    expect(grub).toBeGreaterThan(indexOf(plan, 'f=/etc/default/grub'));
    expect(plan.sections.map((s) => s.kind)).toEqual(['before-reboot', 'reboot', 'verify']);
  });

  it('two fixes asking for steps in opposite orders are reported, not silently reordered', () => {
    const a: FixStep = { kind: 'run', command: 'modprobe -r nouveau', why: 'a' };
    const b: FixStep = { kind: 'run', command: 'modprobe vfio-pci', why: 'b' };
    const plan = buildFixPlan([finding('r1', { summary: 's', steps: [a, b] }), finding('r2', { summary: 's', steps: [b, a] })], DEBIAN);
    expect(plan.sections[0]!.kind).toBe('conflicts');
    expect(plan.sections[0]!.items[0]!.text).toMatch(/opposite orders/);
  });
});

describe('conflicting fixes are flagged, never merged', () => {
  it('binding a device by address and keeping it as host storage: neither edit of the list runs', () => {
    const plan = buildFixPlan(
      [
        finding('device-host-driver', bindToVfioAtBoot(DEBIAN, NIC, 'e1000e', { builtinDriver: false, otherSameIds: ['0000:02:00.0'] })),
        finding(
          'passthrough-of-host-storage',
          keepHostStorage(DEBIAN, NIC, { address: NIC.address, explicit: true, why: [], refs: [] }, []),
        ),
      ],
      DEBIAN,
    );
    expect(plan.sections[0]!.kind).toBe('conflicts');
    expect(plan.sections[0]!.items.map((i) => i.text)).toEqual([
      '/etc/vfio-pci-override.conf: one fix adds 0000:01:00.0, another takes it away (device-host-driver against passthrough-of-host-storage)',
    ]);
    expect(plan.script).not.toMatch(/^\( set -eu\n {2}f=\/etc\/vfio-pci-override\.conf/m);
  });

  it('a kernel argument one fix adds and another removes', () => {
    const plan = buildFixPlan(
      [
        finding('iommu-passthrough-mode', changeKernelParams(DEBIAN, { add: ['iommu=pt'], remove: [] }, 's')),
        finding('iommu-cmdline-invalid', changeKernelParams(DEBIAN, { add: [], remove: ['iommu=pt'] }, 's')),
      ],
      DEBIAN,
    );
    expect(plan.sections[0]!.kind).toBe('conflicts');
    expect(lines(plan).some((l) => l.includes('PTD_MODE=var'))).toBe(false);
  });

  it('two values for one host.conf key', () => {
    const plan = buildFixPlan(
      [
        finding('a', { summary: 's', steps: [editHostConf({ key: 'hugepages_option', value: 'transparent' })] }),
        finding('b', { summary: 's', steps: [editHostConf({ key: 'hugepages_option', value: 'native' })] }),
      ],
      DEBIAN,
    );
    expect(plan.sections[0]!.items[0]!.text).toMatch(/two fixes set hugepages_option differently/);
  });
});

describe('what the script runs', () => {
  it('info-level suggestions are listed apart and commented out', () => {
    const plan = buildFixPlan([finding('hugepages-not-configured', reserveHugepages(DEBIAN, true), 'info')], DEBIAN);
    expect(plan.sections.map((s) => s.kind)).toEqual(['optional']);
    expect(lines(plan).filter((l) => l.includes('PTD_MODE') || l.includes('update-grub'))).toEqual([]);
    expect(plan.script).toContain('# update-grub');
  });

  it('a value only the person knows is asked for at the top, never a placeholder', () => {
    const plan = buildFixPlan([finding('hugepages-not-configured', reserveHugepages(DEBIAN, false))], DEBIAN);
    expect(plan.script).toContain('PTD_HUGEPAGES=${PTD_HUGEPAGES:-}');
    expect(plan.script).toContain(': "${PTD_HUGEPAGES:?set PTD_HUGEPAGES at the top of this script first}"');
    expect(plan.script.indexOf('PTD_HUGEPAGES=${PTD_HUGEPAGES:-}')).toBeLessThan(plan.script.indexOf('( set -eu'));
  });

  it('a command a rule wrote with a placeholder is shown, never run', () => {
    const plan = buildFixPlan(
      [finding('cloudpods-boot-vga', { summary: 's', steps: [{ kind: 'run', command: 'lspci -nnk -s <boot VGA>', why: 'w' }] })],
      DEBIAN,
    );
    expect(lines(plan).some((l) => l.includes('lspci'))).toBe(false);
    expect(plan.script).toContain('# lspci -nnk -s <boot VGA>');
  });

  it('checks are merged on command and expectation: one run of cat /proc/cmdline, every expectation kept', () => {
    const plan = buildFixPlan(
      [
        finding('iommu-kernel-disabled', changeKernelParams(DEBIAN, { add: ['intel_iommu=on'], remove: [] }, 's')),
        finding('iommu-passthrough-mode', changeKernelParams(DEBIAN, { add: ['iommu=pt'], remove: [] }, 's')),
        finding('again', changeKernelParams(DEBIAN, { add: ['iommu=pt'], remove: [] }, 's')),
      ],
      DEBIAN,
    );
    expect(runnable(plan.verifyScript).filter((l) => l === 'cat /proc/cmdline')).toHaveLength(1);
    const expects = plan.sections.find((s) => s.kind === 'verify')!.items.map((i) => i.text);
    expect(expects).toEqual(['Verify: expect contains intel_iommu=on', 'Verify: expect contains iommu=pt']);
  });

  it('restarting the host service and probing again follow the reboot', () => {
    const plan = buildFixPlan(
      [
        finding('iommu-kernel-disabled', changeKernelParams(DEBIAN, { add: ['intel_iommu=on'], remove: [] }, 's')),
        finding('cloudpods-usb-disabled', {
          summary: 's',
          steps: [editHostConf({ key: 'disable_usb', value: 'false' }), ...restartHostService()],
        }),
      ],
      DEBIAN,
    );
    expect(plan.script).not.toContain('kubectl -n onecloud delete');
    expect(plan.verifyScript).toContain('kubectl -n onecloud delete "$pod"');
    expect(plan.verifyScript).toContain('climc host-probe-isolated-devices "${PTD_HOST:?');
    expect(plan.verifyScript).not.toContain('rollout restart');
  });

  it('without a reboot in the plan, the restart runs right after the edit', () => {
    const plan = buildFixPlan(
      [
        finding('cloudpods-usb-disabled', {
          summary: 's',
          steps: [editHostConf({ key: 'disable_usb', value: 'false' }), ...restartHostService()],
        }),
      ],
      DEBIAN,
    );
    expect(indexOf(plan, 'kubectl -n onecloud delete')).toBeGreaterThan(indexOf(plan, 'PTD_KEY=disable_usb'));
  });
});
