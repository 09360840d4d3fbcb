/**
 * The module behind a bound driver. modprobe.d `blacklist` and `softdep` lines and /proc/modules
 * speak of modules, lspci's "Kernel driver in use" of drivers, and the two names differ: the
 * driver `bochs-drm` is the module `bochs` (drivers/gpu/drm/tiny/bochs.c registers its pci_driver
 * as "bochs-drm"; lspci -nnk prints "Kernel driver in use: bochs-drm" and "Kernel modules: bochs",
 * samples/lab-group-shared/evidence/commands/lspci-nnk.out). lspci's "Kernel modules" line lists
 * the modules whose aliases match the device: the one whose name is the driver's (with - and _
 * alike) is it; a single candidate is it; otherwise the module cannot be told from the bundle.
 */
import { moduleKey } from '../parsers/module-name.js';
import { isIdentifier } from './identifiers.js';

export function moduleOfDriver(driver: string, modules: readonly string[]): string | null {
  const candidates = modules.filter((m) => isIdentifier('module', m));
  const same = candidates.find((m) => moduleKey(m) === moduleKey(driver));
  if (same !== undefined) return moduleKey(same);
  if (candidates.length === 1) return moduleKey(candidates[0]!);
  return null;
}
