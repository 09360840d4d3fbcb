/**
 * What the Cloudpods host service sees: its host.conf, its log, the QEMU logs of its VMs and the
 * hugepage reservation unit ocboot installs. A host is a Cloudpods host when /etc/yunion/host.conf
 * exists (readable or not) or the host service's pod log was found. Always known: on other hosts
 * `detected` is false and the Cloudpods rules skip.
 */
import { hasText, type Evidence } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { parseHostConf } from '../parsers/host-conf.js';
import type { BlockDevices } from '../parsers/block-devices.js';
import { parseHostServiceLog } from '../parsers/host-service-log.js';
import { parseLsusb } from '../parsers/lsusb.js';
import { splitLines } from '../parsers/lines.js';
import { hostConfSetting } from './cloudpods-lookup.js';
import { known, type EvidenceRef, type Fact } from './fact.js';
import { collectHint, fileRef, gapsIn, refTo, whyMissing } from './evidence-ref.js';
import type { CloudpodsFacts, CloudpodsLogLine, HostConfSetting } from './model.js';
import { blockDeviceInventory, type ParsedEvidence } from './shared-evidence.js';

const HOST_SERVICE_DEVICE = /-device vfio-pci,id=dev_[\da-f]{2,4}_[\da-f]{2}\.[0-7],/;

const exists = (e: Evidence): boolean => e.status !== 'absent' && e.status !== 'not-collected';
const lineRef = (e: Evidence, line: number, text: string): EvidenceRef => refTo(e, { line, text });

export function buildCloudpods(ev: EvidenceSource): Fact<CloudpodsFacts> {
  const conf = ev.one('yunion-host-conf');
  const logs = [...ev.many('host-service-log'), ev.one('host-service-kubectl')].filter(hasText);
  const detectedBy: EvidenceRef[] = [];
  if (exists(conf)) detectedBy.push(fileRef(conf, hasText(conf) ? '(present)' : `(present: ${conf.status})`));
  if (logs[0]) detectedBy.push(fileRef(logs[0], '(host service log present)'));

  let hostConf: HostConfSetting[] | null = null;
  if (hasText(conf)) {
    hostConf = parseHostConf(conf.text).entries.map((x) => ({
      key: x.key,
      value: x.value,
      items: x.items.map((i) => ({ value: i.text, ref: lineRef(conf, i.line, i.text) })),
      ref: lineRef(conf, x.line, x.text),
    }));
  }
  const hostType = hostConfSetting({ hostConf }, 'host_type')?.value ?? 'hypervisor';

  let log: CloudpodsLogLine[] | null = null;
  for (const e of logs) {
    log ??= [];
    for (const l of parseHostServiceLog(e.text)) log.push({ level: l.level, message: l.message, ref: lineRef(e, l.line, l.text) });
  }
  const qemuLog = qemuLogs(ev.many('qemu-logs'));
  // A VM the host service started: it names each passed-through device `dev_<bus>_<slot>.<fn>`
  // (pkg/hostman/isolated_device/pci_device.go, gpu.go GetQemuId: "dev_%s" of the address with ':' → '_').
  const started = qemuLog?.lines.find((l) => HOST_SERVICE_DEVICE.test(l.message));
  if (started) detectedBy.push(started.ref);

  return known(
    {
      detected: detectedBy.length > 0,
      detectedBy,
      hostConf,
      hostConfMissing: hostConf ? null : { reason: whyMissing(conf), collect: [collectHint(conf)] },
      hostType,
      log,
      qemuLog,
      hugetlbService: hugetlb(ev.one('hugetlb-service')),
      ...usb(ev.one('lsusb')),
      devVfio: devVfio(ev.one('dev-vfio')),
      heldDisks: heldDisks(blockDeviceInventory(ev)),
    },
    detectedBy,
  );
}

/** The VMs' QEMU logs: null when none could be read and the directory was not seen to be absent. */
function qemuLogs(evs: readonly Evidence[]): CloudpodsFacts['qemuLog'] {
  const seen = evs.filter((e) => hasText(e) || e.status === 'absent');
  if (seen.length === 0) return null;
  const lines: CloudpodsLogLine[] = [];
  for (const e of evs.filter(hasText))
    for (const l of splitLines(e.text)) lines.push({ level: null, message: l.text, ref: lineRef(e, l.line, l.text) });
  return { lines, gaps: gapsIn(...evs) };
}

/** commands/hugetlb-service.out: `is-enabled <word>`, `is-active <word>`, `present|absent <path>` (docs/bundle-format.md). */
function hugetlb(e: Evidence): CloudpodsFacts['hugetlbService'] {
  if (!hasText(e)) return null;
  let enabled: string | null = null;
  let active: string | null = null;
  let reserveScript: boolean | null = null;
  const refs: EvidenceRef[] = [];
  for (const l of splitLines(e.text)) {
    const [k, v] = [l.text.split(' ')[0], l.text.slice(l.text.indexOf(' ') + 1)];
    if (k === 'is-enabled') enabled = v || null;
    else if (k === 'is-active') active = v || null;
    else if ((k === 'present' || k === 'absent') && v.endsWith('oc-hugetlb-reserve-pages.sh')) reserveScript = k === 'present';
    else continue;
    refs.push(lineRef(e, l.line, l.text));
  }
  return { enabled, active, reserveScript, refs };
}

/** `lsusb`: an empty listing is a real answer (no USB bus: exit status 1, fixture lsusb/no-usb-bus.txt). */
function usb(e: Evidence): Pick<CloudpodsFacts, 'usbDevices' | 'usbMissing'> {
  if (e.status !== 'ok' && e.status !== 'truncated' && !(e.status === 'error' && e.text === ''))
    return { usbDevices: null, usbMissing: { reason: whyMissing(e), collect: [collectHint(e)] } };
  const devices = parseLsusb(e.text).devices.map((d) => ({
    bus: d.bus,
    device: d.device,
    vendor: d.vendor,
    product: d.product,
    description: d.description,
    ref: lineRef(e, d.line, d.text),
  }));
  return { usbDevices: devices, usbMissing: null };
}

/** `ls -l /dev/vfio`: the last word of each entry line is the name (`vfio`, a group number). */
function devVfio(e: Evidence): CloudpodsFacts['devVfio'] {
  if (e.status !== 'ok') return null;
  const names = splitLines(e.text)
    .filter((l) => /^[cld-]/.test(l.text))
    .map((l) => l.text.trim().split(/\s+/).pop() ?? '');
  return { names, ref: fileRef(e, names.length > 0 ? names.join(' ') : '(empty)') };
}

/** Disks (and partitions' disks) that a dm or md device is built on: LVM PVs, LUKS, RAID members. */
function heldDisks({ evidence: e, parsed: b }: ParsedEvidence<BlockDevices>): CloudpodsFacts['heldDisks'] {
  if (!b) return null;
  const diskOf = new Map(b.partitions.map((p) => [p.partition, p.disk]));
  const out: { address: string; why: string; ref: EvidenceRef }[] = [];
  for (const s of b.slaves) {
    const disk = b.disks.find((d) => d.name === (diskOf.get(s.slave) ?? s.slave));
    if (!disk?.pciEndpoint || disk.virtual || out.some((o) => o.address === disk.pciEndpoint)) continue;
    out.push({
      address: disk.pciEndpoint,
      why: `${s.slave} is held by ${s.holder} (an LVM physical volume, LUKS or RAID member)`,
      ref: lineRef(e, s.line, s.text),
    });
  }
  return out;
}
