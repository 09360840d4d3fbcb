/**
 * Huge page reservations (Documentation/admin-guide/mm/hugetlbpage.rst): pages given on the
 * command line are taken from free memory early in boot; gigantic (1 GiB) pages need
 * physically contiguous, aligned memory and the CPU's pdpe1gb flag, so a request may be cut
 * short ("HugeTLB: allocating N of page size 1.00 GiB failed.  Only allocated M hugepages.").
 * A `hugepages=` count belongs to the `hugepagesz=` before it, and mm/hugetlb.c ignores a second
 * `hugepagesz=` of a size already given together with the `hugepages=` after it ("HugeTLB:
 * hugepagesz=… specified twice, ignoring"): a changed count therefore replaces the existing
 * `hugepages=` where it stands, never appends another pair. The number of pages to reserve is the
 * person's choice: the plan asks for it (PTD_HUGEPAGES) instead of printing a placeholder.
 */
import type { HostProfile } from '../facts/host-profile.js';
import type { Fix, FixStep } from './fix.js';
import { changeKernelParams } from './kernel-params.js';
import { input } from './shell.js';

const label = (kb: number): string => (kb >= 1048576 ? `${kb / 1048576}G` : `${kb / 1024}M`);

/**
 * A reservation cut short. `existing` is the request's `hugepages=` argument as parsed from the
 * command line (src/facts/hugepage-request.ts), replaced in place by the count that fits.
 */
export function fewerHugepages(
  host: HostProfile,
  sizeKb: number,
  wanted: number,
  got: number,
  sizeSupported: boolean,
  existing?: string,
  sizeRaw?: string | null,
): Fix {
  const verify: FixStep = {
    kind: 'verify',
    command: `cat /sys/kernel/mm/hugepages/hugepages-${sizeKb}kB/nr_hugepages`,
    expect: 'the number asked for',
  };
  if (!sizeSupported) {
    const unsupported: FixStep = {
      kind: 'note',
      text: `The kernel has no ${label(sizeKb)} huge page pool: the CPU lacks the pdpe1gb flag or the size is not supported; reserve 2 MiB pages instead. PTD_HUGEPAGES = the same memory in 2 MiB pages (${label(sizeKb)} × ${sizeKb / 2048} each); a default_hugepagesz= of the unsupported size goes too.`,
    };
    // The size and its count are replaced where they stand, so the count keeps following its size.
    if (sizeRaw === undefined || sizeRaw === null || existing === undefined || existing.includes(' '))
      return { summary: `Reserve huge pages of a size this host supports instead of ${label(sizeKb)}`, steps: [unsupported] };
    const fix = changeKernelParams(
      host,
      {
        add: [],
        remove: [],
        replace: [
          { from: sizeRaw, to: 'hugepagesz=2M' },
          { from: existing, to: ['hugepages=', input('PTD_HUGEPAGES')] },
        ],
      },
      `Reserve huge pages of a size this host supports instead of ${label(sizeKb)}`,
    );
    return {
      ...fix,
      steps: [
        unsupported,
        ...fix.steps.filter((s) => s.kind !== 'verify'),
        { kind: 'verify', command: 'cat /sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages', expect: 'PTD_HUGEPAGES' },
      ],
    };
  }
  const note: FixStep = {
    kind: 'note',
    text: `Only ${got} of ${wanted} pages of ${label(sizeKb)} fit: the plan asks for at most ${got} (leave memory for the host); adding memory or splitting the reservation per NUMA node (hugepages=NODE:COUNT,…) are the other ways.`,
  };
  const single = existing !== undefined && !existing.includes(' ') ? existing : `hugepages=${wanted}`;
  const fix = changeKernelParams(
    host,
    { add: [], remove: [], replace: [{ from: single, to: `hugepages=${got}` }] },
    `Reserve a number of ${label(sizeKb)} huge pages that fits`,
  );
  return { ...fix, steps: [note, ...fix.steps.filter((s) => s.kind !== 'verify'), verify] };
}

export function reserveHugepages(host: HostProfile, gigantic: boolean): Fix {
  const count = ['hugepages=', input('PTD_HUGEPAGES')] as const;
  const params = gigantic ? ['default_hugepagesz=1G', 'hugepagesz=1G', count] : ['hugepagesz=2M', count];
  const fix = changeKernelParams(host, { add: params, remove: [] }, 'Reserve huge pages for guest memory');
  return {
    ...fix,
    steps: [
      {
        kind: 'note',
        text: `PTD_HUGEPAGES = the guests' memory in ${gigantic ? 'GiB' : '2 MiB units'}; the guest uses them with libvirt <memoryBacking><hugepages/></memoryBacking> or QEMU -mem-path /dev/hugepages.`,
      },
      ...fix.steps,
    ],
  };
}
