/**
 * Per-device kernel log events the device rules read: driver probe failures, reset failures and
 * BAR reservation failures. Pure helpers over the kernelLog fact; every pattern is the kernel's own
 * format string, cited where it is printed.
 */
import type { KernelLogFacts, KernelLogLine } from './model.js';

const ADDR = '([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7])';

export interface DeviceLogEvent {
  readonly address: string;
  /** The driver name the kernel printed before the address (`vfio-pci`, `pci`, `nvme`). */
  readonly driver: string;
  readonly line: KernelLogLine;
}

export interface ProbeFailure extends DeviceLogEvent {
  readonly errno: number;
}

/**
 * drivers/base/dd.c `call_driver_probe()`: `pr_warn("%s: probe of %s failed with error %d\n",
 * drv->name, dev_name(dev), ret)` — printed for every error except -ENODEV and -ENXIO, which only
 * reach pr_debug ("probe of %s rejects match"). A later form, `dev_err(dev, "probe with driver %s
 * failed with error %d\n")`, was posted to the driver core list; both are read.
 */
const PROBE_OLD = new RegExp(`^(\\S+): probe of ${ADDR} failed with error (-?\\d+)`);
const PROBE_NEW = new RegExp(`^\\S+ ${ADDR}: probe with driver (\\S+) failed with error (-?\\d+)`);

export function probeFailures(log: KernelLogFacts, driver?: string): ProbeFailure[] {
  const out: ProbeFailure[] = [];
  for (const line of log.lines) {
    const o = PROBE_OLD.exec(line.message);
    const n = o ? null : PROBE_NEW.exec(line.message);
    const hit = o
      ? { driver: o[1]!, address: o[2]!, errno: Number(o[3]) }
      : n
        ? { driver: n[2]!, address: n[1]!, errno: Number(n[3]) }
        : null;
    if (hit && (driver === undefined || hit.driver === driver)) out.push({ ...hit, line });
  }
  return out;
}

export type ResetProblem = 'flr-not-ready' | 'pending-transaction' | 'power-inaccessible';
export interface ResetFailure extends DeviceLogEvent {
  readonly problem: ResetProblem;
}

/**
 * drivers/pci/pci.c: `pci_dev_wait()` "not ready %dms after %s; giving up" (%s = FLR, bus reset,
 * PM D3hot->D0, resume…), `pcie_flr()` "timed out waiting for pending transaction; performing
 * function level reset anyway", `pci_power_up()` "Unable to change power state from %s to D0,
 * device inaccessible". The "; waiting" lines before a "giving up" are progress, not failures.
 */
const RESET: readonly [RegExp, ResetProblem][] = [
  [new RegExp(`^(\\S+) ${ADDR}: not ready \\d+ms after .+; giving up`), 'flr-not-ready'],
  [new RegExp(`^(\\S+) ${ADDR}: timed out waiting for pending transaction; performing function level reset anyway`), 'pending-transaction'],
  [new RegExp(`^(\\S+) ${ADDR}: Unable to change power state from \\S+ to D0, device inaccessible`), 'power-inaccessible'],
];

export function resetFailures(log: KernelLogFacts): ResetFailure[] {
  const out: ResetFailure[] = [];
  for (const line of log.lines)
    for (const [re, problem] of RESET) {
      const m = re.exec(line.message);
      if (m) out.push({ driver: m[1]!, address: m[2]!, problem, line });
    }
  return out;
}

export interface BarConflict extends DeviceLogEvent {
  readonly bar: number;
}

/**
 * drivers/pci/pci.c `__pci_request_region()`: "BAR %d: can't reserve %pR" (before 6.8) and
 * "%s %pR: can't reserve" with the resource name "BAR N" (6.8+, resource names in log messages).
 * vfio-pci requests the BARs when QEMU opens the device; a boot framebuffer that still holds the
 * range makes this fail.
 */
const BAR = new RegExp(`^(\\S+) ${ADDR}: BAR (\\d+)(?:: can't reserve | \\[[^\\]]*\\]: can't reserve)`);

export function barConflicts(log: KernelLogFacts, driver = 'vfio-pci'): BarConflict[] {
  const out: BarConflict[] = [];
  for (const line of log.lines) {
    const m = BAR.exec(line.message);
    if (m && m[1] === driver) out.push({ driver: m[1], address: m[2]!, bar: Number(m[3]), line });
  }
  return out;
}

/** An EvidenceRef to a kernel log line: the one builder lives in kernel-log.ts. */
export { logRef } from './kernel-log.js';
