/**
 * A host profile built the way the analyzer builds it (bundle → evidence → parsers → facts), from
 * a lab sample with its boot evidence replaced by verbatim files of another distribution. Every
 * boot item is given explicitly (absent unless set), so nothing of the Debian lab leaks into a
 * variant. The virtualization, command line and boot configuration facts are passed to the
 * profile too, as the analysis wires them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Manifest } from '../../../src/bundle/manifest.js';
import { evidenceSource } from '../../../src/evidence/lookup.js';
import { buildBootConfig } from '../../../src/facts/boot-config.js';
import { buildCmdline } from '../../../src/facts/cmdline.js';
import { buildCpu } from '../../../src/facts/cpu.js';
import { known } from '../../../src/facts/fact.js';
import { buildHostProfile, readDistro, type HostProfile } from '../../../src/facts/host-profile.js';
import { buildKernel } from '../../../src/facts/kernel.js';
import { buildKernelLog } from '../../../src/facts/kernel-log.js';
import { buildVirtualization } from '../../../src/facts/virtualization.js';
import { ROOT, sampleBundle, type Override } from '../../helpers/bundle-from.js';

export const hf = (path: string): string => readFileSync(join(ROOT, 'test', 'fixtures', 'host-families', path), 'utf8');

/** The boot evidence of a variant: every id absent unless given. */
const BOOT_IDS = [
  'os-release',
  'default-grub',
  'default-grub-d',
  'grub-cfg',
  'grub2-cfg',
  'efi-grub-cfg',
  'grubenv',
  'bls-entries',
  'esp-loader-entries',
  'kernel-cmdline-file',
  'dracut-conf-d',
  'initramfs-tools-modules',
] as const;

export interface Variant {
  readonly evidence: Partial<Record<(typeof BOOT_IDS)[number] | 'cmdline' | 'efi' | 'uname', Override>>;
  /** The running kernel's release when it matters (Proxmox VE's `-pve`); else the sample's. */
  readonly kernelRelease?: string;
}

export function hostOf(v: Variant): HostProfile {
  const overrides: Record<string, Override> = {};
  for (const id of BOOT_IDS) overrides[id] = v.evidence[id] ?? null;
  // The lab's own command line belongs to the Debian lab: a variant gives its own, or none (and
  // then no kernel log either, which would hold the lab's "Command line:").
  if (v.evidence.cmdline !== undefined) overrides['cmdline'] = v.evidence.cmdline;
  else for (const id of ['cmdline', 'dmesg', 'journal-kernel', 'var-log-dmesg', 'kern-log']) overrides[id] = { status: 'not-collected' };
  if (v.evidence.efi !== undefined) overrides['efi'] = v.evidence.efi;
  if (v.evidence.uname !== undefined) overrides['uname'] = v.evidence.uname;
  const bundle = sampleBundle('lab-intel-uefi-healthy', overrides);
  const manifest = Manifest.parse(JSON.parse(bundle.files.get('manifest.json')!.bytes.toString('utf8')));
  const ev = evidenceSource(bundle, manifest);
  const release = v.kernelRelease;
  const kernel = release
    ? known({ release, major: Number(release.split('.')[0]), minor: Number(release.split('.')[1]) }, [])
    : buildKernel(ev, manifest);
  const cpu = buildCpu(ev);
  const cmdline = buildCmdline(ev, buildKernelLog(ev));
  const distro = readDistro(ev, kernel);
  const bootConfig = buildBootConfig(ev, distro.family, cmdline);
  const b = bootConfig.state === 'known' ? bootConfig.value : null;
  const host = buildHostProfile(
    distro,
    cpu,
    kernel,
    { bootMode: b?.bootMode ?? null, bootloader: b?.bootloader ?? null, grubCfg: b?.activeGrubCfg ?? null },
    false,
    { cmdline, bootConfig, virtualization: buildVirtualization(ev, cpu) },
  );
  if (host.state !== 'known') throw new Error('host profile unknown');
  return host.value;
}
