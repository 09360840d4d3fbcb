/**
 * Fix steps in Cloudpods terms: edit /etc/yunion/host.conf, restart the host service and make it
 * probe devices again, and where to look next.
 *
 * The host service runs as this node's pod of the `default-host` daemonset in namespace `onecloud`
 * (the USB passthrough guide: delete the node's `default-host-xxxxx` pod to restart it); the pod is
 * found by node name (`--field-selector spec.nodeName=`, which `kubectl get pods -o wide` shows as
 * NODE), leaving out the deployer and image pods. `kubectl rollout restart daemonset default-host`
 * would restart the host service on every host of the cloud, so it is never used. The pod reads
 * host.conf only at start (pkg/hostman/host_services.go RunService, options.Init); restarting it and
 * probing devices again (`climc host-probe-isolated-devices`, the custom PCI guide) belong after
 * the plan's reboot when there is one, so they are marked `afterReboot`.
 */
import type { FixStep } from './fix.js';
import { isIdentifier, rejectedNote } from './identifiers.js';
import { editStep } from './initramfs.js';
import { input, sh } from './shell.js';

export const HOST_CONF = '/etc/yunion/host.conf';

/**
 * A host.conf change: a key and its value, or a key renamed to the spelling the host service reads
 * (both made by the plan), or words for a change only a person can make.
 */
export function editHostConf(
  change: string | { readonly key: string; readonly value: string } | { readonly rename: string; readonly to: string },
): FixStep {
  if (typeof change === 'string') return { kind: 'edit-file', path: HOST_CONF, change };
  if ('rename' in change)
    return isIdentifier('hostconf-key', change.to) && /^[\w.-]{1,64}$/.test(change.rename)
      ? editStep(HOST_CONF, { op: 'yaml-rename', from: change.rename, to: change.to })
      : rejectedNote('hostconf-key', change.rename, `Rename it to ${change.to} in ${HOST_CONF} by hand.`);
  if (!isIdentifier('hostconf-key', change.key) || !/^[\w.:/-]{1,128}$/.test(change.value))
    return rejectedNote('hostconf-key', `${change.key}: ${change.value}`, `Edit ${HOST_CONF} by hand.`);
  return editStep(HOST_CONF, { op: 'yaml-key', key: change.key, value: change.value });
}

/** A climc command: run here when climc is installed, else say to run it on the control node (climc needs the cloud's credentials). */
function onControlNode(command: string): string {
  return `if command -v climc >/dev/null 2>&1; then ${command}; else echo 'run on the control node:' ${command}; fi`;
}

/** This node's default-host pod, by node name (the node is named after the host). */
const FIND_POD =
  'node=$(hostname); pod=$(kubectl -n onecloud get pods --field-selector "spec.nodeName=$node" -o name | grep "^pod/default-host-" | grep -v -e deployer -e image | head -n 1)';

/** host.conf is read once at start: the host service must be restarted after an edit. */
export function restartHostService(): FixStep[] {
  return [
    {
      kind: 'run',
      command: `${FIND_POD}; if [ -n "$pod" ]; then kubectl -n onecloud delete "$pod"; else echo "no default-host pod found for node $node: on the control node, kubectl -n onecloud get pods -o wide shows this node's default-host pod; delete that one"; fi`,
      why: "the host service reads /etc/yunion/host.conf only when it starts; deleting this node's pod restarts it there alone (the daemonset starts a new one)",
      afterReboot: true,
    },
    {
      kind: 'run',
      command: onControlNode(sh`climc host-probe-isolated-devices ${input('PTD_HOST')}`.shell),
      why: 'makes the host service probe and bind passthrough devices again',
      afterReboot: true,
    },
  ];
}

/** Where to confirm the host service accepted the change: the log of this node's pod. */
export function checkHostServiceLog(expect: string): FixStep {
  return {
    kind: 'verify',
    command: `${FIND_POD}; kubectl -n onecloud logs "$pod" -c host | tail -n 200`,
    expect,
  };
}

export function checkIsolatedDevices(): FixStep {
  return {
    kind: 'verify',
    command: onControlNode(sh`climc isolated-device-list --host ${input('PTD_HOST')}`.shell),
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
  return { kind: 'verify', command: sh`tail -n 50 /opt/cloud/workspace/servers/logs/${input('PTD_SERVER')}`.shell, expect };
}
