import { defineRule } from '../src/engine/define-rule.js';
import { hostConfSetting } from '../src/facts/cloudpods-lookup.js';
import { checkIsolatedDevices, editHostConf, restartHostService } from '../src/fixes/cloudpods.js';

// pkg/hostman/options/options.go: DisableUSB `default:"true"`; isolated_device.go ProbePCIDevices skips the
// USB probe when it is set. usb.go getPassthroughUSBs drops the Linux root hubs (1d6b:0001/0002/0003).
const ROOT_HUB = /^1d6b:000[123]$/;
export default defineRule({
  id: 'cloudpods-usb-disabled',
  title: 'USB devices are present but the Cloudpods host service does not offer them (disable_usb)',
  severity: 'info',
  tags: ['cloudpods', 'usb'],
  appliesTo: 'cloudpods',
  source: 'yunionio/cloudpods pkg/hostman/options/options.go DisableUSB; isolated_device/usb.go',
  needs: ['cloudpods'],
  messages: {
    noConf: '/etc/yunion/host.conf could not be read: {{reason}}',
    noLsusb: 'The USB device list was not collected: {{reason}}',
    enabled: 'disable_usb: false: the host service offers {{count}} USB device(s) for passthrough.',
    noDevices: 'No USB device other than root hubs is attached.',
    disabled: 'disable_usb is {{how}}, so the host service does not offer the {{count}} USB device(s) attached ({{devices}}).',
  },
  check({ cloudpods }, r) {
    const cp = cloudpods.value;
    if (!cp.hostConf) return r.unknown('noConf', { reason: cp.hostConfMissing?.reason ?? '' }, cp.hostConfMissing?.collect ?? []);
    if (!cp.usbDevices) return r.unknown('noLsusb', { reason: cp.usbMissing?.reason ?? '' }, cp.usbMissing?.collect ?? ['lsusb']);
    const devs = cp.usbDevices.filter((d) => !ROOT_HUB.test(`${d.vendor}:${d.product}`));
    const setting = hostConfSetting(cp, 'disable_usb');
    if (devs.length === 0) return r.pass('noDevices', {}, cp.usbDevices.length > 0 ? cp.usbDevices.map((d) => d.ref) : cloudpods.evidence);
    if (setting?.value === 'false') return r.pass('enabled', { count: devs.length }, [setting.ref, ...devs.map((d) => d.ref)]);
    return r.fail(
      'disabled',
      {
        how: setting ? `${setting.value ?? ''}` : 'not set (its default is true)',
        count: devs.length,
        devices: devs.map((d) => `${d.bus}:${d.device} ${d.vendor}:${d.product}`).join(', '),
      },
      [...(setting ? [setting.ref] : []), ...devs.map((d) => d.ref)],
      {
        summary: 'Turn on USB passthrough if VMs should get these devices',
        steps: [editHostConf({ key: 'disable_usb', value: 'false' }), ...restartHostService(), checkIsolatedDevices()],
        caveats: [
          'Leave USB off if no VM needs these devices; the host service then leaves them alone. The host needs lsusb (usbutils) for the USB probe.',
        ],
      },
    );
  },
});
