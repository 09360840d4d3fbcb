import { sh } from '../src/fixes/shell.js';
import { defineRule } from '../src/engine/define-rule.js';
import { gpuProbeDisabledBy, isTrue, shortAddr } from '../src/facts/cloudpods-devices.js';
import { hostConfSetting, hostServiceLines } from '../src/facts/cloudpods-lookup.js';
import { editHostConf, restartHostService } from '../src/fixes/cloudpods.js';

// gpu.go getPassthroughGPUs/forceBindVFIOPCIDriver skip the device whose sysfs boot_vga is 1 (`skip boot vga
// device %s`) unless use_boot_vga, and skip boot_vga_pci_addr; every other 0300 device is bound to vfio-pci.
export default defineRule({
  id: 'cloudpods-boot-vga',
  title: 'The host console GPU can be taken by the Cloudpods host service',
  severity: 'warning',
  tags: ['cloudpods', 'gpu', 'console'],
  appliesTo: 'cloudpods',
  source: 'yunionio/cloudpods pkg/hostman/isolated_device/gpu.go getPassthroughGPUs, IsBootVGA, forceBindVFIOPCIDriver',
  needs: ['cloudpods', 'pci'],
  optional: ['logEvents'],
  messages: {
    gpuProbeOff: 'disable_gpu: true in host.conf: the host service takes no GPU.',
    protected: 'The console GPU is kept by the host service: {{how}}.',
    noVga: 'No VGA-class device on this host.',
    useBootVga: 'use_boot_vga: true: the host service also binds the boot VGA {{address}} to vfio-pci, and the host loses its console.',
    bootVgaUnknown: 'The sysfs boot_vga values were not collected, so which VGA device the host service keeps is unknown.',
    noBootVga:
      'No VGA device ({{devices}}) reports boot_vga=1, so which one drives the console, if any, is not known; the host service treats every one of them as a GPU to take. Name the console GPU (for example the BMC VGA) with boot_vga_pci_addr.',
  },
  check({ cloudpods, pci, logEvents }, r) {
    const cp = cloudpods.value;
    const off = gpuProbeDisabledBy(cp);
    if (off) return r.pass('gpuProbeOff', {}, [off.ref]);
    const vgas = pci.value.devices.filter((d) => d.classCode.startsWith('0300'));
    if (vgas.length === 0) return r.pass('noVga', {}, pci.evidence);
    const boot = vgas.find((d) => d.bootVga === true);
    const use = hostConfSetting(cp, 'use_boot_vga');
    const logged = hostServiceLines(logEvents, [
      'cloudpods-boot-vga-found',
      'cloudpods-boot-vga-skipped',
      'cloudpods-boot-vga-device-skipped',
    ]).concat(hostServiceLines(logEvents, ['cloudpods-gpu-host-driver'], (e) => e.value === 'mgag200' || e.value === 'ast'));
    const restore = editHostConf({ key: 'use_boot_vga', value: 'false' });
    if (use && isTrue(cp, 'use_boot_vga'))
      return r.fail('useBootVga', { address: boot?.address ?? 'device' }, [use.ref, ...(boot?.refs ?? []), ...logged], {
        summary: 'Let the host keep its console GPU',
        steps: [
          restore,
          ...restartHostService(),
          { kind: 'reboot' },
          boot
            ? { kind: 'verify', command: sh`lspci -nnk -s ${boot.address}`.shell, expect: 'the console driver (not vfio-pci) in use' }
            : { kind: 'verify', command: 'lspci -nnk -d ::0300', expect: 'the console GPU on its console driver (not vfio-pci)' },
        ],
        caveats: ['Only set use_boot_vga: true on a host that is managed without a local or BMC console.'],
      });
    const named = hostConfSetting(cp, 'boot_vga_pci_addr');
    if (boot) return r.pass('protected', { how: `${boot.address} reports boot_vga=1` }, [...boot.refs, ...logged]);
    if (named?.value && vgas.some((d) => shortAddr(d.address) === named.value))
      return r.pass('protected', { how: `boot_vga_pci_addr: ${named.value}` }, [named.ref]);
    if (vgas.some((d) => d.bootVga === null))
      return r.unknown('bootVgaUnknown', {}, ['find /sys/devices -name boot_vga -exec grep -H . {} +']);
    // Nothing proves which device (if any) drives the console: never "protected" without proof.
    return r.unknown('noBootVga', { devices: vgas.map((d) => d.address).join(', ') }, [
      'find /sys/devices -name boot_vga -exec grep -H . {} +',
      'ls -l /sys/class/drm/card*/device',
    ]);
  },
});
