import { defineRule } from '../src/engine/define-rule.js';
import { hugepageRequests, sizeLabel } from '../src/facts/hugepage-request.js';
import { fewerHugepages } from '../src/fixes/hugepages.js';
import { changeKernelParams } from '../src/fixes/kernel-params.js';

export default defineRule({
  id: 'hugepages-short',
  title: 'Fewer huge pages were reserved than the kernel command line asks for',
  severity: 'warning',
  tags: ['memory', 'hugepages'],
  source: 'Guide "Configure huge pages" (default_hugepagesz=1G hugepagesz=1G hugepages=N)',
  needs: ['cmdline', 'host'],
  optional: ['hugepages', 'logEvents'],
  messages: {
    reserved: 'The kernel reserved every huge page the command line asks for ({{pools}}).',
    short:
      'The command line asks for {{wanted}} huge pages of {{size}} ({{raw}}) but the kernel reserved {{got}}: guests backed by them will fail to start or fall back to normal pages.',
    noRequest: 'The kernel command line does not ask for huge pages.',
    sizeRejected:
      'The kernel rejected the huge page size on its command line ({{raw}}): "{{line}}". No page of that size is reserved; a CPU without pdpe1gb has no 1 GiB pages at all.',
    noPools: 'The command line asks for huge pages, but the pools (/sys/kernel/mm/hugepages) were not collected.',
  },
  check({ cmdline, hugepages, host, logEvents }, r) {
    // "hugepagesz: Unsupported page size 1024 M" / "HugeTLB: unsupported hugepagesz=1G" (mm/hugetlb.c).
    const rejected =
      logEvents.state === 'known'
        ? logEvents.value.events.filter((e) => e.fault === 'hugepage-failed' && e.id.startsWith('hugetlb-unsupported'))
        : [];
    const sizeParams = cmdline.value.params.filter((p) => p.key === 'hugepagesz' || p.key === 'default_hugepagesz');
    if (rejected.length > 0 && sizeParams.length > 0) {
      const raws = sizeParams.map((p) => p.raw);
      return r.fail(
        'sizeRejected',
        { raw: raws.join(' '), line: rejected[0]?.refs[0]?.text ?? '' },
        [cmdline.value.ref, ...rejected.flatMap((e) => e.refs.slice(0, 1))],
        changeKernelParams(
          host.value,
          { add: [], remove: raws },
          'Drop the page size this CPU does not have (use 2 MiB pages or transparent huge pages)',
        ),
      );
    }
    const requests = hugepageRequests(cmdline.value.params);
    if (requests.length === 0) return r.skip('noRequest', {});
    if (hugepages.state === 'unknown') return r.unknown('noPools', {}, hugepages.collect);
    const global = hugepages.value.pools.filter((p) => p.node === null);
    const out = requests.map((q) => {
      const pool = global.find((p) => p.sizeKb === q.sizeKb);
      const got = pool?.total ?? 0;
      const evidence = [cmdline.value.ref, ...(pool ? [pool.ref] : hugepages.evidence)];
      if (got >= q.count) return r.pass('reserved', { pools: `${got} × ${sizeLabel(q.sizeKb)}` }, evidence);
      return r.fail(
        'short',
        { wanted: q.count, size: sizeLabel(q.sizeKb), raw: q.raw, got },
        evidence,
        fewerHugepages(host.value, q.sizeKb, q.count, got, pool !== undefined, q.raw, q.sizeRaw),
      );
    });
    return out;
  },
});
