/**
 * The items added for BAR owners, the management NIC, AER and ARM64 hosts, on a fake root shaped
 * like sysfs and procfs: /proc/iomem (and what another user than root gets), the network devices
 * with their PCI functions and routes, the AER counters and the AER lines of the kernel log, the
 * IOMMU units' devices and the groups' domain types, and the device tree's IOMMU and MSI wiring.
 * File contents are real: /proc/net of this machine, /proc/iomem of the lab and of this machine as
 * nobody, sysfs attribute formats of drivers/pci/pcie/aer.c and drivers/iommu/iommu.c, and a
 * kern.log excerpt of a ROCm user (https://github.com/ROCm/ROCm/issues/858).
 */
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHELLS, link, makeBin, makeFakeRoot, readBundle, runCollector, statusOf, tempDir, text, write } from './harness.js';

const fixture = (p: string): string => readFileSync(join('test/fixtures', p), 'utf8');

// /proc/net of this machine (eth0 with an IPv4 and an IPv6 default route), verbatim
const ROUTE = [
  'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT                                                       ',
  'eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0                                                                               ',
  'eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0                                                                               ',
  '',
].join('\n');
const IPV6_ROUTE = [
  'fd000000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001     eth0',
  'fe800000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000002 00000000 00000001     eth0',
  '00000000000000000000000000000000 00 00000000000000000000000000000000 00 fd000000000000000000000000000001 00000400 00000003 00000000 00000003     eth0',
  '00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo',
  '',
].join('\n');
const IF_INET6 = [
  '00000000000000000000000000000001 01 80 10 80       lo',
  'fd000000000000000000000000000002 04 40 00 82     eth0',
  'fe8000000000000000fc00fffe000001 04 40 20 80     eth0',
  '',
].join('\n');

const KERN_LOG = [
  "Aug  8 01:33:08 localhost kernel: [ 3163.119865] Signal event wasn't created because limit was reached",
  'Aug  8 01:33:26 localhost kernel: [ 3181.587314] pcieport 0000:00:03.1: AER: Multiple Uncorrected (Fatal) error received: id=0000',
  'Aug  8 01:33:26 localhost kernel: [ 3181.629625] pcieport 0000:00:03.1: PCIe Bus Error: severity=Uncorrected (Fatal), type=Transaction Layer, id=0019(Receiver ID)',
  'Aug  8 01:33:26 localhost kernel: [ 3181.630510] pcieport 0000:00:03.1:   device [1022:1453] error status/mask=00040000/04400000',
  'Aug  8 01:33:26 localhost kernel: [ 3181.631159] pcieport 0000:00:03.1:    [18] Malformed TLP          (First)',
  'Aug  8 01:33:26 localhost kernel: [ 3181.631687] pcieport 0000:00:03.1:   TLP Header: 1f000001 00000000 00000000 e750772f',
  'Aug  8 01:33:26 localhost kernel: [ 3181.632291] pcieport 0000:00:03.1: broadcast error_detected message',
  'Aug  8 01:33:26 localhost kernel: [ 3181.632294] amdgpu 0000:0a:00.0: device has no AER-aware driver',
  'Aug  8 01:33:26 localhost kernel: [ 3181.632296] snd_hda_intel 0000:0a:00.1: device has no AER-aware driver',
  'Aug  8 01:33:27 localhost kernel: [ 3182.429577] amdgpu: [powerplay] Failed to send message 0x10, response 0xffffffff',
  'Aug  8 01:33:27 localhost kernel: [ 3182.673399] pcieport 0000:00:03.1: Root Port link has been reset',
  'Aug  8 01:33:27 localhost kernel: [ 3182.673404] pcieport 0000:00:03.1: AER: Device recovery failed',
  '',
].join('\n');

/** aer_dev_* as drivers/pci/pcie/aer.c prints them (every named counter, then the total). */
function aerFile(names: readonly string[], total: string, counts: Record<string, number>): string {
  const lines = names.map((n) => `${n} ${counts[n] ?? 0}`);
  const sum = Object.values(counts).reduce((a, b) => a + b, 0);
  return `${[...lines, `TOTAL_${total} ${sum}`].join('\n')}\n`;
}
const UNCORRECTABLE = [
  'Undefined',
  'DLP',
  'SDES',
  'TLP',
  'FCP',
  'CmpltTO',
  'CmpltAbrt',
  'UnxCmplt',
  'RxOF',
  'MalfTLP',
  'ECRC',
  'UnsupReq',
  'ACSViol',
];
const CORRECTABLE = ['RxErr', 'BadTLP', 'BadDLLP', 'Rollover', 'Timeout', 'NonFatalErr', 'CorrIntErr', 'HeaderOF'];

