/**
 * The source trees the catalogue's format strings were read in (`verifiedIn` of each entry).
 * Kernel trees are Debian's `linux-source-*` packages (Debian's patches applied; none of them
 * touches the files read here); the others are the projects' public repositories.
 */
export const LINUX_6_1 = 'linux 6.1.192 (Debian linux-source-6.1 6.1.192-3)';
export const LINUX_6_12 = 'linux 6.12.118 (Debian linux-source-6.12 6.12.118-1~deb12u1)';
/** A format no longer printed by 6.1: read in an older copy of the same kernel file. */
export const LINUX_OLDER = 'linux before 6.1 (an older copy of the same file)';
/** A format known only from real output a host printed (quoted in a real case or fixture); that release's source was not read. */
export const PUBLISHED_OUTPUT = 'published output of an older kernel (its source not read)';
/** The pcie_acs_override patch: not upstream, carried by Proxmox, TrueNAS, Arch linux-vfio and others. */
export const ACS_OVERRIDE_PATCH = 'pcie_acs_override patch (drivers/pci/quirks.c of kernels that carry it)';

export const QEMU_10 = 'qemu master (hw/vfio/container-legacy.c 1d9a832b, hw/vfio/pci.c, hw/vfio/listener.c)';
export const QEMU_OLDER = 'qemu before 10.0 (hw/vfio/common.c, hw/vfio/container.c, hw/vfio/pci.c)';
export const QEMU_2 = 'qemu 2.x (include/hw/vfio/vfio-common.h ERR_PREFIX)';

export const LIBVIRT = 'libvirt (src/util/virpci.c, src/hypervisor/virhostdev.c, %1$s era)';
export const LIBVIRT_OLDER = 'libvirt before positional format arguments (src/util/virpci.c)';

export const CLOUDPODS_MASTER = 'cloudpods master 2de29522 (2026-08-21)';
export const CLOUDPODS_3_10 = 'cloudpods release/3.10 334fee5006';
export const CLOUDPODS_3_11 = 'cloudpods release/3.11 419e7462e4';

export const VENDOR_RESET = 'vendor-reset 084881c6 (2024-04-17)';
export const DPDK = 'dpdk lib/eal/linux/eal_vfio.c';

/**
 * Arm64 formats read in the format strings Debian's arm64 kernel images carry (`strings` of the
 * uncompressed Image the real-kernel lab boots; test/lab/README.md), beside the upstream function
 * that prints them: the printk level and the pr_fmt/kvm_info prefix are part of each string there.
 */
export const LINUX_6_1_ARM64 = 'linux 6.1.192 arm64 (Debian linux-image-6.1.0-57-arm64 6.1.192-3, format strings of the Image)';
export const LINUX_6_12_ARM64 =
  'linux 6.12.95 arm64 (Debian linux-image-6.12.95+deb12-arm64 6.12.95-1~bpo12+1, format strings of the Image)';
