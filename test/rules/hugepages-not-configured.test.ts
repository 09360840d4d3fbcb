import rule from '../../rules/hugepages-not-configured.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

// /proc/meminfo of a 24 GiB machine (this development VM): large enough for a reservation.
const bigHost = { meminfo: fx('meminfo/firecracker-6.18.txt') };

ruleTester(rule, {
  pass: [
    {
      name: '64 pages of 2 MiB reserved',
      sample: 'lab-hugepages-reserved',
      expect: { subject: 'host', messageId: 'reserved', evidence: ['_hugepages:2'] },
    },
  ],
  fail: [
    {
      name: '24 GiB host with vfio loaded and no pool; no pdpe1gb → 2 MiB pages',
      sample: 'lab-intel-healthy',
      evidence: bigHost,
      expect: {
        subject: 'host',
        messageId: 'none',
        evidence: ['/proc/meminfo:1'],
        fixKinds: ['note', 'edit-file', 'run', 'reboot', 'verify'],
        commands: ['update-grub', 'hugepagesz=2M'],
      },
    },
    {
      name: "CPU with pdpe1gb → the guide's 1 GiB pages",
      sample: 'lab-hugepages-short',
      evidence: { ...bigHost, cmdline: fx('lab/intel-healthy-6.1/cmdline.txt'), hugepages: fx('hugepages/two-mb-pool.txt') },
      expect: { subject: 'host', messageId: 'none', commands: ['default_hugepagesz=1G'] },
    },
  ],
  unknown: [
    {
      name: 'no /proc/meminfo',
      sample: 'lab-intel-healthy',
      evidence: { meminfo: { status: 'denied' } },
      expect: { subject: 'host', collect: ['/proc/meminfo'] },
    },
  ],
  skip: [
    { name: '512 MiB lab VM', sample: 'lab-intel-healthy', expect: { subject: 'host', messageId: 'smallHost' } },
    {
      name: 'no VFIO module loaded',
      sample: 'lab-vfio-modules-missing',
      evidence: bigHost,
      expect: { subject: 'host', messageId: 'noPassthrough' },
    },
    {
      name: 'the command line asks for huge pages',
      sample: 'lab-hugepages-short',
      evidence: { hugepages: fx('hugepages/two-mb-pool.txt') },
      expect: { subject: 'host', messageId: 'requested' },
    },
  ],
});
