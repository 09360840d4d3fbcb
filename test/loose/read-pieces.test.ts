/**
 * What real pasted files are read as: each file of the real-case corpus, the project's verbatim
 * fixtures and this machine's outputs (test/fixtures/loose/SOURCES.md), with the pieces a reader
 * of the file would cut it into, written by hand: line range, what it is, the evidence id it
 * stands in for (null: nothing in the analysis reads that kind).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_BY_ID } from '../../src/bundle/layout.js';
import { buildLooseBundle } from '../../src/loose/loose-bundle.js';

const read = (p: string): string => readFileSync(new URL(`../${p}`, import.meta.url), 'utf8');
const piecesOf = (p: string): [number, number, string | null, string | null][] =>
  buildLooseBundle([{ name: p, text: read(p) }], p).inputs.pieces.map((x) => [x.first, x.last, x.readAs, x.evidence]);

const C = 'real-cases/cases/';
const M = 'fixtures/loose/this-machine/';
/** The contract has no /proc/iomem id yet; when it gains one, iomem pieces stand in for it. */
const IOMEM = EVIDENCE_BY_ID.has('iomem') ? 'iomem' : null;

const CASES: readonly [string, [number, number, string | null, string | null][]][] = [
  // an oh-my-zsh session (`➜  ~ git:(main) ✗ cmd`): split at each prompt; /etc/sysfs.conf is nothing the analysis reads
  [
    `${C}github-strongtz-i915-sriov-dkms-334-arch-uki-max-vfs-unknown/zsh-session-uname-sysfs-dmesg.txt`,
    [
      [2, 2, 'uname -a', 'uname'],
      [4, 4, null, null],
      [6, 8, 'dmesg', 'dmesg'],
    ],
  ],
  // `virsh nodedev-list` and `nodedev-dumpxml` print descriptions, not libvirt's log: not read
  [
    `${C}github-wangyinfeng-cmd-handbook-82576-sriov-vf-healthy/virsh-nodedev-dumpxml-vf.txt`,
    [
      [2, 2, null, null],
      [4, 22, null, null],
    ],
  ],
  // a journal paste with the terminal broadcast of one of its lines (` kernel:watchdog: BUG: soft lockup … [qemu-system-x86:7487]`):
  // one kernel log; QEMU named as the stuck task is not QEMU's own log
  [`${C}lore-linux-pci-2020-05-amd-starship-usb-flr-giving-up/journal-flr-giving-up.txt`, [[1, 9, 'journalctl -k', 'dmesg']]],
  // kernel logs: every stamp style, with and without prompts, cut by grep
  [`${M}dmesg-x.txt`, [[1, 356, 'dmesg -x', 'dmesg']]],
  [`${M}dmesg-H.txt`, [[1, 356, 'dmesg -H', 'dmesg']]],
  [`${M}dmesg-ts-default.txt`, [[1, 40, 'dmesg', 'dmesg']]],
  ['fixtures/dmesg/firecracker-6.18-T.txt', [[1, 342, 'dmesg -T', 'dmesg']]],
  ['fixtures/dmesg/firecracker-6.18-r.txt', [[1, 342, 'dmesg -r', 'dmesg']]],
  [`${C}github-storpool-ixgbevf-udevhelper-sriov-mmio-realloc/journal-sriov-mmio.txt`, [[1, 6, 'journalctl -k', 'dmesg']]],
  [`${C}github-harvester-harvester-7340-rmrr-hp-nic/journal-kernel.txt`, [[1, 1, 'journalctl -k', 'dmesg']]],
  [
    `${C}github-mrchromebox-firmware-458-dmar-ir-ioapic-firmware-bug/dmesg-dmar.txt`,
    [[1, 11, 'journalctl -k -o short-monotonic', 'dmesg']],
  ],
  [
    `${C}github-siderolabs-talos-14356-simpledrm-boot-gpu/dmesg-initcall-blacklist.txt`,
    [[1, 2, 'kernel messages without time stamps', 'dmesg']],
  ],
  [`${C}github-altramayor-gatekeeper-718-hpe-1to1-mapping/dmesg-vfio.txt`, [[2, 2, 'kernel messages without time stamps', 'dmesg']]],
  [`${C}github-vincentsaelzler-hyper-homelab-rtx2060-bar1-sysfb/dmesg-grep-vfio-after-vm-start.txt`, [[3, 4, 'dmesg', 'dmesg']]],
  [
    `${C}github-nvidia-kubevirt-gpu-device-plugin-45-vtd-off-no-dmar-table/dmesg-grep-dmar-iommu-and-cmdline.txt`,
    [
      [2, 3, 'dmesg', 'dmesg'],
      [6, 7, 'dmesg', 'dmesg'],
    ],
  ],
  [
    `${C}github-kubevirt-kubevirt-8472-memlock-gpu/comment-dmesg-ulimit.txt`,
    [
      [2, 2, 'dmesg -H', 'dmesg'],
      [5, 20, null, null],
    ],
  ],
  // lspci in its forms
  [`${M}lspci-k.txt`, [[1, 16, 'lspci -k', 'lspci-nnk']]],
  [`${M}lspci.txt`, [[1, 6, 'lspci', 'lspci-nnk']]],
  [`${M}lspci-n.txt`, [[1, 6, 'lspci -n', 'lspci-nnk']]],
  [`${M}lspci-v.txt`, [[1, 62, 'lspci -v', 'lspci-vvv']]],
  [`${M}lspci-nnk-grep-A1-two.txt`, [[1, 6, 'lspci -nnk', 'lspci-nnk']]],
  ['fixtures/lspci-vvv/pciutils-cap-pcie-2-nnvvv.txt', [[1, 69, 'lspci -nnvv', 'lspci-vvv']]],
  ['fixtures/lspci-nnk/github-gtx1650-nvidia-bound.txt', [[1, 8, 'lspci -nnk', 'lspci-nnk']]],
  [`${C}github-kholia-osx-kvm-notes-rx580-vfio-healthy/lspci-nkk-d-1002-67df.txt`, [[2, 5, 'lspci -nk', 'lspci-nnk']]],
  [`${C}github-raspberrypi-linux-6834-rpi5-pcie-no-iommu/description-lspci.txt`, [[2, 8, 'lspci', 'lspci-nnk']]],
  // IOMMU group listings
  [
    `${C}github-kholia-osx-kvm-notes-rx580-vfio-healthy/iommu-groups.txt`,
    [[2, 7, 'IOMMU group listing (a header per group)', 'iommu-groups']],
  ],
  ['fixtures/iommu-groups/asokolsky-duo-lspci-loop.txt', [[1, 15, 'IOMMU group listing (one line per device)', 'iommu-groups']]],
  [
    `${C}github-hikariknight-quickpassthrough-22-rtx3060-chipset-group/ls-iommu-grk.txt`,
    [[1, 15, 'IOMMU group listing (one line per device)', 'iommu-groups']],
  ],
  [
    `${C}github-raspberrypi-linux-6834-rpi5-pcie-no-iommu/description-iommu-groups.txt`,
    [[2, 5, 'find /sys/kernel/iommu_groups', 'iommu-groups']],
  ],
  // modules, boot and module configuration
  ['fixtures/lsmod/oracle-linux-ch06s02.txt', [[1, 9, 'lsmod', 'lsmod']]],
  ['fixtures/proc-modules/rhel6-deployment-guide.txt', [[1, 14, '/proc/modules', 'proc-modules']]],
  ['fixtures/cmdline/guide-proc-cmdline.txt', [[1, 1, '/proc/cmdline', 'cmdline']]],
  [`${C}github-yunionio-website-passthrough-guide-cmdline-healthy/faq-proc-cmdline.txt`, [[2, 2, '/proc/cmdline', 'cmdline']]],
  ['fixtures/kernel-cmdline-file/proxmox-zfs.txt', [[1, 1, '/etc/kernel/cmdline', 'kernel-cmdline-file']]],
  ['fixtures/default-grub/debian-12-template.txt', [[6, 17, '/etc/default/grub', 'default-grub']]],
  [
    `${C}github-foxlet-macos-simple-kvm-497-vfio-pci-ids-misspelled/etc-default-grub-line.txt`,
    [[1, 1, 'GRUB_CMDLINE_LINUX_DEFAULT line of /etc/default/grub', 'default-grub']],
  ],
  ['fixtures/grub-cfg/fedora-efi-stub.cfg', [[1, 6, 'grub.cfg', 'grub-cfg']]],
  ['fixtures/bls-entry/proxmox-systemd-boot.conf', [[1, 5, 'BLS boot entry', 'bls-entries']]],
  ['fixtures/bls-entry/rocky-8.5-kernelopts.conf', [[1, 9, 'BLS boot entry', 'bls-entries']]],
  [
    `${C}github-kholia-osx-kvm-notes-rx580-vfio-healthy/etc-modprobe-blacklist.txt`,
    [[4, 5, '/etc/modprobe.d/blacklist.conf', 'modprobe-d']],
  ],
  ['fixtures/modprobe-d/pve-vfio-ids.conf', [[1, 1, 'modprobe.d', 'modprobe-d']]],
  [
    `${C}github-nvidia-kubevirt-gpu-device-plugin-45-vtd-off-no-dmar-table/modprobe-and-modules-load.txt`,
    [
      [2, 2, '/etc/modprobe.d/vfio.conf', 'modprobe-d'],
      [6, 11, '/etc/modules-load.d/vfio-pci.conf', 'modules-load-d'],
    ],
  ],
  ['fixtures/modules-load-d/seed-vfio.conf', [[1, 4, 'module list (modules-load.d)', 'modules-load-d']]],
  ['fixtures/dracut-conf/fedora.conf.example', [[4, 17, 'dracut.conf.d', 'dracut-conf-d']]],
  ['fixtures/loose/published/mkinitcpio-moritzwm-vfio.conf', [[8, 53, 'mkinitcpio.conf', null]]],
  // kernel release, memory, CPU, distribution, firmware, virtualization
  [`${M}uname-a.txt`, [[1, 1, 'uname -a', 'uname']]],
  [`${M}uname-r.txt`, [[1, 1, 'uname -r', 'uname']]],
  ['fixtures/uname/firecracker-6.18.txt', [[1, 1, 'uname -srvm', 'uname']]],
  [`${M}iomem.txt`, [[1, 27, '/proc/iomem', IOMEM]]],
  [`${C}github-deepbrainchain-dbc-doc-vesafb-bar1/proc-iomem.txt`, [[2, 30, '/proc/iomem', IOMEM]]],
  ['fixtures/loose/published/dmidecode-supermicro-sys-4029gp-trt.txt', [[2, 77, 'dmidecode', 'dmi']]],
  [`${M}systemd-detect-virt.txt`, [[1, 1, 'systemd-detect-virt', 'systemd-detect-virt']]],
  ['fixtures/meminfo/firecracker-6.18.txt', [[1, 53, '/proc/meminfo', 'meminfo']]],
  [`${C}github-cloudpods-17578-hugepage-1g-unsupported/comment2-meminfo.txt`, [[2, 10, '/proc/meminfo', 'meminfo']]],
  ['fixtures/cpuinfo/firecracker-6.18-amd-epyc.txt', [[1, 53, '/proc/cpuinfo', 'cpuinfo']]],
  ['fixtures/os-release/debian-12.txt', [[1, 9, '/etc/os-release', 'os-release']]],
  // SR-IOV transcripts: recognised, read by nothing yet
  [
    `${C}github-clearcontainers-runtime-sriov-x540-healthy/sriov-totalvfs.txt`,
    [
      [2, 2, '/sys/bus/pci/devices/0000:01:00.0/sriov_totalvfs', null],
      [4, 4, '/sys/bus/pci/devices/0000:01:00.1/sriov_totalvfs', null],
    ],
  ],
  [
    `${C}serverfault-931228-x550-sriov-not-enabled-per-nic/sriov-numvfs-write.txt`,
    [[2, 2, '/sys/class/net/eno1/device/sriov_numvfs', null]],
  ],
  [
    `${C}github-clearcontainers-runtime-sriov-x540-healthy/create-vfs.txt`,
    [
      [1, 1, 'a command without output', null],
      [2, 2, 'a command without output', null],
    ],
  ],
  // Cloudpods and QEMU
  ['fixtures/cloudpods/host-conf-guide-keys.conf', [[1, 4, 'Cloudpods /etc/yunion/host.conf', 'yunion-host-conf']]],
  ['fixtures/cloudpods/host-log-unknown-keys.txt', [[1, 9, 'Cloudpods host-service log', 'host-service-log']]],
  [
    `${C}github-cloudpods-19281-hugepage-native-no-pool-controller/description-host-log-line.txt`,
    [[1, 1, 'Cloudpods host-service log', 'host-service-log']],
  ],
  [`${C}github-cloudpods-18752-vm-vfio-group-missing/comment-qemu-log-tail.txt`, [[1, 2, 'QEMU / libvirt log', 'qemu-logs']]],
  [
    `${C}github-harvester-harvester-7340-rmrr-hp-nic/vm-event.txt`,
    [
      [1, 1, null, null],
      [2, 2, 'QEMU / libvirt log', 'qemu-logs'],
    ],
  ],
  [`${C}github-kata-containers-kata-containers-11708-gpu-d3cold/journal.txt`, [[1, 1, 'QEMU / libvirt log', 'qemu-logs']]],
  [`${C}github-usnistgov-ndn-dpdk-63-x710-group-not-viable/dpdk-log.txt`, [[1, 4, 'DPDK application log', 'qemu-logs']]],
  // text nothing reads: kept, listed as not recognised
  [`${C}github-albrechtl-openwrt-docker-38-rpi5-vfio-probe-einval/description-container-log.txt`, [[1, 6, null, null]]],
];

