/**
 * Shell prompt and command lines in pasted text. A paste that shows its commands splits at them:
 * `$ cmd`, `# cmd`, `[root@h ~]# cmd`, `root@pve:~# cmd`, `user@host:~$ cmd`, `alex@duo > cmd`,
 * `localhost:~ # cmd`, `➜  ~ git:(main) ✗ cmd` (oh-my-zsh), and a command written on its own line without a prompt (`cat
 * /proc/meminfo | grep -i huge`, test/real-cases/cases/github-cloudpods-17578-hugepage-1g-unsupported/
 * comment2-meminfo.txt), possibly between backticks (test/real-cases/cases/
 * github-altramayor-gatekeeper-718-hpe-1to1-mapping/dmesg-vfio.txt).
 *
 * `# ` also starts comments in the configuration files people paste (grub's `# If you change this
 * file…`), and a bare word may be prose, so those two forms count only when the first word is a
 * command support asks for (`cat`, `dmesg`, `lspci` …); `#` without a space (`#... TONS of the
 * same error`) is never a prompt. Every pattern is anchored and bounded: pasted text is untrusted.
 */

/** Commands whose output tickets carry, plus the shell words that start the well-known loops. */
const COMMANDS = new Set([
  'awk',
  'bash',
  'cat',
  'cut',
  'dmesg',
  'dmidecode',
  'dracut',
  'dpdk-devbind',
  'dpdk-devbind.py',
  'echo',
  'egrep',
  'find',
  'for',
  'free',
  'grep',
  'grub-mkconfig',
  'grub2-mkconfig',
  'head',
  'hostnamectl',
  'ibdev2netdev',
  'ip',
  'journalctl',
  'kubectl',
  'less',
  'ls',
  'ls-iommu',
  'lsb_release',
  'lscpu',
  'lshw',
  'lsmod',
  'lspci',
  'lsusb',
  'mkinitcpio',
  'modinfo',
  'modprobe',
  'more',
  'nvidia-smi',
  'printf',
  'proxmox-boot-tool',
  'qm',
  'readlink',
  'sed',
  'sh',
  'sysctl',
  'systemctl',
  'systemd-detect-virt',
  'tail',
  'tree',
  'ulimit',
  'uname',
  'update-grub',
  'update-initramfs',
  'virsh',
  'zcat',
  'zgrep',
]);

/** Commands that print nothing useful without arguments, so a bare line naming them alone is prose. */
const NEEDS_ARGS = new Set(['cat', 'grep', 'egrep', 'find', 'ls', 'echo', 'for', 'head', 'tail', 'less', 'more', 'printf', 'sed', 'awk']);
/** Commands whose first argument is a subcommand word (`kubectl logs`, `virsh start`). */
const SUBCOMMANDS = new Set(['kubectl', 'virsh', 'systemctl', 'ip', 'qm', 'proxmox-boot-tool', 'update-initramfs']);

const BRACKET_PROMPT = /^ {0,4}\[[\w.-]{1,64}@[\w.-]{1,64}(?: [^\]]{0,200})?\][#$] ?/;
const USER_HOST_PROMPT = /^ {0,4}[\w.-]{1,64}@[\w.-]{1,64}(?::[^\s#$]{0,200}[#$]|:? ?[>%$#]) ?/;
const HOST_PROMPT = /^[\w.-]{1,64}:[^\s#$]{0,200} ?[#$] /;
const BACKTICKED = /^`([^`]{1,2000})`$/;
/** oh-my-zsh's default theme: `➜  ~ git:(main) ✗ cmd` (test/real-cases/cases/github-strongtz-i915-sriov-dkms-334-arch-uki-max-vfs-unknown). */
const ZSH_ARROW_PROMPT = /^➜ {1,2}\S{1,200}(?: git:\([^)\s]{0,100}\))?(?: ✗)? /;

/** The first word of a command, after `sudo` and its options. */
export function programOf(command: string): string {
  const words = command.trim().split(/\s+/);
  let i = 0;
  if (words[i] === 'sudo') {
    i += 1;
    while (words[i]?.startsWith('-')) i += 1;
  }
  return words[i] ?? '';
}

/**
 * The command of a prompt line (`$ cmd`, `[root@h ~]# cmd` …; `''` for a bare `$`), or null when
 * the line is not one.
 */
export function promptCommand(text: string): string | null {
  const bracket = BRACKET_PROMPT.exec(text);
  if (bracket) return text.slice(bracket[0].length).trim();
  const userHost = USER_HOST_PROMPT.exec(text);
  if (userHost) return text.slice(userHost[0].length).trim();
  const arrow = ZSH_ARROW_PROMPT.exec(text);
  if (arrow) return text.slice(arrow[0].length).trim();
  if (text.startsWith('$ ')) return text.slice(2).trim();
  if (text === '$') return '';
  // `# ` and `host:~ # ` also open comments and prose: the command must read as one on its own
  if (text.startsWith('# ')) {
    const cmd = text.slice(2).trim();
    return bareCommand(cmd) !== null || /^\.\/[\w./-]{1,200}(?:\s|$)/.test(cmd) ? cmd : null;
  }
  const host = HOST_PROMPT.exec(text);
  if (host) {
    const cmd = text.slice(host[0].length).trim();
    return bareCommand(cmd) !== null ? cmd : null;
  }
  return null;
}

/** A command written without a prompt: `cat /proc/meminfo | grep -i huge`, `` `sudo dmesg | grep -i vfio` ``. */
export function bareCommand(text: string): string | null {
  const t = text.trim();
  if (t.length === 0 || t.length > 2000 || t !== text.trimEnd()) return null;
  const inner = BACKTICKED.exec(t)?.[1] ?? t;
  const program = programOf(inner);
  if (!COMMANDS.has(program)) return null;
  const args = inner.slice(inner.indexOf(program) + program.length).trim();
  if (program === 'for' || program === 'while') {
    if (!/^\w{1,30} in \S|;\s*do\b/.test(args)) return null;
  } else if (NEEDS_ARGS.has(program)) {
    // an argument a command line has and prose does not: a path, an option, a pipe
    if (!/(?:^|\s)(?:\/|-[\w-]|\|)/.test(args)) return null;
  } else if (args !== '' && !/^[-|/>`]/.test(args) && !(SUBCOMMANDS.has(program) && /^[\w-]{1,64}(?:\s|$)/.test(args))) return null;
  return inner;
}
