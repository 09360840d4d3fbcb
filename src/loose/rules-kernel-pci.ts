/**
 * Kernel log, lspci and IOMMU group listings, line by line (see kind-rule.ts).
 *
 * Kernel lines without a stamp (a grep that dropped it, a syslog quote) are recognised by the
 * shape the kernel prints them in: dev_printk's `<driver> <domain:bus:dev.fn>: ` (`vfio-pci
 * 0000:c3:00.0: BAR 0: can't reserve …`, test/real-cases/cases/github-siderolabs-talos-14356-
 * simpledrm-boot-gpu/dmesg-guest-running.txt), the prefixes of the IOMMU, PCI, VFIO and
 * framebuffer code, and the bracketed tags (`[drm]`, `[Firmware Bug]`).
 */
import { classifyDmesgLine } from '../parsers/dmesg.js';
import { deviceLine } from '../parsers/lspci-nnk.js';
import { always, indented, type KindRule } from './kind-rule.js';

const DEV_PRINTK = /^[\w.:-]{1,40} [0-9a-f]{4,8}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]: /;
/** A subsystem's prefix and its colon (`DMAR: `, `vfio_pci: `), or a bus and its address (`pci_bus 0000:00: `). */
const KERNEL_PREFIX =
  /^(?:vfio|VFIO|iommu|IOMMU|DMAR|AMD-Vi|dmar|intel_iommu|amd_iommu|perf\/amd_iommu|pci|PCI|pcieport|ACPI|AER|kvm|efifb|vesafb|simplefb|simple-framebuffer|sysfb|hugepagesz|vgaarb|NVRM|nouveau|amdgpu|i915)[\w-]{0,40}(?:: | [0-9a-f]{4}:[0-9a-f]{2}: )/;
const KERNEL_TAG = /^\[(?:drm|Firmware Bug|Firmware Warn|Firmware Info|Hardware Error|TTM)\]/;
/** A kernel message as syslog and journald broadcast it to terminals (`kernel:watchdog: BUG: soft lockup …`). */
const KERNEL_BROADCAST = /^kernel:\S/;
const KERNEL_MESSAGE =
  /^(?:Kernel command line: |Command line: |Linux version \d|Hypervisor detected: |Booting paravirtualized kernel|Firmware has requested this device|blacklisting initcall |VFIO - User Level meta-driver)/;

/** A line with the kernel's own stamp (dmesg, -T, -H, -x, -r, journalctl -k, short-monotonic). */
function stampedKernelLine(text: string): boolean {
  const r = classifyDmesgLine(0, text);
  if (r.kind === 'raw') return false;
  if (r.kind !== 'iso') return true;
  // ISO stamps are also what libvirt's QEMU logs and the kubelet's pod logs start with: only
  // `dmesg --time-format iso` (a comma before the microseconds) or a `kernel: ` tag is the kernel's.
  const sp = text.indexOf(' ');
  return (sp > 0 && text.slice(0, sp).includes(',')) || text.includes(' kernel: ');
}

function unstampedKernelLine(text: string): boolean {
  const t = text.trimStart();
  return DEV_PRINTK.test(t) || KERNEL_PREFIX.test(t) || KERNEL_TAG.test(t) || KERNEL_MESSAGE.test(t) || KERNEL_BROADCAST.test(t);
}

export const stampedKernelRule: KindRule = { kind: 'kernel-log', strong: stampedKernelLine, weak: always };
export const unstampedKernelRule: KindRule = { kind: 'kernel-log', strong: unstampedKernelLine, weak: always };

const LSPCI_LABEL =
  /^\s*(?:Subsystem|Kernel driver in use|Kernel modules|Flags|Control|Status|Latency|Interrupt|Region \d|Memory at|I\/O ports at|Expansion ROM|Capabilities|IOMMU group|NUMA node|Physical Slot|DeviceName|Bus|Secondary status|BridgeCtl|Prefetchable memory behind bridge|Memory behind bridge|I\/O behind bridge):/;
const HEXDUMP = /^[0-9a-f]{2,3}:(?: [0-9a-f]{2}){1,16}$/;

export const lspciRule: KindRule = {
  kind: 'lspci',
  // a driver line that lost its indentation (a -B cut's first line, the seed guide's paste)
  strong: (text) => deviceLine(text) !== undefined || /^Kernel (?:driver in use|modules): \S/.test(text),
  weak: (text) => indented(text) || LSPCI_LABEL.test(text) || text.trim() === '--' || HEXDUMP.test(text),
};

const GROUP_HEADER = /^(?:#{1,5} )?(?:IOM{1,3}U {1,4})?[Gg]roup:? {1,4}\d{1,9}:?(?: #{1,5})?$/;
const GROUP_LINE = /^IOM{1,3}U {1,4}[Gg]roup:? {1,4}\d{1,9}:? /;
const ADDRESS_FIRST = /^\s*(?:Group Device: )?(?:[0-9a-f]{4,8}:)?[0-9a-f]{2}:[0-9a-f]{2}\.[0-7](?:\s|$)/;

export const iommuGroupsRule: KindRule = {
  kind: 'iommu-groups',
  // not indented: lspci -vv prints `\tIOMMU group: 85` inside a device block
  strong: (text) => {
    const t = text.trimEnd();
    return t.startsWith('/sys/kernel/iommu_groups/') || GROUP_HEADER.test(t) || GROUP_LINE.test(t);
  },
  // members under a header, `ls -l` rows, and ls-iommu -k's lspci detail lines under each member
  weak: (text) =>
    ADDRESS_FIRST.test(text) ||
    indented(text) ||
    text.includes(' -> ') ||
    /^total \d{1,9}$/.test(text.trim()) ||
    /^-{3,}$/.test(text.trim()),
};
