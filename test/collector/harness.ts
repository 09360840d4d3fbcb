/**
 * Test harness for src/collector/collect.sh: builds a fake host root (PTDOCTOR_ROOT) from verbatim
 * lab outputs, a PATH of real tools plus fake commands, runs the script under a given shell and
 * reads the resulting .tgz with the system tar.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Manifest } from '../../src/bundle/manifest.js';

export const SCRIPT = resolve('src/collector/collect.sh');
export const LAB = resolve('test/fixtures/lab/intel-healthy-6.1');

/** Shells the collector must run under unchanged. busybox sh prefers its own applets over PATH. */
export const SHELLS: ReadonlyArray<{ name: string; argv: readonly string[] }> = [
  { name: 'bash', argv: ['/bin/bash'] },
  { name: 'dash', argv: ['/usr/bin/dash'] },
  { name: 'busybox', argv: ['/usr/bin/busybox', 'sh'] },
];

/** Real tools the script may use; lspci, lsusb, dmesg, journalctl, lsmod, systemd-detect-virt stay out. */
const TOOLS = [
  'cat',
  'ls',
  'head',
  'tail',
  'wc',
  'grep',
  'mkdir',
  'rm',
  'mv',
  'ln',
  'tar',
  'gzip',
  'date',
  'mktemp',
  'timeout',
  'sleep',
  'yes',
  'readlink',
  'id',
  'uname',
  'awk',
  'cut',
  'paste',
  'find',
  'tr',
  'stat',
  'sed',
  'kill',
  'sh',
  'bash',
  'dash',
];

export function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(d, 0o755);
  return d;
}

export function write(root: string, rel: string, text: string, mode?: number): string {
  const p = join(root, rel);
  mkdirSync(dirname(p), { recursive: true, mode: 0o755 });
  writeFileSync(p, text);
  if (mode !== undefined) chmodSync(p, mode);
  return p;
}

export function link(root: string, rel: string, target: string): void {
  const p = join(root, rel);
  mkdirSync(dirname(p), { recursive: true, mode: 0o755 });
  symlinkSync(target, p);
}

