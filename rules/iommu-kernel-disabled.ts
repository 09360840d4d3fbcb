import { defineRule } from '../src/engine/define-rule.js';
import { paramValue } from '../src/facts/cmdline.js';
import { firmwareDescribesIommu } from '../src/facts/firmware-iommu.js';
import { intelDefaultOn, iommuOffParams } from '../src/facts/iommu-params.js';
import { changeKernelParams } from '../src/fixes/kernel-params.js';

// Which parameters switch the IOMMU off: intel_iommu=off (drivers/iommu/intel/iommu.c intel_iommu_setup),
// amd_iommu=off (drivers/iommu/amd/init.c parse_amd_iommu_options), iommu=off (arch/x86/kernel/pci-dma.c
// iommu_setup sets no_iommu). Hosts without a DMAR/IVRS table are iommu-firmware-disabled's finding: skipped here.
// arm64 has no parameter that switches the SMMU off (iommu.passthrough=1 keeps its groups): an SMMU the
// device tree describes without units or groups means the kernel has no SMMU driver running.
export default defineRule({
  id: 'iommu-kernel-disabled',
  title: 'The firmware has an IOMMU but the kernel did not enable it',
  severity: 'error',
  tags: ['iommu', 'kernel', 'cmdline'],
  source: 'FAQ "How to enable IOMMU in the kernel (intel_iommu=on)?"',
  needs: ['firmwareIommu', 'kernelIommu', 'host', 'cmdline'],
  optional: ['kernelConfig', 'logEvents'],
  messages: {
    enabled: 'The kernel runs the IOMMU ({{groups}} IOMMU group(s)).',
    noTable: 'The firmware describes no IOMMU: the firmware side is reported by iommu-firmware-disabled.',
    smmuNotRunning:
      'The firmware describes an {{smmu}} but the kernel created no IOMMU units or groups: its SMMU driver is not built in or not loaded.',
    disabledByParam:
      'The ACPI {{table}} table is present but {{param}} on the kernel command line switches the IOMMU off: no IOMMU groups exist.',
    notDefaultOn:
      'The ACPI DMAR table is present but this kernel is built without CONFIG_INTEL_IOMMU_DEFAULT_ON and the command line has no intel_iommu=on: no IOMMU groups exist.',
    unexplained: 'The ACPI {{table}} table is present but the kernel created no IOMMU units or groups, and no parameter explains it.',
    contradicted:
      'sysfs shows no IOMMU groups but the boot log shows the kernel adding devices to IOMMU groups: the bundle contradicts itself (see iommu-groups-inconsistent).',
  },
  check({ firmwareIommu, kernelIommu, host, cmdline, kernelConfig, logEvents }, r) {
    const table = firmwareIommu.value.table;
    if (!firmwareDescribesIommu(firmwareIommu.value)) return r.skip('noTable', {});
    if (kernelIommu.value.active) return r.pass('enabled', { groups: kernelIommu.value.groupCount }, kernelIommu.evidence);
    const smmu = firmwareIommu.value.smmu?.kind;
    if (smmu) {
      const module = smmu === 'SMMUv3' ? 'arm_smmu_v3' : 'arm_smmu';
      return r.fail('smmuNotRunning', { smmu }, [...firmwareIommu.evidence, ...kernelIommu.evidence], {
        summary: 'Run the SMMU driver',
        steps: [
          {
            kind: 'run',
            command: `modprobe ${module}`,
            why: 'loads the SMMU driver where the kernel builds it as a module; its error in dmesg names the cause',
          },
          {
            kind: 'note',
            text: `If the module does not exist, boot a kernel built with ${smmu === 'SMMUv3' ? 'CONFIG_ARM_SMMU_V3' : 'CONFIG_ARM_SMMU'}=y (the distribution's stock arm64 kernel is); load it at boot from the initramfs, before the devices it translates probe.`,
          },
          { kind: 'reboot' },
          { kind: 'verify', command: 'ls /sys/class/iommu /sys/kernel/iommu_groups', expect: 'an SMMU unit and numbered IOMMU groups' },
        ],
      });
    }
    if (table === null || table === 'IORT') return r.skip('noTable', {});
    const params = cmdline.value.params;
    const offs = iommuOffParams(params);
    const evidence = [...firmwareIommu.evidence, ...kernelIommu.evidence, cmdline.value.ref];
    const intel = table === 'DMAR';
    const remove = offs.map((p) => p?.raw ?? '').filter((raw) => !(intel && raw.startsWith('amd_iommu')));
    const add = intel ? ['intel_iommu=on'] : [];
    const fix = changeKernelParams(
      host.value,
      { add, remove },
      intel ? 'Enable the Intel IOMMU on the kernel command line' : 'Remove what switches the AMD IOMMU off',
    );
    if (remove.length > 0) return r.fail('disabledByParam', { table, param: remove.join(' ') }, evidence, fix);
    const dflt = intel && kernelConfig.state === 'known' ? intelDefaultOn(kernelConfig.value) : null;
    if (intel && dflt !== null && !dflt.on && paramValue(params, 'intel_iommu') === undefined)
      return r.fail('notDefaultOn', {}, [...evidence, dflt.ref], fix);
    // Groups created in the boot log but absent from sysfs: the listings and the log disagree, so
    // neither proves the kernel left the IOMMU off.
    if (logEvents.state === 'known' && logEvents.value.events.some((e) => e.fault === 'group-added'))
      return r.unknown('contradicted', {}, ['ls /sys/class/iommu /sys/kernel/iommu_groups', 'sudo dmesg']);
    return r.fail('unexplained', { table }, evidence, {
      ...fix,
      steps: [{ kind: 'note', text: 'Check the boot log: sudo dmesg | grep -i -e DMAR -e AMD-Vi -e iommu' }, ...fix.steps],
    });
  },
});
