import { defineRule } from '../src/engine/define-rule.js';
import { bootLoader, cmdlineLoads, handBoundDevices, VFIO_MODULES } from '../src/facts/vfio-persistence.js';
import { persistVfioModules } from '../src/fixes/vfio-modules.js';

export default defineRule({
  id: 'vfio-modules-not-persistent',
  title: 'The VFIO modules are loaded now but nothing loads them at boot',
  severity: 'warning',
  tags: ['vfio', 'modules', 'persistence'],
  source: 'FAQ "How to load the vfio modules?" (/etc/modules-load.d/vfio.conf)',
  needs: ['modules', 'moduleConfig', 'host'],
  optional: ['cmdline', 'kernelConfig', 'pci', 'targets'],
  messages: {
    persistent: 'vfio_pci is loaded at boot ({{via}}); it brings vfio and vfio_iommu_type1 with it.',
    notPersistent:
      '{{loaded}} loaded now, but no modules-load.d, /etc/modules, dracut or initramfs-tools entry, softdep or command-line option loads vfio_pci at boot: after a reboot the devices fall back to their host drivers.',
    handBound:
      '{{loaded}} loaded now, but nothing loads vfio_pci at boot, and {{devices}} {{verb}} on vfio-pci through a driver_override that nothing writes at boot (no vfio-pci ids= entry for {{its}} id, no install vfio-pci line): after a reboot {{its}} host driver takes {{them}} back.',
    notLoaded: 'The VFIO modules are not loaded (see vfio-modules-missing).',
    configIncomplete: 'No entry seen loads vfio_pci at boot, but {{missing}}, so one may exist there.',
  },
  check({ modules, moduleConfig, host, cmdline, kernelConfig, pci, targets }, r) {
    const m = modules.value;
    const loaded = VFIO_MODULES.filter((x) => m.loaded.includes(x));
    if (loaded.length === 0) return r.skip('notLoaded', {});
    const params = cmdline.state === 'known' ? cmdline.value.params : [];
    const cfg = kernelConfig.state === 'known' ? kernelConfig.value : null;
    const boot = bootLoader('vfio_pci', m, moduleConfig.value, cfg);
    const shown = { despiteGaps: 'the line that loads vfio_pci at boot is in the evidence' };
    if (boot) return r.pass('persistent', { via: boot.via }, [boot.ref], shown);
    const onCmdline = cmdlineLoads('vfio_pci', params);
    if (onCmdline && cmdline.state === 'known') return r.pass('persistent', { via: onCmdline.raw }, [cmdline.value.ref], shown);
    // A configuration file that was not read whole may hold the entry: no failure without it.
    const gaps = [...moduleConfig.gaps, ...(cmdline.state === 'known' ? cmdline.gaps : [])];
    if (gaps.length > 0)
      return r.unknown('configIncomplete', { missing: gaps.map((g) => `${g.source} ${g.why}`).join('; ') }, [
        ...new Set(gaps.flatMap((g) => g.collect)),
      ]);
    const refs = loaded.flatMap((x) => (m.refs[x] ? [m.refs[x]] : []));
    const loadedText = `${loaded.join(', ')} ${loaded.length === 1 ? 'is' : 'are'}`;
    const bound =
      pci.state === 'known' && targets.state === 'known'
        ? handBoundDevices(pci.value.devices, targets.value.vfioIds, moduleConfig.value)
        : [];
    if (bound.length === 0)
      return r.fail('notPersistent', { loaded: loadedText }, [...refs, ...moduleConfig.evidence], persistVfioModules(host.value));
    const one = bound.length === 1;
    return r.fail(
      'handBound',
      {
        loaded: loadedText,
        devices: bound.map((d) => d.address).join(', '),
        verb: one ? 'is' : 'are',
        its: one ? 'its' : 'their',
        them: one ? 'it' : 'them',
      },
      [...refs, ...bound.flatMap((d) => d.refs.slice(0, 1)), ...moduleConfig.evidence],
      persistVfioModules(host.value, bound),
    );
  },
});