/** A named pipe: a read of it blocks until a writer comes (one never does). */
export function fifo(root: string, rel: string): void {
  const p = join(root, rel);
  mkdirSync(dirname(p), { recursive: true, mode: 0o755 });
  const r = spawnSync('mkfifo', ['-m', '0644', p]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr.toString()}`);
}

const lab = (name: string): string => readFileSync(join(LAB, name), 'utf8');

/**
 * A fake root shaped like real sysfs/procfs: device links point into /sys/devices, drivers and
 * iommu groups are symlinks, attribute values are those of this machine's real devices
 * (test/fixtures/pci-sysfs/firecracker-6.18.txt) and the lab IOMMU group listing.
 */
export function makeFakeRoot(): string {
  const root = tempDir('ptd-root-');
  write(root, 'proc/cmdline', lab('cmdline.txt'));
  write(root, 'proc/modules', lab('proc-modules.txt'));
  write(root, 'proc/stat', 'cpu  1 2 3 4\nbtime 1795630000\nprocesses 100\n');
  write(root, 'proc/meminfo', 'MemTotal:       16384000 kB\n');
  write(
    root,
    'proc/cpuinfo',
    'processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu vmx\n\nprocessor\t: 1\nvendor_id\t: GenuineIntel\n\n',
  );
  write(root, 'etc/default/grub', 'GRUB_CMDLINE_LINUX_DEFAULT="quiet intel_iommu=on iommu=pt"\n');
  write(root, 'etc/modprobe.d/vfio.conf', 'options vfio-pci ids=8086:29c0\n');
  write(root, 'etc/os-release', 'ID=debian\nVERSION_ID="12"\n');
  for (const t of lab('acpi-tables.txt').trim().split('\n')) write(root, `sys/firmware/acpi/tables/${t}`, '');
  const devices: Array<[string, Record<string, string>, string | null]> = [
    [
      '0000:00:00.0',
      {
        vendor: '0x8086',
        device: '0x0d57',
        subsystem_vendor: '0x0000',
        subsystem_device: '0x0000',
        class: '0x060000',
        revision: '0x00',
        driver_override: '(null)',
        numa_node: '-1',
        enable: '0',
      },
      null,
    ],
    [
      '0000:00:02.0',
      {
        vendor: '0x1af4',
        device: '0x1045',
        subsystem_vendor: '0x1af4',
        subsystem_device: '0x1045',
        class: '0xffff00',
        revision: '0x01',
        driver_override: '(null)',
        numa_node: '-1',
        enable: '1',
        reset_method: 'flr bus',
      },
      'virtio-pci',
    ],
  ];
  const groups = new Map(
    lab('iommu-groups.txt')
      .trim()
      .split('\n')
      .map((l) => l.split(' ').reverse() as [string, string]),
  );
  for (const [addr, attrs, driver] of devices) {
    const dev = `sys/devices/pci0000:00/${addr}`;
    for (const [k, v] of Object.entries(attrs)) write(root, `${dev}/${k}`, `${v}\n`);
    link(root, `sys/bus/pci/devices/${addr}`, `../../../devices/pci0000:00/${addr}`);
    if (driver) {
      mkdirSync(join(root, `sys/bus/pci/drivers/${driver}`), { recursive: true });
      link(root, `${dev}/driver`, `../../../bus/pci/drivers/${driver}`);
    }
    const g = groups.get(addr);
    if (g !== undefined) {
      link(root, `${dev}/iommu_group`, `../../../kernel/iommu_groups/${g}`);
      link(root, `sys/kernel/iommu_groups/${g}/devices/${addr}`, `../../../../devices/pci0000:00/${addr}`);
    }
  }
  return root;
}

/** A PATH directory with the real tools plus `fakes` (name → sh script body). */
export function makeBin(fakes: Record<string, string>): string {
  const bin = tempDir('ptd-bin-');
  for (const t of TOOLS) {
    const r = spawnSync('sh', ['-c', `command -v ${t}`], { encoding: 'utf8' }).stdout.trim();
    if (r.startsWith('/')) symlinkSync(r, join(bin, t));
  }
  for (const [name, body] of Object.entries(fakes)) write(bin, name, `#!/bin/sh\n${body}\n`, 0o755);
  return bin;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  shell: readonly string[];
  args?: readonly string[];
  cwd: string;
  env?: Record<string, string>;
  /** Run as nobody (uid/gid 65534) through setpriv. */
  nobody?: boolean;
  /** Send SIGINT after this many ms. */
  interruptAfterMs?: number;
}

export function runCollector(o: RunOptions): Promise<RunResult> {
  const argv = [...o.shell, SCRIPT, ...(o.args ?? [])];
  const full = o.nobody ? ['/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...argv] : argv;
  const t0 = Date.now();
  return new Promise((res, rej) => {
    const child = spawn(full[0]!, full.slice(1), {
      cwd: o.cwd,
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...o.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    if (o.interruptAfterMs !== undefined) setTimeout(() => child.kill('SIGINT'), o.interruptAfterMs);
    child.on('error', rej);
    child.on('exit', (code, signal) => res({ code, signal, stdout: Buffer.concat(out), stderr: err, ms: Date.now() - t0 }));
  });
}

export interface Bundle {
  top: string;
  files: Map<string, Buffer>;
  manifest: Manifest;
}

/** Unpacks a .tgz with the system tar into a temp dir and loads every regular file. */
export function readBundle(tgz: string): Bundle {
  const dir = tempDir('ptd-x-');
  const r = spawnSync('tar', ['-xzf', tgz, '-C', dir]);
  if (r.status !== 0) throw new Error(`tar failed: ${r.stderr.toString()}`);
  const tops = readdirSync(dir);
  if (tops.length !== 1) throw new Error(`expected one top directory, got ${tops.join(',')}`);
  const top = tops[0]!;
  const files = new Map<string, Buffer>();
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, top, rel))) {
      const r2 = rel ? `${rel}/${name}` : name;
      const st = statSync(join(dir, top, r2));
      if (st.isDirectory()) walk(r2);
      else files.set(r2, readFileSync(join(dir, top, r2)));
    }
  };
  walk('');
  const manifest = Manifest.parse(JSON.parse(files.get('manifest.json')?.toString('utf8') ?? 'null'));
  return { top, files, manifest };
}

export const statusOf = (b: Bundle, id: string): string[] => b.manifest.items.filter((i) => i.id === id).map((i) => i.status);
export const text = (b: Bundle, path: string): string => b.files.get(path)?.toString('utf8') ?? '';
