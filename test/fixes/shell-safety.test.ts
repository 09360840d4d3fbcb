/**
 * Property: a random string from a bundle, put in any place a fix builder takes one, never changes
 * the structure of what ptdoctor asks a person to run. For every builder and every such place, the
 * fix's commands and edit scripts, and the plan and verify scripts built from it, must parse under
 * dash and bash (`sh -n`), and their shell syntax (test/fixes/helpers/shell-syntax.ts) must be that
 * of the same fix built with a valid value in that place, or with a refused one (a value that fails
 * its name check becomes a note, so its command goes away).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HostProfile } from '../../src/facts/host-profile.js';
import type { PciDevice, VfioId } from '../../src/facts/model.js';
import { bindByAddress } from '../../src/fixes/bind-by-address.js';
import { editHostConf } from '../../src/fixes/cloudpods.js';
import { KNOWN_HOST_SERVICE_ERRORS } from '../../src/fixes/cloudpods-log-errors.js';
import { noResetFix, resetFix } from '../../src/fixes/device-reset.js';
import type { Fix } from '../../src/fixes/fix.js';
import { keepGpuDriverOff } from '../../src/fixes/gpu-driver.js';
import { makeGroupViable } from '../../src/fixes/group-viability.js';
import { fewerHugepages } from '../../src/fixes/hugepages.js';
import { dropUnsafeInterrupts } from '../../src/fixes/interrupt-remapping.js';
import { keepHostStorage } from '../../src/fixes/keep-host-storage.js';
import { changeKernelParams } from '../../src/fixes/kernel-params.js';
import { installVfioKernel } from '../../src/fixes/kvm-module.js';
import { removeModuleLine } from '../../src/fixes/module-lines.js';
import { probeFix } from '../../src/fixes/probe-failure.js';
import { regenerateBootConfig } from '../../src/fixes/regenerate-boot-config.js';
import { createVfsPersistently } from '../../src/fixes/sriov.js';
import { bindToVfioAtBoot } from '../../src/fixes/vfio-binding.js';
import { loadVfioModules } from '../../src/fixes/vfio-modules.js';
import { buildFixPlan } from '../../src/report/fix-plan.js';
import { describeStep } from '../../src/report/fix-step-text.js';
import { failingWith } from './helpers/plan-of.js';
import { parses } from './helpers/run-shell.js';
import { isSubsequence, tokenize } from './helpers/shell-syntax.js';

type Values = Record<string, string>;

const HOSTS: Record<string, HostProfile> = {
  debian: {
    cpuVendor: 'intel',
    distro: 'debian-like',
    distroName: 'Debian GNU/Linux 12 (bookworm)',
    distroId: 'debian',
    distroVersion: '12',
    idLike: [],
    bootMode: 'uefi',
    bootloader: 'grub',
    grubCfg: '/boot/grub/grub.cfg',
    boot: { blsEnabled: false, entries: [], espGrubCfgs: [], kernelCmdlineFile: false, grubCmdlineAssignments: [] },
    initramfs: 'initramfs-tools',
    kernelRelease: '6.1.0-56-amd64',
    kernelAtLeast6_2: false,
    virtualMachine: false,
    paramsLostOnReboot: [],
    isCloudpods: false,
  },
};

/** A host whose bundle-derived fields hold `v` (os-release ID, ESP directory, entries, grub.d file, lost parameters). */
function hostWith(v: Values): HostProfile {
  return {
    ...HOSTS['debian']!,
    distro: v['family'] === 'rhel' ? 'rhel-like' : v['family'] === 'arch' ? 'arch' : 'debian-like',
    distroId: v['id']!,
    distroName: v['name']!,
    distroVersion: v['version']!,
    bootloader: v['family'] === 'arch' ? 'systemd-boot' : 'grub',
    initramfs: v['family'] === 'rhel' ? 'dracut' : v['family'] === 'arch' ? 'mkinitcpio' : 'initramfs-tools',
    boot: {
      blsEnabled: false,
      entries: [`/boot/loader/entries/${v['entry']!}.conf`],
      espGrubCfgs: [{ path: `/boot/efi/EFI/${v['esp']!}/grub.cfg`, directory: v['esp']!, stub: false }],
      kernelCmdlineFile: false,
      grubCmdlineAssignments: [{ variable: 'GRUB_CMDLINE_LINUX_DEFAULT', file: `/etc/default/grub.d/${v['grubd']!}.cfg` }],
    },
    paramsLostOnReboot: [v['lost']!],
  };
}

