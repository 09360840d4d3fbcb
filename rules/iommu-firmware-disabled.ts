import { defineRule } from '../src/engine/define-rule.js';
import { logRef } from '../src/facts/kernel-log.js';
import { enableIommuInFirmware } from '../src/fixes/firmware.js';
import { nestedPassthroughSteps } from '../src/fixes/nested.js';

// x86: the ACPI DMAR (VT-d) or IVRS (AMD-Vi) table; arm64: an SMMU described by ACPI IORT or by the
// device tree (src/facts/arm-firmware-iommu.ts: IORT alone also maps the ITS, so it is not enough).
export default defineRule({
  id: 'iommu-firmware-disabled',
  title: 'The firmware does not describe an IOMMU (it is off in the firmware setup)',
  severity: 'error',
  tags: ['iommu', 'firmware'],
  source: 'FAQ "How to Verify Intel VT-d or AMD IOMMU is Enabled in System BIOS?"',
  needs: ['firmwareIommu', 'host'],
  optional: ['kernelLog', 'virtualization'],
  messages: {
    present: 'The firmware provides the ACPI {{table}} table, so the IOMMU is enabled in the BIOS.',
    presentSmmu: 'The firmware describes an {{smmu}} ({{via}}), so the IOMMU is enabled in the firmware.',
    missing:
      'No ACPI {{expected}} table: the IOMMU (Intel VT-d / AMD-Vi) is disabled in the firmware or not supported, so no device can be passed through.',
    missingInVm: 'No ACPI {{expected}} table: this host is a virtual machine without a virtual IOMMU, so it cannot pass devices through.',
    missingSmmu:
      'The firmware describes no SMMU ({{via}}): the Arm IOMMU is disabled in the firmware setup or not there, so no device can be passed through.',
    missingSmmuInVm:
      'The firmware describes no SMMU ({{via}}): this host is a virtual machine without a virtual SMMU, so it cannot pass devices through.',
  },
  check({ firmwareIommu, host, kernelLog, virtualization }, r) {
    const f = firmwareIommu.value;
    const inVm = virtualization.state === 'known' && virtualization.value.isVirtualMachine;
    if (f.smmu) {
      const via = f.smmu.via === 'acpi' ? 'ACPI IORT' : 'device tree';
      if (f.smmu.kind !== null) return r.pass('presentSmmu', { smmu: f.smmu.kind, via }, firmwareIommu.evidence);
      const profile = { ...host.value, arch: 'aarch64' as const, virtualMachine: inVm || host.value.virtualMachine };
      const verify = { kind: 'verify', command: 'ls /sys/class/iommu', expect: 'an SMMU unit (smmu3.0x… or smmu.0x…)' } as const;
      if (inVm)
        return r.fail('missingSmmuInVm', { via }, firmwareIommu.evidence, {
          summary: 'Give this virtual machine a virtual SMMU in the outer hypervisor',
          steps: [...nestedPassthroughSteps(profile, false), verify],
        });
      return r.fail('missingSmmu', { via }, firmwareIommu.evidence, {
        summary: 'Enable the SMMU in the firmware setup',
        steps: [enableIommuInFirmware(profile, null), { kind: 'reboot' }, verify],
      });
    }
    const table = f.table;
    if (table !== null) return r.pass('present', { table }, firmwareIommu.evidence);
    const vendor = host.value.cpuVendor;
    const expected = vendor === 'intel' ? 'DMAR' : vendor === 'amd' ? 'IVRS' : 'DMAR or IVRS';
    // `DMAR: IOMMU enabled` is printed while intel_iommu=on is parsed, table or not
    // (test/fixtures/lab/intel-firmware-off-6.1/dmesg.txt): cite it as the misleading line.
    const misleading =
      kernelLog.state === 'known' ? kernelLog.value.lines.filter((l) => l.message === 'DMAR: IOMMU enabled').slice(0, 1) : [];
    const evidence = [...firmwareIommu.evidence, ...(kernelLog.state === 'known' ? misleading.map((l) => logRef(kernelLog.value, l)) : [])];
    const caveats =
      misleading.length > 0
        ? [
            '"DMAR: IOMMU enabled" in dmesg only means intel_iommu=on was read from the command line; it does not prove the firmware has VT-d on.',
          ]
        : [];
    const verify = { kind: 'verify', command: 'ls /sys/firmware/acpi/tables', expect: `lists ${expected}` } as const;
    if (inVm)
      return r.fail('missingInVm', { expected }, evidence, {
        summary: 'Give this virtual machine a virtual IOMMU in the outer hypervisor',
        steps: [...nestedPassthroughSteps(vendor, false), verify],
        caveats,
      });
    return r.fail('missing', { expected }, evidence, {
      summary: 'Enable the IOMMU in the firmware setup',
      steps: [enableIommuInFirmware(vendor, null), { kind: 'reboot' }, verify],
      caveats,
    });
  },
});
