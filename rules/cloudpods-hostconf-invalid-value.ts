import { defineRule } from '../src/engine/define-rule.js';
import { deviceAt, listItems, nvmeEntries, PF_ADDR } from '../src/facts/cloudpods-devices.js';
import { hostConfSetting, hostServiceLines } from '../src/facts/cloudpods-lookup.js';
import { checkHostServiceLog, editHostConf, restartHostService } from '../src/fixes/cloudpods.js';

// hostinfo.go prepareEnv: hugepages_option other than disable|native|transparent → `Invalid hugepages option`
// (host start fails); isolated_device.go probeAMDVgpus/probeNVIDIAVgpus: PF regexp, else `invaild input pci
// address`; storageman/core.go: ptnvme_configs `<addr>/<size>` (size ^\d+[bBkKmMgG]?$), else the service stops.
export default defineRule({
  id: 'cloudpods-hostconf-invalid-value',
  title: 'host.conf gives a device or hugepage option a value the Cloudpods host service rejects',
  severity: 'error',
  tags: ['cloudpods', 'host-conf'],
  appliesTo: 'cloudpods',
  source:
    'yunionio/cloudpods pkg/hostman/hostinfo/hostinfo.go prepareEnv; isolated_device/isolated_device.go probeAMDVgpus; storageman/core.go NewStorageManager',
  needs: ['cloudpods'],
  optional: ['pci', 'logEvents'],
  messages: {
    noConf: '/etc/yunion/host.conf could not be read: {{reason}}',
    valid: 'hugepages_option, the vGPU PF lists and the NVMe entries in host.conf hold values the host service accepts.',
    invalid: 'host.conf has values the host service rejects: {{list}}.',
  },
  check({ cloudpods, pci, logEvents }, r) {
    const cp = cloudpods.value;
    if (!cp.hostConf) return r.unknown('noConf', { reason: cp.hostConfMissing?.reason ?? '' }, cp.hostConfMissing?.collect ?? []);
    const bad: { what: string; change: string; ref: (typeof cloudpods.evidence)[number] }[] = [];
    const hp = hostConfSetting(cp, 'hugepages_option');
    if (hp && !['disable', 'native', 'transparent'].includes(hp.value ?? ''))
      bad.push({
        what: `hugepages_option: ${hp.value ?? ''} (the host service stops at start: "Invalid hugepages option")`,
        change: 'set hugepages_option to disable, native or transparent',
        ref: hp.ref,
      });
    for (const key of ['amd_vgpu_pfs', 'nvidia_vgpu_pfs'])
      for (const pf of listItems(cp, key).filter((i) => !PF_ADDR.test(i.value)))
        bad.push({
          what: `${key} entry ${pf.value} ("invaild input pci address ${pf.value}"; the PF is skipped)`,
          change: `write the ${key} entry as bus:slot.function in lower case, without the domain (e.g. 04:00.0)`,
          ref: pf.ref,
        });
    for (const n of nvmeEntries(cp)) {
      const dev = n.addr !== null && n.error === null && pci.state === 'known' ? deviceAt(pci.value, n.addr) : undefined;
      if (n.error)
        bad.push({
          what: `ptnvme_configs entry ${n.raw} ("${n.error}"; the host service stops at start with "Storage manager init error")`,
          change:
            'write each ptnvme_configs entry as <pci addr>/<size>, the size a whole number with an optional B, K, M or G suffix (T is not accepted; 3.5T → 3584G)',
          ref: n.ref,
        });
      else if (pci.state === 'known' && !dev)
        bad.push({
          what: `ptnvme_configs entry ${n.raw} names ${n.addr}, which is not a PCI device of this host`,
          change: `correct the address in ${n.raw} (lspci -nn -d ::0108 lists NVMe controllers)`,
          ref: n.ref,
        });
      else if (dev && !dev.classCode.startsWith('0108'))
        bad.push({
          what: `ptnvme_configs entry ${n.raw} names ${n.addr}, class ${dev.classCode.slice(0, 4)}, not an NVMe controller (0108)`,
          change: `remove ${n.raw} or point it at an NVMe controller`,
          ref: n.ref,
        });
    }
    const checked = [
      hp?.ref,
      ...listItems(cp, 'amd_vgpu_pfs').map((i) => i.ref),
      ...listItems(cp, 'nvidia_vgpu_pfs').map((i) => i.ref),
      ...nvmeEntries(cp).map((n) => n.ref),
    ].filter((x) => x !== undefined);
    if (bad.length === 0) return r.pass('valid', {}, checked.length > 0 ? checked : cloudpods.evidence);
    const logged = hostServiceLines(logEvents, [
      'cloudpods-invalid-hugepages-option',
      'cloudpods-vgpu-pf-address-invalid',
      'cloudpods-nvme-config-invalid',
    ]);
    return r.fail('invalid', { list: bad.map((b) => b.what).join('; ') }, [...bad.map((b) => b.ref), ...logged], {
      summary: 'Correct the values in host.conf, then restart the host service',
      steps: [
        ...bad.map((b) => editHostConf(b.change)),
        ...restartHostService(),
        checkHostServiceLog(
          'no "Invalid hugepages option", "invaild input pci address", "bad nvme config" or "failed parse pci device" line',
        ),
      ],
    });
  },
});
