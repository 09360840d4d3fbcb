/**
 * Collect again what was missing: the collector as root (docs/bundle-format.md "Running the
 * collector"), after installing the tools that were not found.
 */
import type { Fix, FixStep } from './fix.js';

const PACKAGES: Readonly<Record<string, string>> = {
  lspci: 'pciutils',
  'lspci -nnk': 'pciutils',
  'lspci -nnvvv': 'pciutils',
  lsusb: 'usbutils',
  'journalctl -k -b --no-pager': 'systemd',
  'systemd-detect-virt': 'systemd',
  dmesg: 'util-linux',
};

export function recollect(asRoot: boolean, missingCommands: readonly string[]): Fix {
  const steps: FixStep[] = [];
  const pkgs = [...new Set(missingCommands.map((c) => PACKAGES[c] ?? c.split(' ')[0] ?? c))];
  if (pkgs.length > 0)
    steps.push({ kind: 'note', text: `Install the missing tools first (package names on Debian and RHEL): ${pkgs.join(', ')}.` });
  steps.push({
    kind: 'run',
    command: asRoot ? 'sudo sh collect.sh' : 'sh collect.sh',
    why: asRoot ? 'root can read the kernel log, /boot and the PCI configuration space' : 'collects the bundle again',
  });
  steps.push({
    kind: 'verify',
    command: 'ls -t ptdoctor-*.tgz | head -n 1',
    expect: 'the new bundle; ptdoctor analyze on it shows no evidence-incomplete finding',
  });
  return { summary: asRoot ? 'Run the collector again as root' : 'Run the collector again', steps };
}

/** The boot messages from the journal (journalctl(1) -k -b) or a larger ring buffer (log_buf_len=, kernel-parameters.txt). */
export function keepBootLog(): Fix {
  return {
    summary: 'Collect the kernel log of this boot from the journal',
    steps: [
      {
        kind: 'run',
        command: 'journalctl -k -b --no-pager > kernel-boot.log',
        why: 'the journal keeps the boot messages the ring buffer dropped (when persistent journald storage is on)',
      },
      {
        kind: 'note',
        text: 'Without a journal, the boot messages are back after the next reboot; booting with log_buf_len=16M keeps them longer.',
      },
      { kind: 'verify', command: 'head -1 kernel-boot.log', expect: 'a "Linux version" line' },
    ],
  };
}
