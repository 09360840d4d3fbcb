import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/parsers/lines.js';
import { bareCommand, promptCommand } from '../../src/loose/prompt-line.js';
import { splitPaste } from '../../src/loose/split-paste.js';

const realCase = (p: string): string => readFileSync(new URL(`../real-cases/cases/${p}`, import.meta.url), 'utf8');
const fx = (p: string): string => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');

const sections = (text: string): [string | null, number, number][] =>
  splitPaste(splitLines(text)).map((s) => [s.command?.text ?? null, s.lines[0]?.line ?? 0, s.lines[s.lines.length - 1]?.line ?? 0]);

describe('prompt and command lines', () => {
  it('reads the prompt forms pastes carry (lines copied from the corpus)', () => {
    expect(promptCommand('$ lspci | grep Ethernet')).toBe('lspci | grep Ethernet');
    expect(promptCommand('# dmesg | grep -i vfio')).toBe('dmesg | grep -i vfio');
    expect(promptCommand('[root@master-3 ~]# dmesg|grep -i vfio')).toBe('dmesg|grep -i vfio');
    expect(promptCommand('root@apu:~# dmesg | grep -i iommu')).toBe('dmesg | grep -i iommu');
    expect(promptCommand(' root@debian:~# dmesg | grep -E "DMAR|IOMMU"')).toBe('dmesg | grep -E "DMAR|IOMMU"');
    expect(promptCommand('ashtonian@city-17-nix:/mnt/wd_1tb_nvme/VM/OSX-KVM$ scripts/lsgroup.sh')).toBe('scripts/lsgroup.sh');
    expect(promptCommand('[mr_halfword@skylake-alma eclipse_project]$ ./bind_device_to_vfio.sh 10b5')).toBe(
      './bind_device_to_vfio.sh 10b5',
    );
  });

  it('does not take configuration comments for `# cmd` prompts (Debian grub template, lines 1-4)', () => {
    const lines = fx('default-grub/debian-12-template.txt').split('\n').slice(0, 4);
    expect(lines.map(promptCommand)).toEqual([null, null, null, null]);
    expect(promptCommand('#... TONS of the same error')).toBeNull();
  });

  it('reads commands written without a prompt, in backticks too', () => {
    expect(bareCommand('cat /proc/meminfo | grep -i huge')).toBe('cat /proc/meminfo | grep -i huge');
    expect(bareCommand('`sudo dmesg | grep -i vfio`')).toBe('sudo dmesg | grep -i vfio');
    expect(bareCommand('dpdk-devbind.py --status')).toBe('dpdk-devbind.py --status');
    expect(bareCommand('ls-iommu query returned')).toBeNull();
    expect(bareCommand('Loading vfio-pci module')).toBeNull();
  });
});

describe('splitPaste', () => {
  it('splits a ticket paste at its prompts (kubevirt#8472: dmesg then ulimit -a)', () => {
    expect(sections(realCase('github-kubevirt-kubevirt-8472-memlock-gpu/comment-dmesg-ulimit.txt'))).toEqual([
      ['dmesg', 2, 3],
      ['ulimit -a', 5, 21],
    ]);
  });

  it('keeps text before the first prompt as a section without a command, and commands without output', () => {
    expect(
      sections(realCase('github-k8snetworkplumbingwg-sriov-network-device-plugin-connectx4-vfs-healthy/mlx5-enable-vfs.txt')).slice(0, 3),
    ).toEqual([
      ['ibdev2netdev', 2, 4],
      ['echo 4 > /sys/class/net/enp2s0f0/device/sriov_numvfs', 0, 0],
      ['ibdev2netdev -v', 7, 13],
    ]);
    expect(sections(realCase('github-cloudpods-17578-hugepage-1g-unsupported/comment2-meminfo.txt'))).toEqual([
      ['cat /proc/meminfo | grep -i huge', 2, 10],
    ]);
  });

  it('splits a long terminal session at each prompt (ashtonian/KVM-AIO)', () => {
    expect(sections(realCase('github-ashtonian-kvm-aio-rx550-vfio-groups-healthy/terminal-session.txt'))).toEqual([
      ['./scripts/list_iommu_groups.sh', 2, 80],
      ['lspci -nnk', 82, 225],
      ['scripts/lsgroup.sh', 227, 305],
    ]);
  });
});
