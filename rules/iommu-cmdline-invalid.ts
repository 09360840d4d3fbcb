import { defineRule } from '../src/engine/define-rule.js';
import { modprobeParams, paramIssues, type ParamIssue } from '../src/facts/iommu-params.js';
import { changeKernelParams } from '../src/fixes/kernel-params.js';

// Valid values per parameter and where each was verified: src/facts/iommu-params.ts (on arm64 the x86
// IOMMU parameters are themselves the mistake). The kernel's own complaint: drivers/iommu/intel/iommu.c
// and drivers/iommu/amd/init.c "Unknown option - '%s'", init/main.c "Unknown kernel command line parameters".
const UNKNOWN_OPTION = new Set(['intel-iommu-unknown-option', 'amd-iommu-unknown-option']);
export default defineRule({
  id: 'iommu-cmdline-invalid',
  title: 'Misspelled or invalid IOMMU/VFIO parameters',
  severity: 'warning',
  tags: ['iommu', 'cmdline', 'vfio'],
  source: 'FAQ "How to enable IOMMU in the kernel (intel_iommu=on)?"',
  needs: ['host'],
  optional: ['cmdline', 'bootConfig', 'moduleConfig', 'logEvents', 'kernelIommu'],
  messages: {
    valid: 'The IOMMU and VFIO parameters on the command line and in the boot configuration are valid.',
    invalid: '{{count}} IOMMU/VFIO parameter(s) the kernel does not accept: {{list}}.',
    noCmdline:
      'The boot configuration and module options that were collected hold no invalid IOMMU/VFIO parameter, but the running command line is not known.',
  },
  check({ cmdline, host, bootConfig, moduleConfig, logEvents, kernelIommu }, r) {
    // Each source is checked when it was collected: a pasted /etc/default/grub is checked without /proc/cmdline.
    const arch = host.value.arch ?? null;
    const issues: ParamIssue[] = cmdline.state === 'known' ? paramIssues(cmdline.value.params, cmdline.value.ref, arch) : [];
    if (bootConfig.state === 'known') for (const s of bootConfig.value.sources) issues.push(...paramIssues(s.params, s.ref, arch));
    const modprobe = moduleConfig.state === 'known' ? modprobeParams(moduleConfig.value.modprobe) : [];
    const modIssues = modprobe.flatMap((m) => paramIssues([m.param], m.ref, arch));
    // The kernel's own "Unknown option - 'on'" proves the value wrong even when the command line itself was not given.
    const complained =
      logEvents.state === 'known' ? logEvents.value.events.filter((e) => UNKNOWN_OPTION.has(e.id) && e.value !== null) : [];
    const fromLog: ParamIssue[] = complained.flatMap((e) => {
      const key = e.id.startsWith('amd') ? 'amd_iommu' : 'intel_iommu';
      const ref = e.refs[0];
      return ref ? [{ raw: `${key}=${e.value}`, intended: key === 'intel_iommu' ? 'intel_iommu=on' : '', why: e.meaning, ref }] : [];
    });
    const seen = new Set<string>();
    const written = [...issues, ...modIssues];
    const all = [...written, ...fromLog.filter((l) => !written.some((i) => i.raw === l.raw))].filter(
      (i) => !seen.has(`${i.raw}@${i.ref.source}`) && seen.add(`${i.raw}@${i.ref.source}`),
    );
    if (all.length === 0 && cmdline.state === 'known') return r.pass('valid', {}, [cmdline.value.ref]);
    if (all.length === 0) return r.unknown('noCmdline', {}, ['cat /proc/cmdline']);
    // The kernel's own complaint, when it logged one (samples/lab-amd-iommu-on-invalid: "AMD-Vi: Unknown option - 'on'").
    // The generic "Unknown kernel command line parameters" and "Malformed early option" lines are cited only when they name a reported parameter.
    const names = (text: string | null): boolean => all.some((i) => (text ?? '').includes(i.raw.split('=')[0] ?? i.raw));
    const logged =
      logEvents.state === 'known'
        ? logEvents.value.events
            .filter(
              (e) =>
                ['intel-iommu-unknown-option', 'amd-iommu-unknown-option', 'vfio-pci-invalid-id', 'param-invalid-value'].includes(e.id) ||
                (e.id === 'cmdline-unknown-params' && names(e.value)) ||
                (e.id === 'cmdline-malformed-early-option' && names(e.param)),
            )
            .flatMap((e) => e.refs.slice(0, 1))
            .slice(0, 3)
        : [];
    const boot = all.filter((i) => !modIssues.includes(i));
    const raws = [...new Set(boot.map((i) => i.raw))];
    const adds = [...new Set(boot.map((i) => i.intended).filter((x) => x !== '' && !x.includes('<')))];
    const base = changeKernelParams(host.value, { add: adds, remove: raws }, 'Replace the invalid parameters with the intended spelling');
    const modSteps = modIssues.map((i) => ({
      kind: 'edit-file' as const,
      path: i.ref.source,
      change: `replace "${i.raw}" with "${i.intended.replace(/^[^.]*\./, '')}"`,
    }));
    const fix =
      boot.length > 0
        ? { ...base, steps: [...modSteps, ...base.steps], caveats: [...(base.caveats ?? []), ...all.map((i) => `${i.raw}: ${i.why}`)] }
        : {
            summary: 'Correct the module options',
            steps: [...modSteps, { kind: 'reboot' as const }],
            caveats: all.map((i) => `${i.raw}: ${i.why}`),
          };
    const list = all.map((i) => `${i.raw} (${i.ref.source}) → ${i.intended === '' ? 'remove it' : i.intended}`).join('; ');
    // The kernel ignores an amd_iommu=/intel_iommu= value it does not know; with the IOMMU shown working
    // (test/real-cases/cases/github-yyu-vm-x570-rx570-win10-vfio-healthy: amd_iommu=on, groups present) the
    // parameter does nothing, and passthrough is not at stake.
    const inert = kernelIommu.state === 'known' && kernelIommu.value.active && all.every((i) => /^(?:amd|intel)_iommu=/.test(i.raw));
    return r.fail(
      'invalid',
      { count: all.length, list },
      [...all.map((i) => i.ref), ...logged],
      fix,
      inert ? { severity: 'info', severityReason: 'the IOMMU works anyway: the kernel ignores the value, so it changes nothing' } : {},
    );
  },
});
