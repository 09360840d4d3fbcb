import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findMessages, parseDmesg } from '../../src/parsers/dmesg.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');
const realCase = (p: string): string => readFileSync(new URL(`../real-cases/cases/${p}`, import.meta.url), 'utf8');

describe('parseDmesg', () => {
  it('parses the header sample (guide dmesg | grep -i vfio)', () => {
    const d = parseDmesg(fx('dmesg/guide-grep-vfio.txt'));
    expect(d.format).toBe('monotonic');
    expect(d.records[0]).toEqual({
      line: 1,
      text: '[ 0.329224] VFIO - User Level meta-driver version: 0.3',
      message: 'VFIO - User Level meta-driver version: 0.3',
      time: 0.329224,
      kind: 'monotonic',
    });
    expect(d.records[1]?.message).toBe('vfio_pci: add [10de:13c2[ffff:ffff]] class 0x000000/00000000');
    expect(d.firstMonotonic).toBe(0.329224);
  });

  it('returns an empty log for empty input', () => {
    expect(parseDmesg('')).toEqual({ format: 'empty', records: [], meta: [], unparsed: [] });
  });

  it('keeps lines without a stamp as raw records', () => {
    const d = parseDmesg(fx('dmesg/lkml-amd-vi-iommu-groups.txt'));
    const wrapped = d.records.find((r) => r.line === 57);
    expect(wrapped).toMatchObject({ kind: 'raw', message: 'PPR NX GT [5] IA GA PC GA_vAPIC' });
    expect(wrapped?.time).toBeUndefined();
    expect(d.format).toBe('monotonic');
    expect(findMessages(d, 'AMD-Vi: Interrupt remapping enabled')[0]?.line).toBe(58);
  });

  it('reads real dmesg from this machine with its first stamp at 0', () => {
    const d = parseDmesg(fx('dmesg/firecracker-6.18.txt'));
    expect(d.records.length).toBe(342);
    expect(d.firstMonotonic).toBe(0);
    expect(d.records[0]?.message.startsWith('Linux version 6.18.44-fc-v782')).toBe(true);
  });

  it('reads dmesg -T ctime stamps without a monotonic time', () => {
    const d = parseDmesg(fx('dmesg/firecracker-6.18-T.txt'));
    expect(d.format).toBe('ctime');
    expect(d.firstMonotonic).toBeUndefined();
    expect(d.records[2]?.message).toBe("[Firmware Bug]: TSC doesn't count with P0 frequency!");
  });

  it('removes <N> level prefixes of dmesg -r', () => {
    const d = parseDmesg(fx('dmesg/firecracker-6.18-r.txt'));
    expect(d.format).toBe('monotonic');
    expect(d.records[0]).toMatchObject({ level: 5, time: 0 });
    expect(d.records[2]).toMatchObject({ level: 4, message: "[Firmware Bug]: TSC doesn't count with P0 frequency!" });
  });

  it('puts journal banners in meta', () => {
    const d = parseDmesg(fx('dmesg/firecracker-6.18-journalctl-k.txt'));
    expect(d.records).toEqual([]);
    expect(d.meta).toEqual([{ line: 1, text: '-- No entries --' }]);
  });

  it('returns quickly on a 5 MB line of [ and of <', () => {
    expect(parseDmesg('['.repeat(5_000_000)).records[0]?.kind).toBe('raw');
    expect(parseDmesg('<'.repeat(5_000_000)).records.length).toBe(1);
  });

  it('reads dmesg -x: the facility:level prefix gives the level', () => {
    const d = parseDmesg(fx('loose/this-machine/dmesg-x.txt'));
    expect(d.format).toBe('monotonic');
    expect(d.firstMonotonic).toBe(0);
    expect(d.records[0]).toMatchObject({ kind: 'monotonic', level: 5, time: 0 });
    expect(d.records[0]?.message.startsWith('Linux version 6.18.44-fc-v1272')).toBe(true);
    expect(d.records[2]).toMatchObject({ level: 4, message: "[Firmware Bug]: TSC doesn't count with P0 frequency!" });
  });

  it('reads dmesg -d: the monotonic stamp before the delta', () => {
    const d = parseDmesg(fx('loose/this-machine/dmesg-d.txt'));
    expect(d.format).toBe('monotonic');
    expect(d.records[0]).toMatchObject({ kind: 'monotonic', time: 0 });
    expect(d.records[0]?.message.startsWith('Linux version')).toBe(true);
  });

  it('reads dmesg -H and reltime stamps as stamped lines without a time since boot', () => {
    const d = parseDmesg(fx('loose/this-machine/dmesg-H.txt'));
    expect(d.format).toBe('relative');
    expect(d.firstMonotonic).toBeUndefined();
    expect(d.records[0]).toMatchObject({ kind: 'relative', line: 1 });
    expect(d.records[0]?.message.startsWith('Linux version')).toBe(true);
    expect(d.records[2]?.message).toBe("[Firmware Bug]: TSC doesn't count with P0 frequency!");
    const ticket = parseDmesg(realCase('github-kubevirt-kubevirt-8472-memlock-gpu/comment-dmesg-ulimit.txt'));
    expect(ticket.records.find((r) => r.line === 2)).toMatchObject({
      kind: 'relative',
      message: 'vfio_pin_pages_remote: RLIMIT_MEMLOCK (65536) exceeded',
    });
  });

  it("skips a capture tool's stamp before the kernel's (moreutils ts, default and ISO-like formats)", () => {
    for (const f of ['loose/this-machine/dmesg-ts-default.txt', 'loose/this-machine/dmesg-ts.txt']) {
      const d = parseDmesg(fx(f));
      expect(d.format, f).toBe('monotonic');
      expect(d.records[0], f).toMatchObject({ kind: 'monotonic', time: 0 });
      expect(d.records[0]?.message.startsWith('Linux version 6.18.44-fc-v1272'), f).toBe(true);
    }
  });

  it('removes `kernel: ` after a monotonic stamp', () => {
    const d = parseDmesg(realCase('github-mrchromebox-firmware-458-dmar-ir-ioapic-firmware-bug/dmesg-dmar.txt'));
    expect(d.records[0]).toMatchObject({ kind: 'monotonic', time: 0.083139, message: 'DMAR: Host address width 36' });
    expect(d.records[8]?.message).toBe('DMAR-IR: [Firmware Bug]: ioapic 0 has no mapping iommu, interrupt remapping will be disabled');
  });

  it('reads journalctl -k short and short-precise lines', () => {
    const short = parseDmesg(realCase('github-storpool-ixgbevf-udevhelper-sriov-mmio-realloc/journal-sriov-mmio.txt'));
    expect(short.format).toBe('journal');
    expect(short.records[2]).toMatchObject({ kind: 'journal', message: 'ixgbe 0000:04:00.1: not enough MMIO resources for SR-IOV' });
    const precise = parseDmesg(realCase('github-harvester-harvester-7340-rmrr-hp-nic/journal-kernel.txt'));
    expect(precise.records[0]?.kind).toBe('journal');
    expect(precise.records[0]?.message.startsWith('vfio-pci 0000:04:00.1: DMAR: Device is ineligible for IOMMU domain attach')).toBe(true);
  });

  it('reads stamped lines a quote indented', () => {
    const d = parseDmesg(realCase('github-opencomputeproject-opennetworklinux-897-dmar-faults/pr-description-dmesg.txt'));
    expect(d.format).toBe('monotonic');
    expect(d.records[0]).toMatchObject({
      kind: 'monotonic',
      time: 10672.86894,
      message: 'DMAR: [DMA Write] Request device [00:12.0] fault addr 0 [fault reason 05] PTE Write access is not set',
    });
  });
});
