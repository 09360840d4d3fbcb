/**
 * Resolve logical evidence ids to Evidence, joining the bundle's files with the manifest's
 * statuses. `alternatives` lets other layouts (a sosreport's `sos_commands/kernel/dmesg`) stand in
 * for an id, in the manner of insights' first_of.
 */
import type { Bundle, BundleFile } from '../bundle/bundle.js';
import { EVIDENCE_BY_ID, matchesGlob, type EvidenceSpec } from '../bundle/layout.js';
import type { Manifest, ManifestItem } from '../bundle/manifest.js';
import type { Evidence } from './evidence.js';
import { isSosreport, SOS_SOURCES } from './sos-layout.js';

export interface EvidenceSource {
  one(id: string): Evidence;
  /** Every file of a directory or glob item; one `not-collected` entry when nothing of it was collected. */
  many(id: string): readonly Evidence[];
  /** Every manifest item, for the evidence inventory, with the status the analyzer saw: an item
   * the reader had to cut is `truncated`, one missing from the archive is `lost`. */
  readonly items: readonly (Omit<ManifestItem, 'status'> & { readonly status: Evidence['status'] })[];
  readonly hasManifest: boolean;
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
    return { ...base, path: file.path, status: file.truncated ? 'truncated' : item.status, text: decode(file) };
  }

  function fromFile(id: string, source: string, file: BundleFile): Evidence {
    return { id, source, path: file.path, status: file.truncated ? 'truncated' : 'ok', text: decode(file) };
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
    items: (manifest?.items ?? []).map((i) => ({ ...i, status: statusOf(i) })),
    hasManifest: manifest !== null,
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
