/**
 * Huge pages the kernel could not set up: mm/hugetlb.c (pr_fmt none; lines start `HugeTLB: `)
 * and, before 5.7 consolidated the parsing, arch/x86/mm/hugetlbpage.c.
 */
import type { LogCatalogEntry } from './entry.js';
import { LINUX_6_1, LINUX_6_12, LINUX_OLDER } from './versions.js';

const BOTH = [LINUX_6_1, LINUX_6_12];
const HUGETLB = 'mm/hugetlb.c';

export const HUGETLB_MESSAGES: readonly LogCatalogEntry[] = [
  {
    id: 'hugetlb-allocation-short',
    origin: 'kernel',
    sourceFile: HUGETLB,
    format: 'HugeTLB: allocating %lu of page size %s failed.  Only allocated %lu hugepages.\n',
    needle: 'failed.  Only allocated ',
    pattern: /^HugeTLB: allocating (?<value>\d+) of page size (?<param>[\d.]+ \w+) failed\. {1,2}Only allocated \d+ hugepages\.$/,
    fault: 'hugepage-failed',
    level: 'warning',
    meaning: 'Fewer boot-time huge pages of this size were reserved than hugepages= asked for.',
    verifiedIn: BOTH,
  },
  {
    id: 'hugetlb-node-allocation-short',
    origin: 'kernel',
    sourceFile: HUGETLB,
    format: 'HugeTLB: allocating %u of page size %s failed node%d.  Only allocated %lu hugepages.\n',
    needle: ' failed node',
    pattern: /^HugeTLB: allocating (?<value>\d+) of page size (?<param>[\d.]+ \w+) failed node\d+\. {1,2}Only allocated \d+ hugepages\.$/,
    fault: 'hugepage-failed',
    level: 'warning',
    meaning: 'A NUMA node got fewer boot-time huge pages than requested for it.',
    verifiedIn: BOTH,
  },
  {
    id: 'hugetlb-unsupported-size',
    origin: 'kernel',
    sourceFile: HUGETLB,
    format: 'HugeTLB: unsupported hugepagesz=%s\n',
    needle: 'HugeTLB: unsupported hugepagesz=',
    pattern: /^HugeTLB: unsupported hugepagesz=(?<value>\S+)$/,
    fault: 'hugepage-failed',
    level: 'error',
    meaning: 'The CPU or architecture has no huge pages of this size (1G needs the pdpe1gb CPU flag), so none are reserved.',
    verifiedIn: BOTH,
  },
  {
    id: 'hugetlb-unsupported-default-size',
    origin: 'kernel',
    sourceFile: HUGETLB,
    format: 'HugeTLB: unsupported default_hugepagesz=%s\n',
    needle: 'HugeTLB: unsupported default_hugepagesz=',
    pattern: /^HugeTLB: unsupported default_hugepagesz=(?<value>\S+)$/,
    fault: 'hugepage-failed',
    level: 'error',
    meaning: 'default_hugepagesz names a size the CPU does not support, so the default size stays 2M.',
    verifiedIn: BOTH,
  },
  {
    id: 'hugetlb-unsupported-size-legacy',
    origin: 'kernel',
    sourceFile: 'arch/x86/mm/hugetlbpage.c',
    format: 'hugepagesz: Unsupported page size %lu M\n',
    needle: 'hugepagesz: Unsupported page size ',
    pattern: /^hugepagesz: Unsupported page size (?<value>\d+) M$/,
    fault: 'hugepage-failed',
    level: 'error',
    meaning: 'The CPU has no huge pages of this size (1024 M needs pdpe1gb), so none are reserved (kernels before 5.7).',
    until: '5.7',
    verifiedIn: [LINUX_OLDER],
  },
];
