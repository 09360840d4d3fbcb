import { defineRule } from '../src/engine/define-rule.js';
import { collectFor, describeGaps } from '../src/facts/fact.js';
import { eventsOf } from '../src/facts/log-events.js';
import { memlockFix } from '../src/fixes/log-fault-fixes.js';

// drivers/vfio/vfio_iommu_type1.c vfio_lock_acct / vfio_pin_pages_remote: "RLIMIT_MEMLOCK (%ld) exceeded";
// QEMU's VFIO_MAP_DMA failing with "Cannot allocate memory" is the same limit seen from the VMM.
export default defineRule({
  id: 'vfio-memlock-limit',
  title: 'VFIO could not pin guest memory: the VMM may lock too little memory',
  severity: 'error',
  tags: ['vfio', 'memory', 'kernel-log'],
  source: 'Kernel log: drivers/vfio/vfio_iommu_type1.c "RLIMIT_MEMLOCK (N) exceeded"',
  needs: ['logEvents'],
  messages: {
    logIncomplete: 'No locked-memory failure in the logs, but {{missing}}, so its absence proves nothing.',
    none: 'The logs show no locked-memory failure of VFIO.',
    exceeded:
      'VFIO could not pin guest memory: the process starting the VM may lock only {{limit}} ({{count}} line(s)), less than the guest memory it must pin.',
  },
  check({ logEvents }, r) {
    const over = eventsOf(logEvents.value, ['memlock-exceeded']);
    const mapFailed = eventsOf(logEvents.value, ['dma-map-failed']).filter((e) => /cannot allocate memory/i.test(e.errno ?? e.value ?? ''));
    const all = [...over, ...mapFailed];
    if (all.length === 0 && logEvents.gaps.length > 0)
      return r.unknown('logIncomplete', { missing: describeGaps(logEvents.gaps) }, collectFor(logEvents.gaps));
    if (all.length === 0) return r.pass('none', {}, logEvents.evidence);
    const limit = over[0]?.value;
    return r.fail(
      'exceeded',
      {
        limit: limit === undefined || limit === null ? 'less than it needs' : `${limit} bytes`,
        count: all.reduce((n, e) => n + e.count, 0),
      },
      all.flatMap((e) => e.refs),
      memlockFix(),
    );
  },
});
