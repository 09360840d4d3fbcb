/**
 * EXPANDED FROM THE FORMAT STRING, NOT PUBLISHED LINES. For catalogue entries no published line
 * was found for, one message each, written by hand by filling the entry's format string (and the
 * printer's prefix) with plausible values. They check the pattern against its own format; they
 * prove nothing about real hosts. The report lists these entries.
 */
type Groups = Readonly<Record<string, string>>;
export interface ExpandedExample {
  readonly id: string;
  readonly message: string;
  readonly groups: Groups;
}
const x = (id: string, message: string, groups: Groups = {}): ExpandedExample => ({ id, message, groups });
const D = '0000:01:00.0';

export const EXPANDED_EXAMPLES: readonly ExpandedExample[] = [
  x('kvm-x86-disabled-by-bios', "kvm: support for 'kvm_intel' disabled by bios", { module: 'kvm_intel' }),
  x('kvm-x86-no-hardware-support', "kvm: no hardware support for 'kvm_amd'", { module: 'kvm_amd' }),
  x('kvm-intel-vmx-disabled-by-bios', 'kvm_intel: VMX not enabled (by BIOS) in MSR_IA32_FEAT_CTL on CPU 0', { value: '0' }),
  x('kvm-intel-vmx-unsupported', 'kvm_intel: VMX not supported by CPU 0', { value: '0' }),
  x('kvm-amd-svm-unsupported', 'kvm_amd: SVM not supported by CPU 0', { value: '0' }),
  x('intel-iommu-platform-opt-in', 'DMAR: Intel-IOMMU force enabled due to platform opt in'),
  x('intel-iommu-unknown-option', "DMAR: Unknown option - 'pt'", { value: 'pt' }),
  x('intel-iommu-qat-wrong-unit', 'DMAR: [Firmware Bug]: BIOS assigned incorrect VT-d unit for Intel(R) QuickData Technology device'),
  x('dmar-rhsa-broken', 'DMAR: [Firmware Bug]: Your BIOS is broken; RHSA refers to non-existent DMAR unit at fbffc000', {
    value: 'fbffc000',
  }),
  x('dmar-no-drhd', 'DMAR: [Firmware Bug]: No DRHD structure found in DMAR table'),
  x('dmar-record-past-end', 'DMAR: [Firmware Bug]: Record passes table end'),
  x('dmar-rmrr-workaround', 'DMAR: [Firmware Bug]: RMRR entry for device 03:00.0 is broken - applying workaround', { device: '03:00.0' }),
  x('dmar-parse-failure', 'DMAR: Parse DMAR table failure.'),
  x('dmar-no-devices', 'DMAR: No DMAR devices found'),
  x(
    'dmar-dma-fault-pasid',
    'DMAR: [DMA Write PASID 0x1] Request device [3b:00.0] fault addr 0xfee00000 [fault reason 0x05] PTE Write access is not set',
    { device: '3b:00.0', value: '0x05' },
  ),
  x(
    'dmar-intr-remap-fault',
    'DMAR: [INTR-REMAP] Request device [00:1f.0] fault index 0x18 [fault reason 0x25] Blocked a compatibility format interrupt request',
    { device: '00:1f.0', value: '0x25' },
  ),
  x('dmar-ir-chipset-erratum', 'DMAR-IR: This system BIOS has enabled interrupt remapping'),
  x('dmar-ir-setup-failed', 'DMAR-IR: Failed to setup irq remapping for dmar0', { value: 'dmar0' }),
  x('amd-iommu-sme-unsupported', 'AMD-Vi: IOMMU not currently supported when SME is active'),
  x('amd-iommu-ivrs-checksum', 'AMD-Vi: [Firmware Bug]: IVRS invalid checksum'),
  x('amd-iommu-ivrs-bad-ivhd', 'AMD-Vi: [Firmware Bug]: Invalid IVHD device type 0x50', { value: '0x50' }),
  x('amd-iommu-ivrs-table-error', 'AMD-Vi: IVRS table error: AE_NO_MEMORY', { value: 'AE_NO_MEMORY' }),
  x(
    'amd-iommu-efr-inconsistent',
    'AMD-Vi: [Firmware Bug]: Found inconsistent EFR/EFR2 0x246577efa2254afa,0x0 (global 0x206d73ef22254ade,0x0) on iommu1 (0000:40:00.2).',
    { device: '0000:40:00.2' },
  ),
  x('amd-iommu-mmio-unreserved', 'AMD-Vi: Can not reserve memory region fd200000-fd27ffff for mmio', { value: 'fd200000-fd27ffff' }),
  x('amd-iommu-ioapic-not-in-ivrs', 'AMD-Vi: [Firmware Bug]: : IOAPIC[9] not in IVRS table', { value: '9' }),
  x('amd-iommu-no-southbridge-ioapic', 'AMD-Vi: [Firmware Bug]: : No southbridge IOAPIC found'),
  x('amd-iommu-ir-disabled', 'AMD-Vi: Disabling interrupt remapping'),
  x(
    'amd-iommu-io-page-fault-unknown-device',
    'AMD-Vi: Event logged [IO_PAGE_FAULT device=0000:03:00.0 domain=0x0000 address=0xfffffffdf8000000 flags=0x0a00]',
    { device: '0000:03:00.0' },
  ),
  x(
    'amd-iommu-illegal-dte',
    'iommu ivhd0: AMD-Vi: Event logged [ILLEGAL_DEV_TABLE_ENTRY device=0000:00:14.0 pasid=0x00000 address=0xfffffffdf8000000 flags=0x0a00]',
    { device: '0000:00:14.0' },
  ),
  x(
    'amd-iommu-invalid-device-request',
    'iommu ivhd0: AMD-Vi: Event logged [INVALID_DEVICE_REQUEST device=0000:00:00.0 pasid=0x00000 address=0xfffffffdf8000000 flags=0x0a00]',
    { device: '0000:00:00.0' },
  ),
  x(
    'arm-smmu-unknown-stream',
    'arm-smmu 9000000.iommu: Blocked unknown Stream ID 0x2000; boot with "arm-smmu.disable_bypass=0" to allow, but this may have security implications',
    { value: '0x2000' },
  ),
  x('arm-smmu-v3-event', 'arm-smmu-v3 arm-smmu-v3.0.auto: event 0x10 received:', { value: '0x10' }),
  x('iommu-group-add-failed', `pci ${D}: Failed to add to iommu group 7: -22`, { device: D, group: '7', errno: '-22' }),
  x('ir-skipped-ioapic', 'Not enabling interrupt remapping due to skipped IO-APIC setup'),
  x('acs-quirk-intel-pch', 'pci 0000:00:1c.0: Intel SPT PCH root port ACS workaround enabled', { device: '0000:00:1c.0' }),
  x('acs-quirk-intel-pch-failed', 'pci 0000:00:1c.0: Failed to enable Intel PCH ACS quirk', { device: '0000:00:1c.0' }),
  x('acs-config-unparsable', "PCI: Can't parse ACS command line parameter"),
  x('acs-config-invalid-flags', 'pci 0000:00:01.0: Invalid ACS flags specified', { device: '0000:00:01.0' }),
  x(
    'pci-resource-claim-conflict',
    `pci ${D}: BAR 1 [mem 0xd0000000-0xdfffffff 64bit pref]: can't claim; address conflict with BOOTFB [mem 0xd0000000-0xd02fffff]`,
    { device: D, bar: 'BAR 1', value: 'BOOTFB' },
  ),
  x('pci-resource-not-assigned', `vfio-pci ${D}: BAR 1 [mem size 0x10000000 64bit pref]: not assigned; can't enable device`, {
    device: D,
    bar: 'BAR 1',
  }),
  x('pci-bar-bogus-alignment-legacy', `pci ${D}: BAR 6: can't assign [mem size 0x00000000 pref] (bogus alignment)`, {
    device: D,
    bar: '6',
  }),
  x('pci-bar-claim-no-window-legacy', `pci ${D}: can't claim BAR 0 [mem 0xf0000000-0xf0ffffff]: no compatible bridge window`, {
    device: D,
    bar: '0',
  }),
  x(
    'pci-bar-claim-conflict-legacy',
    `pci ${D}: can't claim BAR 1 [mem 0xe0000000-0xefffffff 64bit pref]: address conflict with efifb [mem 0xe0000000-0xe07fffff]`,
    { device: D, bar: '1', value: 'efifb' },
  ),
  x('pci-realloc-suggested', 'pci_bus 0000:00: Some PCI device resources are unassigned, try booting with pci=realloc', {
    device: '0000:00',
  }),
  x('sriov-bus-out-of-range', `ixgbe ${D}: can't enable 64 VFs (bus 02 out of range of [bus 01])`, { device: D, vfs: '64' }),
  x('sriov-iov-bars-unallocated', `mlx5_core ${D}: SR-IOV: IOV BARS not allocated`, { device: D }),
  x('sriov-pcibios-failed', `i40e ${D}: failure -12 from pcibios_sriov_enable()`, { device: D, errno: '-12' }),
  x('sriov-no-driver', `pci ${D}: no driver bound to device; cannot configure SR-IOV`, { device: D }),
  x('sriov-driver-unsupported', `vfio-pci ${D}: driver does not support SR-IOV configuration via sysfs`, { device: D }),
  x('sriov-already-enabled', `ixgbe ${D}: 4 VFs already enabled. Disable before enabling 63 VFs`, { device: D, vfs: '63' }),
  x('sriov-partially-enabled', `igb ${D}: 8 VFs requested; only 7 enabled`, { device: D, vfs: '8' }),
  x('sriov-vfs-assigned', `ixgbe ${D}: Cannot modify SR-IOV while VFs are assigned`, { device: D }),
  x(
    'pci-af-flr-pending-transaction',
    `vfio-pci ${D}: timed out waiting for pending transaction; performing AF function level reset anyway`,
    { device: D },
  ),
  x('pci-link-not-active', 'pcieport 0000:00:01.0: Data Link Layer Link Active not set in 1000 msec', { device: '0000:00:01.0' }),
  x('pci-power-down-inaccessible', `vfio-pci ${D}: Unable to change power state from D0 to D3hot, device inaccessible`, {
    device: D,
    value: 'D3hot',
  }),
  x('pci-power-up-refused', `vfio-pci ${D}: Refused to change power state from D3hot to D0`, { device: D, value: 'D3hot' }),
  x('pci-power-down-refused', `vfio-pci ${D}: Refused to change power state from D0 to D3hot`, { device: D, value: 'D3hot' }),
  x('pci-config-inaccessible', `vfio-pci ${D}: Device config space inaccessible; unable to save state`, { device: D, value: 'save state' }),
  x('pci-probe-not-ready', 'pci 0000:02:00.0: not ready after 60000ms; giving up', { device: '0000:02:00.0' }),
  x('aer-fatal-received-legacy', 'pcieport 0000:00:03.0: AER: Uncorrected (Fatal) error received: 0000:01:00.0', {
    device: '0000:00:03.0',
    value: '0000:01:00.0',
  }),
  x('aer-nonfatal-received-legacy', 'pcieport 0000:00:03.0: AER: Multiple Uncorrected (Non-Fatal) error received: 0000:01:00.0', {
    device: '0000:00:03.0',
    value: '0000:01:00.0',
  }),
  x('aer-fatal-received-id', 'pcieport 0000:00:03.0: AER: Uncorrected (Fatal) error received: id=0100', {
    device: '0000:00:03.0',
    value: '0100',
  }),
  x('aer-nonfatal-received-id', 'pcieport 0000:00:03.0: AER: Uncorrected (Non-Fatal) error received: id=0100', {
    device: '0000:00:03.0',
    value: '0100',
  }),
  x('dpc-containment', 'pcieport 0000:00:03.0: DPC: containment event, status:0x1f01, ERR_FATAL received from 0000:01:00.0', {
    device: '0000:00:03.0',
    value: '0000:01:00.0',
  }),
  x('dpc-containment-legacy', 'pcieport 0000:00:03.0: DPC: containment event, status:0x1f01 source:0x0100', {
    device: '0000:00:03.0',
    value: '0x0100',
  }),
  x(
    'vfio-no-interrupt-remapping',
    'vfio_iommu_type1_attach_group: No interrupt remapping support.  Use the module param "allow_unsafe_interrupts" to enable VFIO IOMMU support on this platform',
  ),
  x('vfio-memlock-exceeded-task', 'vfio_pin_page_external: Task qemu-system-x86 (4321) RLIMIT_MEMLOCK (65536) exceeded', {
    value: '65536',
  }),
  x('vfio-pci-invalid-id', 'vfio_pci: invalid id string "10de-1b06"', { value: '10de-1b06' }),
  x('vfio-pci-dynamic-id-failed', 'vfio_pci: failed to add dynamic id [10de:1b06[ffffffff:ffffffff]] class 0x000000/00000000 (-17)', {
    value: '10de:1b06',
    errno: '-17',
  }),
  x('vfio-pci-denylisted', `vfio-pci ${D}: 8086:1700 exists in vfio-pci device denylist, driver probing disallowed.`, {
    device: D,
    value: '8086:1700',
  }),
  x('vfio-pci-pf-sriov-enabled', `vfio-pci ${D}: Cannot bind to PF with SR-IOV enabled`, { device: D }),
  x('vfio-runtime-resume-failed', `vfio-pci ${D}: vfio: runtime resume failed -5`, { device: D, errno: '-5' }),
  x('vfio-noiommu-taint', `vfio-pci ${D}: Adding kernel taint for vfio-noiommu group on device`, { device: D }),
  x('ixgbe-sriov-enable-failed', `ixgbe ${D} enp1s0f0: Failed to enable PCI sriov: -12`, { device: D, errno: '-12' }),
  x('ixgbe-max-vfs-out-of-range', `ixgbe ${D}: max_vfs parameter out of range. Not assigning any SR-IOV VFs`, { device: D }),
  x('igb-max-vfs-clamped', `igb ${D}: Maximum of 7 VFs per PF, using max`, { device: D }),
  x('i40e-sriov-enable-failed', `i40e ${D}: Failed to enable SR-IOV: -12`, { device: D, errno: '-12' }),
  x('i40e-vfs-limited', `i40e ${D}: Unable to enable 128 VFs. Limited to 64 VFs due to device resource constraints.`, {
    device: D,
    vfs: '128',
  }),
  x('ice-sriov-enable-failed', `ice ${D}: Failed to enable SR-IOV: -12`, { device: D, errno: '-12' }),
  x('ice-vfs-no-resources', `ice ${D}: Not enough resources for 128 VFs, err -28. Try with fewer number of VFs`, {
    device: D,
    vfs: '128',
    errno: '-28',
  }),
  x('ice-vfs-above-max', `ice ${D}: Can't enable 300 VFs, max VFs supported is 256`, { device: D, vfs: '300' }),
  x('mlx5-sriov-enable-failed', `mlx5_core ${D}: mlx5_sriov_enable:195:(pid 2171): pci_enable_sriov failed : -12`, {
    device: D,
    errno: '-12',
  }),
  x('bnxt-sriov-no-resources', `bnxt_en ${D} enp1s0f0np0: Unable to reserve resources for SRIOV.`, { device: D }),
  x('bnxt-sriov-partial-resources', `bnxt_en ${D} enp1s0f0np0: Only able to reserve resources for 16 VFs.`, { device: D, vfs: '16' }),
  x('param-unknown', "Booting kernel: Unknown parameter `vfio_pci.idz'", { module: 'Booting kernel', param: 'vfio_pci.idz' }),
  x('param-invalid-value', "vfio_iommu_type1: `yes please' invalid for parameter `allow_unsafe_interrupts'", {
    module: 'vfio_iommu_type1',
    value: 'yes please',
    param: 'allow_unsafe_interrupts',
  }),
  x('param-value-too-large', 'vfio_pci: `' + 'a'.repeat(8) + "' too large for parameter `ids'", {
    module: 'vfio_pci',
    value: 'aaaaaaaa',
    param: 'ids',
  }),
  x(
    'cmdline-unknown-params',
    'Unknown kernel command line parameters "intel_iommu_on vfio-pci-ids=10de:1b06", will be passed to user space.',
    {
      value: 'intel_iommu_on vfio-pci-ids=10de:1b06',
    },
  ),
  x('cmdline-malformed-early-option', "Malformed early option 'iommu'", { param: 'iommu' }),
  x('cmdline-obsolete-param', 'Parameter nohz_full is obsolete, ignored', { param: 'nohz_full' }),
  x('hugetlb-allocation-short', 'HugeTLB: allocating 64 of page size 1.00 GiB failed.  Only allocated 30 hugepages.', {
    value: '64',
    param: '1.00 GiB',
  }),
  x('hugetlb-node-allocation-short', 'HugeTLB: allocating 32 of page size 1.00 GiB failed node1.  Only allocated 12 hugepages.', {
    value: '32',
    param: '1.00 GiB',
  }),
  x('hugetlb-unsupported-size', 'HugeTLB: unsupported hugepagesz=1G', { value: '1G' }),
  x('hugetlb-unsupported-default-size', 'HugeTLB: unsupported default_hugepagesz=1G', { value: '1G' }),
  x('vendor-reset-psp-bootloader-timeout', `vfio-pci ${D}: AMD_NAVI10: timed out waiting for PSP bootloader to respond after reset`, {
    device: D,
    value: 'AMD_NAVI10',
  }),
  x('vendor-reset-mp1-timeout', `vfio-pci ${D}: AMD_NAVI14: timed out waiting for MP1 reset`, { device: D, value: 'AMD_NAVI14' }),
  x('vendor-reset-psp-mode1-failed', `vfio-pci ${D}: AMD_VEGA20: psp mode1 reset failed`, { device: D, value: 'AMD_VEGA20' }),
  x('vendor-reset-baco-failed', `vfio-pci ${D}: AMD_VEGA20: enter BACO failed`, { device: D, value: 'AMD_VEGA20' }),
  x('vendor-reset-polaris-baco-failed', `vfio-pci ${D}: AMD_POLARIS10: Failed to enter BACO: -62`, {
    device: D,
    value: 'AMD_POLARIS10',
    errno: '-62',
  }),
  x('vendor-reset-pci-config-reset-failed', `vfio-pci ${D}: AMD_POLARIS10: Reset via PCI config failed: -62`, {
    device: D,
    value: 'AMD_POLARIS10',
    errno: '-62',
  }),
  x('vendor-reset-lock-busy', `vfio-pci ${D}: could not acquire device lock`, { device: D }),
  x('vendor-reset-hook-failed', 'vendor_reset_hook: install failed'),
  x(
    'qemu-vfio-group-could-not-open',
    "qemu-system-x86_64: -device vfio-pci,host=01:00.0: vfio 0000:01:00.0: Could not open '/dev/vfio/17': Permission denied",
    {
      device: D,
      group: '17',
      errno: 'Permission denied',
    },
  ),
  x(
    'qemu-vfio-device-get-failed',
    'qemu-system-x86_64: -device vfio-pci,host=01:00.0: vfio 0000:01:00.0: error getting device from group 17: Device or resource busy',
    {
      device: D,
      group: '17',
      errno: 'Device or resource busy',
    },
  ),
  x(
    'qemu-vfio-reset-group-not-owned',
    'qemu-system-x86_64: vfio: Cannot reset device 0000:01:00.1, depends on group 18 which is not owned.',
    {
      device: '0000:01:00.1',
      group: '18',
    },
  ),
  x(
    'qemu-vfio-reset-device-not-owned',
    'qemu-system-x86_64: vfio: Cannot reset device 0000:01:00.1, depends on device 0000:01:00.0 which is not owned.',
    { device: '0000:01:00.1', value: D },
  ),
  x('qemu-vfio-stuck-in-low-power', 'qemu-system-x86_64: vfio: Unable to power on device, stuck in D3', { value: '3' }),
  x(
    'qemu-vfio-msix-pba-outside-bar',
    'qemu-system-x86_64: -device vfio-pci,host=05:00.1: vfio 0000:05:00.1: hardware reports invalid configuration, MSIX PBA outside of specified BAR',
  ),
  x('qemu-vfio-map-dma-failed', 'qemu-system-x86_64: VFIO_MAP_DMA failed: Cannot allocate memory', { errno: 'Cannot allocate memory' }),
  x(
    'qemu-vfio-dma-map-call-failed',
    'qemu-system-x86_64: vfio_container_dma_map(0x55d6f6ec7c30, 0xc0000, 0x7ff40000, 0x7f8d46ac0000) = -12 (Cannot allocate memory)',
    { errno: '-12', value: 'Cannot allocate memory' },
  ),
  x(
    'libvirt-pci-device-in-use',
    'error: Requested operation is not valid: PCI device 0000:01:00.0 is in use by driver QEMU, domain win10',
    {
      device: D,
      module: 'QEMU',
      value: 'win10',
    },
  ),
  x('libvirt-pci-driver-load-failed', 'error: internal error: Failed to load PCI driver module vfio-pci', { module: 'vfio-pci' }),
  x('libvirt-pci-unbind-failed', "error: Failed to unbind PCI device '0000:01:00.0' from nvidia: Device or resource busy", {
    device: D,
    module: 'nvidia',
  }),
  x('dpdk-vfio-add-group-failed', 'EAL: 0000:44:00.3 cannot add VFIO group to container, error 22 (Invalid argument)', {
    device: '0000:44:00.3',
    errno: '22',
    value: 'Invalid argument',
  }),
  x('dpdk-vfio-dma-remap-failed', 'EAL: 0000:44:00.3 DMA remapping failed, error 12 (Cannot allocate memory)', {
    device: '0000:44:00.3',
    errno: '12',
    value: 'Cannot allocate memory',
  }),
  x(
    'cloudpods-node-no-hugepages',
    'Host instance init error: Prepare environment: node /sys/devices/system/node/node1/hugepages/hugepages-1048576kB has no hugepages ?',
    {
      value: '/sys/devices/system/node/node1/hugepages/hugepages-1048576kB',
    },
  ),
  x('cloudpods-invalid-hugepages-option', 'Host instance init error: Prepare environment: Invalid hugepages option'),
  x('cloudpods-kvm-unsupported', 'KVM is not supported, skip probe isolated devices'),
  x('cloudpods-vfio-modprobe-failed', 'failed probe driver vfio-pci: modprobe: FATAL: Module vfio-pci not found. exit status 1', {
    module: 'vfio-pci',
  }),
  x('cloudpods-host-sys-error', 'Host sys error: map[isolated_devices:[]]', { value: 'map[isolated_devices:[]]' }),
  x('cloudpods-device-sync-failed', 'Sync deviceInfo 41:00.0 error: Timeout', { value: '41:00.0' }),
  x('cloudpods-gpu-probe-failed', 'getPassthroughGPUS error: exit status 1', { value: 'exit status 1' }),
  x(
    'cloudpods-sriov-probe-failed',
    'getSRIOVNics: ioutil.ReadDir(sysfsNetDir): open /sys/class/net/eth9/device: no such file or directory',
    {
      value: 'ioutil.ReadDir(sysfsNetDir): open /sys/class/net/eth9/device: no such file or directory',
    },
  ),
  x(
    'cloudpods-sriov-numvfs-failed',
    'getSRIOVNics: ensureNumvfsEqualTotalvfs: write /sys/class/net/eth1/device/sriov_numvfs: device or resource busy',
    {
      value: 'write /sys/class/net/eth1/device/sriov_numvfs: device or resource busy',
    },
  ),
  x('cloudpods-ovs-offload-probe-failed', 'getOvsOffloadNics: ovs enable hw offload failed: exit status 1', {
    value: 'ovs enable hw offload failed: exit status 1',
  }),
  x('cloudpods-usb-probe-failed', 'getPassthroughUSBs: parseLsusbTrees: not found prefix of line "x"', {
    value: 'parseLsusbTrees: not found prefix of line "x"',
  }),
  x('cloudpods-custom-device-probe-failed', 'getPassthroughPCIDevs {"vendor_id":"1a03"}: exit status 1', {
    value: '{"vendor_id":"1a03"}: exit status 1',
  }),
  x('cloudpods-vgpu-probe-failed', 'getNvidiaVGpus: unknown device 82:00.0', { value: 'unknown device 82:00.0' }),
  x('cloudpods-vgpu-pf-address-invalid', 'probeAMDVgpus invaild input pci address 0000:04:00.0', { value: '0000:04:00.0' }),
  x('cloudpods-nvme-config-invalid', 'get nvme passthrough disks bad nvme config 01:00.0', { value: '01:00.0' }),
  x(
    'cloudpods-bind-driver-failed',
    'force bind vfio-pci driver 41:00.0: bind driver 41:00.0 : write /sys/bus/pci/drivers/vfio-pci/bind: no such device',
    {
      device: '41:00.0',
      value: 'write /sys/bus/pci/drivers/vfio-pci/bind: no such device',
    },
  ),
  x('cloudpods-new-id-fallback', 'failed write 10de 10f7 to /sys/bus/pci/drivers/vfio-pci/new_id, try bind addr', { value: '10de 10f7' }),
  x('cloudpods-gpu-host-driver', 'GPU {"bus_id":"41:00.0","class_code":"0380","vendor_id":"10de"} use kernel driver "nvidia", skip it', {
    device: '41:00.0',
    value: 'nvidia',
  }),
  x('cloudpods-gpu-occupied', 'CustomProbe failed GPU is occupied by another driver: nouveau', { value: 'nouveau' }),
  x('cloudpods-device-occupied', 'CustomProbe failed Nic 02:00.0 is occupied by another driver: nvme', {
    device: '02:00.0',
    value: 'nvme',
  }),
  x(
    'cloudpods-cmdline-unsafe-interrupts-missing',
    'CustomProbe failed GRUB_CMDLINE iommu parameters vfio_iommu_type1.allow_unsafe_interrupts=1 missing',
  ),
  x('cloudpods-cmdline-intel-iommu-missing', 'CustomProbe failed GRUB_CMDLINE iommu parameters intel_iommu=on missing'),
  x('cloudpods-cmdline-nouveau-missing', 'CustomProbe failed Some GRUB_CMDLINE nouveau_blacklisted parameters are missing'),
  x('cloudpods-custom-probe-failed', 'CustomProbe failed modprobe vfio: exit status 1', { value: 'modprobe vfio: exit status 1' }),
  x('cloudpods-vfio-modprobe-check-failed', 'modprobe vfio_iommu_type1: exit status 1', {
    module: 'vfio_iommu_type1',
    value: 'exit status 1',
  }),
  x('cloudpods-boot-vga-device-skipped', 'skip boot vga device 00:02.0', { device: '00:02.0' }),
  x('cloudpods-display-vendor-unsupported', 'Skip add device 03:00.0 vendor is unsupport', { device: '03:00.0' }),
  x('cloudpods-device-not-whitelisted', 'skip add device {"bus_id":"41:00.0"} cause of not in isolated_device_models', {
    value: '{"bus_id":"41:00.0"}',
  }),
  x('cloudpods-group-member-skipped', 'Skip append "41:00.0" iommu_group[23] device {"bus_id":"41:00.2","vendor_id":"1912"}', {
    device: '41:00.0',
    group: '23',
    value: '{"bus_id":"41:00.2","vendor_id":"1912"}',
  }),
  x('cloudpods-kernel-driver-read-failed', 'Device 41:00.0 get kernel driver error: exit status 1', {
    device: '41:00.0',
    value: 'exit status 1',
  }),
  x('arm-smmu-probed', 'arm-smmu 15000000.iommu: SMMUv2 with:', { value: '2' }),
  x('kvm-arm-disabled-cmdline', 'kvm [1]: KVM disabled from command line'),
];
