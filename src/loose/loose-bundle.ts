/**
 * Loose texts → an in-memory Bundle the rest of the pipeline reads unchanged, plus the report of
 * what each input was read as. Every recognised piece becomes the evidence id it stands in for
 * (piece-kind.ts); pieces of one id from several places are joined in order (two dmesg greps);
 * directory ids (modprobe.d, BLS entries, QEMU logs …) get one file per piece. A synthetic
 * manifest lists only the items given, each `ok` with a source naming the input, so everything
 * not given is "not collected" (unknown), never "absent". Where one value is meant (a command
 * line, a kernel release) and several were given, the last one is used and the others say so.
 */
import type { Bundle, BundleFile } from '../bundle/bundle.js';
import { EVIDENCE_BY_ID, MANIFEST_PATH, type EvidenceSpec } from '../bundle/layout.js';
import { MANIFEST_SCHEMA_VERSION, type Manifest, type ManifestItem } from '../bundle/manifest.js';
import type { LooseInputs, LoosePiece } from './loose-report.js';
import { lspciOfGroupListing } from './group-listing-lspci.js';
import { evidenceIdOf } from './piece-kind.js';
import { readPieces, type LooseText, type Piece } from './read-pieces.js';
import { renderPiece, type RenderedLine } from './render-piece.js';

export type { LooseText } from './read-pieces.js';
export type { LineOrigin, RenderedLine } from './render-piece.js';

export interface LooseBundle {
  readonly bundle: Bundle;
  readonly inputs: LooseInputs;
  /** By evidence source (as the manifest names it): each line of its text and the input line behind it. */
  readonly lines: ReadonlyMap<string, readonly RenderedLine[]>;
}

/** Ids that hold one value: a later copy replaces an earlier one instead of joining it. */
const ONE_VALUE = new Set(['cmdline', 'kernel-cmdline-file', 'uname', 'systemd-detect-virt']);

interface Group {
  readonly id: string;
  readonly spec: EvidenceSpec;
  readonly pieces: Piece[];
  /** Text made from the pieces some other way than rendering each (lspci-nnk from group listings). */
  readonly lines?: readonly RenderedLine[];
  readonly readAs?: string;
}