function newItemsRoot(): string {
  const root = makeFakeRoot();
  write(root, 'proc/iomem', fixture('iomem/lab-intel-healthy-6.1.txt'));
  write(root, 'proc/net/route', ROUTE);
  write(root, 'proc/net/ipv6_route', IPV6_ROUTE);
  write(root, 'proc/net/if_inet6', IF_INET6);
  // a virtio NIC on 0000:00:02.0, port of the bridge br0 that carries the host's addresses
  const nic = 'sys/devices/pci0000:00/0000:00:02.0/virtio1';
  write(root, `${nic}/net/eth0/type`, '1\n');
  write(root, `${nic}/net/eth0/operstate`, 'up\n');
  link(root, `${nic}/net/eth0/device`, '../../../virtio1');
  write(root, 'sys/bus/virtio/drivers/virtio_net/.keep', '');
  link(root, `${nic}/driver`, '../../../../bus/virtio/drivers/virtio_net');
  link(root, 'sys/class/net/eth0', `../../devices/pci0000:00/0000:00:02.0/virtio1/net/eth0`);
  write(root, 'sys/devices/virtual/net/br0/type', '1\n');
  write(root, 'sys/devices/virtual/net/br0/operstate', 'up\n');
  link(root, 'sys/devices/virtual/net/br0/lower_eth0', `../../../pci0000:00/0000:00:02.0/virtio1/net/eth0`);
  link(root, `${nic}/net/eth0/master`, '../../../../../virtual/net/br0');
  link(root, 'sys/class/net/br0', '../../devices/virtual/net/br0');
  // AER counters of the NIC's function: a completion timeout and three receiver errors
  const dev = 'sys/devices/pci0000:00/0000:00:02.0';
  write(root, `${dev}/aer_dev_correctable`, aerFile(CORRECTABLE, 'ERR_COR', { RxErr: 3 }));
  write(root, `${dev}/aer_dev_fatal`, aerFile(UNCORRECTABLE, 'ERR_FATAL', { CmpltTO: 1 }));
  write(root, `${dev}/aer_dev_nonfatal`, aerFile(UNCORRECTABLE, 'ERR_NONFATAL', {}));
  // IOMMU: the groups' domain types and the unit's devices
  write(root, 'sys/kernel/iommu_groups/0/type', 'DMA-FQ\n');
  write(root, 'sys/kernel/iommu_groups/1/type', 'identity\n');
  link(root, 'sys/class/iommu/dmar0/devices/0000:00:02.0', '../../../../devices/pci0000:00/0000:00:02.0');
  // the device tree of QEMU's virt machine with an SMMUv3 and a GICv3 ITS
  const dt = 'sys/firmware/devicetree/base';
  write(root, `${dt}/smmuv3@9050000/#iommu-cells`, '\0\0\0\x01');
  write(root, `${dt}/smmuv3@9050000/compatible`, 'arm,smmu-v3\0');
  write(root, `${dt}/pcie@10000000/iommu-map`, '\0\0\0\0');
  write(root, `${dt}/pcie@10000000/msi-map`, '\0\0\0\0');
  write(root, `${dt}/pcie@10000000/compatible`, 'pci-host-ecam-generic\0');
  write(root, `${dt}/intc@8000000/its@8080000/msi-controller`, '');
  write(root, `${dt}/intc@8000000/its@8080000/compatible`, 'arm,gic-v3-its\0');
  write(root, `${dt}/pl011@9000000/compatible`, 'arm,pl011\0arm,primecell\0');
  write(root, 'var/log/kern.log', KERN_LOG);
  return root;
}

