// The arm64 guest: QEMU's `virt` machine with a GICv3 (its ITS is the MSI controller) or a GICv2
// (no ITS), an SMMUv3 in front of the PCIe root complex or none, EL2 for KVM, and one of two ways
// to describe the hardware to the kernel:
//   "firmware": "uefi"  AAVMF (Debian qemu-efi-aarch64) starts the kernel through its EFI stub and
//                       hands over QEMU's ACPI tables (IORT, MADT, SPCR…): an ACPI boot.
//   "firmware": "dt"    QEMU loads the kernel itself and passes the device tree it generated
//                       (smmuv3 node, iommu-map on the PCIe node): a device-tree boot.
// virt has one UART (ttyAMA0): console and evidence share it (see test/lab/init.sh).
import { deviceArgs } from './devices.mjs';

/** AAVMF code (read-only) and the pristine variable store each UEFI boot gets a fresh copy of. */
export const AAVMF_CODE = process.env.LAB_AAVMF_CODE ?? '/usr/share/AAVMF/AAVMF_CODE.fd';
export const AAVMF_VARS = process.env.LAB_AAVMF_VARS ?? '/usr/share/AAVMF/AAVMF_VARS.fd';

/** `uefi` (AAVMF, ACPI) or `dt` (direct kernel boot, device tree); no default, the difference matters. */
export function arm64FirmwareOf(s) {
  if (s.firmware !== 'uefi' && s.firmware !== 'dt') throw new Error(`${s.name}: an arm64 scenario's firmware must be uefi or dt`);
  return s.firmware;
}

/** The `-machine` value: virt with its GIC, EL2 unless `"virtualization": false`, and the SMMUv3. */
export function arm64Machine(s) {
  const gic = s.gic ?? 3;
  if (gic !== 2 && gic !== 3) throw new Error(`${s.name}: gic must be 2 or 3`);
  const parts = ['virt', `gic-version=${gic}`, `virtualization=${s.virtualization === false ? 'off' : 'on'}`];
  switch (s.iommu) {
    case 'smmuv3':
      parts.push('iommu=smmuv3');
      break;
    case 'none':
      break;
    default:
      throw new Error(`${s.name}: an arm64 scenario's iommu must be smmuv3 or none`);
  }
  return parts.join(',');
}

/**
 * QEMU arguments (without -kernel/-initrd/-append/serial wiring). `cpu` is a QEMU CPU model
 * (neoverse-n1: Ampere Altra's core, VHE; cortex-a57: ARMv8.0, nVHE).
 */
export function arm64MachineArgs(s, { driveImages, varsFile }) {
  if (typeof s.cpu !== 'string' || !/^[\w.-]+(?:,[\w.=-]+)*$/.test(s.cpu)) throw new Error(`${s.name}: cpu must be a QEMU arm CPU model`);
  const args = ['-nodefaults', '-display', 'none', '-no-reboot', '-accel', 'tcg', '-m', String(s.memoryMiB ?? 512), '-smp', '1'];
  if (arm64FirmwareOf(s) === 'uefi') {
    if (!varsFile) throw new Error(`${s.name}: a UEFI boot needs a writable copy of ${AAVMF_VARS}`);
    args.push(
      '-drive',
      `if=pflash,format=raw,unit=0,readonly=on,file=${AAVMF_CODE}`,
      '-drive',
      `if=pflash,format=raw,unit=1,file=${varsFile}`,
    );
  }
  args.push('-cpu', s.cpu, '-machine', arm64Machine(s), ...deviceArgs(s, driveImages));
  return args;
}

/** Serial wiring: ttyAMA0 carries the console and, after it, the evidence. */
export function arm64SerialArgs({ consoleLog }) {
  return { args: ['-chardev', `file,id=con,path=${consoleLog}`, '-serial', 'chardev:con'], evidenceFile: consoleLog };
}
