/**
 * Cloudpods host.conf and host-service log, QEMU or libvirt error text and DPDK application logs,
 * line by line (see kind-rule.ts).
 *
 * The host service logs through yunion.io/x/log: `[<level> <date> <time> <caller>] <message>`,
 * with a short date at start-up (`[warning 260403 03:47:09 …]`) and a long one later
 * (test/fixtures/cloudpods/host-log-unknown-keys.txt); the kubelet's file adds a CRI prefix
 * (`<RFC 3339 time> stdout F `). Tickets also quote a message alone, without its prefix
 * (`Host instance init error: …`, test/real-cases/cases/
 * github-cloudpods-19281-hugepage-native-no-pool-controller); the host service's own function
 * names and messages identify those.
 *
 * QEMU prints its errors prefixed with its program name (`qemu-system-x86_64: -device vfio-pci,…:
 * vfio 0000:82:00.0: failed to open /dev/vfio/102: …`); libvirt and the tools above it wrap that
 * text (`LibvirtError(… qemu unexpectedly closed the monitor: …)`, test/real-cases/cases/
 * github-harvester-harvester-7340-rmrr-hp-nic/vm-event.txt).
 */
import { always, indented, type KindRule } from './kind-rule.js';

const HOST_LOG_LINE = /^\[(?:debug|info|warning|warn|error|fatal|panic) (?:\d{6}|\d{4}-\d\d-\d\d) \d\d:\d\d:\d\d /;
const CRI_PREFIX = /^\d{4}-\d\d-\d\dT[\d:.]{8,20}(?:Z|[+-]\d\d:?\d\d) (?:stdout|stderr) [FP] /;
const HOST_SERVICE_WORDS = [
  'probeSyncIsolatedDevices',
  'Host instance init error',
  'getPassthroughGPUS',
  'hostinfo.(*SHostInfo)',
  'isolated_device.',
];

function hostLogLine(text: string): boolean {
  const t = CRI_PREFIX.test(text) ? text.slice(text.indexOf(' ', text.indexOf(' ') + 1) + 3) : text;
  return HOST_LOG_LINE.test(t) || HOST_SERVICE_WORDS.some((w) => t.includes(w));
}

export const hostServiceLogRule: KindRule = {
  kind: 'host-service-log',
  strong: hostLogLine,
  weak: (text) => CRI_PREFIX.test(text) || indented(text) || /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /.test(text) || /^goroutine \d/.test(text),
};

/** Common host.conf keys, and the spellings the Cloudpods guides print (`hugepages_options`, `AMDVgpuPFs`). */
const HOST_CONF_KEYS = new Set([
  'hugepages_options',
  'AMDVgpuPFs',
  'NVIDIAVgpuPFs',
  'region',
  'zone',
  'hostname',
  'networks',
  'servers_path',
  'listen_interface',
  'listen_address',
  'bridge_driver',
  'address',
  'port',
  'disable_gpu',
  'disable_usb',
  'hugepages_option',
  'kvm_module',
  'local_image_path',
  'image_cache_path',
  'host_cpu_passthrough',
  'reserved_memory',
  'reserved_cpus',
  'nvidia_vgpu_pfs',
  'amd_vgpu_pfs',
  'enable_isolated_device_whitelist',
  'isolated_device_whitelist',
  'auth_url',
  'admin_user',
  'admin_password',
  'admin_project',
]);

export const hostConfRule: KindRule = {
  kind: 'host-conf',
  strong: (text) => {
    const m = /^([a-z]\w{0,80}):(?: |$)/i.exec(text);
    return m !== null && HOST_CONF_KEYS.has(m[1] ?? '');
  },
  weak: (text) => /^[a-z]\w{0,80}:(?: |$)/i.test(text) || /^\s*- \S/.test(text),
};

/** The kernel names a task `[comm:pid]` (a soft lockup in `[qemu-system-x86:7487]`): QEMU as a process, not QEMU's own log. */
const KERNEL_TASK = /\[qemu-system-[\w-]{1,20}:\d{1,9}\]/g;

function qemuLine(text: string): boolean {
  return (
    text.replace(KERNEL_TASK, '').includes('qemu-system-') ||
    /^\s*qemu-kvm: /.test(text) ||
    text.includes('qemu unexpectedly closed the monitor') ||
    text.includes('LibvirtError(') ||
    /^char device redirected to \/dev\/pts\/\d{1,6}/.test(text) ||
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\+\d{4}: (?:starting up|shutting down)/.test(text) ||
    /^error: (?:Failed to start domain|internal error: )/.test(text)
  );
}

export const qemuLogRule: KindRule = { kind: 'qemu-log', strong: qemuLine, weak: always };

/**
 * A DPDK application's log: the EAL's own lines (`EAL: 0000:44:00.3 VFIO group is not viable! …`,
 * lib/eal/linux/eal_vfio.c), often wrapped by the application's logger (JSON lines in
 * test/real-cases/cases/github-usnistgov-ndn-dpdk-63-x710-group-not-viable/dpdk-log.txt).
 */
export const dpdkLogRule: KindRule = {
  kind: 'dpdk-log',
  strong: (text) => /\bEAL: {1,3}\S/.test(text) || text.includes('rte_dev_probe') || text.includes('rte_eal_init'),
  weak: always,
};
