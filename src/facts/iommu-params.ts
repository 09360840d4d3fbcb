/**
 * IOMMU and VFIO kernel parameters: which values the kernel accepts, and whether the Intel IOMMU
 * is on without `intel_iommu=on`. Pure helpers over cmdline, boot-config and module-config facts.
 *
 * Verified at the kernel source:
 * - `intel_iommu=`: drivers/iommu/intel/iommu.c `intel_iommu_setup` — comma-separated options
 *   compared by prefix (strncmp): on, off, igfx_off, forcedac, strict, sp_off, sm_on, sm_off,
 *   tboot_noforce; anything else logs `DMAR: Unknown option - '%s'` (since 5.15). Debian adds
 *   `intgpu_off` (debian/patches/features/x86/intel-iommu-add-option-to-exclude-integrated-gpu-only.patch).
 * - `amd_iommu=`: drivers/iommu/amd/init.c `parse_amd_iommu_options` — fullflush, force_enable, off,
 *   force_isolation, pgtbl_v1, pgtbl_v2, irtcachedis, nohugepages, v2_pgsizes_only; there is no `on`
 *   (the AMD IOMMU is on by default); newer kernels log `AMD-Vi: Unknown option - 'on'`
 *   (samples/lab-amd-iommu-on-invalid, Debian 6.1), older ones ignore it silently.
 * - `iommu=`: arch/x86/kernel/pci-dma.c `iommu_setup` and arch/x86/kernel/amd_gart_64.c
 *   `gart_parse_options`; unknown values are ignored without a message, and a number is only the
 *   legacy AMD GART aperture size — `iommu=1` enables nothing.
 * - `vfio-pci.ids=`: drivers/vfio/pci/vfio_pci.c `vfio_pci_fill_ids` — sscanf("%x:%x:…") needs at
 *   least vendor and device; otherwise `vfio_pci: invalid id string "%s"`.
 * - `vfio_iommu_type1.allow_unsafe_interrupts`: a bool module parameter (drivers/vfio/vfio_iommu_type1.c),
 *   parsed by lib/kstrtox.c `kstrtobool`: first character y/Y/1/n/N/0 (t/T/f/F on newer kernels) or on/off.
 * - `iommu.passthrough=`, `iommu.strict=`: drivers/iommu/iommu.c early params, on every architecture,
 *   parsed by kstrtobool (anything else: `Malformed early option 'iommu.passthrough'`).
 * - arm64: `arm-smmu-v3.disable_bypass=` (drivers/iommu/arm/arm-smmu-v3/arm-smmu-v3.c, a bool module
 *   parameter in 6.1; 6.12 no longer has it) and `arm-smmu.disable_bypass=` (arm-smmu.c). `iommu=`,
 *   `intel_iommu=` and `amd_iommu=` do not exist there (arch/x86 and the x86 IOMMU drivers register
 *   them): the kernel hands them to init as "Unknown kernel command line parameters" and nothing
 *   changes; guides written for x86 still put `iommu=pt` and `intel_iommu=on` on Arm hosts. The
 *   arm64 CPU feature overrides (`arm64.nopauth`, `arm64.nosve`, `kvm-arm.mode=`, `id_aa64mmfr1.vh=`,
 *   arch/arm64/kernel/idreg-override.c, arch/arm64/kvm/arm.c) are not IOMMU parameters and are never reported.
 * - `__setup` names compare with `-` and `_` alike (init/main.c `obsolete_checksetup` → `parameqn`),
 *   so `intel-iommu=on` is accepted and is not reported.
 */
import { paramValue } from './cmdline.js';
import { withinEdits } from './edit-distance.js';
import type { Architecture } from './architecture.js';
import type { KernelConfigFacts } from './kernel-config.js';
import type { EvidenceRef } from './fact.js';
import type { KernelParam, ModprobeDirective } from './model.js';

export interface ParamIssue {
  readonly raw: string;
  /** What the user most likely meant ('' = remove it). */
  readonly intended: string;
  readonly why: string;
  readonly ref: EvidenceRef;
}

const INTEL = ['on', 'off', 'igfx_off', 'forcedac', 'strict', 'sp_off', 'sm_on', 'sm_off', 'tboot_noforce', 'intgpu_off'];
const AMD = [
  'fullflush',
  'force_enable',
  'off',
  'force_isolation',
  'pgtbl_v1',
  'pgtbl_v2',
  'irtcachedis',
  'nohugepages',
  'v2_pgsizes_only',
];
const X86 = [
  'off',
  'force',
  'noforce',
  'biomerge',
  'panic',
  'nopanic',
  'merge',
  'nomerge',
  'forcesac',
  'allowdac',
  'nodac',
  'usedac',
  'soft',
  'pt',
  'nopt',
  'fullflush',
  'nofullflush',
  'noagp',
  'noaperture',
  'allowed',
  'memaper',
  'leak',
];
const ENABLE_WORDS = ['1', 'y', 'yes', 'true', 'enable', 'enabled', 'on'];
/** Keys a misspelling is measured against; keys that are themselves valid are never reported. */
const KNOWN = [
  'intel_iommu',
  'amd_iommu',
  'iommu',
  'vfio_pci.ids',
  'vfio_iommu_type1.allow_unsafe_interrupts',
  'iommu.passthrough',
  'iommu.strict',
  'arm_smmu_v3.disable_bypass',
  'arm_smmu.disable_bypass',
];
/** Boolean parameters (kstrtobool or a bool module parameter). */
const BOOLS = ['iommu.passthrough', 'iommu.strict', 'arm_smmu_v3.disable_bypass', 'arm_smmu.disable_bypass'];
/** x86 IOMMU parameters that an arm64 kernel does not know. */
const X86_ONLY = ['intel_iommu', 'amd_iommu', 'iommu'];
const ALSO_VALID = ['amd_iommu_dump', 'amd_iommu_intr', 'iommu.forcedac', 'intremap', 'iomem', 'ivrs_ioapic', 'ivrs_hpet', 'ivrs_acpihid'];

