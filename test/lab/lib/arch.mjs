// The guest architectures of the lab (a scenario's optional "arch", Debian's name; amd64 when
// absent): the QEMU that runs each, its machine and serial wiring, its UEFI firmware, and the
// serial device /init sends the evidence on.
import { amd64FirmwareOf, amd64MachineArgs, amd64SerialArgs, OVMF_CODE, OVMF_VARS } from './machine-amd64.mjs';
import { AAVMF_CODE, AAVMF_VARS, arm64FirmwareOf, arm64MachineArgs, arm64SerialArgs } from './machine-arm64.mjs';

export const ARCHES = {
  amd64: {
    qemu: 'qemu-system-x86_64',
    firmwareOf: amd64FirmwareOf,
    machineArgs: amd64MachineArgs,
    serialArgs: amd64SerialArgs,
    uefi: { code: OVMF_CODE, vars: OVMF_VARS, copy: 'OVMF_VARS.fd', pkg: 'ovmf' },
    // a second UART of its own
    outTty: '/dev/ttyS1',
  },
  arm64: {
    qemu: 'qemu-system-aarch64',
    firmwareOf: arm64FirmwareOf,
    machineArgs: arm64MachineArgs,
    serialArgs: arm64SerialArgs,
    uefi: { code: AAVMF_CODE, vars: AAVMF_VARS, copy: 'AAVMF_VARS.fd', pkg: 'qemu-efi-aarch64' },
    // the console's UART: /init silences kernel messages on the console before it sends
    outTty: '/dev/ttyAMA0 shared',
  },
};

/** The scenario's Debian architecture. */
export function archOf(s) {
  const a = s.arch ?? 'amd64';
  if (!Object.hasOwn(ARCHES, a)) throw new Error(`${s.name}: arch must be one of ${Object.keys(ARCHES).join(', ')}`);
  return a;
}

/** What boots a scenario: ARCHES[archOf(s)]. */
export const platformOf = (s) => ARCHES[archOf(s)];
