/**
 * The Cloudpods host service (yunionio/cloudpods pkg/hostman): start-up, hugepages, kernel
 * modules, configuration parsing and registration with the region. The logger prints
 * `[<level> <time> <func>(<file>:<line>)] <message>`; patterns run over `<message>`. Errors
 * built with errors.Wrap / fmt.Errorf travel up and are printed inside their caller's message, so
 * their patterns are embedded.
 */
import type { LogCatalogEntry } from './entry.js';
import { CLOUDPODS_3_10, CLOUDPODS_3_11, CLOUDPODS_MASTER } from './versions.js';

const ALL = [CLOUDPODS_3_10, CLOUDPODS_3_11, CLOUDPODS_MASTER];
const HOSTINFO = 'pkg/hostman/hostinfo/hostinfo.go';

export const CLOUDPODS_HOST: readonly LogCatalogEntry[] = [
  {
    // master words it `Host instance init error: %s, wait 3 minutes to retry` (error), then `…, reboot now` (fatal).
    id: 'cloudpods-host-init-error',
    origin: 'cloudpods-host',
    sourceFile: 'pkg/hostman/host_services.go',
    format: 'Host instance init error: %v',
    needle: 'Host instance init error: ',
    pattern: /^Host instance init error: (?<value>.+)$/,
    fault: 'host-service-check-failed',
    level: 'fatal',
    meaning: 'The host service stopped during start-up; the wrapped error in value says which check failed.',
    verifiedIn: [CLOUDPODS_3_10, CLOUDPODS_3_11],
  },
  {
    id: 'cloudpods-hugepage-nr-zero',
    origin: 'cloudpods-host',
    sourceFile: HOSTINFO,
    format: 'hugepage %d nr 0',
    needle: ' nr 0',
    pattern: /hugepage (?<value>\d+) nr 0/,
    fault: 'hugepage-failed',
    level: 'fatal',
    meaning:
      'hugepages_option is native but no huge page of hugepage_size_mb (MB in value) is reserved, so the host service will not start.',
    embedded: true,
    verifiedIn: ALL,
  },
  {
    id: 'cloudpods-node-no-hugepages',
    origin: 'cloudpods-host',
    sourceFile: HOSTINFO,
    format: 'node %s has no hugepages ?',
    needle: ' has no hugepages ?',
    pattern: /node (?<value>\S+) has no hugepages \?/,
    fault: 'hugepage-failed',
    level: 'fatal',
    meaning: 'A NUMA node has no pool of the configured huge page size, so the host service will not start.',
    embedded: true,
    verifiedIn: [CLOUDPODS_3_11, CLOUDPODS_MASTER],
  },
  {
    id: 'cloudpods-invalid-hugepages-option',
    origin: 'cloudpods-host',
    sourceFile: HOSTINFO,
    format: 'Invalid hugepages option',
    needle: 'Invalid hugepages option',
    pattern: /Invalid hugepages option/,
    fault: 'host-service-parse-failed',
    level: 'fatal',
    meaning: 'hugepages_option in host.conf is not disable, native or transparent, so the host service will not start.',
    embedded: true,
    verifiedIn: ALL,
  },
  {
    id: 'cloudpods-kvm-unsupported',
    origin: 'cloudpods-host',
    sourceFile: HOSTINFO,
    format: 'KVM is not supported, skip probe isolated devices',
    needle: 'KVM is not supported, skip probe isolated devices',
    pattern: /^KVM is not supported, skip probe isolated devices$/,
    fault: 'host-service-probe-failed',
    level: 'error',
    meaning: 'The host service found no usable KVM and probes no passthrough devices.',
    verifiedIn: ALL,
  },
  {
    id: 'cloudpods-vfio-modprobe-failed',
    origin: 'cloudpods-host',
    sourceFile: HOSTINFO,
    format: 'failed probe driver %s: %s %s',
    needle: 'failed probe driver ',
    pattern: /^failed probe driver (?<module>[\w-]+): /,
    fault: 'host-service-probe-failed',
    level: 'error',
    meaning: 'modprobe of a vfio module failed on the host, so devices cannot be bound to vfio-pci.',
    verifiedIn: ALL,
  },
  {
    id: 'cloudpods-host-sys-error',
    origin: 'cloudpods-host',
    sourceFile: HOSTINFO,
    format: 'Host sys error: %v',
    needle: 'Host sys error: ',
    pattern: /^Host sys error: (?<value>.+)$/,
    fault: 'host-service-sys-error',
    level: 'error',
    meaning: 'The host registered with errors (shown as sys_error on the host); the map lists them by kind.',
    verifiedIn: ALL,
  },
  {
    id: 'cloudpods-device-sync-failed',
    origin: 'cloudpods-host',
    sourceFile: HOSTINFO,
    format: 'Sync deviceInfo %s error: %v',
    needle: 'Sync deviceInfo ',
    pattern: /^Sync deviceInfo (?<value>.+) error: /,
    fault: 'host-service-probe-failed',
    level: 'error',
    meaning: 'A probed device could not be registered with the region, which fails the whole device probe.',
    verifiedIn: [CLOUDPODS_3_11, CLOUDPODS_MASTER],
  },
  {
    id: 'cloudpods-dev-addr-registered',
    origin: 'cloudpods-host',
    sourceFile: 'pkg/compute/models/isolated_devices.go',
    format: 'dev addr %s registed',
    needle: ' registed',
    pattern: /dev addr (?<device>[\da-f:.]+) registed/,
    fault: 'host-service-probe-failed',
    level: 'error',
    meaning:
      'The region already has a device at this address on the host (two identical USB devices, or a stale record), so the sync fails.',
    embedded: true,
    verifiedIn: ALL,
  },
  {
    id: 'cloudpods-unknown-config-key',
    origin: 'cloudpods-host',
    sourceFile: 'vendor/yunion.io/x/structarg/structarg.go',
    format: 'Cannot find argument %s',
    needle: 'Cannot find argument ',
    pattern: /^Cannot find argument (?<param>[\w-]+)$/,
    fault: 'host-service-parse-failed',
    level: 'warning',
    meaning: 'host.conf has a key the host service does not know (param, with _ written as -); the setting is ignored.',
    verifiedIn: ALL,
  },
];
