import rule from '../../rules/cloudpods-usb-disabled.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

const t500 = fx('lsusb/debian-laptop-t500.txt');
ruleTester(rule, {
  pass: [
    {
      name: 'disable_usb: false (USB guide) with devices attached',
      sample: 'lab-cloudpods-healthy',
      evidence: { lsusb: t500, 'yunion-host-conf': fx('cloudpods/host-conf-guide-keys.conf') },
      expect: { subject: 'host', messageId: 'enabled', evidence: ['/etc/yunion/host.conf:4', 'lsusb:5'] },
    },
    {
      name: 'no USB bus (lsusb prints nothing, exit 1)',
      sample: 'lab-cloudpods-healthy',
      evidence: { lsusb: { status: 'error', text: fx('lsusb/no-usb-bus.txt') } },
      expect: { subject: 'host', messageId: 'noDevices' },
    },
  ],
  fail: [
    {
      name: 'disable_usb unset, Bluetooth, fingerprint reader and SanDisk attached',
      sample: 'lab-cloudpods-healthy',
      evidence: { lsusb: t500 },
      expect: {
        subject: 'host',
        messageId: 'disabled',
        evidence: ['lsusb:5', 'lsusb:6', 'lsusb:10'],
        fixKinds: ['edit-file', 'run', 'run', 'verify'],
        commands: ['disable_usb: false'],
      },
    },
  ],
  unknown: [
    {
      name: 'lsusb not installed (the lab)',
      sample: 'lab-cloudpods-healthy',
      expect: { subject: 'host', messageId: 'noLsusb', collect: ['lsusb'] },
    },
    {
      name: 'host.conf unreadable',
      sample: 'lab-cloudpods-healthy',
      evidence: { lsusb: t500, 'yunion-host-conf': { status: 'denied' } },
      expect: { subject: 'host', messageId: 'noConf', collect: ['sudo cat /etc/yunion/host.conf'] },
    },
  ],
  skip: [
    {
      name: 'not a Cloudpods host',
      sample: 'lab-intel-healthy',
      evidence: { lsusb: t500 },
      expect: { subject: 'host', messageId: '(not a Cloudpods host)' },
    },
  ],
});
