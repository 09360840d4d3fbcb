import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVIDENCE } from '../../src/bundle/layout.js';
import { LAB, SHELLS, makeBin, makeFakeRoot, readBundle, runCollector, statusOf, tempDir, text, write } from './harness.js';

const labDmesg = readFileSync(join(LAB, 'dmesg.txt'), 'utf8');
const fallbackIds = EVIDENCE.filter((e) => 'fallbackFor' in e).map((e) => e.id);

describe.each(SHELLS)('collect.sh under $name', ({ name, argv }) => {
  // busybox sh runs its own applets (dmesg, lspci, lsusb, lsmod) in preference to PATH
  const busybox = name === 'busybox';

  it('writes one schema-valid bundle in the cwd with every layout id recorded', async () => {
    const root = makeFakeRoot();
    const cwd = tempDir('ptd-cwd-');
    write(cwd, 'dmesg.txt', labDmesg);
    const bin = makeBin({ dmesg: `cat ${join(cwd, 'dmesg.txt')}`, 'systemd-detect-virt': 'echo kvm', hostname: 'echo labhost' });
    const r = await runCollector({ shell: argv, cwd, env: { PATH: bin, PTDOCTOR_ROOT: root } });
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout.toString().trim();
    // busybox sh runs its own hostname applet, the others the fake one
    expect(out).toMatch(busybox ? /^ptdoctor-[\w.-]+-\d{8}T\d{6}Z\.tgz$/ : /^ptdoctor-labhost-\d{8}T\d{6}Z\.tgz$/);
    expect(readdirSync(cwd).sort()).toEqual(['dmesg.txt', out].sort());
    const b = readBundle(join(cwd, out));
    expect(b.top).toBe(out.replace(/\.tgz$/, ''));
    expect(b.manifest.redacted).toBe(false);
    expect(b.manifest.collector.kind).toBe('sh');

    // layout parity: every id attempted, fallbacks only when dmesg is not ok
    const ids = new Set(b.manifest.items.map((i) => i.id));
    for (const e of EVIDENCE) {
      if (fallbackIds.includes(e.id)) continue;
      expect(ids.has(e.id), `${e.id} in ${[...ids].join(',')}`).toBe(true);
    }
    for (const id of fallbackIds) expect(ids.has(id), id).toBe(false);
    // every recorded path is in the bundle with the recorded size
    for (const item of b.manifest.items) {
      if (item.path === undefined) continue;
      expect(b.files.get(item.path)?.length, item.path).toBe(item.bytes);
    }

    if (!busybox) {
      expect(text(b, 'commands/dmesg.out')).toBe(labDmesg);
      expect(statusOf(b, 'lspci-nnk')).toEqual(['no-command']);
    }
    expect(text(b, 'commands/pci-sysfs.out')).toBe(
      [
        '[0000:00:00.0]',
        'path=/sys/devices/pci0000:00/0000:00:00.0',
        'vendor=0x8086',
        'device=0x0d57',
        'subsystem_vendor=0x0000',
        'subsystem_device=0x0000',
        'class=0x060000',
        'revision=0x00',
        'iommu_group=0',
        'driver_override=(null)',
        'numa_node=-1',
        'enable=0',
        '',
        '[0000:00:02.0]',
        'path=/sys/devices/pci0000:00/0000:00:02.0',
        'vendor=0x1af4',
        'device=0x1045',
        'subsystem_vendor=0x1af4',
        'subsystem_device=0x1045',
        'class=0xffff00',
        'revision=0x01',
        'driver=virtio-pci',
        'iommu_group=1',
        'driver_override=(null)',
        'reset_method=flr bus',
        'numa_node=-1',
        'enable=1',
        '',
      ].join('\n'),
    );
    expect(text(b, 'commands/iommu-groups.out')).toBe('0 0000:00:00.0\n1 0000:00:02.0\n');
    expect(text(b, 'commands/acpi-tables.out').split('\n')).toContain('DMAR');
    expect(statusOf(b, 'efi')).toEqual(['absent']);
    expect(statusOf(b, 'dev-kvm')).toEqual(['absent']);
    expect(statusOf(b, 'grub2-cfg')).toEqual(['absent']);
    expect(b.manifest.items.filter((i) => i.id === 'bls-entries')).toEqual([
      { id: 'bls-entries', kind: 'file', source: '/boot/loader/entries/*.conf', status: 'absent' },
    ]);
    const grub = b.manifest.items.find((i) => i.id === 'default-grub');
    expect(grub?.status).toBe('ok');
    expect(Math.abs((grub?.mtime ?? 0) - Date.now() / 1000)).toBeLessThan(300);
    expect(b.manifest.items.filter((i) => i.id === 'modprobe-d').map((i) => i.path)).toEqual(['etc/modprobe.d/vfio.conf']);
    expect(text(b, 'proc/cpuinfo')).toBe('processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu vmx\n');
    expect(text(b, 'commands/boot-times.out')).toMatch(/^btime 1795630000\nnow \d+\n$/);
    expect(text(b, 'commands/systemd-detect-virt.out')).toBe('kvm\n');
  });

  it('records a hanging, a TERM-ignoring, a huge and a denied command and still finishes', async () => {
    const root = makeFakeRoot();
    const cwd = tempDir('ptd-cwd-');
    const bin = makeBin({
      dmesg: "echo 'dmesg: read kernel buffer failed: Operation not permitted' >&2; exit 1",
      journalctl: "yes 'Nov 25 19:00:00 labhost kernel: DMAR: IOMMU enabled' | head -c 52428800",
      'systemd-detect-virt': "trap '' TERM; sleep 1000",
      lsusb: 'sleep 1000',
    });
    const r = await runCollector({
      shell: argv,
      cwd,
      env: { PATH: bin, PTDOCTOR_ROOT: root, PTDOCTOR_TIMEOUT: '1', PTDOCTOR_MAX_ITEM_BYTES: '4194304' },
    });
    expect(r.code, r.stderr).toBe(0);
    // two commands hit the 1 s deadline, one of them needs the 2 s kill grace
    expect(r.ms).toBeLessThan(15_000);
    const b = readBundle(join(cwd, r.stdout.toString().trim()));
    expect(statusOf(b, 'systemd-detect-virt')).toEqual(['timeout']);
    if (!busybox) {
      expect(statusOf(b, 'lsusb')).toEqual(['timeout']);
      expect(statusOf(b, 'dmesg')).toEqual(['denied']);
      const j = b.manifest.items.find((i) => i.id === 'journal-kernel');
      expect(j?.status).toBe('truncated');
      expect(j?.bytes).toBeLessThanOrEqual(4194304);
      expect(text(b, 'commands/journal-kernel.out')).toMatch(/\n--- ptdoctor: \d+ bytes omitted here ---\n/);
      expect(statusOf(b, 'var-log-dmesg')).toEqual(['absent']);
      expect(statusOf(b, 'kern-log')).toEqual(['absent']);
    }
  });

  it('cuts a file over the item cap to its head, and items past the bundle budget, in item order', async () => {
    const root = makeFakeRoot();
    const line = 'options vfio-pci ids=10de:1db6,10de:10f2 disable_vga=1\n';
    const big = line.repeat(Math.ceil(3_000_000 / line.length));
    write(root, 'etc/modprobe.d/a-big.conf', big);
    write(root, 'etc/modprobe.d/b-big.conf', big);
    const cwd = tempDir('ptd-cwd-');
    const itemCap = 1_048_576;
    const budget = 1_572_864;
    const r = await runCollector({
      shell: argv,
      cwd,
      env: { PATH: makeBin({}), PTDOCTOR_ROOT: root, PTDOCTOR_MAX_ITEM_BYTES: String(itemCap), PTDOCTOR_MAX_BUNDLE_BYTES: String(budget) },
    });
    expect(r.code, r.stderr).toBe(0);
    const b = readBundle(join(cwd, r.stdout.toString().trim()));
    const items = b.manifest.items;
    for (const i of items) if (i.path !== undefined) expect(b.files.get(i.path)?.length, i.path).toBe(i.bytes);
    expect(items.reduce((s, i) => s + (i.bytes ?? 0), 0)).toBeLessThanOrEqual(budget);
    const a = items.find((i) => i.path === 'etc/modprobe.d/a-big.conf');
    expect(a).toMatchObject({ status: 'truncated', bytes: itemCap });
    expect(big.startsWith(text(b, 'etc/modprobe.d/a-big.conf'))).toBe(true);
    const bIndex = items.findIndex((i) => i.path === 'etc/modprobe.d/b-big.conf');
    expect(items[bIndex]?.status).toBe('truncated');
    expect(items[bIndex]?.bytes).toBeLessThan(budget - itemCap);
    // the budget is spent: every later item that kept a file kept nothing of it
    const later = items.slice(bIndex + 1).filter((i) => i.path !== undefined);
    expect(later.length).toBeGreaterThan(0);
    for (const i of later) expect(i, i.id).toMatchObject({ status: 'truncated', bytes: 0 });
  });

  it('as nobody: marks what was denied and says once how to rerun as root', async () => {
    const root = makeFakeRoot();
    chmodSync(join(root, 'etc/default/grub'), 0o000);
    chmodSync(join(root, 'sys/devices/pci0000:00/0000:00:02.0/reset_method'), 0o000);
    write(root, 'boot/loader/entries/x.conf', 'options intel_iommu=on\n');
    chmodSync(join(root, 'boot/loader/entries'), 0o700);
    const cwd = tempDir('ptd-cwd-');
    chmodSync(cwd, 0o777);
    const bin = makeBin({ 'systemd-detect-virt': 'echo none; exit 1' });
    const r = await runCollector({ shell: argv, cwd, nobody: true, env: { PATH: bin, PTDOCTOR_ROOT: root } });
    expect(r.code, r.stderr).toBe(0);
    const b = readBundle(join(cwd, r.stdout.toString().trim()));
    expect(b.manifest.uid, JSON.stringify(b.manifest.items.map((i) => i.id + ':' + i.status)) + r.stderr).toBe(65534);
    expect(statusOf(b, 'default-grub'), JSON.stringify(b.manifest.items.map((i) => i.id + ':' + i.status))).toEqual(['denied']);
    expect(statusOf(b, 'default-grub')).toEqual(['denied']);
    expect(statusOf(b, 'bls-entries')).toEqual(['denied']);
    expect(text(b, 'commands/pci-sysfs.out')).toContain('\n# unreadable: reset_method\n');
    // systemd-detect-virt exits 1 for "none": that is an answer, not an error
    expect(b.manifest.items.find((i) => i.id === 'systemd-detect-virt')).toMatchObject({ status: 'ok', exitCode: 1 });
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/root/);
  });

  it('-o - writes the bundle to stdout and nothing into the cwd', async () => {
    const root = makeFakeRoot();
    const cwd = tempDir('ptd-cwd-');
    const r = await runCollector({ shell: argv, cwd, args: ['-o', '-'], env: { PATH: makeBin({}), PTDOCTOR_ROOT: root } });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
    expect(r.stdout.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const f = join(tempDir('ptd-o-'), 'b.tgz');
    writeFileSync(f, r.stdout);
    expect(readBundle(f).manifest.items.length).toBeGreaterThan(40);
  });
});