describe.each(SHELLS)('collect.sh new items under $name', ({ name, argv }) => {
  const busybox = name === 'busybox';

  it('lists BAR owners, network devices, AER counters and lines, IOMMU units and domain types, device-tree wiring', async () => {
    const root = newItemsRoot();
    const cwd = tempDir('ptd-cwd-');
    // dmesg fails: the kernel log comes from /var/log/kern.log (busybox runs its own dmesg)
    const bin = makeBin({ dmesg: "echo 'dmesg: read kernel buffer failed: Operation not permitted' >&2; exit 1" });
    const r = await runCollector({ shell: argv, cwd, env: { PATH: bin, PTDOCTOR_ROOT: root } });
    expect(r.code, r.stderr).toBe(0);
    const b = readBundle(join(cwd, r.stdout.toString().trim()));
    expect(text(b, 'proc/iomem')).toBe(fixture('iomem/lab-intel-healthy-6.1.txt'));
    expect(statusOf(b, 'proc-iomem')).toEqual(['ok']);
    expect(text(b, 'commands/net-devices.out')).toBe(
      [
        '[br0]',
        'path=/sys/devices/virtual/net/br0',
        'lower=eth0',
        'type=1',
        'operstate=up',
        '',
        '[eth0]',
        'path=/sys/devices/pci0000:00/0000:00:02.0/virtio1/net/eth0',
        'device=virtio1',
        'driver=virtio_net',
        'master=br0',
        'type=1',
        'operstate=up',
        '',
        'route4 eth0 default',
        'route4 eth0 subnet',
        'route6 eth0 default',
        'addr6 eth0 global',
        '',
      ].join('\n'),
    );
    expect(text(b, 'commands/pci-aer.out')).toBe(
      [
        '0000:00:02.0 aer_dev_correctable RxErr 3',
        '0000:00:02.0 aer_dev_correctable TOTAL_ERR_COR 3',
        '0000:00:02.0 aer_dev_fatal CmpltTO 1',
        '0000:00:02.0 aer_dev_fatal TOTAL_ERR_FATAL 1',
        '0000:00:02.0 aer_dev_nonfatal TOTAL_ERR_NONFATAL 0',
        '',
      ].join('\n'),
    );
    expect(text(b, 'commands/iommu-group-type.out')).toBe('0 DMA-FQ\n1 identity\n');
    expect(text(b, 'commands/iommu-devices.out')).toBe('dmar0 0000:00:02.0\n');
    expect(text(b, 'commands/sys-class-iommu.out')).toBe('dmar0\n');
    // find lists in directory order: compared as a set of lines
    expect(text(b, 'commands/devicetree-iommu.out').split('\n').sort()).toEqual(
      [
        '',
        '#iommu-cells /smmuv3@9050000',
        'compatible /smmuv3@9050000 arm,smmu-v3',
        'iommu-map /pcie@10000000',
        'msi-map /pcie@10000000',
        'msi-controller /intc@8000000/its@8080000',
        'compatible /intc@8000000/its@8080000 arm,gic-v3-its',
      ].sort(),
    );
    if (!busybox) {
      expect(statusOf(b, 'kern-log')).toEqual(['ok']);
      expect(text(b, 'commands/kernel-log-aer.out')).toBe(
        KERN_LOG.split('\n')
          .filter((_, i) => [1, 2, 3, 4, 5, 6, 7, 8, 10, 11].includes(i))
          .map((l) => `${l}\n`)
          .join(''),
      );
    }
    expect(statusOf(b, 'kernel-log-aer')).toEqual(['ok']);
  });

  it('as nobody: /proc/iomem with every address zero is kept and marked denied', async () => {
    const root = newItemsRoot();
    write(root, 'proc/iomem', fixture('iomem/firecracker-6.18-nobody.txt'));
    const cwd = tempDir('ptd-cwd-');
    chmodSync(cwd, 0o777);
    const r = await runCollector({ shell: argv, cwd, nobody: true, env: { PATH: makeBin({}), PTDOCTOR_ROOT: root } });
    expect(r.code, r.stderr).toBe(0);
    const b = readBundle(join(cwd, r.stdout.toString().trim()));
    expect(b.manifest.items.find((i) => i.id === 'proc-iomem')).toMatchObject({ status: 'denied', path: 'proc/iomem' });
    expect(text(b, 'proc/iomem')).toBe(fixture('iomem/firecracker-6.18-nobody.txt'));
    expect(r.stderr).toContain('proc-iomem');
  });

  it('marks the listings absent where the host has no device tree, no IOMMU and no network', async () => {
    const root = makeFakeRoot();
    const cwd = tempDir('ptd-cwd-');
    const r = await runCollector({ shell: argv, cwd, env: { PATH: makeBin({}), PTDOCTOR_ROOT: root } });
    expect(r.code, r.stderr).toBe(0);
    const b = readBundle(join(cwd, r.stdout.toString().trim()));
    expect(statusOf(b, 'devicetree-iommu')).toEqual(['absent']);
    expect(statusOf(b, 'iommu-devices')).toEqual(['absent']);
    expect(statusOf(b, 'net-devices')).toEqual(['absent']);
    expect(statusOf(b, 'proc-iomem')).toEqual(['absent']);
    // groups exist (the lab's), their type files do not: an empty listing
    expect(b.manifest.items.find((i) => i.id === 'iommu-group-type')).toMatchObject({ status: 'ok', bytes: 0 });
    expect(b.manifest.items.find((i) => i.id === 'pci-aer')).toMatchObject({ status: 'ok', bytes: 0 });
  });
});
