import rule from '../../rules/iommu-faults.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [{ name: 'healthy boot log', sample: 'lab-intel-healthy', expect: { subject: 'host', messageId: 'none', evidence: ['dmesg:1'] } }],
  fail: [
    {
      // linux-arm-kernel 2019-08, AMD Seattle: the firmware's legacy mmu-masters binding; the SMMU faults the NIC's DMA and names only itself.
      name: 'Arm SMMU global faults that name no PCI device: reported for the host',
      loose: ['lore-linux-arm-kernel-2019-08-amd-seattle-smmu-legacy-binding-global-fault/post1-dmesg.txt'],
      expect: { subject: 'host', messageId: 'unnamedFaults', evidence: [':1'], fixKinds: ['note', 'note'] },
    },
    {
      name: 'Intel 5.15+ format, segment taken from the inventory',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: fx('dmesg/dasharo-dmar-fault-no-pasid.txt') },
      expect: {
        messageId: 'faults',
        subject: '0000:00:02.0',
        evidence: ['dmesg:1', 'dmesg:3'],
        fixKinds: ['note', 'note', 'note', 'verify'],
      },
    },
    {
      name: 'Intel pre-5.13 format ("PASID ffffffff")',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: fx('dmesg/marvell-dmar-fault-old.txt') },
      expect: { messageId: 'faults', subject: '0000:06:00.0', evidence: ['dmesg:1', 'dmesg:3', 'dmesg:5'] },
    },
    {
      name: 'AMD IO_PAGE_FAULT with the device prefix',
      sample: 'lab-amd-healthy',
      evidence: { dmesg: fx('dmesg/dasharo-amd-vi-io-page-fault.txt') },
      expect: { messageId: 'faults', subject: '0000:01:00.0', evidence: ['dmesg:1'] },
    },
  ],
  unknown: [
    {
      name: 'a real log that starts 7.3 s after boot: no such line proves nothing',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: fx('dmesg/lkml-hisi-grep-iommu-group.txt') },
      expect: { subject: 'host', messageId: 'logIncomplete', collect: ['journalctl -k -b'] },
    },
    {
      name: 'no kernel log',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: { status: 'denied' } },
      expect: { subject: 'host', collect: ['dmesg'] },
    },
  ],
});
