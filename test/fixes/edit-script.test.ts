/**
 * The edits ptdoctor makes itself, run for real on verbatim published files under dash, bash and
 * busybox sh with mawk and busybox awk: the result written by hand, a second run changes nothing,
 * the backup is taken once and holds the original.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  KERNEL_CMDLINE_AWK,
  LINES_AWK,
  MODPROBE_OPTION_AWK,
  MODULE_LIST_AWK,
  SHELL_ARRAY_AWK,
  YAML_KEY_AWK,
} from '../../src/fixes/edit-programs.js';
import { editScript } from '../../src/fixes/edit-script.js';
import type { FileEdit } from '../../src/fixes/file-edit.js';
import { input } from '../../src/fixes/shell.js';
import { fx } from '../helpers/bundle-from.js';
import { hf } from './helpers/host-of.js';
import { awkPath, runShell, SHELLS } from './helpers/run-shell.js';

const AWKS = [['mawk', awkPath('mawk')] as const, ['busybox awk', awkPath('busybox')] as const];
afterAll(() => {
  for (const [, path] of AWKS) rmSync(path.split(':')[0]!.replace(/\/bin$/, ''), { recursive: true, force: true });
});

/** Apply `edit` to a copy of `original` (null: the file does not exist) and return the text after one and after two runs. */
function apply(original: string | null, edit: FileEdit, shell: readonly string[], path: string, env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ptd-edit-'));
  const file = join(dir, 'root', 'etc', 'conf');
  const backupRoot = join(dir, 'backup');
  mkdirSync(join(dir, 'root', 'etc'), { recursive: true });
  const script = editScript(file, edit, backupRoot);
  if (original !== null) writeFileSync(file, original);
  const first = runShell(shell, script, { PATH: path, ...env });
  const once = existsSync(file) ? readFileSync(file, 'utf8') : null;
  const second = runShell(shell, script, { PATH: path, ...env });
  const twice = existsSync(file) ? readFileSync(file, 'utf8') : null;
  const backup = existsSync(`${backupRoot}${file}`) ? readFileSync(`${backupRoot}${file}`, 'utf8') : null;
  const executable = existsSync(file) && (statSync(file).mode & 0o111) !== 0;
  rmSync(dir, { recursive: true, force: true });
  return { first, second, once, twice, backup, executable };
}

const grubCmdline = (add: string[], remove: string[], removeNames: string[] = []): FileEdit => ({
  op: 'kernel-cmdline',
  location: { kind: 'shell-variable', variables: ['GRUB_CMDLINE_LINUX_DEFAULT', 'GRUB_CMDLINE_LINUX'] },
  add: add.map((a) => [a]),
  remove,
  removeNames,
});

