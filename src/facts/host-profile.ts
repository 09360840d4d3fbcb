/**
 * What fixes need to speak for this host: CPU vendor, distro family, boot mode, bootloader, kernel
 * release. Always known; each part is null when the bundle cannot tell. Proxmox VE reports
 * ID=debian in os-release, so it is recognised by its kernel's `-pve` release suffix.
 */
import { hasText } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { distroFamily, parseOsRelease } from '../parsers/os-release.js';
import { known, type Fact } from './fact.js';
import { atLeast } from './kernel.js';
import type { CpuFacts, DistroFamily, HostProfile, KernelFacts } from './model.js';

export interface Distro {
  readonly family: DistroFamily | null;
  readonly id: string | null;
  readonly name: string | null;
}

export function readDistro(ev: EvidenceSource, kernel: Fact<KernelFacts>): Distro {
  const e = ev.one('os-release');
  const os = hasText(e) ? parseOsRelease(e.text) : null;
  const pve = kernel.state === 'known' && /-pve$/.test(kernel.value.release);
  const family = pve ? 'proxmox' : os && os.id ? distroFamily(os) : null;
  return { family, id: os?.id ?? null, name: pve ? `Proxmox VE (${os?.prettyName ?? 'Debian'})` : (os?.prettyName ?? os?.id ?? null) };
}

export function buildHostProfile(
  distro: Distro,
  cpu: Fact<CpuFacts>,
  kernel: Fact<KernelFacts>,
  boot: { bootMode: HostProfile['bootMode']; bootloader: HostProfile['bootloader']; grubCfg: HostProfile['grubCfg'] },
  isCloudpods: boolean,
): Fact<HostProfile> {
  return known(
    {
      cpuVendor: cpu.state === 'known' ? cpu.value.vendor : null,
      distro: distro.family,
      distroName: distro.name,
      distroId: distro.id,
      bootMode: boot.bootMode,
      bootloader: boot.bootloader,
      grubCfg: boot.grubCfg,
      kernelRelease: kernel.state === 'known' ? kernel.value.release : null,
      kernelAtLeast6_2: kernel.state === 'known' ? atLeast(kernel.value, 6, 2) : null,
      isCloudpods,
    },
    [],
  );
}