export function buildLooseBundle(texts: readonly LooseText[], source: string): LooseBundle {
  const pieces = texts.flatMap(readPieces);
  const lineCount = new Map(texts.map((t) => [t.name, t.text.split('\n').filter((l) => l.trim() !== '').length]));
  const groups: Group[] = [];
  const oneGroups = new Map<string, Group>();
  const notes = new Map<Piece, string>();
  for (const p of pieces) {
    if (p.kind === null) continue;
    const id = evidenceIdOf(p.kind, p.hint.path);
    const spec = id === null ? undefined : EVIDENCE_BY_ID.get(id);
    if (id === null || !spec) {
      notes.set(p, 'nothing in the analysis reads this kind of evidence yet');
      continue;
    }
    const group = spec.many ? undefined : oneGroups.get(id);
    if (!group) {
      const g: Group = { id, spec, pieces: [p] };
      groups.push(g);
      if (!spec.many) oneGroups.set(id, g);
    } else if (ONE_VALUE.has(id)) {
      for (const old of group.pieces) notes.set(old, `not used: ${where(p, lineCount)} is used instead (one value is read)`);
      group.pieces.splice(0, group.pieces.length, p);
    } else group.pieces.push(p);
  }

  // With no lspci listing given, the lspci lines of the group listings are the PCI inventory.
  const listings = pieces.filter((p) => p.kind === 'iommu-groups');
  if (!oneGroups.has('lspci-nnk') && !oneGroups.has('lspci-vvv') && listings.length > 0) {
    const derived = lspciOfGroupListing(listings);
    const spec = EVIDENCE_BY_ID.get('lspci-nnk');
    if (derived.length > 0 && spec)
      groups.push({ id: 'lspci-nnk', spec, pieces: listings, lines: derived, readAs: 'lspci lines of the IOMMU group listing' });
  }

  const files = new Map<string, BundleFile>();
  const items: ManifestItem[] = [];
  const rendered = new Map<string, RenderedLine[]>();
  const manyCount = new Map<string, number>();
  for (const g of groups) {
    const lines: RenderedLine[] = g.lines ? [...g.lines] : [];
    for (const p of g.lines ? [] : g.pieces) {
      // grep separates its cut contexts with `--`; two lspci pieces are two cut listings
      if (lines.length > 0 && (p.kind === 'lspci' || p.kind === 'lspci-verbose')) lines.push({ text: '--', origin: null });
      lines.push(...renderPiece(p));
    }
    const n = (manyCount.get(g.id) ?? 0) + 1;
    manyCount.set(g.id, n);
    const path = bundlePath(g.spec, n, g.pieces[0]?.hint.path ?? null, files);
    const base = `${[...new Set(g.pieces.map((p) => where(p, lineCount)))].join(', ')} (${g.readAs ?? [...new Set(g.pieces.map((p) => p.readAs))].join(', ')})`;
    let name = base;
    for (let k = 2; rendered.has(name); k++) name = `${base} #${k}`;
    const text = lines.map((l) => `${l.text}\n`).join('');
    const bytes = Buffer.from(text, 'utf8');
    files.set(path, { path, bytes, truncated: false });
    // A piece kept by a filter (grep, head, tail) is a part of the output: what it lacks proves nothing.
    const part = g.pieces.some((p) => p.hint.filtered);
    items.push({ id: g.id, kind: g.spec.kind, source: name, path, status: part ? 'truncated' : 'ok', bytes: bytes.length });
    rendered.set(name, lines);
  }
  const manifest: Manifest = {
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    collector: { kind: 'node', version: 'loose evidence' },
    startedAt: '',
    uid: 0,
    redacted: false,
    items,
  };
  files.set(MANIFEST_PATH, { path: MANIFEST_PATH, bytes: Buffer.from(JSON.stringify(manifest), 'utf8'), truncated: false });
  const bundle: Bundle = { source, format: 'directory', root: null, files, skipped: [], lost: null };
  const inputs: LooseInputs = { names: texts.map((t) => t.name), pieces: pieces.map((p) => report(p, notes.get(p) ?? p.note ?? null)) };
  return { bundle, inputs, lines: rendered };
}

/** `dmesg.txt` when the piece is the whole input, else `paste.txt:12-40`. */
function where(p: Piece, lineCount: ReadonlyMap<string, number>): string {
  const whole = p.lines.filter((l) => l.text.trim() !== '').length === lineCount.get(p.input);
  return whole ? p.input : `${p.input}:${p.first}-${p.last}`;
}

/** The bundle path of the n-th file of an id: its own path, or a file name in a directory id's glob. */
function bundlePath(spec: EvidenceSpec, n: number, hostPath: string | null, taken: ReadonlyMap<string, BundleFile>): string {
  if (!spec.many) return spec.path;
  const named = hostPath?.replace(/^\/+/, '');
  if (named && named.startsWith(spec.path) && !taken.has(named)) return named;
  return spec.source.replace(/^\/+/, '').replace(/\*/g, `loose-${n}`);
}

function report(p: Piece, note: string | null): LoosePiece {
  const first = p.lines.find((l) => l.text.trim() !== '')?.text.trim() ?? '';
  const evidence = p.kind === null ? null : evidenceIdOf(p.kind, p.hint.path);
  const filtered = p.kind !== null && p.hint.filtered ? 'a part kept by a filter (grep, head …): what it lacks proves nothing' : null;
  return {
    input: p.input,
    first: p.first,
    last: p.last,
    command: p.command?.text ?? null,
    kind: p.kind,
    readAs: p.readAs,
    evidence: note?.startsWith('nothing') ? null : evidence,
    note:
      note ??
      filtered ??
      (p.kind === null && p.lines.length > 0 ? `first line: ${first.length > 120 ? `${first.slice(0, 117)}…` : first}` : null),
  };
}
