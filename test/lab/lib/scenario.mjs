// Scenario definitions (test/lab/scenarios/<name>.json) and what they turn into: the initramfs
// contents (modules to load with their parameters, actions, /etc tree) and the QEMU command line.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LAB } from './paths.mjs';
import { modName } from './kernels.mjs';
import { archOf, platformOf } from './arch.mjs';

export const SCENARIOS = join(LAB, 'scenarios');
export const ETC_TREES = join(LAB, 'etc');

export function listScenarios() {
  return readdirSync(SCENARIOS)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

export function loadScenario(name) {
  const s = JSON.parse(readFileSync(join(SCENARIOS, `${name}.json`), 'utf8'));
  if (s.name !== name) throw new Error(`${name}.json: name is ${s.name}`);
  for (const k of ['kernel', 'iommu', 'cpu', 'cmdline', 'devices', 'modules', 'expect']) {
    if (!(k in s)) throw new Error(`${name}.json: missing "${k}"`);
  }
  platformOf(s).firmwareOf(s);
  return s;
}

/** Scenario names of one architecture. */
export function listScenariosOf(arch) {
  return listScenarios().filter((n) => archOf(loadScenario(n)) === arch);
}

/** `bios`, `uefi` (amd64) or `uefi`, `dt` (arm64). */
export const firmwareOf = (s) => platformOf(s).firmwareOf(s);

/** QEMU arguments of the scenario's machine (without -kernel/-initrd/-append/serial wiring). */
export const qemuMachineArgs = (s, files) => platformOf(s).machineArgs(s, files);

/** Files of the scenario's /etc (and /boot) trees, layered in order: [{ src, dest }] */
export function treeFiles(s) {
  const out = new Map();
  for (const tree of s.trees ?? []) {
    const base = join(ETC_TREES, tree);
    if (!existsSync(base)) throw new Error(`tree ${tree} not found under test/lab/etc`);
    const walk = (dir) => {
      for (const e of readdirSync(dir)) {
        const p = join(dir, e);
        if (statSync(p).isDirectory()) walk(p);
        else out.set(relative(base, p), p);
      }
    };
    walk(base);
  }
  for (const rm of s.removeFiles ?? []) out.delete(rm.replace(/^\/+/, ''));
  return [...out].map(([dest, src]) => ({ dest, src }));
}

/**
 * Parameters modprobe would pass when loading `module`: `options` lines of modprobe.d files in the
 * tree, then `<module>.<param>=<value>` words of the kernel command line (later wins in the kernel).
 */
export function moduleParams(s, files, module) {
  const want = module.replace(/-/g, '_');
  const params = [];
  for (const f of files.filter((x) => /^etc\/modprobe\.d\/.*\.conf$/.test(x.dest))) {
    for (const line of readFileSync(f.src, 'utf8').split('\n')) {
      const m = /^\s*options\s+(\S+)\s+(.*)$/.exec(line);
      if (m && m[1].replace(/-/g, '_') === want) params.push(...m[2].trim().split(/\s+/));
    }
  }
  for (const word of s.cmdline.split(/\s+/)) {
    const m = /^([^.=\s]+)\.(\S+)$/.exec(word);
    if (m && m[1].replace(/-/g, '_') === want) params.push(m[2]);
  }
  return params;
}

/** Shell run by /init after the modules are loaded (see test/lab/init.sh). */
export function actionsScript(s) {
  const q = (v) => `'${String(v).replace(/'/g, `'\\''`)}'`;
  const lines = [];
  for (const a of s.actions ?? []) {
    switch (a.op) {
      case 'bind': {
        // driver_override, then unbind from the current driver and reprobe: the documented sysfs way
        const d = `/sys/bus/pci/devices/${a.device}`;
        lines.push(
          `echo ${q(a.driver)} > ${d}/driver_override`,
          `[ -e ${d}/driver ] && echo ${q(a.device)} > ${d}/driver/unbind`,
          `echo ${q(a.device)} > /sys/bus/pci/drivers_probe`,
        );
        break;
      }
      case 'touch':
        // edited after this boot: mtime later than btime
        lines.push(`sleep 1`, `touch ${q(a.path)}`);
        break;
      case 'sh':
        lines.push(a.run);
        break;
      default:
        throw new Error(`${s.name}: unknown action ${a.op}`);
    }
  }
  return lines.join('\n') + '\n';
}

export { modName };
