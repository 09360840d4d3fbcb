/**
 * What each real line of test/fixtures/log-lines/ must match, written by hand from the line and
 * the catalogue's format strings (test/fixtures/log-lines/SOURCES.md says where each line was
 * published). `[]` marks a real line that proves none of the catalogued faults.
 */
type Groups = Readonly<Record<string, string>>;
export interface PublishedLine {
  readonly file: 'kernel' | 'qemu' | 'libvirt' | 'dpdk' | 'vendor-reset' | 'cloudpods-host';
  readonly line: number;
  readonly expect: readonly { readonly id: string; readonly groups: Groups }[];
}

const GPU_BIND_ERROR =
  'bind {"bus_id":"03:00.1","class_code":"0403","class_name":"Audio device","device_id":"10f7","device_name":"TU102 High Definition Audio Controller","subdevice_id":"3712","subdevice_name":"TU102 High Definition Audio Controller","subvendor_id":"1462","subvendor_name":"Micro-Star International Co., Ltd. [MSI]","vendor_id":"10de","vendor_name":"NVIDIA Corporation"} vfio-pci driver: bindDriver: write /sys/bus/pci/drivers/vfio-pci/new_id: file exists';

function k(line: number, ...expect: PublishedLine['expect']): PublishedLine {
  return { file: 'kernel', line, expect };
}
const one = (id: string, groups: Groups = {}) => ({ id, groups });

