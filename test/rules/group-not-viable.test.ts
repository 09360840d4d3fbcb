import rule from '../../rules/group-not-viable.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'NIC alone in its group behind its own root port',
      sample: 'lab-intel-healthy',
      expect: { messageId: 'viable', subject: '0000:01:00.0', evidence: ['sysfs PCI inventory'] },
    },
    {
      name: 'ICH9 SATA function named with --device: its group siblings have no driver',
      sample: 'lab-group-shared',
      devices: ['0000:00:1f.2'],
      expect: { messageId: 'viable', subject: '0000:00:1f.2' },
    },
  ],
  fail: [
    {
      // pcengines/apu2-documentation#236: QEMU's own refusal, as libvirt logged it; no inventory needed.
      name: 'QEMU says the group is not viable',
      sample: 'lab-intel-healthy',
      evidence: {
        'qemu-logs': {
          status: 'ok',
          text: fx('../real-cases/cases/github-pcengines-apu2-documentation-236-group-not-viable/qemu-error.txt'),
          name: 'apu.log',
        },
      },
      expect: { messageId: 'vmmRefused', subject: '0000:04:00.0', evidence: ['apu.log:1'], fixKinds: ['run', 'note', 'verify'] },
    },
    {
      // A published lspci -nnk (GTX 1650 on nvidia, its audio function on snd_hda_intel) with no group
      // listing: the audio function shares the GPU's slot, so it is a companion that blocks.
      name: 'no group data: the other functions of the slot are its companions',
      sample: 'derived-gpu-host-driver-loaded',
      devices: ['0000:01:00.0'],
      evidence: { 'iommu-groups': { status: 'not-collected' }, dmesg: { status: 'not-collected' } },
      expect: { messageId: 'slotShared', subject: '0000:01:00.0', evidence: ['lspci -nnk:'] },
    },
    {
      name: 'two e1000 behind one conventional PCI bridge: 03:02.0 stays on e1000',
      sample: 'lab-group-shared',
      expect: {
        messageId: 'blocked',
        subject: '0000:03:01.0',
        evidence: ['sysfs PCI inventory'],
        fixKinds: ['note', 'reboot', 'verify'],
        commands: ['pcie-root-port', 'ls /sys/kernel/iommu_groups/4/devices'],
      },
    },
  ],
  unknown: [
    {
      name: 'no PCI inventory and no refusal in any log',
      sample: 'lab-intel-healthy',
      evidence: { 'pci-sysfs': { status: 'denied' }, 'lspci-nnk': { status: 'no-command' }, 'lspci-vvv': { status: 'no-command' } },
      expect: { messageId: 'noInventory', subject: 'host', collect: ['lspci -nnk'] },
    },
    {
      // `lspci -nnk -s 03:01.0` prints only that device's block: its group companion 03:02.0 (on
      // e1000 in this boot) is in the group listing but in no inventory, so nothing proves the group clean.
      name: 'a group member the PCI inventory does not show is never taken as harmless',
      sample: 'lab-group-shared',
      devices: ['0000:03:01.0'],
      evidence: {
        'pci-sysfs': { status: 'not-collected' },
        'lspci-vvv': { status: 'not-collected' },
        'lspci-nnk': fx('../../samples/lab-group-shared/evidence/commands/lspci-nnk.out').split('\n').slice(29, 33).join('\n') + '\n',
      },
      expect: { messageId: 'membersUnlisted', subject: '0000:03:01.0', collect: ['lspci -nnk'] },
    },
    {
      name: 'IOMMU off in the firmware: no groups',
      sample: 'lab-intel-firmware-off',
      expect: { messageId: 'noGroups', subject: '0000:01:00.0', collect: ['/sys/kernel/iommu_groups'] },
    },
  ],
});
