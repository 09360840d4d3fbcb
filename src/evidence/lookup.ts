/**
 * Resolve logical evidence ids to Evidence, joining the bundle's files with the manifest's
 * statuses. `alternatives` lets other layouts (a sosreport's `sos_commands/kernel/dmesg`) stand in
 * for an id, in the manner of insights' first_of.
 */
import type { Bundle, BundleFile } from '../bundle/bundle.js';
import { EVIDENCE, EVIDENCE_BY_ID, matchesGlob, type EvidenceSpec } from '../bundle/layout.js';
import type { Manifest, ManifestItem } from '../bundle/manifest.js';
import type { Evidence } from './evidence.js';
import { maskSecrets } from './mask-secrets.js';
import { isSosreport, SOS_SOURCES } from './sos-layout.js';

export interface EvidenceSource {
  one(id: string): Evidence;
  /** Every file of a directory or glob item; one `not-collected` entry when nothing of it was collected. */
  many(id: string): readonly Evidence[];
  /** Every manifest item, for the evidence inventory, with the status the analyzer saw: an item
   * the reader had to cut is `truncated`, one missing from the archive is `lost`. */
  readonly items: readonly (Omit<ManifestItem, 'status'> & { readonly status: Evidence['status'] })[];
  readonly hasManifest: boolean;
  /** How the evidence is laid out: a collector's bundle (with a manifest), a sosreport, or another tree. */
  readonly layout: 'bundle' | 'sosreport' | 'tree';
  /** Evidence ids the manifest does not list at all (never attempted); empty without a manifest. */
  readonly notAttempted: readonly EvidenceSpec[];
}

export function evidenceSource(bundle: Bundle, manifest: Manifest | null): EvidenceSource {
  const byId = new Map<string, ManifestItem[]>();
  for (const item of manifest?.items ?? []) {
    const list = byId.get(item.id);
    if (list) list.push(item);
    else byId.set(item.id, [item]);
  }
  const specOf = (id: string): EvidenceSpec => {
    const spec = EVIDENCE_BY_ID.get(id);
    if (!spec) throw new Error(`unknown evidence id ${id}`);
    return spec;
  };

  function statusOf(item: ManifestItem): Evidence['status'] {
    const file = item.path === undefined ? undefined : bundle.files.get(normalise(item.path));
    if (item.path !== undefined && !file && (item.status === 'ok' || item.status === 'truncated')) return 'lost';
    return file?.truncated ? 'truncated' : item.status;
  }

  function fromItem(item: ManifestItem): Evidence {
    const file = item.path === undefined ? undefined : bundle.files.get(normalise(item.path));
    const base = {
      id: item.id,
      source: item.source,
      ...(item.exitCode === undefined ? {} : { exitCode: item.exitCode }),
      ...(item.mtime === undefined ? {} : { mtime: item.mtime }),
    };
    if (item.path !== undefined && !file && (item.status === 'ok' || item.status === 'truncated'))
      return { ...base, path: item.path, status: 'lost', text: '' };
    if (!file) return { ...base, path: null, status: item.status, text: '' };
    return { ...base, path: file.path, status: file.truncated ? 'truncated' : item.status, text: textOf(item.id, file) };
  }

  function fromFile(id: string, source: string, file: BundleFile): Evidence {
    return { id, source, path: file.path, status: file.truncated ? 'truncated' : 'ok', text: textOf(id, file) };
  }

  const sos = manifest === null && isSosreport(bundle);

  function fromSos(id: string): Evidence | null {
    const src = SOS_SOURCES[id];
    if (!src) return null;
    if (src.kind === 'file') {
      for (const path of src.paths) {
        const file = bundle.files.get(path);
        if (file) {
          const e = fromFile(id, path, file);
          if (src.failed?.test(e.text)) return { ...e, status: 'error' };
          return src.transform ? { ...e, text: src.transform(e.text) } : e;
        }
      }
      return null;
    }
    const names = new Set<string>();
    for (const path of bundle.files.keys()) if (path.startsWith(src.under)) names.add(path.slice(src.under.length).split('/')[0] ?? '');
    names.delete('');
    return names.size === 0
      ? null
      : { id, source: `${src.under}* (sosreport)`, path: null, status: 'ok', text: `${[...names].sort().join('\n')}\n` };
  }

  return {
    // A sosreport has no manifest: its items are what sos holds of the evidence ptdoctor reads.
    items: sos
      ? Object.keys(SOS_SOURCES).flatMap((id) => {
          const e = fromSos(id);
          return e
            ? [
                {
                  id,
                  kind: SOS_SOURCES[id]?.kind === 'file' ? ('command' as const) : ('file' as const),
                  source: e.source,
                  status: e.status,
                },
              ]
            : [];
        })
      : (manifest?.items ?? []).map((i) => ({ ...i, status: statusOf(i) })),
    hasManifest: manifest !== null,
    layout: manifest !== null ? 'bundle' : sos ? 'sosreport' : 'tree',
    // A fallback is attempted only when what it stands in for failed: not listing it is no gap.
    // An item newer than the collector that wrote the manifest was never its to collect.
    notAttempted:
      manifest === null
        ? []
        : EVIDENCE.filter(
            (spec) =>
              !byId.has(spec.id) &&
              spec.fallbackFor === undefined &&
              (spec.since === undefined || !olderThan(manifest.collector.version, spec.since)),
          ),
    one(id) {
      const spec = specOf(id);
      const item = byId.get(id)?.[0];
      if (item) return fromItem(item);
      const fromSosreport = sos ? fromSos(id) : null;
      if (fromSosreport) return fromSosreport;
      const file = bundle.files.get(spec.path);
      if (file) return fromFile(id, spec.source, file);
      return { id, source: sos ? `${spec.source} (not collected by sos)` : spec.source, path: null, status: 'not-collected', text: '' };
    },
    many(id) {
      const spec = specOf(id);
      const items = byId.get(id);
      if (items) return items.map(fromItem);
      const found: Evidence[] = [];
      for (const [path, file] of bundle.files) {
        if (path.startsWith(spec.path) && matchesGlob(spec, path)) found.push(fromFile(id, `/${path}`, file));
      }
      found.sort((a, b) => (a.source < b.source ? -1 : 1));
      // Nothing listed and nothing found: the one answer is that this evidence was not collected
      // (never an empty directory, which only the manifest can say).
      if (found.length === 0) return [{ id, source: spec.source, path: null, status: 'not-collected', text: '' }];
      return found;
    },
  };
}