const dev = (v: Values, prefix: string): PciDevice => ({
  address: v[`${prefix}address`]!,
  vendor: v[`${prefix}vendor`]!,
  device: '10d3',
  subsystem: null,
  classCode: '030000',
  className: null,
  name: null,
  driver: v[`${prefix}driver`]!,
  driverKnown: true,
  modules: [v[`${prefix}module`]!],
  group: '9',
  driverOverride: 'vfio-pci',
  bootVga: null,
  resetMethod: null,
  sriovTotalVfs: 8,
  sriovNumVfs: 0,
  physfn: null,
  parents: [],
  flr: null,
  pcieType: null,
  refs: [],
});

const vfioId = (v: Values, evidence: string): VfioId => ({
  vendor: '8086',
  device: '10d3',
  raw: v['idraw']!,
  ref: { evidence, source: evidence === 'cmdline' ? '/proc/cmdline' : v['modprobefile']!, text: '' },
});

interface Case {
  readonly name: string;
  /** Each place, with a valid value and one its check refuses. */
  readonly places: Readonly<Record<string, readonly [valid: string, refused: string]>>;
  readonly build: (v: Values) => Fix;
}

const HOST_PLACES = {
  id: ['centos', 'not a vendor'],
  version: ['7', 'x'],
  name: ['CentOS Linux 7 (Core)', 'x'],
  esp: ['centos', 'not a dir'],
  entry: ['arch', 'not an entry'],
  grubd: ['50-cloudimg', 'not a file'],
  lost: ['console=ttyS0', 'x'],
} as const;
const DEV = (p: string) =>
  ({
    [`${p}address`]: ['0000:01:00.0', 'not an address'],
    [`${p}vendor`]: ['8086', 'zz'],
    [`${p}driver`]: ['e1000e', 'not a driver'],
    [`${p}module`]: ['e1000e', 'not a module'],
  }) as Record<string, readonly [string, string]>;

