/**
 * `systemd-detect-virt` (evidence id `systemd-detect-virt`): one word, the virtualization
 * technology, or `none` (exit status 1) on bare metal.
 *
 * Sample: test/fixtures/systemd-detect-virt/docker.txt, line 1 (verbatim):
 *   docker
 * Output: `value` (the word), `isVirtual` (anything but `none`), `kind`: container technologies
 * (docker, podman, lxc, lxc-libvirt, systemd-nspawn, openvz, rkt, wsl, proot, pouch) versus
 * hypervisors (kvm, qemu, vmware, microsoft, oracle, xen, bochs, …), as systemd-detect-virt(1) lists.
 * Quirks: inside a container the host's own hypervisor is not reported (this machine says docker).
 */
import { splitLines, type UnparsedLine } from './lines.js';

export interface DetectVirt {
  readonly value?: string;
  readonly isVirtual?: boolean;
  readonly kind?: 'none' | 'container' | 'vm';
  readonly line?: number;
  readonly text?: string;
  readonly unparsed: readonly UnparsedLine[];
}

const CONTAINERS = new Set(['docker', 'podman', 'lxc', 'lxc-libvirt', 'systemd-nspawn', 'openvz', 'rkt', 'wsl', 'proot', 'pouch']);

export function parseSystemdDetectVirt(text: string): DetectVirt {
  const unparsed: UnparsedLine[] = [];
  let found: DetectVirt | undefined;
  for (const l of splitLines(text)) {
    const w = l.text.trim();
    if (w === '') continue;
    if (found !== undefined || !/^[a-z0-9-]{1,32}$/.test(w)) {
      unparsed.push(l);
      continue;
    }
    const kind = w === 'none' ? 'none' : CONTAINERS.has(w) ? 'container' : 'vm';
    found = { value: w, isVirtual: w !== 'none', kind, line: l.line, text: l.text, unparsed };
  }
  return found ?? { unparsed };
}