function normalise(path: string): string {
  return path
    .split('/')
    .filter((p) => p !== '' && p !== '.')
    .join('/');
}

/**
 * Configuration evidence is quoted in reports that travel to tickets: secret values are masked
 * again here (the collector masks them too; a sosreport, an older collector or a pasted file may not).
 */
const CONFIG_IDS: ReadonlySet<string> = new Set([
  'cmdline',
  'default-grub',
  'default-grub-d',
  'grub2-cfg',
  'grub-cfg',
  'efi-grub-cfg',
  'grubenv',
  'bls-entries',
  'esp-loader-entries',
  'kernel-cmdline-file',
  'modules-load-d',
  'etc-modules',
  'modprobe-d',
  'dracut-conf-d',
  'initramfs-tools-modules',
  'os-release',
  'yunion-host-conf',
]);

function textOf(id: string, file: BundleFile): string {
  return CONFIG_IDS.has(id) ? masked(file) : decode(file);
}

const maskedText = new WeakMap<BundleFile, string>();

function masked(file: BundleFile): string {
  let text = maskedText.get(file);
  if (text === undefined) {
    text = maskSecrets(decode(file));
    maskedText.set(file, text);
  }
  return text;
}

// Several facts read the same evidence (the PCI listings, the block devices): decode each file once.
const decoded = new WeakMap<BundleFile, string>();

function decode(file: BundleFile): string {
  let text = decoded.get(file);
  if (text === undefined) {
    text = file.bytes.toString('utf8');
    decoded.set(file, text);
  }
  return text;
}

/** `0.1.0` < `0.2.0`, part by part; a version that is not dotted numbers counts as older than any. */
function olderThan(version: string, since: string): boolean {
  const parts = (v: string): number[] | null => (/^\d+(?:\.\d+)*$/.test(v) ? v.split('.').map(Number) : null);
  const a = parts(version);
  const b = parts(since) ?? [];
  if (a === null) return true;
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}