const CASES: readonly Case[] = [
  {
    name: 'changeKernelParams',
    places: {
      ...HOST_PLACES,
      add: ['intel_iommu=on', 'a b'],
      remove: ['iommu=pt', 'a b'],
      name2: ['vfio_pci.ids', 'a b'],
      from: ['hugepages=64', 'a b'],
    },
    build: (v) =>
      changeKernelParams(
        hostWith({ ...v, family: 'rhel' }),
        { add: [v['add']!], remove: [v['remove']!], removeNames: [v['name2']!], replace: [{ from: v['from']!, to: 'hugepages=32' }] },
        's',
      ),
  },
  {
    name: 'changeKernelParams on hand-written entries',
    places: { ...HOST_PLACES, add: ['amd_iommu=on', 'a b'] },
    build: (v) => changeKernelParams(hostWith({ ...v, family: 'arch' }), { add: [v['add']!], remove: [] }, 's'),
  },
  {
    name: 'regenerateBootConfig',
    places: { ...HOST_PLACES, p: ['intel_iommu=on', 'a b'] },
    build: (v) => regenerateBootConfig(hostWith({ ...v, family: 'rhel' }), [v['p']!], 's'),
  },
  {
    name: 'bindToVfioAtBoot',
    places: {
      ...DEV(''),
      other: ['0000:02:00.0', 'x'],
      modprobefile: ['/etc/modprobe.d/ids.conf', 'not a path'],
      idraw: ['8086:10d3', 'x'],
    },
    build: (v) =>
      bindToVfioAtBoot(HOSTS['debian']!, dev(v, ''), v['driver']!, {
        builtinDriver: false,
        otherSameIds: [],
        vfioIds: [vfioId(v, 'modprobe-d')],
      }),
  },
  {
    name: 'bindToVfioAtBoot with a twin',
    places: { ...DEV(''), other: ['0000:02:00.0', 'x'] },
    build: (v) => bindToVfioAtBoot(HOSTS['debian']!, dev(v, ''), v['driver']!, { builtinDriver: false, otherSameIds: [v['other']!] }),
  },
  {
    name: 'bindByAddress',
    places: {
      ...DEV(''),
      ...DEV('k'),
      capture: ['8086:10d3', 'x'],
      idraw: ['8086:10d3', 'x'],
      modprobefile: ['/etc/modprobe.d/ids.conf', 'not a path'],
    },
    build: (v) =>
      bindByAddress(
        HOSTS['debian']!,
        { id: v['capture']!, refs: [], matches: [] },
        [dev(v, '')],
        [dev(v, 'k')],
        [vfioId(v, 'cmdline'), vfioId(v, 'modprobe-d')],
      ),
  },
  {
    name: 'keepHostStorage',
    places: { ...DEV(''), idraw: ['8086:10d3', 'x'], modprobefile: ['/etc/modprobe.d/ids.conf', 'not a path'] },
    build: (v) =>
      keepHostStorage(HOSTS['debian']!, dev(v, ''), { address: v['address']!, explicit: true, why: ['--device x'], refs: [] }, [
        vfioId(v, 'cmdline'),
        vfioId(v, 'modprobe-d'),
      ]),
  },
  {
    name: 'makeGroupViable',
    places: { ...DEV(''), ...DEV('b'), group: ['12', 'x'] },
    build: (v) => {
      const t = dev(v, '');
      const b = { ...dev(v, 'b'), address: t.address.replace(/\.0$/, '.1') };
      return makeGroupViable(HOSTS['debian']!, t, [b, dev(v, 'b')], v['group']!, [t, b], []);
    },
  },
  {
    name: 'keepGpuDriverOff',
    places: { m: ['nouveau', 'not a module'], gpu: ['0000:42:00.0', 'x'] },
    build: (v) => keepGpuDriverOff(HOSTS['debian']!, [v['m']!], v['gpu']!),
  },
  {
    name: 'removeModuleLine',
    places: { path: ['/etc/modules-load.d/vfio.conf', 'not a path'], m: ['vfio_virqfd', 'not a module'] },
    build: (v) => removeModuleLine([{ path: v['path']!, line: 3 }], v['m']!, 'w'),
  },
  { name: 'loadVfioModules', places: { m: ['vfio_pci', 'not a module'] }, build: (v) => loadVfioModules(HOSTS['debian']!, [v['m']!]) },
  { name: 'createVfsPersistently', places: DEV(''), build: (v) => createVfsPersistently(HOSTS['debian']!, dev(v, ''), 4) },
  {
    name: 'resetFix',
    places: { a: ['0000:03:00.0', 'x'] },
    build: (v) => resetFix(HOSTS['debian']!, null, v['a']!, [{ problem: 'power-inaccessible' } as never]),
  },
  { name: 'noResetFix', places: DEV(''), build: (v) => noResetFix(dev(v, '')) },
  {
    name: 'probeFix',
    places: { a: ['0000:03:00.0', 'x'], raw: ['intel_iommu=off', 'a b'] },
    build: (v) =>
      probeFix('no-iommu-group', HOSTS['debian']!, v['a']!, {
        firmwareTable: true,
        params: [{ key: 'intel_iommu', value: 'off', raw: v['raw']! }],
      }),
  },
  {
    name: 'probeFix sriov',
    places: { a: ['0000:03:00.0', 'x'] },
    build: (v) => probeFix('sriov-enabled', HOSTS['debian']!, v['a']!, { firmwareTable: true, params: [] }),
  },
  {
    name: 'fewerHugepages',
    places: { e: ['hugepages=64', 'a b'] },
    build: (v) => fewerHugepages(HOSTS['debian']!, 1048576, 64, 32, true, v['e']!),
  },
  {
    name: 'dropUnsafeInterrupts',
    places: { raw: ['vfio_iommu_type1.allow_unsafe_interrupts=1', 'a b'], file: ['/etc/modprobe.d/unsafe.conf', 'not a path'] },
    build: (v) =>
      dropUnsafeInterrupts(HOSTS['debian']!, [
        { raw: v['raw']!, where: 'cmdline', ref: { evidence: 'cmdline', source: '/proc/cmdline', text: '' } },
        { raw: 'x', where: 'modprobe', ref: { evidence: 'modprobe-d', source: v['file']!, text: '' } },
      ]),
  },
  {
    name: 'editHostConf',
    places: {
      key: ['disable_usb', 'Not A Key'],
      value: ['false', 'a b'],
      from: ['hugepages_options', 'a b'],
      to: ['hugepages_option', 'Not A Key'],
    },
    build: (v) => ({
      summary: 's',
      steps: [editHostConf({ key: v['key']!, value: v['value']! }), editHostConf({ rename: v['from']!, to: v['to']! })],
    }),
  },
  {
    name: 'installVfioKernel',
    places: { ...HOST_PLACES, o: ['CONFIG_VFIO', 'x'] },
    build: (v) => installVfioKernel(hostWith({ ...v, family: 'rhel' }), [v['o']!]),
  },
  {
    name: 'host service log lines',
    places: { p: ['intel_iommu=on', 'a b'] },
    build: (v) => ({
      summary: 's',
      steps: KNOWN_HOST_SERVICE_ERRORS.flatMap((e) => e.steps(HOSTS['debian']!, `GRUB_CMDLINE iommu parameters ${v['p']!} missing`)),
    }),
  },
];

