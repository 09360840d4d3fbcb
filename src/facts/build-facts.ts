/**
 * buildFacts: the one place facts are wired. Evidence → parsers → tri-state facts, in dependency
 * order (the kernel log feeds the firmware, IOMMU and group facts; the PCI inventory and module
 * configuration feed the targets).
 */
import type { Manifest } from '../bundle/manifest.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { buildBootConfig } from './boot-config.js';
import { buildCloudpods } from './cloudpods.js';
import { buildCmdline } from './cmdline.js';
import { buildCollection } from './collection.js';
import { buildCpu } from './cpu.js';
import type { Facts } from './facts.js';
import { buildArchitecture } from './architecture.js';
import { buildFirmwareIommu } from './firmware-iommu.js';
import { buildHostProfile, readDistro } from './host-profile.js';
import { buildHostStorage } from './host-storage.js';
import { buildHugepages } from './hugepages.js';
import { buildInterruptRemapping } from './interrupt-remapping.js';
import { buildKernel } from './kernel.js';
import { buildKernelConfig } from './kernel-config.js';
import { buildKernelIommu } from './kernel-iommu.js';
import { buildKernelLog } from './kernel-log.js';
import { buildKvm } from './kvm.js';
import { classifyLogs, resolveLogEvents } from './log-events.js';
import { buildMeminfo } from './meminfo.js';
import { buildModuleConfig } from './module-config.js';
import { buildModules } from './modules.js';
import { buildPci } from './pci.js';
import { buildTargets } from './targets.js';
import { buildVirtualization } from './virtualization.js';

export interface FactOptions {
  readonly devices: readonly string[];
  readonly manifest: Manifest | null;
  readonly manifestProblem: string | null;
  readonly skippedEntries: number;
  readonly lost: string | null;
}

export function buildFacts(ev: EvidenceSource, options: FactOptions): Facts {
  const kernelLog = buildKernelLog(ev);
  const cmdline = buildCmdline(ev, kernelLog);
  const cpu = buildCpu(ev);
  const kernel = buildKernel(ev, options.manifest);
  // The architecture decides how firmware, interrupt isolation and virtualization are read: once, for all.
  const architecture = buildArchitecture(ev, kernelLog, kernel);
  const distro = readDistro(ev, kernel, architecture);
  const bootConfig = buildBootConfig(ev, distro.family, cmdline);
  const modules = buildModules(ev);
  const moduleConfig = buildModuleConfig(ev);
  const cloudpods = buildCloudpods(ev);
  const classifiedLogs = classifyLogs(kernelLog, cloudpods);
  const pci = buildPci(ev, kernelLog, classifiedLogs);
  const boot = bootConfig.state === 'known' ? bootConfig.value : null;
  const targets = buildTargets(pci, cmdline, moduleConfig, options.devices);
  const virtualization = buildVirtualization(ev, cpu, architecture);
  return {
    host: buildHostProfile(
      distro,
      cpu,
      kernel,
      { bootMode: boot?.bootMode ?? null, bootloader: boot?.bootloader ?? null, grubCfg: boot?.activeGrubCfg ?? null },
      cloudpods.state === 'known' && cloudpods.value.detected,
      { cmdline, bootConfig, virtualization },
    ),
    cpu,
    kernel,
    kernelConfig: buildKernelConfig(ev),
    cmdline,
    kernelLog,
    firmwareIommu: buildFirmwareIommu(ev, kernelLog, architecture),
    kernelIommu: buildKernelIommu(ev, kernelLog, classifiedLogs),
    interruptRemapping: buildInterruptRemapping(kernelLog, classifiedLogs, ev, architecture),
    modules,
    moduleConfig,
    bootConfig,
    pci,
    targets,
    logEvents: resolveLogEvents(classifiedLogs, pci, targets),
    hugepages: buildHugepages(ev),
    meminfo: buildMeminfo(ev),
    virtualization,
    kvm: buildKvm(ev, modules),
    hostStorage: buildHostStorage(ev),
    collection: buildCollection(ev, options.manifest, options.manifestProblem, options.skippedEntries, options.lost),
    cloudpods,
  };
}
