import { defineRule } from '../src/engine/define-rule.js';
import { hugepageRequests, sizeLabel } from '../src/facts/hugepage-request.js';
import { fewerHugepages } from '../src/fixes/hugepages.js';

export default defineRule({
  id: 'hugepages-short',
  title: 'Fewer huge pages were reserved than the kernel command line asks for',
  severity: 'warning',
  tags: ['memory', 'hugepages'],
  source: 'Guide "Configure huge pages" (default_hugepagesz=1G hugepagesz=1G hugepages=N)',
  needs: ['cmdline', 'hugepages', 'host'],
  messages: {
    reserved: 'The kernel reserved every huge page the command line asks for ({{pools}}).',
    short:
      'The command line asks for {{wanted}} huge pages of {{size}} ({{raw}}) but the kernel reserved {{got}}: guests backed by them will fail to start or fall back to normal pages.',
    noRequest: 'The kernel command line does not ask for huge pages.',
  },
  check({ cmdline, hugepages, host }, r) {
    const requests = hugepageRequests(cmdline.value.params);
    if (requests.length === 0) return r.skip('noRequest', {});
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
        fewerHugepages(host.value, q.sizeKb, q.count, got, pool !== undefined, q.raw),
      );
    });
    return out;
  },
});
