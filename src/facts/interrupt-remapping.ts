/**
 * Are device interrupts isolated? VFIO's type1 backend refuses to attach devices without it unless
 * vfio_iommu_type1.allow_unsafe_interrupts=1 is set (drivers/vfio/vfio_iommu_type1.c: 6.1 asks
 * `iommu_capable(IOMMU_CAP_INTR_REMAP) || irq_domain_check_msi_remap()`, later kernels
 * `iommu_group_has_isolated_msi()`). From the log events (src/log-catalog):
 *
 * x86, interrupt remapping:
 * - enabled: Intel `DMAR-IR: Enabled IRQ remapping in xapic|x2apic mode`, AMD `AMD-Vi: Interrupt
 *   remapping enabled` (test/fixtures/lab/intel-healthy-6.1, amd-healthy-6.1);
 * - disabled, proven by a line: the firmware-bug and refusal lines of drivers/iommu/intel/irq_remapping.c
 *   and drivers/iommu/amd/init.c, and vfio_iommu_type1's own "No interrupt remapping support" when it
 *   refused a group — each proves remapping is off whatever else the log lost;
 * - disabled, by absence: with remapping off the kernel may print nothing at all
 *   (test/fixtures/lab/intremap-off-6.1/dmesg.txt), so the missing line counts only in a log that
 *   still starts at boot.
 *
 * arm64, MSI isolation by the GICv3 ITS (its MSI domains carry the isolation flag; a GICv2m frame's
 * do not):
 * - enabled: the ITS driver's table lines (`ITS@0x…: allocated 8192 Devices …`) or its PCI MSI domain
 *   (test/fixtures/lab-arm64/healthy-acpi-6.1), or an ITS (`arm,gic-v3-its`) among the device tree's
 *   MSI controllers;
 * - disabled, proven: vfio's refusal, or a device tree whose MSI controllers hold no ITS
 *   (test/fixtures/lab-arm64/no-its-dt-6.1: a `arm,gic-v2m-frame` only);
 * - disabled, by absence: no ITS line in a log that still starts at boot (the GICv2m frame's line is
 *   cited when there is one).
 */
import type { EvidenceSource } from '../evidence/lookup.js';
import { parseDevicetreeIommu } from '../parsers/devicetree-iommu.js';
import { logArchitecture, type ArchitectureFacts } from './architecture.js';
import { refTo } from './evidence-ref.js';
import { known, unknown, type Fact } from './fact.js';
import { logRef, logShowsAbsence } from './kernel-log.js';
import type { ClassifiedLogs, LogEvent } from './log-events.js';
import type { InterruptRemappingFacts, KernelLogFacts } from './model.js';

export function buildInterruptRemapping(
  log: Fact<KernelLogFacts>,
  logs: Fact<ClassifiedLogs>,
  ev?: EvidenceSource,
  arch?: Fact<ArchitectureFacts>,
): Fact<InterruptRemappingFacts> {
  if (log.state === 'unknown' || logs.state === 'unknown')
    return unknown(`no kernel log: ${log.state === 'unknown' ? log.reason : ''}`, ['sudo dmesg', 'journalctl -k -b']);
  const events = logs.value.events;
  const archName = arch?.state === 'known' ? arch.value.arch : logArchitecture(log.value);
  if (archName === 'aarch64' || events.some((e) => e.fault === 'msi-isolated' || e.fault === 'msi-unisolated'))
    return msiIsolation(log.value, events, ev);
  const on = events.find((e) => e.fault === 'interrupt-remapping-enabled');
  if (on) return known({ enabled: true, provenBy: 'line' }, on.refs.slice(0, 1));
  // "x2apic: IRQ remapping doesn't support X2APIC mode" is also printed when remapping runs in xapic mode: not a proof.
  const off = events.filter(
    (e) => (e.fault === 'interrupt-remapping-disabled' && e.id !== 'x2apic-no-irq-remapping') || e.fault === 'msi-not-isolated',
  );
  if (off.length > 0)
    return known(
      { enabled: false, provenBy: 'line' },
      off.flatMap((e) => e.refs.slice(0, 1)),
    );
  if (!logShowsAbsence(log.value))
    return unknown(`the kernel log (${log.value.source}) no longer starts at boot or was cut`, [
      'journalctl -k -b',
      'grep -i remap /var/log/dmesg',
    ]);
  const first = log.value.lines[0];
  return known({ enabled: false, provenBy: 'absence' }, first ? [logRef(log.value, first)] : []);
}

function msiIsolation(log: KernelLogFacts, events: readonly LogEvent[], ev: EvidenceSource | undefined): Fact<InterruptRemappingFacts> {
  const its = events.find((e) => e.fault === 'msi-isolated');
  if (its) return known({ enabled: true, provenBy: 'line' }, its.refs.slice(0, 1));
  const refused = events.filter((e) => e.fault === 'msi-not-isolated');
  if (refused.length > 0)
    return known(
      { enabled: false, provenBy: 'line' },
      refused.flatMap((e) => e.refs.slice(0, 1)),
    );
  const dtEv = ev?.one('devicetree-iommu');
  if (dtEv?.status === 'ok') {
    const controllers = parseDevicetreeIommu(dtEv.text).nodes.filter((n) => n.properties.includes('msi-controller'));
    const itsNode = controllers.find((n) => n.compatible.includes('arm,gic-v3-its'));
    if (itsNode) return known({ enabled: true, provenBy: 'line' }, [refTo(dtEv, itsNode)]);
    if (controllers.length > 0)
      return known(
        { enabled: false, provenBy: 'line' },
        controllers.map((n) => refTo(dtEv, n)),
      );
  }
  if (!logShowsAbsence(log))
    return unknown(`the kernel log (${log.source}) no longer starts at boot or was cut, so whether a GICv3 ITS was found cannot be told`, [
      'journalctl -k -b',
      'sudo dmesg | grep -e ITS -e GICv2m',
    ]);
  const frame = events.find((e) => e.fault === 'msi-unisolated');
  const first = log.lines[0];
  return known({ enabled: false, provenBy: 'absence' }, frame ? frame.refs.slice(0, 1) : first ? [logRef(log, first)] : []);
}
