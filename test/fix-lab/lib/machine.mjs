// The lab's machine: what the existing real-kernel lab boots (q35, a virtual Intel IOMMU with
// interrupt remapping, so kernel-irqchip=split), booting from its own disk on the chipset's AHCI
// controller through SeaBIOS and GRUB, with the console on ttyS0 and a 9p share (mount tag
// `fixlab`) the agent exchanges files through. Reboots are real: QEMU resets the machine and
// SeaBIOS boots the disk again; only the guest's power-off ends QEMU.
import { closeSync, openSync } from 'node:fs';
import { deviceArgs } from '../../lab/lib/devices.mjs';

/**
 * How QEMU runs the guest: FIXLAB_ACCEL=tcg (software emulation, as the real-kernel lab), kvm, or
 * auto (the default): kvm where /dev/kvm can be opened, else tcg. The machine the guest sees is the
 * same either way (same CPU model, without VT-x; same chipset, IOMMU and devices); what differs is
 * speed: rebuilding an initramfs of MODULES=most takes over ten minutes under TCG on two shared
 * cores, so the plans that rebuild one for both kernels do not fit a CI run there (docs/fix-lab.md).
 */
export function accel() {
  const want = process.env.FIXLAB_ACCEL ?? 'tcg';
  if (want !== 'auto') return want;
  try {
    closeSync(openSync('/dev/kvm', 'r+'));
    return 'kvm';
  } catch {
    return 'tcg';
  }
}

/**
 * QEMU arguments. `disk`: the qcow2 image to boot; `share`: the folder exported as `fixlab`;
 * `devices`: extra -device values (`drive:<id>` → `driveImages`); `direct`: { kernel, initrd, append }
 * to start a kernel without the boot loader (the install boot only).
 */
export function machineArgs({ disk, share, consoleLog, devices = [], driveImages = new Map(), direct = null, memoryMiB = 1024 }) {
  const args = [
    '-nodefaults',
    '-display',
    'none',
    '-accel',
    accel(),
    '-m',
    String(memoryMiB),
    '-smp',
    '1',
    '-cpu',
    'qemu64,vendor=GenuineIntel,-svm',
    '-machine',
    'q35,kernel-irqchip=split',
    '-device',
    'intel-iommu,intremap=on',
    '-drive',
    `file=${disk},if=none,id=root,format=qcow2,cache=unsafe`,
    '-device',
    // SeaBIOS boots this disk first (the NVMe drives are blank); -kernel takes bootindex 0 itself
    `ide-hd,drive=root,bus=ide.0${direct ? '' : ',bootindex=0'}`,
    '-fsdev',
    `local,id=share,path=${share},security_model=none`,
    '-device',
    'virtio-9p-pci,fsdev=share,mount_tag=fixlab',
    '-chardev',
    `file,id=con,path=${consoleLog}`,
    '-serial',
    'chardev:con',
    ...deviceArgs({ devices }, driveImages),
  ];
  if (direct) args.push('-kernel', direct.kernel, '-initrd', direct.initrd, '-append', direct.append);
  return args;
}
