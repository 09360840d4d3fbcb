import { defineRule } from '../src/engine/define-rule.js';
import { probeFailures } from '../src/facts/device-log.js';
import { collectFor, describeGaps } from '../src/facts/fact.js';
import { firmwareDescribesIommu } from '../src/facts/firmware-iommu.js';
import { isBridge, deviceByAddress } from '../src/facts/pci.js';
import { errnoName, probeFix, type ProbeCause } from '../src/fixes/probe-failure.js';

export default defineRule({
  id: 'vfio-probe-failed',
  title: 'vfio-pci failed to take a device',
  severity: 'error',
  tags: ['device', 'vfio', 'kernel-log'],
  source: 'Kernel log "vfio-pci: probe of … failed with error N" (drivers/base/dd.c call_driver_probe)',
  needs: ['logEvents', 'host'],
  optional: ['pci', 'targets', 'firmwareIommu', 'cmdline'],
  messages: {
    logIncomplete: 'No such line in the logs, but {{missing}}, so its absence proves nothing.',
    noFailure: 'The kernel log shows no failed vfio-pci probe.',
    failed: 'vfio-pci could not bind {{address}}: error {{errno}} ({{name}}), {{cause}}.',
  },
  check({ logEvents, host, pci, firmwareIommu, cmdline }, r) {
    const failures = probeFailures(logEvents.value, 'vfio-pci');
    if (failures.length === 0 && logEvents.gaps.length > 0)
      return r.unknown('logIncomplete', { missing: describeGaps(logEvents.gaps) }, collectFor(logEvents.gaps));
    if (failures.length === 0) return r.pass('noFailure', {}, logEvents.evidence);
    const seen = new Set<string>();
    return failures
      .filter((f) => !seen.has(f.address) && seen.add(f.address))
      .map((f) => {
        const dev = pci.state === 'known' ? deviceByAddress(pci.value).get(f.address) : undefined;
        const said = (fault: string): boolean => f.context.some((c) => c.fault === fault);
        const cause: ProbeCause =
          f.errno === -16
            ? 'sriov-enabled'
            : f.errno === -12
              ? 'no-memory'
              : f.errno !== -22
                ? 'other'
                : said('vfio-device-denied')
                  ? 'denylisted'
                  : f.context.some((c) => c.id === 'arm-smmu-v3-stream-in-tree')
                    ? 'stream-alias'
                    : dev && isBridge(dev)
                      ? 'bridge'
                      : 'no-iommu-group';
        const text: Record<ProbeCause, string> = {
          'no-iommu-group': 'the device has no IOMMU group: the IOMMU is off or does not cover it',
          'stream-alias':
            'the SMMU refused the device: its stream ID (the requester ID of the PCI bridge it sits behind) already belongs to another device, so it has no IOMMU group',
          bridge: 'the device is a bridge, which vfio-pci never takes',
          denylisted: "the device is on vfio-pci's denylist",
          'sriov-enabled': 'it is an SR-IOV physical function with VFs enabled',
          'no-memory': 'the kernel ran out of memory',
          other: 'see the kernel log lines before it',
        };
        const evidence = [f.ref, ...f.context.flatMap((c) => c.refs.slice(0, 1)), ...(dev ? [dev.refs[0]!] : [])];
        const fix = probeFix(cause, host.value, f.address, {
          firmwareTable: firmwareIommu.state === 'known' ? firmwareDescribesIommu(firmwareIommu.value) : null,
          params: cmdline.state === 'known' ? cmdline.value.params : [],
        });
        return r.fail('failed', { address: f.address, errno: f.errno, name: errnoName(f.errno), cause: text[cause] }, evidence, fix, {
          device: f.address,
        });
      });
  },
});
