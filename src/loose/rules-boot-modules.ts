/**
 * Boot and module-loading configuration, line by line (see kind-rule.ts): a kernel command line
 * (/proc/cmdline, /etc/kernel/cmdline), /etc/default/grub or one of its lines, grub.cfg, BLS
 * entries, modprobe.d, module lists (modules-load.d, /etc/modules, initramfs-tools), dracut and
 * mkinitcpio configuration.
 *
 * A command line is one line of parameters with at least one a boot loader or the kernel reads
 * (`BOOT_IMAGE=`, `root=`, `intel_iommu=` …); a module list is bare module names with at least one
 * that passthrough setups load (`vfio_pci`, `kvm` …), so that a list of ordinary words is not
 * taken for one.
 */
import { indented, never, type KindRule } from './kind-rule.js';

const BOOT_KEYS = new Set([
  'BOOT_IMAGE',
  'initrd',
  'root',
  'ro',
  'rw',
  'quiet',
  'splash',
  'rhgb',
  'boot',
  'intel_iommu',
  'amd_iommu',
  'iommu',
  'vfio-pci.ids',
  'vfio_pci.ids',
  'vfio_iommu_type1.allow_unsafe_interrupts',
  'pcie_acs_override',
  'video',
  'hugepagesz',
  'hugepages',
  'default_hugepagesz',
  'console',
  'crashkernel',
  'nomodeset',
  'initcall_blacklist',
  'modprobe.blacklist',
  'rd.driver.pre',
  'rd.driver.blacklist',
  'kvm.ignore_msrs',
  'isolcpus',
  'resume',
]);
const PARAM = /^(?:"[^"]{0,4000}"|[\w.,:/@+\\-]{1,4000})(?:=\S{0,4000})?$/;

function cmdlineLine(text: string): boolean {
  const t = text.trim();
  if (t === '' || t.length > 100_000) return false;
  if (/^(?:BOOT_IMAGE|initrd)=\S/.test(t)) return true;
  const words = t.split(/\s+/);
  if (words.length < 2 || !words.every((w) => PARAM.test(w))) return false;
  // `options root=…` (BLS), `linux /vmlinuz … root=…` (grub.cfg) are not a command line themselves
  if (!(words[0] ?? '').includes('=') && !BOOT_KEYS.has(words[0] ?? '')) return false;
  return words.some((w) => BOOT_KEYS.has(w.split('=')[0] ?? '')) && words.some((w) => w.includes('='));
}

export const cmdlineRule: KindRule = { kind: 'cmdline', strong: cmdlineLine, weak: never, single: true };
export const kernelCmdlineFileRule: KindRule = {
  kind: 'kernel-cmdline-file',
  strong: never,
  weak: cmdlineLine,
  single: true,
  hintOnly: true,
};

const SHELL_LINE = /^\s*(?:if |then|else|elif |fi\b|export |for |done\b|[A-Za-z_]\w{0,64}\+?=)/;

export const defaultGrubRule: KindRule = {
  kind: 'default-grub',
  strong: (text) => /^\s*(?:export\s+)?GRUB_[A-Z0-9_]{1,64}=/.test(text),
  weak: (text) => SHELL_LINE.test(text),
  backfill: true,
};

export const grubCfgRule: KindRule = {
  kind: 'grub-cfg',
  strong: (text) =>
    /^(?:### (?:BEGIN|END) \/etc\/grub\.d\/|menuentry ['"]|submenu ['"]|\s*search --no-floppy |\s*configfile |\s*insmod \w|\s*load_env\b|set (?:default|timeout|root|prefix)=)/.test(
      text,
    ),
  weak: () => true,
};

export const blsEntryRule: KindRule = {
  kind: 'bls-entry',
  strong: (text) => /^(?:title|version|machine-id|sort-key|linux|efi|architecture) {1,12}\S/.test(text),
  weak: (text) => /^(?:options|initrd|devicetree|devicetree-overlay|extra|id|grub_users|grub_arg|grub_class) {1,12}\S/.test(text),
  backfill: true,
};

export const modprobeRule: KindRule = {
  kind: 'modprobe-d',
  strong: (text) =>
    /^\s*(?:options|install|remove|softdep|alias) {1,8}[\w*:-]{1,200} {1,8}\S/.test(text) && !/^\s*options {1,8}[^\s=]{1,200}=/.test(text)
      ? true
      : /^\s*blacklist {1,8}[\w-]{1,64}\s*$/.test(text),
  weak: (text) => indented(text),
};

const PASSTHROUGH_MODULES = new Set([
  'vfio',
  'vfio_pci',
  'vfio-pci',
  'vfio_iommu_type1',
  'vfio_virqfd',
  'vfio_mdev',
  'mdev',
  'kvm',
  'kvm_intel',
  'kvm-intel',
  'kvm_amd',
  'kvm-amd',
  'kvmgt',
  'vhost_net',
  'pci_stub',
  'pci-stub',
  'vendor-reset',
  'vendor_reset',
]);
const MODULE_LINE = /^\s*[a-z][\w-]{0,55}(?:\s+[\w.-]{1,64}=\S{0,500}){0,8}\s*$/;

export const modulesListRule: KindRule = {
  kind: 'modules-list',
  strong: (text) => MODULE_LINE.test(text) && PASSTHROUGH_MODULES.has(text.trim().split(/\s+/)[0] ?? ''),
  weak: (text) => MODULE_LINE.test(text),
  backfill: true,
};

export const dracutRule: KindRule = {
  kind: 'dracut-conf',
  strong: (text) =>
    /^\s*(?:add_drivers|force_drivers|omit_drivers|add_dracutmodules|omit_dracutmodules|force_add_dracutmodules|install_items|hostonly|hostonly_cmdline|kernel_cmdline|filesystems|drivers|early_microcode)\s{0,4}\+?=/.test(
      text,
    ),
  weak: (text) => SHELL_LINE.test(text),
  backfill: true,
};

export const mkinitcpioRule: KindRule = {
  kind: 'mkinitcpio',
  strong: (text) => /^\s*(?:MODULES|BINARIES|FILES|HOOKS|COMPRESSION|COMPRESSION_OPTIONS|MODULES_DECOMPRESS)=/.test(text),
  weak: (text) => SHELL_LINE.test(text) || /^\s*\)/.test(text),
};
