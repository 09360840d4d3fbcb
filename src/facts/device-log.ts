/**
 * Per-device problems the device rules read, from the log events (log-events.ts): driver probe
 * failures, reset and power-state failures, and BAR reservation failures. The catalogue entries
 * each one stands on are named here; their format strings and sources are in src/log-catalog.
 */
import type { EvidenceRef } from './fact.js';
import type { LogEvent, LogEventFacts } from './log-events.js';

export interface ProbeFailure {
  readonly address: string;
  /** The driver whose probe failed (`vfio-pci`, `nvme`). */
  readonly driver: string;
  readonly errno: number;
  readonly ref: EvidenceRef;
  /** Other events about the same device (a denylist line, a failed group add) that say why. */
  readonly context: readonly LogEvent[];
}

/** driver-probe-failed and driver-probe-with-driver-failed (drivers/base/dd.c). */
export function probeFailures(log: LogEventFacts, driver?: string): ProbeFailure[] {
  const out: ProbeFailure[] = [];
  for (const e of log.events) {
    if (e.fault !== 'probe-failed' || e.device === null || e.module === null || e.errno === null) continue;
    if (driver !== undefined && e.module !== driver) continue;
    const context = log.events.filter((c) => c !== e && c.device === e.device && c.fault !== 'group-added');
    for (const ref of e.refs.slice(0, 1)) out.push({ address: e.device, driver: e.module, errno: Number(e.errno), ref, context });
  }
  return out;
}

export type ResetProblem =
  | 'flr-not-ready'
  | 'slow-after-reset'
  | 'pending-transaction'
  | 'power-inaccessible'
  | 'power-refused'
  | 'vendor-reset'
  | 'no-reset-mechanism'
  | 'iommu-invalidation-timeout';

export interface ResetFailure {
  readonly address: string;
  readonly problem: ResetProblem;
  readonly ref: EvidenceRef;
}

/** Catalogue entries that prove a failed reset or power transition, and what each means for the fix. */
const RESET_PROBLEMS: Readonly<Record<string, ResetProblem>> = {
  'pci-not-ready-giving-up': 'flr-not-ready',
  // "not ready %dms after FLR; waiting": still silent a second after the reset (a host that then hangs never prints "giving up").
  'pci-not-ready-waiting': 'slow-after-reset',
  'pci-flr-pending-transaction': 'pending-transaction',
  'pci-af-flr-pending-transaction': 'pending-transaction',
  'pci-power-up-inaccessible': 'power-inaccessible',
  'pci-power-down-inaccessible': 'power-inaccessible',
  'pci-power-up-refused': 'power-refused',
  'pci-power-down-refused': 'power-refused',
  'pci-power-refused-legacy': 'power-refused',
  'qemu-vfio-stuck-in-low-power': 'power-inaccessible',
  'vfio-runtime-resume-failed': 'power-inaccessible',
  'qemu-vfio-reset-unavailable': 'no-reset-mechanism',
  'libvirt-pci-reset-failed': 'flr-not-ready',
  'amd-iommu-iotlb-inv-timeout': 'iommu-invalidation-timeout',
};

export function resetFailures(log: LogEventFacts): ResetFailure[] {
  const out: ResetFailure[] = [];
  for (const e of log.events) {
    if (e.device === null || !['reset-failed', 'power-state-failed', 'device-unresponsive'].includes(e.fault)) continue;
    const problem = Object.hasOwn(RESET_PROBLEMS, e.id) ? RESET_PROBLEMS[e.id] : e.origin === 'vendor-reset' ? 'vendor-reset' : undefined;
    if (problem === undefined) continue;
    for (const ref of e.refs) out.push({ address: e.device, problem, ref });
  }
  return out;
}

export interface BarConflict {
  readonly address: string;
  readonly bar: number;
  /**
   * Whether the range could hold a boot framebuffer: a prefetchable memory range of at least 1 MiB
   * (a GPU's VRAM aperture; the smallest boot framebuffer, 1024×768 at 32 bits, is 3 MiB). null when
   * the line does not print the range.
   */
  readonly framebufferSized: boolean | null;
  readonly ref: EvidenceRef;
}

const MIB = 1n << 20n;

/** `mem 0x96800000-0x9680ffff 64bit` (the kernel's %pR) → whether it is a prefetchable range of 1 MiB or more. */
function framebufferSized(range: string | null): boolean | null {
  const m = range === null ? null : /^mem 0x([\da-f]{1,16})-0x([\da-f]{1,16})\b(.*)$/i.exec(range);
  if (!m) return null;
  const size = BigInt(`0x${m[2] ?? '0'}`) - BigInt(`0x${m[1] ?? '0'}`) + 1n;
  return /\bpref\b/.test(m[3] ?? '') && size >= MIB;
}

/** pci-bar-cant-reserve (drivers/pci/pci.c __pci_request_region): the range is held by someone else, a boot framebuffer when the device is the boot GPU. */
export function barConflicts(log: LogEventFacts): BarConflict[] {
  const out: BarConflict[] = [];
  for (const e of log.events) {
    if (e.id !== 'pci-bar-cant-reserve' || e.device === null || e.bar === null) continue;
    const sized = framebufferSized(e.value);
    for (const ref of e.refs) out.push({ address: e.device, bar: Number(e.bar), framebufferSized: sized, ref });
  }
  return out;
}