describe('what real pasted files are read as', () => {
  for (const [path, expected] of CASES) {
    it(path.replace(/^.*\/cases\//, '').replace(/^fixtures\//, ''), () => {
      expect(piecesOf(path)).toEqual(expected);
    });
  }

  it('cuts a whole terminal session into its commands and recognises each by content', () => {
    expect(piecesOf(`${C}github-ashtonian-kvm-aio-rx550-vfio-groups-healthy/terminal-session.txt`)).toEqual([
      [2, 80, 'IOMMU group listing (a header per group)', 'iommu-groups'],
      [82, 225, 'lspci -nnk', 'lspci-nnk'],
      [227, 305, 'IOMMU group listing (a header per group)', 'iommu-groups'],
    ]);
  });

  it('says why a piece matters: a filter, a first line', () => {
    const b = buildLooseBundle(
      [
        { name: 'grep.txt', text: read(`${C}github-kholia-osx-kvm-notes-rx580-vfio-healthy/lspci-nnk-grep-amd.txt`) },
        {
          name: 'container.txt',
          text: read(`${C}github-albrechtl-openwrt-docker-38-rpi5-vfio-probe-einval/description-container-log.txt`),
        },
      ],
      'two',
    );
    expect(b.inputs.pieces[0]).toMatchObject({
      command: 'lspci -nnk | grep AMD',
      readAs: 'lspci -nn',
      note: expect.stringContaining('filter') as unknown,
    });
    expect(b.inputs.pieces[1]?.note).toBe('first line: openwrt  | ❯ Preparing PCI pass-through for device 0001:01:00.0 ...');
  });
});
