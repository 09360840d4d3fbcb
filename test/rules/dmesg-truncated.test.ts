import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rule from '../../rules/dmesg-truncated.js';
import { fx, ROOT } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

const labDmesg = readFileSync(join(ROOT, 'samples/lab-intel-healthy/evidence/commands/dmesg.out'), 'utf8');

ruleTester(rule, {
  pass: [
    {
      name: 'dmesg starts at [0.000000]',
      sample: 'lab-intel-healthy',
      expect: { subject: 'host', messageId: 'complete', evidence: ['dmesg:1'] },
    },
  ],
  fail: [
    {
      name: 'a log that starts 7.3 s after boot (LKML paste)',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: fx('dmesg/lkml-hisi-grep-iommu-group.txt') },
      expect: {
        subject: 'host',
        messageId: 'rotated',
        evidence: ['dmesg:1'],
        fixKinds: ['run', 'note', 'verify'],
        commands: ['journalctl -k -b'],
      },
    },
    {
      // A Proxmox VE 6.2 `dmesg | grep -e DMAR -e IOMMU` (magole/ProxmoxVE): boot-time stamps, no banner.
      name: 'a grep of a boot log: an excerpt, not a wrapped ring buffer',
      loose: ['github-magole-proxmoxve-62-zfs-systemd-boot-healthy/dmesg-grep-dmar-iommu.txt'],
      expect: { subject: 'host', messageId: 'part', fixKinds: ['run', 'note', 'verify'] },
    },
    {
      name: 'dmesg cut at the size limit',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: { status: 'truncated', text: labDmesg } },
      expect: { subject: 'host', messageId: 'capped' },
    },
  ],
  unknown: [{ name: 'dmesg denied, no journal', sample: 'lab-non-root', expect: { subject: 'host', collect: ['sudo dmesg'] } }],
});