describe.each(SHELLS)('edit scripts under %s', (_name, shell) => {
  describe.each(AWKS)('with %s', (_awk, path) => {
    it('Debian 12 /etc/default/grub: adds to GRUB_CMDLINE_LINUX_DEFAULT once, backs the original up once', () => {
      const original = fx('default-grub/debian-12-template.txt');
      const r = apply(original, grubCmdline(['intel_iommu=on', 'iommu=pt'], []), shell, path);
      expect(r.first.status, r.first.stderr).toBe(0);
      expect(r.once).toBe(
        original.replace('GRUB_CMDLINE_LINUX_DEFAULT="quiet"', 'GRUB_CMDLINE_LINUX_DEFAULT="quiet intel_iommu=on iommu=pt"'),
      );
      expect(r.twice).toBe(r.once);
      expect(r.backup).toBe(original);
    });
    it('removal reaches GRUB_CMDLINE_LINUX too (the guide puts its parameters there)', () => {
      const original = fx('default-grub/debian-12-iommu.txt');
      const r = apply(original, grubCmdline([], ['vfio_iommu_type1.allow_unsafe_interrupts=1']), shell, path);
      expect(r.first.status, r.first.stderr).toBe(0);
      expect(r.once).toBe(
        original.replace(
          'GRUB_CMDLINE_LINUX="intel_iommu=on iommu=pt vfio_iommu_type1.allow_unsafe_interrupts=1"',
          'GRUB_CMDLINE_LINUX="intel_iommu=on iommu=pt"',
        ),
      );
    });
    it('CentOS Stream 9: replaces a run of arguments and names with - and _ alike', () => {
      const original = fx('default-grub/centos-stream-9-blscfg.txt');
      const edit: FileEdit = {
        op: 'kernel-cmdline',
        location: { kind: 'shell-variable', variables: ['GRUB_CMDLINE_LINUX', 'GRUB_CMDLINE_LINUX_DEFAULT'] },
        add: [['vfio-pci.ids=10de:1b80']],
        remove: ['rhgb quiet'],
        removeNames: ['vfio_pci.ids'],
      };
      const r = apply(original, edit, shell, path);
      expect(r.first.status, r.first.stderr).toBe(0);
      expect(r.once).toBe(original.replace('rd.lvm.lv=cs/swap rhgb quiet"', 'rd.lvm.lv=cs/swap vfio-pci.ids=10de:1b80"'));
      expect(r.twice).toBe(r.once);
    });
    it('a value the person provides goes in through the environment, and the edit stops without it', () => {
      const original = fx('default-grub/debian-12-template.txt');
      const edit: FileEdit = {
        op: 'kernel-cmdline',
        location: { kind: 'shell-variable', variables: ['GRUB_CMDLINE_LINUX_DEFAULT', 'GRUB_CMDLINE_LINUX'] },
        add: [['hugepagesz=1G'], ['hugepages=', input('PTD_HUGEPAGES')]],
        remove: [],
        removeNames: [],
      };
      const r = apply(original, edit, shell, path, { PTD_HUGEPAGES: '16' });
      expect(r.first.status, r.first.stderr).toBe(0);
      expect(r.once).toContain('GRUB_CMDLINE_LINUX_DEFAULT="quiet hugepagesz=1G hugepages=16"');
      const without = apply(original, edit, shell, path);
      expect(without.first.status).not.toBe(0);
      expect(without.once).toBe(original);
    });
    it('/etc/kernel/cmdline of Proxmox VE (one line)', () => {
      const r = apply(
        fx('kernel-cmdline-file/proxmox-zfs.txt'),
        { op: 'kernel-cmdline', location: { kind: 'one-line' }, add: [['intel_iommu=on']], remove: [], removeNames: [] },
        shell,
        path,
      );
      expect(r.once).toBe('root=ZFS=rpool/ROOT/pve-1 boot=zfs intel_iommu=on\n');
      expect(r.twice).toBe(r.once);
    });
    it('the options line of a boot loader entry', () => {
      const original = fx('bls-entry/uapi-spec-example.conf');
      const r = apply(
        original,
        { op: 'kernel-cmdline', location: { kind: 'entry-options' }, add: [['amd_iommu=on']], remove: ['quiet'], removeNames: [] },
        shell,
        path,
      );
      expect(r.once).toBe(
        original.replace(
          'options      root=UUID=6d3376e4-fc93-4509-95ec-a21d68011da2 quiet',
          'options root=UUID=6d3376e4-fc93-4509-95ec-a21d68011da2 amd_iommu=on',
        ),
      );
    });
    it('a value that does not end on its line stops the edit with status 3 and leaves the file alone', () => {
      const original = 'GRUB_CMDLINE_LINUX_DEFAULT="quiet\nsplash"\n';
      const r = apply(original, grubCmdline(['intel_iommu=on'], []), shell, path);
      expect(r.first.status).not.toBe(0);
      expect(r.first.stderr).toMatch(/does not end on this line/);
      expect(r.once).toBe(original);
    });
    it('a missing variable is appended as a new assignment', () => {
      const r = apply('GRUB_TIMEOUT=5\n', grubCmdline(['intel_iommu=on'], []), shell, path);
      expect(r.once).toBe('GRUB_TIMEOUT=5\nGRUB_CMDLINE_LINUX_DEFAULT="intel_iommu=on"\n');
    });
    it('modules-load.d: one module per line, - and _ alike, a missing file is created', () => {
      const r = apply(null, { op: 'module-list', add: ['vfio', 'vfio_iommu_type1', 'vfio_pci'], remove: [] }, shell, path);
      expect(r.once).toBe('vfio\nvfio_iommu_type1\nvfio_pci\n');
      expect(r.backup).toBeNull();
      const drop = apply('vfio\nvfio-virqfd\n# vfio_virqfd\n', { op: 'module-list', add: [], remove: ['vfio_virqfd'] }, shell, path);
      expect(drop.once).toBe('vfio\n# vfio_virqfd\n');
    });
    it('modprobe.d: ids go into the one options line; an id is taken out, the line dropped when empty', () => {
      const add = apply(
        'options vfio-pci disable_vga=1\n',
        { op: 'modprobe-option', module: 'vfio_pci', option: 'ids', add: ['10de:1b80', '10de:10f0'], remove: [], removeOption: false },
        shell,
        path,
      );
      expect(add.once).toBe('options vfio-pci disable_vga=1 ids=10de:1b80,10de:10f0\n');
      expect(add.twice).toBe(add.once);
      const out = apply(
        'options vfio-pci ids=1b36:0010,10de:1b80\n',
        { op: 'modprobe-option', module: 'vfio-pci', option: 'ids', add: [], remove: ['1b36:0010'], removeOption: false },
        shell,
        path,
      );
      expect(out.once).toBe('options vfio-pci ids=10de:1b80\n');
      const gone = apply(
        'options vfio-pci ids=1b36:0010\nsoftdep nvme pre: vfio-pci\n',
        { op: 'modprobe-option', module: 'vfio-pci', option: 'ids', add: [], remove: ['1b36:0010'], removeOption: false },
        shell,
        path,
      );
      expect(gone.once).toBe('softdep nvme pre: vfio-pci\n');
      const unsafe = apply(
        'options vfio_iommu_type1 allow_unsafe_interrupts=1\n',
        { op: 'modprobe-option', module: 'vfio_iommu_type1', option: 'allow_unsafe_interrupts', add: [], remove: [], removeOption: true },
        shell,
        path,
      );
      expect(unsafe.once).toBe('');
    });
    it('lines: added once whatever the spacing, removed when asked', () => {
      const r = apply(
        'softdep  nouveau pre:  vfio-pci\n',
        { op: 'lines', add: ['softdep nouveau pre: vfio-pci', 'blacklist nouveau'], remove: [] },
        shell,
        path,
      );
      expect(r.once).toBe('softdep  nouveau pre:  vfio-pci\nblacklist nouveau\n');
    });
    it("Arch's shipped mkinitcpio.conf: MODULES=() gets the vfio modules, nothing else changes", () => {
      const original = hf('arch/mkinitcpio.conf');
      const r = apply(original, { op: 'shell-array', variable: 'MODULES', add: ['vfio_pci', 'vfio', 'vfio_iommu_type1'] }, shell, path);
      expect(r.first.status, r.first.stderr).toBe(0);
      expect(r.once).toBe(original.replace('\nMODULES=()\n', '\nMODULES=(vfio_pci vfio vfio_iommu_type1)\n'));
      expect(r.twice).toBe(r.once);
    });
    it('CentOS 7 /etc/default/grub: vfio-pci.ids replaced by name keeps every other argument in place', () => {
      const original = hf('centos-7/default-grub');
      const edit: FileEdit = {
        op: 'kernel-cmdline',
        location: { kind: 'shell-variable', variables: ['GRUB_CMDLINE_LINUX', 'GRUB_CMDLINE_LINUX_DEFAULT'] },
        add: [['vfio-pci.ids=10de:1cb1']],
        remove: ['vfio_iommu_type1.allow_unsafe_interrupts=1'],
        removeNames: ['vfio_pci.ids'],
      };
      const r = apply(original, edit, shell, path);
      expect(r.first.status, r.first.stderr).toBe(0);
      expect(r.once).toBe(
        original.replace(
          'intel_iommu=on vfio_iommu_type1.allow_unsafe_interrupts=1 iommu=pt vfio-pci.ids=10de:1cb1,10de:0fb9"',
          'intel_iommu=on iommu=pt vfio-pci.ids=10de:1cb1"',
        ),
      );
      expect(r.twice).toBe(r.once);
    });
    it('mkinitcpio.conf MODULES=(): the vfio modules go first', () => {
      const r = apply(
        'MODULES=(amdgpu)\nHOOKS=(base udev modconf)\n',
        { op: 'shell-array', variable: 'MODULES', add: ['vfio_pci', 'vfio', 'vfio_iommu_type1'] },
        shell,
        path,
      );
      expect(r.once).toBe('MODULES=(vfio_pci vfio vfio_iommu_type1 amdgpu)\nHOOKS=(base udev modconf)\n');
      expect(r.twice).toBe(r.once);
    });
    it('write-file: whole content, executable', () => {
      const r = apply(null, { op: 'write-file', lines: ['#!/bin/sh', "echo 'x'"], executable: true }, shell, path);
      expect(r.once).toBe("#!/bin/sh\necho 'x'\n");
      expect(r.executable).toBe(true);
    });
    it('yaml-key: replaces the key or appends it', () => {
      const r = apply(
        'port: 8885\nhugepages_option: native\n',
        { op: 'yaml-key', key: 'hugepages_option', value: 'transparent' },
        shell,
        path,
      );
      expect(r.once).toBe('port: 8885\nhugepages_option: transparent\n');
    });
  });
});

describe('the awk programs', () => {
  it('hold no single quote (the shell passes each in single quotes)', () => {
    for (const p of [KERNEL_CMDLINE_AWK, LINES_AWK, MODPROBE_OPTION_AWK, MODULE_LIST_AWK, SHELL_ARRAY_AWK, YAML_KEY_AWK])
      expect(p).not.toContain("'");
  });
});
