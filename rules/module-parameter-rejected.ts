import { defineRule } from '../src/engine/define-rule.js';
import { collectFor, describeGaps } from '../src/facts/fact.js';
import { eventsOf } from '../src/facts/log-events.js';
import { moduleKey } from '../src/parsers/module-name.js';
import { rejectedParamFix } from '../src/fixes/log-fault-fixes.js';

// kernel/params.c parse_args / module loading, and drivers' own range checks: src/log-catalog/module-params.ts.
// vfio-pci's "invalid id string" is iommu-cmdline-invalid's.
const OWN_RULE = new Set(['vfio-pci-invalid-id']);

export default defineRule({
  id: 'module-parameter-rejected',
  title: 'A module rejected a parameter set for it',
  severity: 'warning',
  tags: ['modules', 'kernel-log'],
  source: 'Kernel log: kernel/params.c ("unknown parameter \u2026 ignored", "invalid for parameter")',
  needs: ['logEvents'],
  optional: ['moduleConfig', 'cmdline'],
  messages: {
    logIncomplete: 'No rejected parameter in the logs, but {{missing}}, so its absence proves nothing.',
    none: 'The logs show no rejected module parameter.',
    rejected: '{{module}} rejected {{param}}: {{meaning}} The setting has no effect.',
  },
  check({ logEvents, moduleConfig, cmdline }, r) {
    const rejected = eventsOf(logEvents.value, ['module-param-rejected']).filter((e) => !OWN_RULE.has(e.id));
    if (rejected.length === 0 && logEvents.gaps.length > 0)
      return r.unknown('logIncomplete', { missing: describeGaps(logEvents.gaps) }, collectFor(logEvents.gaps));
    if (rejected.length === 0) return r.pass('none', {}, logEvents.evidence);
    return rejected.map((e) => {
      const mod = e.module === null ? null : moduleKey(e.module.trim());
      const param = e.param;
      // Where it is set: `options <module> <param>=` in modprobe.d, or `<module>.<param>=` on the command line.
      const inModprobe =
        moduleConfig.state === 'known' && mod !== null
          ? moduleConfig.value.modprobe.filter((d) => d.kind === 'options' && d.module === mod && d.params.some((p) => p.key === param))
          : [];
      const onCmdline = cmdline.state === 'known' && mod !== null && cmdline.value.params.some((p) => p.key === `${mod}.${param ?? ''}`);
      const setIn = [...inModprobe.map((d) => d.ref.source), ...(onCmdline && cmdline.state === 'known' ? [cmdline.value.ref.source] : [])];
      return r.fail(
        'rejected',
        { module: mod ?? 'a module', param: param ?? e.value ?? 'a parameter', meaning: e.meaning },
        [...e.refs, ...inModprobe.map((d) => d.ref), ...(onCmdline && cmdline.state === 'known' ? [cmdline.value.ref] : [])],
        rejectedParamFix(mod, param, setIn),
      );
    });
  },
});
