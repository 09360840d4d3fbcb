import rule from '../../rules/passthrough-of-host-storage.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'the NVMe named on the healthy host holds no mount and no swap (the lab runs from its initramfs)',
      sample: 'lab-intel-healthy',
      devices: ['0000:02:00.0'],
      expect: { messageId: 'notStorage', subject: '0000:02:00.0', evidence: ['/proc/mounts'] },
    },
    {
      name: 'in the storage sample, the NIC named next to the NVMe is no storage controller',
      sample: 'lab-host-storage-targeted',
      expect: { messageId: 'noDisks', subject: '0000:01:00.0' },
    },
    {
      name: 'a NIC is decided even when the swap list was denied',
      sample: 'lab-host-storage-targeted',
      evidence: { swaps: { status: 'denied' } },
      expect: { messageId: 'noDisks', subject: '0000:01:00.0' },
    },
  ],
  fail: [
    {
      name: 'options vfio-pci ids= names the NVMe that holds the active swap (Debian)',
      sample: 'lab-host-storage-targeted',
      expect: {
        messageId: 'hostStorage',
        subject: '0000:02:00.0',
        evidence: ['/proc/swaps:2', '/etc/modprobe.d/vfio.conf'],
        fixKinds: ['edit-file', 'edit-file', 'run', 'verify'],
        commands: ['remove 1b36:0010', 'update-initramfs -u -k all'],
      },
    },
    {
      name: 'the NVMe named with --device on a RHEL-like host',
      sample: 'lab-host-storage-targeted',
      devices: ['0000:02:00.0'],
      evidence: { 'os-release': fx('os-release/fedora-32-man-example.txt') },
      expect: {
        messageId: 'hostStorage',
        subject: '0000:02:00.0',
        fixKinds: ['edit-file', 'edit-file', 'run', 'note', 'verify'],
        commands: ['dracut -f --regenerate-all'],
      },
    },
  ],
  unknown: [
    {
      // /proc/swaps is what ties the NVMe to the host: without it, its absence from the mounts proves nothing.
      name: 'the swap list denied: the NVMe that holds the swap is undecided, never passed',
      sample: 'lab-host-storage-targeted',
      evidence: { swaps: { status: 'denied' } },
      expect: { subject: '0000:02:00.0', collect: ['/proc/swaps'] },
    },
    {
      name: 'mounts and swaps not collected',
      sample: 'lab-host-storage-targeted',
      evidence: { mounts: { status: 'denied' } },
      expect: { subject: 'host', collect: ['/proc/mounts'] },
    },
  ],
  skip: [
    {
      name: "nothing named: the guide's command line without vfio-pci.ids, NIC on e1000e",
      sample: 'lab-host-driver-claims',
      evidence: { cmdline: fx('cmdline/guide-proc-cmdline.txt') },
      expect: { subject: 'host', messageId: 'noExplicitTarget' },
    },
  ],
});
