import { defineRule } from '../src/engine/define-rule.js';
import { hugepageRequests } from '../src/facts/hugepage-request.js';
import { reserveHugepages } from '../src/fixes/hugepages.js';

/** Below this much memory a static reservation costs the host more than it gives the guests. */
const MIN_MEMORY_KB = 4 * 1024 * 1024;

export default defineRule({
  id: 'hugepages-not-configured',
  title: 'No huge pages are reserved for guest memory',
  severity: 'info',
  tags: ['memory', 'hugepages'],
  source: 'Guide "Configure huge pages" (default_hugepagesz=1G hugepagesz=1G hugepages=N)',
  needs: ['hugepages', 'meminfo', 'host'],
  optional: ['cmdline', 'modules', 'cpu'],
  messages: {
    reserved: '{{count}} huge pages of {{size}} kB are reserved.',
    none: 'No huge pages are reserved: guests with passed-through devices pin all their memory, and backing it with {{size}} pages avoids TLB pressure and keeps the pinned memory contiguous.',
    smallHost: 'The host has {{mib}} MiB of memory: a static huge page reservation is not worth it below 4 GiB.',
    noPassthrough: 'No VFIO module is loaded: the host does not pass devices through yet.',
    requested: 'The command line asks for huge pages (see hugepages-short).',
  },
  check({ hugepages, meminfo, host, cmdline, modules, cpu }, r) {
    const used = hugepages.value.pools.find((p) => p.total > 0);
    if (used) return r.pass('reserved', { count: used.total, size: used.sizeKb }, [used.ref]);
    if (cmdline.state === 'known' && hugepageRequests(cmdline.value.params).length > 0) return r.skip('requested', {});
    const total = meminfo.value['MemTotal'] ?? 0;
    if (total < MIN_MEMORY_KB) return r.skip('smallHost', { mib: Math.round(total / 1024) });
    if (modules.state === 'known' && !modules.value.loaded.some((m) => m.startsWith('vfio'))) return r.skip('noPassthrough', {});
    const gigantic = cpu.state === 'known' && cpu.value.hasPdpe1gb;
    return r.fail(
      'none',
      { size: gigantic ? '1 GiB' : '2 MiB' },
      [...hugepages.evidence, ...meminfo.evidence],
      reserveHugepages(host.value, gigantic),
    );
  },
});