/** Everything a person would run: each command and edit script, and the two plan scripts. */
function scriptOf(fix: Fix): string {
  const steps = fix.steps.map((s) => describeStep(s).command).filter((c): c is string => c !== null);
  const plan = buildFixPlan([failingWith('prop', fix)], null);
  return [...steps, plan.script, plan.verifyScript].join('\n');
}

/**
 * Newlines separate commands like `;`; blank lines and comments vary with the number of notes, so
 * they are left out. A `printf '%s\n' …` line of the plan (its messages, which quote what was left
 * for a person, refused values included) counts as one PRINTF when it is words only, however many.
 */
function syntax(script: string): string[] {
  return script.split('\n').flatMap((line) => {
    const t = tokenize(line);
    if (line.startsWith("printf '%s\\n' ") && t.every((x) => x === 'WORD')) return ['PRINTF'];
    return t;
  });
}

/** Strings rich in what a shell treats specially, and anything else. */
const hostile = fc.oneof(
  fc.string({ unit: fc.constantFrom(...';|&$()`\'"\\\n\r\t <>*?[]{}#~=,:/.-_!^%@aZ09'.split('')), maxLength: 40 }),
  fc.constantFrom("x';reboot;'", 'x$(touch /tmp/p)', '`id`', 'a\nreboot', '--help', '-rf', "'", '"', '\\', '$IFS', '${PATH}', '*', '~root'),
  fc.string({ maxLength: 20 }),
);

const baseline = new Map<string, { tokens: string[] }>();
function tokensFor(c: Case, values: Values): string[] {
  const key = `${c.name}\u0000${JSON.stringify(values)}`;
  const hit = baseline.get(key);
  if (hit) return hit.tokens;
  const tokens = syntax(scriptOf(c.build(values)));
  baseline.set(key, { tokens });
  return tokens;
}

describe('random bundle strings never change the structure of a generated script', () => {
  for (const c of CASES) {
    const valid: Values = Object.fromEntries(Object.entries(c.places).map(([k, [v]]) => [k, v]));
    it(c.name, () => {
      const places = Object.keys(c.places);
      fc.assert(
        fc.property(fc.constantFrom(...places), hostile, (place, value) => {
          const script = scriptOf(c.build({ ...valid, [place]: value }));
          for (const shell of ['dash', 'bash'] as const) expect(parses(shell, script).ok, `${shell} -n\n${script}`).toBe(true);
          const got = syntax(script);
          const ok = tokensFor(c, valid);
          const refused = tokensFor(c, { ...valid, [place]: c.places[place]![1] });
          expect(isSubsequence(got, ok) || isSubsequence(got, refused), `${place}=${JSON.stringify(value)}\n${script}`).toBe(true);
        }),
        { numRuns: 25, seed: 20260517 },
      );
    });
  }
});