describe('collect.sh options', () => {
  it('prints help and version, rejects unknown arguments with exit 2', async () => {
    const cwd = tempDir('ptd-cwd-');
    const h = await runCollector({ shell: ['/usr/bin/dash'], cwd, args: ['--help'] });
    expect(h.code).toBe(0);
    expect(h.stdout.toString()).toContain('--redact');
    const v = await runCollector({ shell: ['/usr/bin/dash'], cwd, args: ['--version'] });
    expect(v.stdout.toString()).toMatch(/^ptdoctor-collect \d+\.\d+\.\d+\n$/);
    const bad = await runCollector({ shell: ['/usr/bin/dash'], cwd, args: ['--bogus'] });
    expect(bad.code).toBe(2);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('-o DIR writes the default name inside that directory', async () => {
    const cwd = tempDir('ptd-cwd-');
    const dest = tempDir('ptd-dest-');
    const r = await runCollector({
      shell: ['/usr/bin/dash'],
      cwd,
      args: ['-o', dest],
      env: { PTDOCTOR_ROOT: makeFakeRoot(), PATH: makeBin({}) },
    });
    const out = r.stdout.toString().trim();
    expect(out.startsWith(`${dest}/ptdoctor-`)).toBe(true);
    expect(readdirSync(dest)).toEqual([basename(out)]);
  });
});