const norm = (key: string): string => key.replaceAll('-', '_');
const options = (v: string | null): string[] => (v ?? '').split(',').filter((o) => o !== '');

/** The known parameter a key is a misspelling of, once per distinct key (a modprobe.d of 190,000 lines repeats a few). */
const NEAR = new Map<string, string | undefined>();
const MAX_NEAR_CACHE = 4096;
function nearKnown(key: string): string | undefined {
  if (NEAR.has(key)) return NEAR.get(key);
  const near = KNOWN.find((k) => k !== key && withinEdits(k, key, k.length < 8 ? 1 : 2));
  if (NEAR.size < MAX_NEAR_CACHE) NEAR.set(key, near);
  return near;
}

export function paramIssues(params: readonly KernelParam[], ref: EvidenceRef, arch: Architecture | null = null): ParamIssue[] {
  const issues: ParamIssue[] = [];
  const add = (p: KernelParam, intended: string, why: string) => issues.push({ raw: p.raw, intended, why, ref });
  for (const p of params) {
    const key = norm(p.key);
    if (arch === 'aarch64' && X86_ONLY.includes(key)) {
      const pt = key === 'iommu' && options(p.value).includes('pt');
      add(
        p,
        pt ? 'iommu.passthrough=1' : '',
        `${key}= is an x86 parameter: the arm64 kernel does not know it and ignores it${pt ? ' (iommu.passthrough=1 is the Arm form of iommu=pt)' : ' (the SMMU is on whenever the firmware describes it)'}`,
      );
      continue;
    }
    if (BOOLS.includes(key) && p.value !== null && !isKernelBool(p.value)) {
      add(p, `${p.key}=1`, `"${p.value}" is not a boolean the kernel accepts (1/0, y/n, on/off); the parameter is refused`);
      continue;
    }
    const near = nearKnown(key);
    if (near && !KNOWN.includes(key) && !ALSO_VALID.includes(key)) {
      add(p, p.value === null ? near : `${near}=${p.value}`, `"${p.key}" is not a kernel parameter; the kernel ignores it`);
      continue;
    }
    if (key === 'intel_iommu') {
      const bad = options(p.value).filter((o) => !INTEL.some((v) => o.startsWith(v)));
      if (bad.length > 0 || p.value === null)
        add(p, 'intel_iommu=on', `intel_iommu accepts ${INTEL.slice(0, 9).join(', ')}; "${p.value ?? ''}" is not one of them`);
    } else if (key === 'amd_iommu') {
      const bad = options(p.value).filter((o) => !AMD.some((v) => o.startsWith(v)));
      if (bad.some((o) => ENABLE_WORDS.includes(o.toLowerCase())))
        add(p, '', 'the AMD IOMMU is on by default; amd_iommu has no "on" value and the kernel ignores it');
      else if (bad.length > 0 || p.value === null) add(p, '', `amd_iommu accepts ${AMD.join(', ')}; "${p.value ?? ''}" is not one of them`);
    } else if (key === 'iommu') {
      const bad = options(p.value).filter((o) => !X86.some((v) => o.startsWith(v)) && !/^\d/.test(o));
      // iommu=pt is not what iommu=on meant (it sets the default domain to passthrough): offer removal.
      if (options(p.value).some((o) => ENABLE_WORDS.includes(o.toLowerCase())))
        add(
          p,
          '',
          'iommu= has no value that switches the IOMMU on (intel_iommu=on does on Intel; AMD is on by default); a number is read as a legacy AMD GART aperture size, any other word is ignored',
        );
      else if (bad.length > 0 || p.value === null) add(p, '', `"${p.value ?? ''}" is not an iommu= value; the kernel ignores it`);
    } else if (key === 'vfio_pci.ids') {
      const bad = options(p.value).filter((id) => !/^\s*[+-]?(?:0x)?[0-9a-f]+:\s*[+-]?(?:0x)?[0-9a-f]+/i.test(id));
      if (bad.length > 0 || p.value === null)
        add(
          p,
          `${p.key}=<vendor>:<device>[,…]`,
          `vfio-pci ignores ${bad.map((b) => `"${b}"`).join(', ') || 'an empty list'}: each id is vendor:device in hex (e.g. 10de:1b80)`,
        );
    } else if (key === 'vfio_iommu_type1.allow_unsafe_interrupts' && p.value !== null && !isKernelBool(p.value)) {
      add(p, `${p.key}=1`, `"${p.value}" is not a boolean the kernel accepts (1/0, y/n, on/off); the module refuses the parameter`);
    }
  }
  return issues;
}

