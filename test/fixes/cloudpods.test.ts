/**
 * Fix steps in Cloudpods terms (src/fixes/cloudpods.ts): host.conf edits (a key set, a key renamed
 * to the spelling the host service reads), restarting this node's host service pod and probing
 * devices again after the reboot, and the checks. Keys and values as the lab's Cloudpods hosts
 * hold them (samples/lab-cloudpods-broken/evidence/etc/yunion/host.conf: `hugepages_options: native`,
 * `AMDVgpuPFs:`).
 */
import { describe, expect, it } from 'vitest';
import {
  checkHostServiceLog,
  checkIsolatedDevices,
  checkQemuLog,
  editHostConf,
  HOST_CONF,
  restartHostService,
  vfioOverrideAtBoot,
} from '../../src/fixes/cloudpods.js';
import { inputsIn } from '../../src/fixes/shell.js';
import { commands, planOf } from './helpers/plan-of.js';

describe('editHostConf', () => {
  it('renames the guide spelling hugepages_options (line 1) to the key the host service reads', () => {
    expect(editHostConf({ rename: 'hugepages_options', to: 'hugepages_option' })).toMatchObject({
      kind: 'edit-file',
      path: HOST_CONF,
      edit: { op: 'yaml-rename', from: 'hugepages_options', to: 'hugepages_option' },
    });
  });

  it("renames the vGPU guide's AMDVgpuPFs (line 2), a camel-case key", () => {
    expect(editHostConf({ rename: 'AMDVgpuPFs', to: 'amd_vgpu_pfs' })).toMatchObject({ edit: { op: 'yaml-rename', from: 'AMDVgpuPFs' } });
  });

  it('sets a key to a value', () => {
    expect(editHostConf({ key: 'hugepages_option', value: 'native' })).toMatchObject({
      edit: { op: 'yaml-key', key: 'hugepages_option', value: 'native' },
    });
  });

  it('a change only a person can make stays words', () => {
    expect(editHostConf('remove the duplicate ptnvme_configs entry')).toEqual({
      kind: 'edit-file',
      path: HOST_CONF,
      change: 'remove the duplicate ptnvme_configs entry',
    });
  });

  it('a key or value from the bundle that is not a plain option is refused with a note', () => {
    expect(editHostConf({ key: 'hugepages_option', value: 'native\nadmin_password: x' })).toMatchObject({ kind: 'note' });
    expect(editHostConf({ key: 'Hugepages Option', value: 'native' })).toMatchObject({ kind: 'note' });
    expect(editHostConf({ rename: 'a: b', to: 'hugepages_option' })).toMatchObject({ kind: 'note' });
    expect(editHostConf({ rename: 'hugepages_options', to: 'Not-A-Key' })).toMatchObject({ kind: 'note' });
  });
});

describe('the host service', () => {
  it("restarts only this node's default-host pod and probes again, both after the reboot; the plan asks for PTD_HOST", () => {
    const steps = restartHostService();
    expect(steps.map((s) => s.kind === 'run' && s.afterReboot)).toEqual([true, true]);
    expect(commands(steps)[0]).toContain('--field-selector "spec.nodeName=$node"');
    expect(commands(steps)[0]).not.toContain('rollout restart');
    expect(commands(steps)[1]).toContain('climc host-probe-isolated-devices "${PTD_HOST:?set PTD_HOST first}"');
    const plan = planOf(
      'cloudpods-hostconf-unknown-key',
      { summary: 's', steps: [editHostConf({ key: 'hugepages_option', value: 'native' }), ...steps] },
      null,
    );
    expect(inputsIn(plan.script)).toEqual(['PTD_HOST']);
  });

  it("the checks: the pod log, the isolated devices, a VM's QEMU log (PTD_SERVER)", () => {
    const steps = [
      checkHostServiceLog('no "hugepage 1024 nr 0" line'),
      checkIsolatedDevices(),
      checkQemuLog('no "failed to open /dev/vfio" line'),
    ];
    expect(steps.map((s) => s.kind)).toEqual(['verify', 'verify', 'verify']);
    expect(commands(steps)[2]).toBe('tail -n 50 /opt/cloud/workspace/servers/logs/"${PTD_SERVER:?set PTD_SERVER first}"');
    const plan = planOf('cloudpods-hostconf-unknown-key', { summary: 's', steps }, null);
    expect(inputsIn(plan.verifyScript).sort()).toEqual(['PTD_HOST', 'PTD_SERVER']);
  });

  it('binding GPUs by address at boot the way ocboot does: the install line in words, and a check that the script is there', () => {
    expect(vfioOverrideAtBoot().map((s) => s.kind)).toEqual(['edit-file', 'verify']);
    expect(commands(vfioOverrideAtBoot())).toEqual(['ls -l /usr/bin/vfio-pci-override.sh']);
  });
});
