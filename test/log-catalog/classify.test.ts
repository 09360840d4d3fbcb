import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LOG_CATALOG, buildClassifier, classifyLogLine, type LogCatalogEntry } from '../../src/log-catalog/index.js';
import { buildNeedleIndex } from '../../src/log-catalog/needle-index.js';
import { EXPANDED_EXAMPLES } from './expanded-examples.js';
import { messageOf } from './message-of.js';

const LAB = new URL('../fixtures/lab/', import.meta.url);
const LOG_LINES = new URL('../fixtures/log-lines/', import.meta.url);

function labDmesg(scenario: string): string[] {
  return readFileSync(new URL(`${scenario}/dmesg.txt`, LAB), 'utf8')
    .split('\n')
    .map(messageOf);
}

/** The same answer the long way: every entry whose needle occurs and whose pattern matches. */
function naive(entries: readonly LogCatalogEntry[], message: string): string[] {
  return entries.filter((e) => message.includes(e.needle) && e.pattern.test(message)).map((e) => e.id);
}

describe('needle index', () => {
  test('finds exactly the needles a text contains, overlapping and nested ones included', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', ':', ' ');
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: alphabet, minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        fc.string({ unit: alphabet, maxLength: 60 }),
        (needles, text) => {
          const index = buildNeedleIndex(needles);
          const found = new Set<number>();
          index.search(text, (n) => found.add(n));
          const expected = needles.flatMap((n, i) => (text.includes(n) ? [i] : []));
          expect([...found].sort((a, b) => a - b)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('characters outside every needle reset the match (non-ASCII text included)', () => {
    const index = buildNeedleIndex(['ab', 'vfio']);
    const hits: number[] = [];
    index.search('a—b 日本 vfi·o a b ab vfio', (n) => hits.push(n));
    expect(hits).toEqual([0, 1]);
  });
});

describe('classifier', () => {
  const realMessages = [
    ...readdirSync(LAB).flatMap(labDmesg),
    ...readdirSync(LOG_LINES)
      .filter((f) => f.endsWith('.txt'))
      .flatMap((f) => readFileSync(new URL(f, LOG_LINES), 'utf8').split('\n').map(messageOf)),
    ...EXPANDED_EXAMPLES.map((x) => x.message),
  ];

  test('the needle prefilter drops no match and adds none (every lab and fixture line)', () => {
    expect(realMessages.length).toBeGreaterThan(5000);
    for (const message of realMessages) expect(classifyLogLine(message).map((m) => m.entry.id)).toEqual(naive(LOG_CATALOG, message));
  });

  test('a healthy host proves only states, no fault (lab intel-healthy-6.1, amd-healthy-6.1, intel-healthy-6.12)', () => {
    const faults = new Set(
      ['intel-healthy-6.1', 'amd-healthy-6.1', 'intel-healthy-6.12']
        .flatMap(labDmesg)
        .flatMap((m) => classifyLogLine(m).map((x) => x.entry.fault)),
    );
    expect([...faults].sort()).toEqual(['default-domain', 'group-added', 'interrupt-remapping-enabled', 'iommu-enabled']);
  });

  test('matches come back in catalogue order, and nothing carries over between calls', () => {
    const line =
      'libvirt.libvirtError: internal error: Unable to reset PCI device 0000:05:00.2: internal error: Active 0000:05:00.0 devices on bus with 0000:05:00.2, not doing bus reset';
    const first = classifyLogLine(line).map((m) => m.entry.id);
    expect(first).toEqual(['libvirt-pci-reset-failed', 'libvirt-bus-reset-refused']);
    expect(classifyLogLine('')).toEqual([]);
    expect(classifyLogLine('DMAR: IOMMU enabled').map((m) => m.entry.id)).toEqual(['intel-iommu-enabled']);
    expect(classifyLogLine(line).map((m) => m.entry.id)).toEqual(first);
  });

  test('a classifier built on other entries sees only those', () => {
    const only = LOG_CATALOG.filter((e) => e.origin === 'qemu');
    const classify = buildClassifier(only);
    expect(classify('DMAR: IOMMU enabled')).toEqual([]);
    const line = 'qemu-system-x86_64: vfio: Cannot reset device 0000:00:14.0, no available reset mechanism.';
    expect(classify(line).map((m) => [m.entry.id, m.groups])).toEqual([['qemu-vfio-reset-unavailable', { device: '0000:00:14.0' }]]);
  });

  test('a 1 MiB line of near-misses is classified (a super-linear pattern would run past the test timeout)', () => {
    const near = 'vfio 0000:01:00.0: group 1 is not viabl '.repeat(26000) + 'x'.repeat(1000);
    expect(classifyLogLine(near)).toEqual([]);
    const hit = `${near} vfio 0000:01:00.0: group 1 is not viable`;
    expect(classifyLogLine(hit).map((m) => m.groups)).toEqual([{ device: '0000:01:00.0', group: '1' }]);
  });
});
