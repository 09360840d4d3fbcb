// The amd64 guest: a q35 machine with a virtual Intel or AMD IOMMU (or none), SeaBIOS or OVMF,
// console on ttyS0 and the evidence on ttyS1.
import { deviceArgs } from './devices.mjs';

/**
 * OVMF (Debian `ovmf`): the read-only code image and the pristine variable store a scenario with
 * `"firmware": "uefi"` boots from. OVMF loads -kernel/-initrd from fw_cfg and starts the kernel
 * through its EFI stub, so the guest is an EFI boot (/sys/firmware/efi exists).
 */
export const OVMF_CODE = process.env.LAB_OVMF_CODE ?? '/usr/share/OVMF/OVMF_CODE_4M.fd';
export const OVMF_VARS = process.env.LAB_OVMF_VARS ?? '/usr/share/OVMF/OVMF_VARS_4M.fd';

/** `bios` (SeaBIOS, QEMU's default) or `uefi` (OVMF). */
export function amd64FirmwareOf(s) {
  const f = s.firmware ?? 'bios';
  if (f !== 'bios' && f !== 'uefi') throw new Error(`${s.name}: firmware must be bios or uefi`);
  return f;
}

/**
 * QEMU arguments (without -kernel/-initrd/-append/serial wiring). `driveImages`: drive id → raw
 * image file; `varsFile`: the scenario's writable copy of OVMF_VARS.
 */
export function amd64MachineArgs(s, { driveImages, varsFile }) {
  const args = ['-nodefaults', '-display', 'none', '-no-reboot', '-accel', 'tcg', '-m', String(s.memoryMiB ?? 512), '-smp', '1'];
  if (amd64FirmwareOf(s) === 'uefi') {
    if (!varsFile) throw new Error(`${s.name}: a UEFI boot needs a writable copy of ${OVMF_VARS}`);
    args.push(
      '-drive',
      `if=pflash,format=raw,unit=0,readonly=on,file=${OVMF_CODE}`,
      '-drive',
      `if=pflash,format=raw,unit=1,file=${varsFile}`,
    );
  }
  const cpu = { intel: 'qemu64,vendor=GenuineIntel,-svm', amd: 'qemu64,vendor=AuthenticAMD,+svm' }[s.cpu];
  if (!cpu) throw new Error(`${s.name}: cpu must be intel or amd`);
  args.push('-cpu', s.cpuModel ?? cpu);
  switch (s.iommu) {
    case 'intel':
      args.push('-machine', 'q35,kernel-irqchip=split', '-device', `intel-iommu,intremap=${s.intremap === false ? 'off' : 'on'}`);
      break;
    case 'amd':
      args.push('-machine', 'q35,kernel-irqchip=split', '-device', `amd-iommu,intremap=${s.intremap === false ? 'off' : 'on'}`);
      break;
    case 'none':
      args.push('-machine', 'q35');
      break;
    default:
      throw new Error(`${s.name}: iommu must be intel, amd or none`);
  }
  args.push(...deviceArgs(s, driveImages));
  return args;
}

/** Serial wiring: the console on ttyS0, the evidence channel /init writes on ttyS1. */
export function amd64SerialArgs({ consoleLog, evidenceLog }) {
  return {
    args: [
      '-chardev',
      `file,id=con,path=${consoleLog}`,
      '-serial',
      'chardev:con',
      '-chardev',
      `file,id=out,path=${evidenceLog}`,
      '-serial',
      'chardev:out',
    ],
    evidenceFile: evidenceLog,
  };
}
