/**
 * One catalogued log message: a line some program prints when passthrough breaks (or when it
 * proves the state passthrough depends on), taken from the source that prints it.
 *
 * `format` is the format string as the source hands it to its printer: adjacent C literals joined,
 * string macros expanded (`FW_BUG` → `[Firmware Bug]: `, `DRIVER_DESC`), escapes kept as the
 * language reads them. The prefix the printer adds (`pr_fmt`, `dev_fmt`, the `<driver> <device>: `
 * of dev_printk, QEMU's `vfio %s: `, the Go logger's `[level time caller] `) is not part of it;
 * `prefix` names it where there is one. `needle` is a literal piece of `format` that every
 * printed line contains, so it can stand in front of `pattern` as a cheap filter.
 */

export type LogOrigin = 'kernel' | 'qemu' | 'libvirt' | 'cloudpods-host' | 'vendor-reset' | 'dpdk';

/** What a matching line proves. States (`iommu-enabled`, `group-added`) are listed with faults because rules need both. */
export const LOG_FAULTS = [
  // IOMMU state
  'iommu-enabled',
  'iommu-disabled',
  'iommu-absent',
  'default-domain',
  'group-added',
  'acs-override',
  'acs-quirk',
  // firmware
  'firmware-table-broken',
  'rmrr-refused',
  // interrupts
  'interrupt-remapping-disabled',
  'interrupt-remapping-enabled',
  'msi-not-isolated',
  // Arm64: MSI isolation by the GICv3 ITS (the counterpart of interrupt remapping), or an MSI frame without it
  'msi-isolated',
  'msi-unisolated',
  // CPU virtualization and KVM (arm64: the exception level the CPUs started at, KVM's hypervisor mode)
  'cpu-virtualization-enabled',
  'cpu-virtualization-disabled',
  'kvm-ready',
  'kvm-unavailable',
  // x86: a KVM vendor module that found no extension it drives (also the other vendor's module: proves nothing alone)
  'kvm-module-refused',
  // DMA and device health
  'dma-fault',
  'interrupt-remap-fault',
  'device-unresponsive',
  // configuration reads return all ones (header type 7f): the device does not answer at all
  'config-space-unreadable',
  'aer-fatal',
  'aer-nonfatal',
  'aer-recovery-failed',
  // reset and power
  'reset-failed',
  'reset-blocked',
  'power-state-failed',
  // PCI resources
  'bar-reservation-failed',
  // SR-IOV
  'sriov-enable-failed',
  // a DMA mapping above the address width the IOMMU translates
  'iommu-width-exceeded',
  // parameters
  'module-param-rejected',
  'kernel-param-rejected',
  // vfio and the VMM
  'vfio-open-failed',
  'vfio-group-not-viable',
  'vfio-container-failed',
  'vfio-no-iommu-group',
  'vfio-device-denied',
  'probe-failed',
  'new-id-duplicate',
  'memlock-exceeded',
  'dma-map-failed',
  'hugepage-failed',
  'device-in-use',
  'msix-layout-broken',
  // the Cloudpods host service
  'host-service-probe-failed',
  'host-service-bind-failed',
  'host-service-parse-failed',
  'host-service-check-failed',
  'host-service-device-skipped',
  'host-service-sys-error',
  'host-driver-holds-device',
] as const;
export type LogFault = (typeof LOG_FAULTS)[number];

/** The printk level, or the level of the logger that prints the line. */
export type LogLevel = 'crit' | 'error' | 'warning' | 'notice' | 'info' | 'fatal';

/**
 * Named groups a pattern may capture, each as printed: `device` a PCI address (or the device
 * name the printer uses), `group` an IOMMU group number, `param` a parameter or configuration
 * key, `module` a module name, `value` the value the message is about, `bar` a BAR number or
 * resource name, `errno` an error number or the C library's text for it, `vfs` a VF count.
 */
export const LOG_GROUP_NAMES = ['device', 'group', 'param', 'module', 'value', 'bar', 'errno', 'vfs'] as const;
export type LogGroupName = (typeof LOG_GROUP_NAMES)[number];

export interface LogCatalogEntry {
  /** Stable kebab-case id; never reused for another message. */
  readonly id: string;
  readonly origin: LogOrigin;
  /** Path of the printing source in its own project. */
  readonly sourceFile: string;
  readonly format: string;
  /** Literal piece of `format` present in every printed line. */
  readonly needle: string;
  /**
   * Over the message: after the timestamp and level, for dev_printk lines starting with
   * `<driver> <dev_name>: `. Anchored at `^` unless `embedded`, then it starts with literal text.
   */
  readonly pattern: RegExp;
  readonly fault: LogFault;
  readonly level: LogLevel;
  /** One sentence: what the line proves. */
  readonly meaning: string;
  /** What the printer puts in front of `format` (pr_fmt, dev_fmt, an error prefix). */
  readonly prefix?: string;
  /** The message can sit inside another one (QEMU's behind libvirt's, a Go error wrapped by its caller). */
  readonly embedded?: true;
  /** First release printing this form, and the first that no longer does. */
  readonly since?: string;
  readonly until?: string;
  /** The source versions this format was read in. */
  readonly verifiedIn: readonly string[];
}