export const PUBLISHED_LINES: readonly PublishedLine[] = [
  k(1, one('intel-iommu-enabled')),
  k(2, one('intel-iommu-disabled')),
  k(3, one('intel-iommu-vtd-initialized')),
  k(4, one('dmar-ir-enabled', { value: 'xapic' })),
  k(5, one('iommu-default-domain', { value: 'Passthrough' })),
  k(6, one('iommu-default-domain', { value: 'Translated' })),
  k(7, one('iommu-group-added', { device: '0000:00:04.0', group: '3' })),
  k(8, one('amd-iommu-found', { device: '0000:00:01.0' })),
  k(9, one('amd-iommu-extended-features')),
  k(10, one('amd-iommu-ir-enabled')),
  k(11, one('driver-probe-failed', { module: 'vfio-pci', device: '0000:01:00.0', errno: '-22' })),
  k(12, one('iommu-group-added', { device: '000a:11:00.0', group: '2' })),
  k(13, one('dmar-dma-fault', { device: '00:02.0', value: '0x01' })),
  k(14, one('dmar-fault-status', { value: '3' })),
  k(15, one('dmar-dma-fault-legacy', { device: '06:00.0', value: '06' })),
  k(16, one('dmar-dma-fault-legacy', { device: '00:12.0', value: '05' })),
  k(17, one('amd-iommu-io-page-fault', { device: '0000:01:00.0' })),
  k(18, one('intel-iommu-rmrr-ineligible', { device: '0000:01:00.1' })),
  k(19, one('intel-iommu-rmrr-ineligible', { device: '0000:04:00.1' })),
  k(20, one('dmar-ir-ioapic-no-iommu', { value: '0' })),
  k(21, one('dmar-ir-not-enabling')),
  k(22, one('dmar-ir-failed')),
  k(23, one('amd-iommu-unknown-option', { value: 'on' })),
  k(24, one('iommu-group-added-legacy', { device: '0000:00:02.0', group: '1' })),
  k(25, one('driver-probe-with-driver-failed', { device: '0001:01:00.0', module: 'vfio-pci', errno: '-22' })),
  k(26, one('iommu-direct-mapping-required')),
  k(27, one('pci-bar-cant-reserve', { device: '0000:05:00.0', bar: '0', value: 'mem 0xd0000000-0xdfffffff 64bit pref' })),
  k(28, one('pci-bar-cant-reserve', { device: '0000:c3:00.0', bar: '0', value: 'mem 0x2800000000-0x2fffffffff 64bit pref' })),
  k(29, one('pci-flr-pending-transaction', { device: '0007:00:00.1' })),
  k(30, one('pci-not-ready-waiting', { device: '0007:00:00.1', value: 'FLR' })),
  k(31, one('pci-not-ready-giving-up', { device: '0007:00:00.1', value: 'FLR' })),
  k(32, one('pci-power-up-inaccessible', { device: '0000:01:00.0', value: 'D3cold' })),
  k(33, one('pci-flr-pending-transaction', { device: '0000:01:00.0' })),
  k(34, one('vfio-memlock-exceeded', { value: '65536' })),
  k(35, one('module-param-unknown-ignored', { module: 'vfio_pci', param: 'disable_vga' })),
  k(36),
  k(37, one('hugetlb-unsupported-size-legacy', { value: '1024' })),
  k(38, one('sriov-no-mmio-resources', { device: '0000:00:02.0' })),
  k(39, one('pci-resource-claim-no-window', { device: '0000:00:1f.5', bar: 'BAR 0' })),
  k(40, one('pci-resource-no-space', { device: '0000:ca:00.0', bar: 'BAR 0' })),
  k(41, one('pci-resource-assign-failed', { device: '0000:ca:00.0', bar: 'BAR 0' })),
  k(42, one('pci-resource-no-space', { device: '0000:c5:00.0', bar: 'VF BAR 5' })),
  k(43, one('pci-bar-no-space-legacy', { device: '0000:00:15.0', bar: '13' })),
  k(44, one('pci-bar-assign-failed-legacy', { device: '0000:00:15.0', bar: '13' })),
  k(45, one('pci-resource-bogus-alignment', { device: '0000:c7:00.0', bar: 'ROM' })),
  k(46, one('aer-nonfatal-received', { device: '0000:80:1b.4', value: '0000:80:1b.4' })),
  k(47, one('aer-nonfatal-bus-error', { device: '0000:80:1b.4', value: 'Transaction Layer' })),
  k(48, one('aer-no-error-handler', { device: '0000:97:00.0' })),
  k(49, one('aer-recovery-failed', { device: '0000:80:1b.4' })),
  k(50, one('aer-fatal-received', { device: '0000:00:1b.2', value: '0000:03:04.0' })),
  k(51, one('aer-fatal-bus-error', { device: '0000:03:04.0', value: 'Transaction Layer' })),
  k(52),
  k(53, one('dmar-bios-broken-address', { value: 'fbffc000' })),
  k(54, one('dmar-bios-broken-address', { value: 'fed64000' })),
  k(55, one('intel-iommu-rmrr-not-reserved', { value: '0x000000003e2e0000-0x000000003e2fffff' })),
  k(56, one('intel-iommu-bad-rmrr', { value: '0x000000003e2e0000-0x000000003e2fffff' })),
  k(57, one('x2apic-no-irq-remapping')),
  k(58, one('acs-override-enabled')),
  k(59, one('mlx5-command-timeout', { device: '0000:61:00.0', value: 'CREATE_DCT' })),
  k(60, one('arm-smmu-context-fault', { value: '0x19c3' })),
  k(61, one('driver-probe-failed', { module: 'vfio-pci', device: '0000:65:00.0', errno: '-22' })),
  k(62, one('pci-not-ready-waiting', { device: '0000:01:00.0', value: 'resume' })),
  k(63, one('pci-not-ready-giving-up', { device: '0000:01:00.0', value: 'resume' })),
  k(64, one('pci-power-refused-legacy', { device: '0000:01:00.0', value: '0' })),
  k(65, one('gic-its-tables-allocated', { value: '0x0000000008080000' })),
  k(66, one('gic-its-tables-allocated', { value: '0x0000000008080000' })),
  k(67, one('gic-its-pci-msi-domain', { value: 'ITS@0x8080000' })),
  k(68, one('gic-its-pci-msi-domain', { value: '/intc@8000000/its@8080000' })),
  k(69, one('gicv2m-frame', { value: '0x08020000' })),
  k(70, one('arm64-cpus-started-el2')),
  k(71, one('arm64-cpus-started-el1')),
  k(72, one('kvm-arm-hyp-unavailable')),
  k(73, one('kvm-arm-initialized', { value: 'VHE' })),
  k(74, one('kvm-arm-hyp-initialized-legacy')),
  k(75, one('arm-smmu-v3-probed', { value: '44' })),
  k(76, one('arm-smmu-v3-probed', { value: '44' })),
  k(77, one('arm-smmu-v3-stream-in-tree', { device: '0000:03:01.0', value: '40' })),
  k(78, one('arm-smmu-v3-stream-in-tree', { device: '0000:03:01.0', value: '40' })),
  k(79, one('gic-its-tables-allocated', { value: '0x0000000008080000' })),
  k(80, one('kvm-arm-mode-ignored')),
  k(81, one('kvm-x86-disabled-by-bios-legacy')),
  k(82, one('kvm-x86-no-hardware-support-legacy')),
  k(83, one('pci-unknown-header-type', { device: '0000:42:02.0', value: '7f' })),
  k(84, one('amd-iommu-ioapic-not-in-ivrs-legacy', { value: '7' })),
  k(85, one('amd-iommu-no-southbridge-ioapic-legacy')),
  k(86, one('amd-iommu-ir-disabled-legacy')),
  k(87, one('amd-iommu-iotlb-inv-timeout', { device: '06:00.0' })),
  k(88, one('intel-iommu-width-exceeded', { value: '39' })),
  k(89, one('arm-smmu-global-fault')),

  ...[
    [1, '0000:44:00.0', '47'],
    [2, '0000:00:02.0', '1'],
    [3, '0000:38:00.0', '48'],
    [4, '0000:82:00.0', '102'],
    [5, '00000000-0000-0000-0000-000000000000', '0'],
  ].map(([line, device, group]): PublishedLine => ({
    file: 'qemu',
    line: Number(line),
    expect: [one('qemu-vfio-group-open-failed', { device: String(device), group: String(group), errno: 'No such file or directory' })],
  })),
  { file: 'qemu', line: 6, expect: [one('qemu-vfio-group-not-viable', { device: '0000:04:00.0', group: '1' })] },
  { file: 'qemu', line: 7, expect: [one('qemu-vfio-group-not-viable', { device: '0000:01:00.0', group: '1' })] },
  { file: 'qemu', line: 8, expect: [one('qemu-vfio-group-not-viable', { device: '0000:01:00.0', group: '1' })] },
  {
    file: 'qemu',
    line: 9,
    expect: [
      one('qemu-vfio-container-setup-failed', {
        device: '0001:01:00.0',
        group: '2',
        value: 'Failed to set iommu for container: Operation not permitted',
      }),
    ],
  },
  {
    file: 'qemu',
    line: 10,
    expect: [
      one('qemu-vfio-container-setup-failed', {
        device: '0000:04:00.1',
        group: '37',
        value: 'Failed to set group container: Operation not permitted',
      }),
    ],
  },
  { file: 'qemu', line: 11, expect: [one('qemu-vfio-no-iommu-group', { device: '0000:00:14.0', errno: 'No such file or directory' })] },
  { file: 'qemu', line: 12, expect: [one('qemu-vfio-no-iommu-group', { device: '0000:08:00.0', errno: 'No such file or directory' })] },
  { file: 'qemu', line: 13, expect: [one('qemu-vfio-reset-unavailable', { device: '0000:00:1f.3' })] },
  { file: 'qemu', line: 14, expect: [one('qemu-vfio-reset-unavailable', { device: '0000:00:14.0' })] },
  { file: 'qemu', line: 15, expect: [one('qemu-guest-ram-map-failed', { errno: 'Cannot allocate memory' })] },

  {
    file: 'libvirt',
    line: 1,
    expect: [
      one('libvirt-pci-reset-failed', {
        device: '0000:05:00.2',
        value: 'internal error: Active 0000:05:00.0 devices on bus with 0000:05:00.2, not doing bus reset',
      }),
      one('libvirt-bus-reset-refused', { value: '0000:05:00.0', device: '0000:05:00.2' }),
    ],
  },
  {
    file: 'libvirt',
    line: 2,
    expect: [
      one('libvirt-pci-reset-failed', {
        device: '0000:00:14.0',
        value: 'no FLR, PM reset or bus reset available. see /var/log/libvirt/libxl-driver.log for details',
      }),
    ],
  },

  { file: 'libvirt', line: 3, expect: [one('libvirt-pci-unknown-header-type', { value: '127', device: '0000:0b:02.4' })] },

  { file: 'dpdk', line: 1, expect: [one('dpdk-vfio-group-not-viable', { device: '0000:44:00.3' })] },
  { file: 'dpdk', line: 2, expect: [] },

  { file: 'vendor-reset', line: 1, expect: [one('vendor-reset-psp-not-ready', { device: '0000:c7:00.0', value: 'AMD_NAVI10' })] },
  { file: 'vendor-reset', line: 2, expect: [one('vendor-reset-psp-no-ack', { device: '0000:c7:00.0', value: 'AMD_NAVI10' })] },
  { file: 'vendor-reset', line: 3, expect: [one('vendor-reset-failed', { device: '0000:c7:00.0', value: 'AMD_NAVI10' })] },
  { file: 'vendor-reset', line: 4, expect: [] },
  { file: 'vendor-reset', line: 5, expect: [one('vendor-reset-psp-not-ready', { device: '0000:0c:00.0', value: 'AMD_NAVI14' })] },

  ...[1, 2].map((line): PublishedLine => ({
    file: 'cloudpods-host',
    line,
    expect: [
      one('cloudpods-host-init-error', { value: 'Prepare environment: hugepage 1024 nr 0' }),
      one('cloudpods-hugepage-nr-zero', { value: '1024' }),
    ],
  })),
  { file: 'cloudpods-host', line: 3, expect: [] },
  { file: 'cloudpods-host', line: 4, expect: [one('cloudpods-unknown-config-key', { param: 'enable-qmp-monitor' })] },
  { file: 'cloudpods-host', line: 5, expect: [one('cloudpods-unknown-config-key', { param: 'health-driver' })] },
  {
    file: 'cloudpods-host',
    line: 6,
    expect: [
      one('cloudpods-gpu-probe-failed-3-10', { value: `Force bind vfio-pci driver: ${GPU_BIND_ERROR}` }),
      one('cloudpods-force-bind-failed', { value: GPU_BIND_ERROR }),
      one('cloudpods-new-id-exists'),
    ],
  },
  { file: 'cloudpods-host', line: 7, expect: [one('cloudpods-dev-addr-registered', { device: '001:002' })] },
  { file: 'cloudpods-host', line: 8, expect: [one('cloudpods-boot-vga-skipped', { device: '00:02.0' })] },
  { file: 'cloudpods-host', line: 9, expect: [one('cloudpods-boot-vga-found', { device: '02:00.0' })] },
  { file: 'cloudpods-host', line: 10, expect: [] },
];
