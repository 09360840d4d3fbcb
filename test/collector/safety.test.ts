import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVIDENCE } from '../../src/bundle/layout.js';
import { SHELLS, fifo, link, makeBin, makeFakeRoot, readBundle, runCollector, statusOf, tempDir, text, write } from './harness.js';

/** Every byte a recipient gets: file contents, file names (tar listing) and the manifest. */
function allBytes(tgz: string): string {
  const b = readBundle(tgz);
  const names = spawnSync('tar', ['-tvzf', tgz], { encoding: 'utf8' }).stdout;
  return names + [...b.files.values()].map((v) => v.toString('latin1')).join('\n');
}

describe.each(SHELLS)('collect.sh safety under $name', ({ name, argv }) => {
  const busybox = name === 'busybox';

  it('reads only its allowlist: shadow, keys, home directories and the environment never leak', async () => {
    const root = makeFakeRoot();
    write(root, 'etc/shadow', 'root:CANARY-SHADOW:19000:0:99999:7:::\n');
    write(root, 'root/.ssh/id_rsa', '-----BEGIN OPENSSH PRIVATE KEY-----\nCANARY-KEY\n');
    write(root, 'home/alice/secret', 'CANARY-HOME\n');
    write(root, 'etc/pki/libvirt/private/serverkey.pem', 'CANARY-PEM\n');
    // a link planted among the globbed configuration files must not pull a secret in
    symlinkSync('../shadow', join(root, 'etc/modprobe.d/evil.conf'));
    write(root, 'etc/default/grub.d/.keep', '');
    symlinkSync('../../../root/.ssh/id_rsa', join(root, 'etc/default/grub.d/key.cfg'));
    symlinkSync('../../../home/alice/secret', join(root, 'etc/default/grub.d/home.cfg'));
    const cwd = tempDir('ptd-cwd-');
    const r = await runCollector({
      shell: argv,
      cwd,
      env: { PATH: makeBin({}), PTDOCTOR_ROOT: root, CANARY_ENV: 'CANARY-ENV' },
    });
    expect(r.code, r.stderr).toBe(0);
    const tgz = join(cwd, r.stdout.toString().trim());
    const bytes = allBytes(tgz);
    for (const c of ['CANARY-SHADOW', 'CANARY-KEY', 'CANARY-HOME', 'CANARY-PEM', 'CANARY-ENV']) expect(bytes).not.toContain(c);
    const b = readBundle(tgz);
    expect(b.manifest.items.find((i) => i.source === '/etc/modprobe.d/evil.conf')?.status).toBe('error');
    expect(b.manifest.items.find((i) => i.source === '/etc/default/grub.d/home.cfg')?.status).toBe('error');
    expect(b.manifest.items.find((i) => i.source === '/etc/default/grub.d/key.cfg')?.status).toBe('error');
    // the real configuration file beside them is still collected
    expect(text(b, 'etc/modprobe.d/vfio.conf')).toBe('options vfio-pci ids=8086:29c0\n');
  });

  it('follows a symbolic link only to what the allowlist names: never into /proc/<pid>, /proc/kmsg or through a linked directory', async () => {
    const root = makeFakeRoot();
    write(root, 'proc/1/environ', 'SECRET_TOKEN=CANARY-ENVIRON\n');
    write(root, 'proc/1/cmdline', 'daemon --password CANARY-PROC-CMDLINE\n');
    // reading /proc/kmsg would block: a pipe stands for it
    fifo(root, 'proc/kmsg');
    link(root, 'etc/modprobe.d/environ.conf', '../../proc/1/environ');
    link(root, 'etc/modprobe.d/kmsg.conf', '../../proc/kmsg');
    // a directory of the allowlist that is itself a link: everything under it resolves into /proc/1
    link(root, 'opt/cloud/workspace/servers/logs', '../../../../proc/1');
    link(root, 'etc/kernel', '../proc/1');
    // /proc/mounts is a link to self/mounts on every host: the mount table of a process is allowed
    write(root, 'proc/4242/mounts', 'proc /proc proc rw 0 0\n');
    link(root, 'proc/self', '4242');
    link(root, 'proc/mounts', 'self/mounts');
    const cwd = tempDir('ptd-cwd-');
    const r = await runCollector({ shell: argv, cwd, env: { PATH: makeBin({}), PTDOCTOR_ROOT: root, PTDOCTOR_TIMEOUT: '3' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.ms).toBeLessThan(10_000);
    const tgz = join(cwd, r.stdout.toString().trim());
    const bytes = allBytes(tgz);
    expect(bytes).not.toContain('CANARY');
    const b = readBundle(tgz);
    const status = (source: string): string | undefined => b.manifest.items.find((i) => i.source === source)?.status;
    expect(status('/etc/modprobe.d/environ.conf')).toBe('error');
    expect(status('/etc/modprobe.d/kmsg.conf')).toBe('error');
    expect(status('/etc/kernel/cmdline')).toBe('error');
    expect(b.manifest.items.filter((i) => i.id === 'qemu-logs').map((i) => i.status)).toEqual(['error', 'error']);
    expect(statusOf(b, 'mounts')).toEqual(['ok']);
    expect(text(b, 'proc/mounts')).toBe('proc /proc proc rw 0 0\n');
  });

  it('gives every read a deadline: a sysfs attribute that never answers stops its listing, not the run', async () => {
    const root = makeFakeRoot();
    // reset_method of the second device blocks forever when read
    spawnSync('rm', ['-f', join(root, 'sys/devices/pci0000:00/0000:00:02.0/reset_method')]);
    fifo(root, 'sys/devices/pci0000:00/0000:00:02.0/reset_method');
    const cwd = tempDir('ptd-cwd-');
    const r = await runCollector({ shell: argv, cwd, env: { PATH: makeBin({}), PTDOCTOR_ROOT: root, PTDOCTOR_TIMEOUT: '1' } });
    expect(r.code, r.stderr).toBe(0);
    // two deadlines of 1 s (the listing, then the listing alone again) and their 2 s kill grace
    expect(r.ms).toBeLessThan(15_000);
    const b = readBundle(join(cwd, r.stdout.toString().trim()));
    const items = b.manifest.items;
    expect(statusOf(b, 'pci-sysfs')).toEqual(['timeout']);
    // what was listed before the stuck read is kept
    expect(text(b, 'commands/pci-sysfs.out')).toMatch(/^\[0000:00:00\.0\]\npath=\/sys\/devices\/pci0000:00\/0000:00:00\.0\n/);
    // the jobs after it ran, and none before it was taken for timed out
    expect(statusOf(b, 'iommu-groups')).toEqual(['ok']);
    expect(statusOf(b, 'modprobe-d')).toEqual(['ok']);
    expect(items.filter((i) => i.status === 'timeout').map((i) => i.id)).toEqual(['pci-sysfs']);
  });

  it('--redact replaces planted host names, addresses, serials and user names everywhere; PCI ids survive', async () => {
    const root = makeFakeRoot();
    write(root, 'etc/hostname', 'canary-node7.lab.example\n');
    write(root, 'proc/sys/kernel/hostname', 'canary-node7\n');
    write(
      root,
      'etc/passwd',
      'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534::/:/usr/sbin/nologin\nzorgalice:x:1000:1000::/home/zorgalice:/bin/bash\n',
    );
    write(root, 'sys/class/dmi/id/product_serial', 'CZJ7410B2X\n');
    write(root, 'sys/class/dmi/id/product_uuid', '4c4c4544-0051-3510-8052-b4c04f4c4b32\n');
    write(root, 'sys/class/dmi/id/sys_vendor', 'QEMU\n');
    write(root, 'proc/mounts', '10.20.30.40:/export /mnt/canary-node7 nfs4 rw,addr=10.20.30.40,clientaddr=fd00:ABCD::17 0 0\n');
    // a file whose NAME carries the host name, and contents with every address form
    write(
      root,
      'etc/modprobe.d/CANARY-NODE7.conf',
      [
        '# owner zorgalice on Canary-Node7.lab.example, serial CZJ7410B2X',
        '# uuid 4C4C4544-0051-3510-8052-B4C04F4C4B32',
        '# mac 52:54:00:ab:cd:ef and 52-54-00-AB-CD-EF, ipv6 fe80::5054:ff:feab:cdef and FE80::5054:FF:FEAB:CDEF',
        '# host 10.20.30.40 again',
        'options vfio-pci ids=8086:29c0,10de:1b80 # 0000:00:02.0 0000:01:00.1 00:1f.3',
        '',
      ].join('\n'),
    );
    const lspci =
      '00:02.0 VGA compatible controller [0300]: Intel Corporation 82G33/G31 Express Integrated Graphics Controller [8086:29c2] (rev 02)';
    const cwd = tempDir('ptd-cwd-');
    const bin = makeBin({ hostname: 'echo Canary-Node7.lab.example', lspci: `echo '${lspci}'` });
    const r = await runCollector({ shell: argv, cwd, args: ['--redact'], env: { PATH: bin, PTDOCTOR_ROOT: root } });
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout.toString().trim();
    const tgz = join(cwd, out);
    const bytes = allBytes(tgz).toLowerCase();
    for (const c of [
      'canary-node7',
      'lab.example',
      '10.20.30.40',
      'fe80::5054',
      'fd00:abcd',
      '52:54:00:ab',
      '52-54-00-ab',
      'czj7410b2x',
      '4c4c4544',
      'zorgalice',
    ]) {
      expect(bytes, c).not.toContain(c);
      expect(out.toLowerCase()).not.toContain(c);
    }
    const b = readBundle(tgz);
    expect(b.manifest.redacted).toBe(true);
    const conf = b.manifest.items.find((i) => i.id === 'modprobe-d');
    expect(conf?.path).toMatch(/^etc\/modprobe\.d\/redacted-host-\d+\.conf$/);
    const t = text(b, conf?.path ?? '');
    // PCI ids and addresses survive; the same value always gets the same token
    expect(t).toContain('options vfio-pci ids=8086:29c0,10de:1b80 # 0000:00:02.0 0000:01:00.1 00:1f.3');
    const ip = /redacted-ip-\d+/.exec(text(b, 'proc/mounts'))?.[0];
    expect(ip).toBeDefined();
    expect(t).toContain(`# host ${ip} again`);
    const mac = t.match(/redacted-mac-\d+/g) ?? [];
    expect(mac).toHaveLength(2);
    const ip6 = t.match(/redacted-ip6-\d+/g) ?? [];
    expect(ip6[0]).toBe(ip6[1]);
    expect(text(b, 'proc/cmdline')).toContain('intel_iommu=on iommu=pt');
    if (!busybox) expect(text(b, 'commands/lspci-nnk.out')).toBe(`${lspci}\n`);
  });

  it('--redact replaces the serial numbers of lspci VPD, USB devices, disks and NVMe names, wherever they repeat', async () => {
    const root = makeFakeRoot();
    // the formats of pciutils (ls-vpd.c), the kernel's USB core (hub.c) and NVMe core, and QEMU's -device serial=
    const vpd = [
      '01:00.0 Ethernet controller [0200]: Mellanox Technologies MT27710 Family [ConnectX-4 Lx] [15b3:1015]',
      '\tCapabilities: [48] Vital Product Data',
      '\t\tProduct Name: CX4421A- ConnectX-4 LX SFP28',
      '\t\tRead-only fields:',
      '\t\t\t[PN] Part number: MCX4421A-ACQN        ',
      '\t\t\t[SN] Serial number: MT2025KCANARY1            ',
      '\t\t\t[VU] Vendor specific: MT2025KCANARY1MLNXS0D0F0',
      '\t\tEnd',
    ].join('\n');
    const klog = [
      '[  176.155765] usb 1-3: New USB device strings: Mfr=1, Product=2, SerialNumber=3',
      '[  176.155778] usb 1-3: SerialNumber: 0129CANARY2A5',
      '[    0.713001] usb usb1: SerialNumber: 0000:00:14.0',
      '[    3.101010] scsi 6:0:0:0: Direct-Access ATA Samsung SSD 860 Serial Number: S3Z9CANARY3',
      '[    2.345678] nvme nvme1: ignoring ctrl due to duplicate subnqn (nqn.2014.08.org.nvmexpress:144d144dS4EWCANARY4     Samsung SSD 970 EVO Plus 1TB).',
      'qemu-system-x86_64 -device nvme,serial=CANARY5,drive=nvm0 -device virtio-blk-pci,drive=d1,serial=CANARY6',
      '',
    ].join('\n');
    // a file every shell collects (busybox runs its own dmesg and lspci): a QEMU log of the host
    write(root, 'opt/cloud/workspace/servers/logs/vm1.log', `${vpd}\n${klog}`);
    const cwd = tempDir('ptd-cwd-');
    const bin = makeBin({ lspci: `printf '%s\\n' '${vpd.replaceAll('\t', '\\t')}'`, dmesg: `printf '%s' '${klog}'` });
    const r = await runCollector({ shell: argv, cwd, args: ['--redact'], env: { PATH: bin, PTDOCTOR_ROOT: root } });
    expect(r.code, r.stderr).toBe(0);
    const tgz = join(cwd, r.stdout.toString().trim());
    expect(allBytes(tgz).toUpperCase()).not.toContain('CANARY');
    const b = readBundle(tgz);
    const t = text(b, 'opt/cloud/workspace/servers/logs/vm1.log');
    const serial = /\[SN\] Serial number: (redacted-serial-\d+) *$/m.exec(t)?.[1];
    expect(serial).toBeDefined();
    expect(t).toContain(`[VU] Vendor specific: ${serial ?? ''}MLNXS0D0F0`);
    // what is not a serial stays: the USB string index, a root hub's PCI address, the part number, the model
    expect(t).toContain('SerialNumber=3');
    expect(t).toContain('usb usb1: SerialNumber: 0000:00:14.0');
    expect(t).toContain('[PN] Part number: MCX4421A-ACQN');
    expect(t).toContain('     Samsung SSD 970 EVO Plus 1TB).');
    if (!busybox) {
      expect(text(b, 'commands/lspci-vvv.out')).toContain(`[SN] Serial number: ${serial ?? ''}`);
      expect(text(b, 'commands/dmesg.out')).toMatch(/usb 1-3: SerialNumber: redacted-serial-\d+$/m);
    }
  });

  it('SIGINT mid-run leaves no temp files and no partial bundle', async () => {
    const root = makeFakeRoot();
    const cwd = tempDir('ptd-cwd-');
    const tmp = tempDir('ptd-tmp-');
    const bin = makeBin({ 'systemd-detect-virt': "trap '' TERM; sleep 1000" });
    const r = await runCollector({
      shell: argv,
      cwd,
      env: { PATH: bin, PTDOCTOR_ROOT: root, TMPDIR: tmp, PTDOCTOR_TIMEOUT: '60' },
      interruptAfterMs: 2500,
    });
    expect(r.code).toBe(130);
    expect(r.ms).toBeLessThan(10_000);
    await new Promise((res) => setTimeout(res, 300));
    expect(readdirSync(tmp)).toEqual([]);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('real run on this machine', () => {
  const fallbackIds = new Set(EVIDENCE.filter((e) => 'fallbackFor' in e).map((e) => e.id));
  it.each([false, true])('nobody=%s: the bundle validates and covers every layout id', async (nobody) => {
    const cwd = tempDir('ptd-real-');
    chmodSync(cwd, 0o777);
    const r = await runCollector({ shell: ['/bin/sh'], cwd, nobody });
    expect(r.code, r.stderr).toBe(0);
    const b = readBundle(join(cwd, r.stdout.toString().trim()));
    expect(b.manifest.uid).toBe(nobody ? 65534 : 0);
    const ids = new Set(b.manifest.items.map((i) => i.id));
    for (const e of EVIDENCE) if (!fallbackIds.has(e.id)) expect(ids.has(e.id), e.id).toBe(true);
    expect(b.manifest.items.find((i) => i.id === 'cmdline')?.status).toBe('ok');
    expect(text(b, 'commands/pci-sysfs.out')).toMatch(/^\[0000:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]\]\npath=\/sys\/devices\//);
  });
});
