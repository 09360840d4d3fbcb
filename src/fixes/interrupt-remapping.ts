/**
 * Interrupt remapping: turn it on where it is missing, and drop allow_unsafe_interrupts where it
 * is not needed.
 *
 * - Intel: remapping is part of VT-d; firmware setups name it "Interrupt Remapping" (often beside
 *   "X2APIC"); the kernel reports it as `DMAR-IR: Enabled IRQ remapping in xapic|x2apic mode`
 *   (drivers/iommu/intel/irq_remapping.c). AMD: part of the IOMMU, `AMD-Vi: Interrupt remapping enabled`
 *   (drivers/iommu/amd/init.c). `intremap=off` (Documentation/admin-guide/kernel-parameters.txt) disables it.
 * - QEMU guests: the virtual intel-iommu needs `intremap=on` and `-machine kernel-irqchip=split`
 *   (samples/lab-intremap-off boots `intel-iommu,intremap=off` and shows no DMAR-IR line).
 * - arm64: MSIs are isolated by the GICv3 ITS, part of the interrupt controller and described by the
 *   firmware (ACPI MADT and IORT, or the device tree's `msi-map`); a GICv2m frame does not isolate
 *   them. QEMU's virt board has an ITS with `gic-version=3` (its=on is the default; libvirt
 *   `<gic version='3'/>`), a GICv2m with `gic-version=2` (samples/lab-arm64-no-its-dt).
 * - allow_unsafe_interrupts lives on the command line (vfio_iommu_type1.allow_unsafe_interrupts=1,
 *   the guide's GRUB line) or in modprobe.d (pve-docs qm-pci-passthrough: options vfio_iommu_type1
 *   allow_unsafe_interrupts=1); both places are cleaned.
 */
import type { EvidenceRef } from '../facts/fact.js';
import type { HostProfile } from '../facts/host-profile.js';
import type { Fix, FixStep } from './fix.js';
import { isIdentifier, rejectedNote } from './identifiers.js';
import { editStep } from './initramfs.js';
import { changeKernelParams } from './kernel-params.js';

const VERIFY: FixStep = {
  kind: 'verify',
  command: 'dmesg | grep -i -e "IRQ remapping" -e "Interrupt remapping"',
  expect: 'DMAR-IR: Enabled IRQ remapping … or AMD-Vi: Interrupt remapping enabled',
};

const ARM_VERIFY: FixStep = {
  kind: 'verify',
  command: 'dmesg | grep -e "ITS@" -e GICv2m',
  expect: 'ITS@0x…: allocated … lines (a GICv3 ITS), no GICv2m line alone',
};

export function enableInterruptRemapping(host: HostProfile, inVm: boolean): Fix {
  const caveats = [
    'Last resort only: vfio_iommu_type1.allow_unsafe_interrupts=1 lets VFIO attach devices without remapping, but a guest can then forge MSIs and inject interrupts into the host.',
  ];
  if (host.arch === 'aarch64') return enableMsiIsolation(inVm || host.virtualMachine === true, caveats);
  if (inVm || host.virtualMachine === true)
    return {
      summary: 'Give the virtual IOMMU interrupt remapping in the outer hypervisor',
      steps: [
        {
          kind: 'note',
          text: 'QEMU: -machine q35,kernel-irqchip=split -device intel-iommu,intremap=on; libvirt: <iommu model="intel"><driver intremap="on"/></iommu>',
        },
        { kind: 'reboot' },
        VERIFY,
      ],
      caveats,
    };
  const setting =
    host.cpuVendor === 'amd'
      ? 'Enable "IOMMU" (AMD-Vi) and, where offered, "Interrupt Remapping"; update the firmware if no such option exists'
      : 'Enable "Interrupt Remapping" (VT-d) and "X2APIC" where offered; update the firmware if no such option exists';
  return {
    summary: 'Enable interrupt remapping in the firmware',
    steps: [{ kind: 'firmware', setting }, { kind: 'reboot' }, VERIFY],
    caveats,
  };
}

/** arm64: MSI isolation comes from a GICv3 ITS the firmware (or the outer hypervisor) describes. */
function enableMsiIsolation(inVm: boolean, caveats: string[]): Fix {
  if (inVm)
    return {
      summary: 'Give the virtual machine a GICv3 with its ITS in the outer hypervisor',
      steps: [
        { kind: 'note', text: 'QEMU: -machine virt,gic-version=3 (without its=off); libvirt: <gic version="3"/> in <features>' },
        { kind: 'reboot' },
        ARM_VERIFY,
      ],
      caveats,
    };
  return {
    summary: 'Have the firmware describe a GICv3 ITS for the PCIe root complex',
    steps: [
      {
        kind: 'firmware',
        setting:
          'Update the firmware so that it describes the GICv3 ITS and maps the PCIe root complex to it (ACPI MADT and IORT, or msi-map in the device tree); a board whose interrupt controller has no ITS (GICv2m only) cannot isolate MSIs',
      },
      { kind: 'reboot' },
      ARM_VERIFY,
    ],
    caveats,
  };
}

export function dropUnsafeInterrupts(host: HostProfile, settings: readonly { raw: string; where: string; ref: EvidenceRef }[]): Fix {
  const files = [...new Set(settings.filter((s) => s.where === 'modprobe').map((s) => s.ref.source))];
  const fileSteps: FixStep[] = files.map((path) =>
    isIdentifier('path', path) && path.startsWith('/etc/modprobe.d/')
      ? editStep(path, {
          op: 'modprobe-option',
          module: 'vfio_iommu_type1',
          option: 'allow_unsafe_interrupts',
          add: [],
          remove: [],
          removeOption: true,
        })
      : rejectedNote('path', path, 'Remove allow_unsafe_interrupts from that file by hand.'),
  );
  const params = [...new Set(settings.filter((s) => s.where !== 'modprobe').map((s) => s.raw))];
  const verify: FixStep = { kind: 'verify', command: 'cat /sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts', expect: 'N' };
  if (params.length === 0) return { summary: 'Stop allowing unsafe interrupts', steps: [...fileSteps, { kind: 'reboot' }, verify] };
  const base = changeKernelParams(host, { add: [], remove: params }, 'Stop allowing unsafe interrupts');
  return { ...base, steps: [...fileSteps, ...base.steps, verify] };
}
