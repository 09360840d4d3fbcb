/**
 * Whether the VFIO modules come back after a reboot, from the module facts alone.
 *
 * - vfio_pci pulls vfio in as a symbol dependency, and vfio declares
 *   `MODULE_SOFTDEP("post: vfio_iommu_type1 vfio_iommu_spapr_tce")` (drivers/vfio/vfio_main.c),
 *   so loading vfio_pci at boot loads all three.
 * - Nothing autoloads vfio_pci for a device: its MODULE_DEVICE_TABLE entry is
 *   PCI_DRIVER_OVERRIDE_DEVICE_VFIO (drivers/vfio/pci/vfio_pci.c), an override_only entry that
 *   modpost writes as a `vfio_pci:` alias, which udev's `pci:` modaliases never match. So
 *   `options vfio-pci ids=` alone only configures the module; it does not load it.
 * - What does load it at boot: modules-load.d, /etc/modules, dracut force_drivers/add_drivers,
 *   /etc/initramfs-tools/modules, a `softdep <driver> pre: vfio_pci` for a driver that is loaded
 *   (modprobe.d(5)), `rd.driver.pre=vfio-pci` (dracut.cmdline(7)) or `modules-load=vfio-pci`
 *   (systemd-modules-load.service(8)) on the command line, or being built in.
 */
import { moduleKey } from '../parsers/module-name.js';
import type { EvidenceRef } from './fact.js';
import type { KernelConfigFacts } from './kernel-config.js';
import type { KernelParam, ModuleConfigFacts, ModuleFacts, PciDevice, VfioId } from './model.js';

export const VFIO_MODULES = ['vfio', 'vfio_iommu_type1', 'vfio_pci'] as const;
/** The kernel configuration symbol of each VFIO module. */
export const CONFIG_NAME: Readonly<Record<string, string>> = {
  vfio: 'CONFIG_VFIO',
  vfio_iommu_type1: 'CONFIG_VFIO_IOMMU_TYPE1',
  vfio_pci: 'CONFIG_VFIO_PCI',
};

/** Built into the kernel: in /sys/module without /proc/modules, or `=y` in the kernel config. */
export function builtinRef(mod: string, modules: ModuleFacts, cfg: KernelConfigFacts | null): EvidenceRef | null {
  if (modules.builtin.includes(mod)) return modules.refs[mod] ?? null;
  const name = CONFIG_NAME[mod] ?? '';
  const c = cfg && Object.hasOwn(cfg, name) ? cfg[name] : undefined;
  return c?.value === 'y' ? c.ref : null;
}

/** How a module is brought up at boot, or null when nothing loads it. */
export function bootLoader(
  mod: string,
  modules: ModuleFacts,
  config: ModuleConfigFacts,
  cfg: KernelConfigFacts | null,
): { via: string; ref: EvidenceRef } | null {
  const builtin = builtinRef(mod, modules, cfg);
  if (builtin) return { via: 'built into the kernel', ref: builtin };
  const listed = config.loadAtBoot.find((e) => e.module === mod);
  if (listed) return { via: listed.via, ref: listed.ref };
  const soft = config.modprobe.find((d) => d.kind === 'softdep' && d.pre.includes(mod) && modules.loaded.includes(d.module));
  if (soft) return { via: `softdep ${soft.module} pre:`, ref: soft.ref };
  return null;
}

export function cmdlineLoads(mod: string, params: readonly KernelParam[]): KernelParam | undefined {
  return params.find(
    (p) =>
      (p.key === 'rd.driver.pre' || p.key === 'modules_load' || p.key === 'modules-load') &&
      (p.value ?? '').split(',').some((m) => moduleKey(m) === mod),
  );
}

/**
 * Devices on vfio-pci now through a `driver_override` that nothing writes again at boot: no
 * `vfio-pci.ids` / `options vfio-pci ids=` entry names their vendor:device, and no modprobe.d
 * `install vfio-pci` command (where a boot-time override script runs) exists. Someone (or a VM
 * manager at VM start) bound them at runtime; after a reboot their host driver takes them back.
 */
export function handBoundDevices(devices: readonly PciDevice[], vfioIds: readonly VfioId[], config: ModuleConfigFacts): PciDevice[] {
  if (config.modprobe.some((d) => d.kind === 'install' && moduleKey(d.module) === 'vfio_pci')) return [];
  return devices.filter(
    (d) =>
      d.driver === 'vfio-pci' && d.driverOverride === 'vfio-pci' && !vfioIds.some((v) => v.vendor === d.vendor && v.device === d.device),
  );
}
