/**
 * What fixes need to speak for this host: CPU architecture and vendor, distribution (family, ID, version), boot
 * mode, bootloader and boot-file layout, initramfs tool, kernel release, whether it is a virtual
 * machine, and which parameters of the running kernel a reboot would drop. Always known; each part
 * is null when the bundle cannot tell. Proxmox VE reports ID=debian in os-release, so it is
 * recognised by its kernel's `-pve` release suffix.
 */
import { hasText } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { distroFamily, parseOsRelease } from '../parsers/os-release.js';
import { buildArchitecture, type Architecture, type ArchitectureFacts } from './architecture.js';
import { bootLayout, readBootFiles, type BootLayout } from './boot-layout.js';
import { known, type Fact } from './fact.js';
import { atLeast } from './kernel.js';
import type {
  BootConfigFacts,
  Bootloader,
  BootMode,
  CmdlineFacts,
  CpuFacts,
  CpuVendor,
  DistroFamily,
  KernelFacts,
  VirtualizationFacts,
} from './model.js';

/** The tool that builds the initramfs: initramfs-tools (Debian, Ubuntu, Proxmox), dracut (RHEL-like, SUSE), mkinitcpio (Arch). */
export type InitramfsTool = 'initramfs-tools' | 'dracut' | 'mkinitcpio';

/** Everything a fix builder needs to speak for this host; each part may be unknown (null). */
export interface HostProfile {
  /** x86_64, aarch64 or another architecture (architecture.ts); null when the bundle cannot tell, absent in profiles written by hand. */
  readonly arch?: Architecture | null;
  /** The machine name behind `other` (loongarch64, riscv64, …), for saying what is not supported. */
  readonly machine?: string | null;
  readonly cpuVendor: CpuVendor | null;
  readonly distro: DistroFamily | null;
  readonly distroName: string | null;
  /** os-release ID as written ('rocky', 'openEuler'); never a path by itself (the EFI directory of RHEL is `redhat`). */
  readonly distroId: string | null;
  /** os-release VERSION_ID ('9.4', '8.10', '40', '24.03'). */
  readonly distroVersion: string | null;
  /** os-release ID_LIKE, closest first. */
  readonly idLike: readonly string[];
  readonly bootMode: BootMode | null;
  readonly bootloader: Bootloader | null;
  /** The grub.cfg this host boots from, when the bundle shows it. */
  readonly grubCfg: string | null;
  /** Boot files the bundle holds; null when none of them was collected. */
  readonly boot: BootLayout | null;
  readonly initramfs: InitramfsTool | null;
  readonly kernelRelease: string | null;
  /** Kernel 6.2 merged vfio_virqfd into vfio. */
  readonly kernelAtLeast6_2: boolean | null;
  /** The host itself is a virtual machine: fixes then point at the outer hypervisor. */
  readonly virtualMachine: boolean | null;
  /** Parameters the running kernel has that the boot configuration would not give it after a reboot (null: unknown). */
  readonly paramsLostOnReboot: readonly string[] | null;
  readonly isCloudpods: boolean;
}

/** What the profile reads from the bundle itself: the distribution, its boot files and tools, and the architecture. */
export interface Distro {
  readonly architecture: Fact<ArchitectureFacts>;
  readonly family: DistroFamily | null;
  readonly id: string | null;
  readonly name: string | null;
  readonly versionId: string | null;
  readonly idLike: readonly string[];
  readonly layout: BootLayout | null;
  readonly initramfs: InitramfsTool | null;
}

export function readDistro(
  ev: EvidenceSource,
  kernel: Fact<KernelFacts>,
  architecture: Fact<ArchitectureFacts> = buildArchitecture(ev, undefined, kernel),
): Distro {
  const e = ev.one('os-release');
  const os = hasText(e) ? parseOsRelease(e.text) : null;
  const pve = kernel.state === 'known' && /-pve$/.test(kernel.value.release);
  const family = pve ? 'proxmox' : os && os.id ? distroFamily(os) : null;
  const files = readBootFiles(ev);
  const collected = [...files.grubFiles, files.kernelCmdlineFile].some((f) => f.status !== 'not-collected') || files.cfgs.length > 0;
  return {
    architecture,
    family,
    id: os?.id ?? null,
    name: pve ? `Proxmox VE (${os?.prettyName ?? 'Debian'})` : (os?.prettyName ?? os?.id ?? null),
    versionId: os?.versionId ?? null,
    idLike: os?.idLike ?? [],
    layout: collected ? bootLayout(files) : null,
    initramfs: initramfsTool(ev, family),
  };
}

