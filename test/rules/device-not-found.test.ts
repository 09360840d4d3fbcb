import rule from '../../rules/device-not-found.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'the named NIC is in the inventory',
      sample: 'lab-intel-healthy',
      devices: ['0000:01:00.0'],
      expect: { subject: 'host', messageId: 'found' },
    },
  ],
  fail: [
    {
      // The lab host has no device at 42:00.0: a collector's inventory lists every enumerated device.
      name: 'an address the collected inventory does not hold',
      sample: 'lab-intel-healthy',
      devices: ['0000:42:00.0'],
      expect: { subject: 'host', messageId: 'missing', fixKinds: ['run', 'note'], commands: ['lspci -nn'] },
    },
  ],
  unknown: [
    {
      // The poster bound 00:16.3 but pasted `lspci -vv -n -s 0000:00:16.0` only.
      name: 'a paste that shows another device only',
      loose: ['github-chester-gillon-fpga-sio-z640-kt-serial-group-mei-not-viable/lspci-vv-mei-same-group.txt'],
      devices: ['0000:00:16.3'],
      expect: { subject: 'host', messageId: 'notGiven', collect: ['lspci -nnk'] },
    },
  ],
  skip: [{ name: 'no device named', sample: 'lab-intel-healthy', expect: { subject: 'host', messageId: 'none' } }],
});
