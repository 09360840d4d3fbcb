/**
 * Huge page reservations (Documentation/admin-guide/mm/hugetlbpage.rst): pages given on the
 * command line are taken from free memory early in boot; gigantic (1 GiB) pages need
 * physically contiguous, aligned memory and the CPU's pdpe1gb flag, so a request may be cut
 * short ("HugeTLB: allocating N of page size 1.00 GiB failed.  Only allocated M hugepages.").
 */
import type { HostProfile } from '../facts/model.js';
import type { Fix, FixStep } from './fix.js';
import { changeKernelParams } from './kernel-params.js';

const label = (kb: number): string => (kb >= 1048576 ? `${kb / 1048576}G` : `${kb / 1024}M`);

export function fewerHugepages(host: HostProfile, sizeKb: number, wanted: number, got: number, sizeSupported: boolean): Fix {
  const note: FixStep = sizeSupported
    ? {
        kind: 'note',
        text: `Only ${got} of ${wanted} pages of ${label(sizeKb)} fit: ask for at most ${got} (leave memory for the host), add memory, or split the reservation per NUMA node with hugepages=<node>:<count>.`,
      }
    : {
        kind: 'note',
        text: `The kernel has no ${label(sizeKb)} huge page pool: the CPU lacks the pdpe1gb flag or the size is not supported; use hugepagesz=2M instead.`,
      };
  const fix = changeKernelParams(
    host,
    { add: [`hugepagesz=${label(sizeKb)} hugepages=${sizeSupported ? got : wanted}`], remove: [] },
    `Reserve a number of ${label(sizeKb)} huge pages that fits`,
  );
  return {
    ...fix,
    steps: [
      note,
      ...fix.steps.filter((s) => s.kind !== 'verify'),
      { kind: 'verify', command: `cat /sys/kernel/mm/hugepages/hugepages-${sizeKb}kB/nr_hugepages`, expect: 'the number asked for' },
    ],
  };
}

export function reserveHugepages(host: HostProfile, gigantic: boolean): Fix {
  const params = gigantic ? ['default_hugepagesz=1G', 'hugepagesz=1G', 'hugepages=<N>'] : ['hugepagesz=2M', 'hugepages=<N>'];
  const fix = changeKernelParams(host, { add: params, remove: [] }, 'Reserve huge pages for guest memory');
  return {
    ...fix,
    steps: [
      {
        kind: 'note',
        text: `N = the guests' memory in ${gigantic ? 'GiB' : '2 MiB units'}; the guest uses them with libvirt <memoryBacking><hugepages/></memoryBacking> or QEMU -mem-path /dev/hugepages.`,
      },
      ...fix.steps,
    ],
  };
}
