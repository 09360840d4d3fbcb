/**
 * Evidence lookup in a bundle without a manifest (a hand-made tree, an older collector): files of a
 * multi-file item are those its host glob names, not everything under the directory.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/bundle/bundle.js';
import { evidenceSource } from '../../src/evidence/lookup.js';
import { fx, ROOT, readTree } from '../helpers/bundle-from.js';

function treeWithout(sample: string, extra: Record<string, string>): Bundle {
  const files = readTree(join(ROOT, 'samples', sample, 'evidence'));
  files.delete('manifest.json');
  for (const [path, text] of Object.entries(extra)) files.set(path, { path, bytes: Buffer.from(text), truncated: false });
  return { source: sample, format: 'directory', root: null, files, skipped: [], lost: null };
}

describe('evidence lookup without a manifest', () => {
  const bundle = treeWithout('lab-cloudpods-healthy', {
    // another pod's log under the same directory, and an EFI binary beside a grub.cfg
    'var/log/pods/kube-system_coredns-5d78c9869d-x/coredns/0.log': 'not the host service\n',
    'boot/efi/EFI/debian/shimx64.efi': 'MZ',
  });
  const ev = evidenceSource(bundle, null);
  it("takes the host service pod log and not another pod's", () => {
    const logs = ev.many('host-service-log').map((e) => e.source);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.every((s) => s.includes('/onecloud_default-host-'))).toBe(true);
  });
  it('takes grub.cfg files under the ESP and not EFI binaries', () => {
    expect(ev.many('efi-grub-cfg').map((e) => e.source)).not.toContain('/boot/efi/EFI/debian/shimx64.efi');
  });
  it('still reads single files by their layout path', () => {
    expect(ev.one('cmdline').status).toBe('ok');
  });
});

describe('configuration evidence is masked when it is read', () => {
  // A sosreport or an older collector may carry secrets in configuration files; a report quotes them.
  const bundle = treeWithout('lab-cloudpods-healthy', {
    'etc/default/grub': 'GRUB_CMDLINE_LINUX="quiet rd.iscsi.password=canary-grub-1 intel_iommu=on"\n',
    'etc/yunion/host.conf': 'region: Yunion\nauth: {username: admin, password: canary-conf-2}\n',
  });
  const ev = evidenceSource(bundle, null);
  it('replaces secret values, keeps the rest and the line numbers', () => {
    const grub = ev.one('default-grub').text;
    const conf = ev.one('yunion-host-conf').text;
    expect(grub).not.toContain('canary-grub-1');
    expect(grub).toContain('intel_iommu=on');
    expect(conf).not.toContain('canary-conf-2');
    expect(conf.split('\n')[0]).toBe('region: Yunion');
  });
  it('leaves evidence that is not configuration as it is', () => {
    expect(ev.one('dmesg').text).toBe(bundle.files.get('commands/dmesg.out')?.bytes.toString('utf8'));
  });
});

describe('a sosreport keeps a failed command’s error as its output', () => {
  // sos_commands/kernel/lsmod of `sos report -o kernel` on a Debian bookworm host without /proc/modules.
  const bundle = treeWithout('lab-intel-healthy', {
    'sos_commands/kernel/lsmod': fx('sos/lsmod-no-proc-modules.txt'),
  });
  const ev = evidenceSource(bundle, null);
  it('reads the error as a failed lsmod, not as an empty module list', () => {
    expect(ev.one('lsmod').status).toBe('error');
  });
});
