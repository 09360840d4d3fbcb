/**
 * The Facts record rules see, keyed by name. Built in one place (build-facts.ts).
 */
import type { Fact } from './fact.js';
import type { KernelConfigFacts } from './kernel-config.js';
import type { LogEventFacts } from './log-events.js';
import type * as M from './model.js';

export interface Facts {
  readonly host: Fact<M.HostProfile>;
  readonly cpu: Fact<M.CpuFacts>;
  readonly kernel: Fact<M.KernelFacts>;
  readonly kernelConfig: Fact<KernelConfigFacts>;
  readonly cmdline: Fact<M.CmdlineFacts>;
  readonly kernelLog: Fact<M.KernelLogFacts>;
  /** The kernel, QEMU and host-service logs classified once against the message catalogue. */
  readonly logEvents: Fact<LogEventFacts>;
  readonly firmwareIommu: Fact<M.FirmwareIommuFacts>;
  readonly kernelIommu: Fact<M.KernelIommuFacts>;
  readonly interruptRemapping: Fact<M.InterruptRemappingFacts>;
  readonly modules: Fact<M.ModuleFacts>;
  readonly moduleConfig: Fact<M.ModuleConfigFacts>;
  readonly bootConfig: Fact<M.BootConfigFacts>;
  readonly pci: Fact<M.PciFacts>;
  readonly targets: Fact<M.TargetFacts>;
  readonly hugepages: Fact<M.HugepageFacts>;
  readonly meminfo: Fact<Readonly<Record<string, number>>>;
  readonly virtualization: Fact<M.VirtualizationFacts>;
  readonly kvm: Fact<M.KvmFacts>;
  readonly hostStorage: Fact<M.HostStorageFacts>;
  readonly collection: Fact<M.CollectionFacts>;
  readonly cloudpods: Fact<M.CloudpodsFacts>;
}
