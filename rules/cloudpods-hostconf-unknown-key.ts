import { defineRule } from '../src/engine/define-rule.js';
import { HOST_CONF_KEYS, normaliseHostConfKey, suggestHostConfKey } from '../src/facts/cloudpods-host-options.js';
import { hostServiceLines } from '../src/facts/cloudpods-lookup.js';
import { checkHostServiceLog, editHostConf, restartHostService } from '../src/fixes/cloudpods.js';

// structarg ignores a key it cannot match and only logs `Cannot find argument <token>`
// (vendor/yunion.io/x/structarg/structarg.go parseJSONKeyValue); accepted keys: src/facts/cloudpods-host-options.ts.
export default defineRule({
  id: 'cloudpods-hostconf-unknown-key',
  title: 'host.conf sets a key the Cloudpods host service does not read',
  severity: 'warning',
  tags: ['cloudpods', 'host-conf'],
  appliesTo: 'cloudpods',
  source: 'yunionio/cloudpods pkg/hostman/options/options.go; guides: hugepage (hugepages_options), vGPU (AMDVgpuPFs)',
  needs: ['cloudpods'],
  optional: ['logEvents'],
  messages: {
    noConf: '/etc/yunion/host.conf could not be read: {{reason}}',
    allKnown: 'Every key in /etc/yunion/host.conf is one the host service reads.',
    onlyUnrelated:
      '{{count}} key(s) in host.conf are not host service options ({{keys}}); they are ignored, and none looks like a misspelt option.',
    misspelt: 'host.conf sets {{list}}: the host service ignores these keys (it logs "Cannot find argument …") and keeps the defaults.',
  },
  check({ cloudpods, logEvents }, r) {
    const cp = cloudpods.value;
    if (!cp.hostConf) return r.unknown('noConf', { reason: cp.hostConfMissing?.reason ?? '' }, cp.hostConfMissing?.collect ?? []);
    const unknown = cp.hostConf.filter((s) => !HOST_CONF_KEYS.has(normaliseHostConfKey(s.key)));
    if (unknown.length === 0) return r.pass('allKnown', {}, cloudpods.evidence);
    const misspelt = unknown.map((s) => ({ s, want: suggestHostConfKey(s.key) })).filter((x) => x.want !== null);
    if (misspelt.length === 0)
      return r.pass(
        'onlyUnrelated',
        { count: unknown.length, keys: unknown.map((s) => s.key).join(', ') },
        unknown.map((s) => s.ref),
      );
    const logged = hostServiceLines(logEvents, ['cloudpods-unknown-config-key'], (e) =>
      misspelt.some((x) => e.param !== null && normaliseHostConfKey(e.param) === normaliseHostConfKey(x.s.key)),
    );
    return r.fail(
      'misspelt',
      { list: misspelt.map((x) => `${x.s.key} (the host service reads ${x.want})`).join(', ') },
      [...misspelt.map((x) => x.s.ref), ...logged],
      {
        summary: 'Use the spelling the host service reads, then restart it',
        steps: [
          ...misspelt.map((x) => editHostConf({ rename: x.s.key, to: x.want ?? '' })),
          ...restartHostService(),
          checkHostServiceLog(
            `no "Cannot find argument ${misspelt[0]?.want?.replace(/_/g, '-') ?? ''}" line; no "Cannot find argument" for the renamed keys`,
          ),
        ],
      },
    );
  },
});
