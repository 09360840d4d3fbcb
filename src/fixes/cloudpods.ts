/**
 * Fix steps in Cloudpods terms: edit /etc/yunion/host.conf, restart the host service and make it
 * probe devices again, and where to look next.
 *
 * Sources: the USB passthrough guide (`kubectl -n onecloud rollout restart daemonset default-host`,
 * or delete the node's `default-host-xxxxx` pod), the custom PCI guide (re-probe with
 * `climc host-probe-isolated-devices <host>` or restart the pod), the GPU guide
 * (`climc isolated-device-list --gpu`), and pkg/hostman/host_services.go RunService, which
 * reads host.conf only at start (options.Init).
 */
import type { FixStep } from './fix.js';

export const HOST_CONF = '/etc/yunion/host.conf';

export function editHostConf(change: string): FixStep {
  return { kind: 'edit-file', path: HOST_CONF, change };
}

/** host.conf is read once at start: the host service must be restarted after an edit. */
export function restartHostService(): FixStep[] {
  return [
    {
      kind: 'run',
      command: 'kubectl -n onecloud rollout restart daemonset default-host',
      why: "the host service reads /etc/yunion/host.conf only when it starts (or delete this node's default-host-xxxxx pod)",
    },
    {
      kind: 'run',
      command: 'climc host-probe-isolated-devices <host>',
      why: 'makes the host service probe and bind passthrough devices again',
    },
  ];
}

/** Where to confirm the host service accepted the change. */
export function checkHostServiceLog(expect: string): FixStep {
  return {
    kind: 'verify',
    command: 'kubectl -n onecloud logs $(kubectl -n onecloud get pods -o name | grep default-host | head -n 1) -c host | tail -n 200',
    expect,
  };
}

export function checkIsolatedDevices(): FixStep {
  return {
    kind: 'verify',
    command: 'climc isolated-device-list --host <host>',
    expect: 'the device is listed (GPU devices also with climc isolated-device-list --gpu)',
  };
}

/**
 * Bind GPUs to vfio-pci by address at boot, as ocboot's gpu-init role does: /usr/bin/vfio-pci-override.sh
 * writes `vfio-pci` to driver_override of every 0300/0302 device whose boot_vga is not 1 (and of its
 * audio function), and /etc/modprobe.d/vfio.conf runs it through `install vfio-pci …`. Binding by
 * address never writes new_id, so identical cards cannot collide (reference §1.1, §2.5).
 */
export function vfioOverrideAtBoot(): FixStep[] {
  return [
    {
      kind: 'edit-file',
      path: '/etc/modprobe.d/vfio.conf',
      change:
        "install vfio-pci /usr/bin/vfio-pci-override.sh (the script ocboot's gpu-init role writes: driver_override=vfio-pci for each non-boot VGA/3D device and its .1 function, then modprobe -i vfio-pci)",
    },
    { kind: 'verify', command: 'ls -l /usr/bin/vfio-pci-override.sh', expect: 'the script exists and is executable' },
  ];
}

/** Where QEMU's own error for a VM lands (reference §2.7). */
export function checkQemuLog(expect: string): FixStep {
  return { kind: 'verify', command: 'tail -n 50 /opt/cloud/workspace/servers/logs/<server id>', expect };
}
