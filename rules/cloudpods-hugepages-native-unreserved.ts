import { defineRule } from '../src/engine/define-rule.js';
import { hostConfSetting, hostServiceLines } from '../src/facts/cloudpods-lookup.js';
import { checkHostServiceLog, editHostConf, restartHostService } from '../src/fixes/cloudpods.js';
import { changeKernelParams } from '../src/fixes/kernel-params.js';

// pkg/hostman/hostinfo/hostinfo.go prepareEnv: with hugepages_option native the pool of
// hugepage_size_mb*1024 kB must be non-zero, else `hugepage %d nr 0` and the host service stops
// (host_services.go: "Host instance init error: …"); GetNodeHugepages needs each node's pool directory.
export default defineRule({
  id: 'cloudpods-hugepages-native-unreserved',
  title: 'hugepages_option: native without the huge page pool the host service needs',
  severity: 'error',
  tags: ['cloudpods', 'hugepages'],
  appliesTo: 'cloudpods',
  source: 'yunionio/cloudpods pkg/hostman/hostinfo/hostinfo.go prepareEnv, GetNodeHugepages',
  needs: ['cloudpods', 'host'],
  optional: ['hugepages', 'cpu', 'cmdline', 'logEvents'],
  messages: {
    noConf: '/etc/yunion/host.conf could not be read: {{reason}}',
    notNative: 'hugepages_option is {{value}}: the host service does not need a reserved pool.',
    noPools: 'hugepages_option is native, but the huge page pools (/sys/kernel/mm/hugepages) were not collected.',
    reserved: '{{pages}} huge pages of {{sizeMb}} MiB are reserved on every NUMA node, as hugepages_option: native needs.',
    unreserved:
      'hugepages_option: native needs huge pages of {{sizeMb}} MiB, but {{why}}: the host service stops at start with "hugepage {{sizeMb}} nr 0"{{cpu}}.',
  },
  check({ cloudpods, hugepages, host, cpu, cmdline, logEvents }, r) {
    const cp = cloudpods.value;
    // The host service's own "hugepage N nr 0" proves native mode without a pool, whatever else is missing.
    const nrZero = logEvents.state === 'known' ? logEvents.value.events.find((e) => e.id === 'cloudpods-hugepage-nr-zero') : undefined;
    if (!cp.hostConf && !nrZero)
      return r.unknown('noConf', { reason: cp.hostConfMissing?.reason ?? '' }, cp.hostConfMissing?.collect ?? []);
    const opt = hostConfSetting(cp, 'hugepages_option');
    if (opt?.value !== 'native' && !nrZero)
      return r.pass('notNative', { value: opt?.value ?? 'transparent (the default)' }, opt ? [opt.ref] : cloudpods.evidence);
    const sizeMb = Number(nrZero?.value ?? hostConfSetting(cp, 'hugepage_size_mb')?.value ?? '1024');
    if (hugepages.state === 'unknown' && !nrZero) return r.unknown('noPools', {}, hugepages.collect);
    const pools = hugepages.state === 'known' ? hugepages.value.pools.filter((p) => p.sizeKb === sizeMb * 1024) : [];
    const global = pools.find((p) => p.node === null);
    const nodes = pools.filter((p) => p.node !== null);
    const emptyNode = nodes.find((p) => p.total === 0);
    if (global && global.total > 0 && !emptyNode && !nrZero)
      return r.pass('reserved', { pages: global.total, sizeMb }, [...(opt ? [opt.ref] : []), ...pools.map((p) => p.ref)]);
    const why =
      hugepages.state === 'unknown'
        ? `the host service found no pool of ${sizeMb} MiB pages`
        : !global
          ? `the kernel has no ${sizeMb} MiB page size`
          : global.total === 0
            ? `none of ${sizeMb} MiB are reserved`
            : `NUMA node ${emptyNode?.node} has none`;
    const noPdpe = sizeMb === 1024 && cpu.state === 'known' && !cpu.value.hasPdpe1gb;
    const svc = cp.hugetlbService;
    const died = hostServiceLines(logEvents, ['cloudpods-hugepage-nr-zero'], (e) => e.value === String(sizeMb)).concat(
      hostServiceLines(logEvents, ['cloudpods-node-no-hugepages']),
    );
    const label = sizeMb % 1024 === 0 ? `${sizeMb / 1024}G` : `${sizeMb}M`;
    const hasParams =
      cmdline.state === 'known' && cmdline.value.params.some((p) => p.key === 'hugepagesz' && (p.value ?? '').toUpperCase() === label);
    // One kernel-parameter change, used whole: its edit and regenerate steps, then the unit, one reboot and the checks.
    const params = changeKernelParams(
      host.value,
      { add: hasParams ? [] : [`hugepagesz=${label}`, `default_hugepagesz=${label}`], remove: [] },
      `Reserve ${label} pages at boot`,
    );
    return r.fail(
      'unreserved',
      { sizeMb, why, cpu: noPdpe ? '; this CPU lacks pdpe1gb, so it cannot have 1 GiB pages at all' : '' },
      [
        ...(opt ? [opt.ref] : []),
        ...pools.map((p) => p.ref),
        ...(svc?.refs ?? []),
        ...(noPdpe && cpu.state === 'known' ? [cpu.value.flagsRef] : []),
        ...died,
      ],
      noPdpe || (svc !== null && svc.reserveScript === false)
        ? {
            summary: 'Switch the host service to transparent huge pages',
            steps: [
              editHostConf({ key: 'hugepages_option', value: 'transparent' }),
              ...restartHostService(),
              checkHostServiceLog('no "hugepage … nr 0" line'),
            ],
            caveats: noPdpe
              ? []
              : [
                  'ocboot installs oc-hugetlb-gigantic-pages.service and /usr/lib/systemd/oc-hugetlb-reserve-pages.sh; copy them from another host and enable the unit to keep native (Cloudpods issue 19281).',
                ],
          }
        : {
            summary: `${params.summary} with the oc-hugetlb unit`,
            steps: [
              ...(hasParams ? [] : params.steps.filter((s) => s.kind !== 'reboot' && s.kind !== 'verify')),
              {
                kind: 'run',
                command: 'systemctl enable oc-hugetlb-gigantic-pages.service',
                why: 'reserves the pool at boot (its script runs only when host.conf says hugepages_option native)',
              },
              { kind: 'reboot' },
              {
                kind: 'verify',
                command: `cat /sys/kernel/mm/hugepages/hugepages-${sizeMb * 1024}kB/nr_hugepages`,
                expect: 'a number above 0',
              },
              checkHostServiceLog(`no "hugepage ${sizeMb} nr 0" line`),
            ],
          },
    );
  },
});