/**
 * The distribution's own tool, unless the bundle shows another one configured: dracut.conf.d files
 * without /etc/initramfs-tools/modules on a Debian-like host mean dracut replaced initramfs-tools
 * (Debian's dracut package conflicts with initramfs-tools).
 */
function initramfsTool(ev: EvidenceSource, family: DistroFamily | null): InitramfsTool | null {
  const dracutConf = ev.many('dracut-conf-d').some(hasText);
  const itModules = ev.one('initramfs-tools-modules');
  switch (family) {
    case 'debian-like':
    case 'proxmox':
      return dracutConf && itModules.status === 'absent' ? 'dracut' : 'initramfs-tools';
    case 'rhel-like':
    case 'suse':
      return 'dracut';
    case 'arch':
      return 'mkinitcpio';
    case 'other':
    case null:
      return dracutConf ? 'dracut' : hasText(itModules) ? 'initramfs-tools' : null;
    default: {
      const never: never = family;
      return never;
    }
  }
}

/** What the boot configuration and the running kernel say, when the analysis has them. */
export interface HostProfileMore {
  readonly bootConfig?: Fact<BootConfigFacts>;
  readonly cmdline?: Fact<CmdlineFacts>;
  readonly virtualization?: Fact<VirtualizationFacts>;
}

export function buildHostProfile(
  distro: Distro,
  cpu: Fact<CpuFacts>,
  kernel: Fact<KernelFacts>,
  boot: { bootMode: HostProfile['bootMode']; bootloader: HostProfile['bootloader']; grubCfg: HostProfile['grubCfg'] },
  isCloudpods: boolean,
  more: HostProfileMore = {},
): Fact<HostProfile> {
  const arch = distro.architecture.state === 'known' ? distro.architecture.value : null;
  return known(
    {
      arch: arch?.arch ?? null,
      machine: arch?.machine ?? null,
      cpuVendor: cpu.state === 'known' ? cpu.value.vendor : null,
      distro: distro.family,
      distroName: distro.name,
      distroId: distro.id,
      distroVersion: distro.versionId,
      idLike: distro.idLike,
      bootMode: boot.bootMode,
      bootloader: boot.bootloader,
      grubCfg: boot.grubCfg,
      boot: distro.layout,
      initramfs: distro.initramfs,
      kernelRelease: kernel.state === 'known' ? kernel.value.release : null,
      kernelAtLeast6_2: kernel.state === 'known' ? atLeast(kernel.value, 6, 2) : null,
      virtualMachine: more.virtualization?.state === 'known' ? more.virtualization.value.isVirtualMachine : null,
      paramsLostOnReboot: lostOnReboot(more.cmdline, more.bootConfig),
      isCloudpods,
    },
    [],
  );
}

/** Written by the bootloader or its generator on every boot, never by the user's source. */
const FROM_BOOTLOADER = new Set(['BOOT_IMAGE', 'initrd', 'root', 'ro', 'rw']);

/**
 * The running kernel's parameters that the next boot would not have. After a regeneration the
 * command line comes from the source files (grub's variables, /etc/kernel/cmdline); with BLS and
 * hand-written entries the entry itself is what boots. null when either side is unknown.
 */
function lostOnReboot(cmdline: Fact<CmdlineFacts> | undefined, bootConfig: Fact<BootConfigFacts> | undefined): readonly string[] | null {
  if (cmdline?.state !== 'known' || bootConfig?.state !== 'known') return null;
  const b = bootConfig.value;
  const inPlace = b.bootloader === 'grub-bls' || (b.bootloader === 'systemd-boot' && !b.sources.some((s) => s.role === 'source'));
  const next = b.sources.filter((s) => s.role === (inPlace ? 'generated' : 'source'));
  if (next.length === 0) return null;
  const have = new Set(next.flatMap((s) => s.params.map((p) => `${p.key}=${p.value ?? ''}`)));
  return cmdline.value.params.filter((p) => !FROM_BOOTLOADER.has(p.key) && !have.has(`${p.key}=${p.value ?? ''}`)).map((p) => p.raw);
}
