import rule from '../../rules/vfio-virqfd-obsolete.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: '6.12 without vfio_virqfd in the list',
      sample: 'lab-intel-healthy-6.12',
      expect: { subject: 'host', messageId: 'notListed', evidence: ['uname -srvm:'] },
    },
    { name: '6.1 without it: loaded as a dependency', sample: 'lab-intel-healthy', expect: { subject: 'host', messageId: 'notListed' } },
    {
      name: "6.1 with the guide's four-module list",
      sample: 'lab-intel-healthy',
      evidence: { 'modules-load-d': fx('modules-load-d/seed-vfio.conf') },
      expect: { subject: 'host', messageId: 'listedOld', evidence: ['/etc/modules-load.d/test.conf:'] },
    },
  ],
  fail: [
    {
      name: '6.12 with vfio_virqfd in modules-load.d',
      sample: 'lab-virqfd-obsolete-6.12',
      expect: {
        subject: 'host',
        messageId: 'obsolete',
        evidence: ['/etc/modules-load.d/vfio.conf:4', 'uname -srvm:'],
        fixKinds: ['edit-file', 'verify'],
        commands: ['vfio_virqfd'],
      },
    },
  ],
  // The kernel release also comes from the manifest's `kernel` field and module configuration is
  // known whenever a manifest exists, so no collector bundle leaves this rule unknown.
  unknown: [],
});
