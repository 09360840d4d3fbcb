/**
 * Which PCI devices the Cloudpods host service takes, and how it reads host.conf device entries.
 * Every rule here mirrors yunionio/cloudpods 2de2952 (pkg/hostman):
 * - isolated_device/gpu.go getPassthroughGPUs: classes 0300/0302, and 0380 only for vendor 10de or
 *   1002 (`Skip add device %s vendor is unsupport`); the boot VGA (sysfs boot_vga 1) is skipped
 *   unless use_boot_vga; boot_vga_pci_addr is skipped too, and IsBootVGA() is checked again.
 * - isolated_device.go probeAMDVgpus/probeNVIDIAVgpus: PF addresses must match
 *   `^([0-9a-f]{2}):([0-9a-f]{2})\.([0-9a-f])$`, else `invaild input pci address`.
 * - storageman/core.go NewStorageManager (and nvme.go getPassthroughNVMEDisks): each ptnvme_configs
 *   entry is split on `/` into exactly two parts (`bad nvme config %s`) and the size goes through
 *   fileutils.GetSizeMb, whose regutils SIZE_REG is `^\d+[bBkKmMgG]?$` (`failed parse pci device
 *   %s size %s`); host_services.go RunService stops with `Storage manager init error: …`.
 */
import { hostConfSetting } from './cloudpods-lookup.js';
import type { EvidenceRef } from './fact.js';
import type { CloudpodsFacts, HostConfSetting, PciDevice, PciFacts } from './model.js';
import { MAX_CANDIDATES } from './targets.js';

const GPU_CLASSES = ['0300', '0302', '0380'];
const DISPLAY_VENDORS = ['10de', '1002'];
export const PF_ADDR = /^([0-9a-f]{2}):([0-9a-f]{2})\.([0-9a-f])$/;
const SIZE = /^\d+[bkmg]?$/i;

/** `0000:03:00.0` → `03:00.0`, the form host.conf and the host service use (lspci -nnmm, no -D). */
export const shortAddr = (a: string): string => a.replace(/^0000:/, '');

export function isTrue(cp: CloudpodsFacts, key: string): boolean {
  return hostConfSetting(cp, key)?.value === 'true';
}

/**
 * The host.conf line that switches the host service's GPU probe off (`disable_gpu: true`; options.go
 * DisableGPU, default false: ProbePCIDevices then never calls getPassthroughGPUs, and
 * sGPUBaseDevice.CustomProbe never checks the command line), or null when it probes GPUs.
 * The one place that decides it; rules cite the returned line.
 */
export function gpuProbeDisabledBy(cp: CloudpodsFacts): HostConfSetting | null {
  const setting = hostConfSetting(cp, 'disable_gpu');
  return setting?.value === 'true' ? setting : null;
}

/**
 * The GPUs getPassthroughGPUs keeps (before its driver checks), the first `limit` of them: the
 * host service takes every GPU, and a host of more than MAX_CANDIDATES of them (25,000 GPU-class
 * functions is no real host) is checked on the first ones; rule inventory-cut says so.
 */
export function passthroughGpus(pci: PciFacts, cp: CloudpodsFacts, limit = MAX_CANDIDATES): PciDevice[] {
  const useBootVga = isTrue(cp, 'use_boot_vga');
  const bootAddr = hostConfSetting(cp, 'boot_vga_pci_addr')?.value ?? '';
  const pfs = new Set([...listValues(cp, 'amd_vgpu_pfs'), ...listValues(cp, 'nvidia_vgpu_pfs')]);
  const out: PciDevice[] = [];
  for (const d of pci.devices) {
    const cls = d.classCode.slice(0, 4);
    if (!GPU_CLASSES.includes(cls)) continue;
    if (cls === '0380' && !DISPLAY_VENDORS.includes(d.vendor)) continue;
    if (pfs.has(shortAddr(d.address))) continue;
    if (!useBootVga && (d.bootVga === true || (bootAddr !== '' && shortAddr(d.address) === bootAddr))) continue;
    if (out.length === limit) break;
    out.push(d);
  }
  return out;
}

/** A list option's items (host.conf `key:` followed by `- item` lines). */
export function listItems(cp: CloudpodsFacts, key: string): { value: string; ref: EvidenceRef }[] {
  const s = hostConfSetting(cp, key);
  if (!s) return [];
  if (s.items.length > 0) return s.items.map((i) => ({ value: i.value, ref: i.ref }));
  return s.value ? [{ value: s.value, ref: s.ref }] : [];
}

const listValues = (cp: CloudpodsFacts, key: string): string[] => listItems(cp, key).map((i) => i.value);

export interface NvmeEntry {
  readonly raw: string;
  readonly addr: string | null;
  readonly size: string | null;
  /** The host service's message for a malformed entry, null when it parses. */
  readonly error: string | null;
  readonly ref: EvidenceRef;
}

export function nvmeEntries(cp: CloudpodsFacts): NvmeEntry[] {
  return listItems(cp, 'ptnvme_configs').map(({ value, ref }) => {
    const parts = value.split('/');
    if (parts.length !== 2) return { raw: value, addr: null, size: null, error: `bad nvme config ${value}`, ref };
    const [addr = '', size = ''] = parts;
    if (!SIZE.test(size))
      return { raw: value, addr, size, error: `failed parse pci device ${addr} size ${size}: Invalid size string ${size}`, ref };
    return { raw: value, addr, size, error: null, ref };
  });
}

/** Find a device by the short address host.conf uses. */
export function deviceAt(pci: PciFacts, addr: string): PciDevice | undefined {
  const want = addr.includes(':') && addr.split(':').length === 2 ? `0000:${addr}` : addr;
  return pci.devices.find((d) => d.address === want.toLowerCase());
}