/** modprobe.d `options` lines of the VFIO modules as parameters `module.param`. */
export function modprobeParams(directives: readonly ModprobeDirective[]): { param: KernelParam; ref: EvidenceRef }[] {
  return directives
    .filter((d) => d.kind === 'options' && (d.module === 'vfio_pci' || d.module === 'vfio_iommu_type1'))
    .flatMap((d) =>
      d.params.map((p) => ({
        param: { key: `${d.module}.${p.key}`, value: p.value, raw: `${p.key}${p.value === null ? '' : `=${p.value}`}` },
        ref: d.ref,
      })),
    );
}

/** lib/kstrtox.c kstrtobool: decided by the first character (or the first two for on/off). */
function isKernelBool(v: string): boolean {
  return /^[yt1nf0]/i.test(v) || /^o[nf]/i.test(v);
}

export function kernelBoolTrue(v: string | null): boolean {
  return v === null || /^[yt1]/i.test(v) || /^on/i.test(v);
}

/**
 * Does this kernel enable the Intel IOMMU without intel_iommu=on? Upstream: CONFIG_INTEL_IOMMU_DEFAULT_ON
 * (drivers/iommu/intel/Kconfig; iommu.c `dmar_disabled = !IS_ENABLED(CONFIG_INTEL_IOMMU_DEFAULT_ON)`).
 * Debian replaces it with a choice ON / ON_INTGPU_OFF / OFF and sets `dmar_disabled =
 * IS_ENABLED(CONFIG_INTEL_IOMMU_DEFAULT_OFF)` (intel-iommu-add-kconfig-option-to-exclude-igpu-by-default.patch);
 * Debian builds with ON_INTGPU_OFF=y: on, except for the integrated GPU (samples/lab-intel-default-on).
 * null: the configuration does not say.
 */
export function intelDefaultOn(cfg: KernelConfigFacts): { on: boolean; ref: EvidenceRef } | null {
  const on = [cfg.CONFIG_INTEL_IOMMU_DEFAULT_ON, cfg.CONFIG_INTEL_IOMMU_DEFAULT_ON_INTGPU_OFF].find((o) => o?.value === 'y');
  if (on) return { on: true, ref: on.ref };
  const off = cfg.CONFIG_INTEL_IOMMU_DEFAULT_OFF?.value === 'y' ? cfg.CONFIG_INTEL_IOMMU_DEFAULT_OFF : cfg.CONFIG_INTEL_IOMMU_DEFAULT_ON;
  return off ? { on: false, ref: off.ref } : null;
}

export interface UnsafeSetting {
  readonly raw: string;
  readonly where: 'cmdline' | 'modprobe' | 'boot-config';
  readonly ref: EvidenceRef;
}

/**
 * Where vfio_iommu_type1.allow_unsafe_interrupts is switched on: the running command line, modprobe.d
 * `options vfio_iommu_type1 allow_unsafe_interrupts=1` (pve-docs qm-pci-passthrough, test/fixtures/modprobe-d/pve-unsafe-interrupts.conf),
 * and the boot configuration for the next boot.
 */
export function unsafeInterruptSettings(
  cmdline: { params: readonly KernelParam[]; ref: EvidenceRef },
  modprobe: readonly ModprobeDirective[],
  bootSources: readonly { params: readonly KernelParam[]; ref: EvidenceRef }[],
): UnsafeSetting[] {
  const key = 'vfio_iommu_type1.allow_unsafe_interrupts';
  const on = (p: KernelParam) => norm(p.key) === key && kernelBoolTrue(p.value);
  return [
    ...cmdline.params.filter(on).map((p) => ({ raw: p.raw, where: 'cmdline' as const, ref: cmdline.ref })),
    ...modprobeParams(modprobe)
      .filter((m) => on(m.param))
      .map((m) => ({ raw: `options vfio_iommu_type1 ${m.param.raw}`, where: 'modprobe' as const, ref: m.ref })),
    ...bootSources.flatMap((s) => s.params.filter(on).map((p) => ({ raw: p.raw, where: 'boot-config' as const, ref: s.ref }))),
  ];
}

/**
 * The parameters that switch the IOMMU off, last value per key as the kernel applies them:
 * `intel_iommu=off` (a comma list: `off,sm_off` too; drivers/iommu/intel/iommu.c intel_iommu_setup),
 * `amd_iommu=off` (drivers/iommu/amd/init.c parse_amd_iommu_options), `iommu=off`
 * (arch/x86/kernel/pci-dma.c iommu_setup).
 */
export function iommuOffParams(params: readonly KernelParam[]): KernelParam[] {
  return ['intel_iommu', 'amd_iommu', 'iommu']
    .map((key) => paramValue(params, key))
    .filter((p): p is KernelParam => p !== undefined && (p.value ?? '').split(',').includes('off'));
}
