/**
 * Evidence overrides on a sample's evidence tree: the one implementation behind the rule tests'
 * in-memory bundles (test/helpers/bundle-from.ts `sampleBundle`) and the derived samples on disk
 * (scripts/derive-sample.mjs, samples/derived-<name>/derive.json).
 *
 * An override replaces every bundle file and manifest item of one evidence id, so the analyzer
 * sees what a collector would have written had the host held that evidence. The layout table
 * (src/bundle/layout.ts EVIDENCE_BY_ID) is passed in, so this plain module runs both from the
 * TypeScript sources under vitest and from the build under node.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');

/** Every regular file under dir, by '/'-separated relative path, in sorted walk order. */
export function readTreeBytes(dir) {
  const files = new Map();
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else files.set(relative(dir, abs).split('\\').join('/'), readFileSync(abs));
    }
  };
  walk(dir);
  return files;
}

/**
 * The collector's manifest.json shape (src/collector/collect.sh): the header on the first line,
 * one item per line, so a derived manifest diffs line by line against its source.
 */
export function serializeManifest(manifest) {
  const { items, ...header } = manifest;
  return `${JSON.stringify(header).slice(0, -1)},"items":[\n${items.map((i) => JSON.stringify(i)).join(',\n')}\n]}\n`;
}

/**
 * files: path → bytes of a whole evidence tree (manifest.json included). overrides: evidence id →
 * string (the evidence text, collected ok) | null (absent on the host) | { status: 'not-collected' } (no
 * manifest item, no file) | { status, text?, name? }
 * (another collection status, with or without captured text; `name` is the file name under a
 * directory id's prefix, default `test.conf`). A replaced item takes the place of the first item
 * it replaces in the manifest. Returns a new map; `files` is left as it was.
 */
export function applyOverrides(files, overrides, evidenceById) {
  const out = new Map(files);
  const manifest = JSON.parse(Buffer.from(out.get('manifest.json')).toString('utf8'));
  let items = [...manifest.items];
  for (const [id, value] of Object.entries(overrides)) {
    const spec = evidenceById.get(id);
    if (!spec) throw new Error(`unknown evidence id ${id}`);
    const at = items.findIndex((i) => i.id === id);
    for (const old of items.filter((i) => i.id === id)) if (old.path) out.delete(old.path);
    items = items.filter((i) => i.id !== id);
    const name = (value !== null && typeof value === 'object' && value.name) || 'test.conf';
    const path = spec.many ? `${spec.path}${name}` : spec.path;
    const source = spec.many ? `/${path}` : spec.source;
    // Not collected: no manifest item and no file, as an older collector or a pasted ticket leaves it.
    if (value !== null && typeof value === 'object' && value.status === 'not-collected') continue;
    let item;
    if (value === null) item = { id, kind: spec.kind, source, status: 'absent' };
    else if (typeof value === 'string' || (value.status ?? 'ok') === 'ok') {
      const text = typeof value === 'string' ? value : value.text;
      if (text === undefined) throw new Error(`${id}: status ok needs text`);
      out.set(path, Buffer.from(text));
      item = { id, kind: spec.kind, source, path, status: 'ok', bytes: Buffer.byteLength(text) };
    } else {
      if (value.text !== undefined) out.set(path, Buffer.from(value.text));
      item = { id, kind: spec.kind, source, status: value.status, ...(value.text !== undefined ? { path } : {}) };
    }
    items.splice(at < 0 ? items.length : at, 0, item);
  }
  out.set('manifest.json', Buffer.from(serializeManifest({ ...manifest, items })));
  return out;
}

const SPEC_KEYS = new Set(['fixture', 'fromSample', 'path', 'append', 'status', 'name', 'replace']);

/**
 * A derive.json override → an applyOverrides value, reading the files it names:
 *   null                                   the evidence is absent on the host
 *   { "fixture": "dmesg/x.txt" }           test/fixtures/<fixture>, verbatim
 *   { "fromSample": "lab-x", "path": "…" } samples/<fromSample>/evidence/<path>, verbatim
 *   { "append": "dmesg/x.txt" }            the source sample's own evidence for the id, then the
 *                                          fixture's lines (a composite, not one real capture)
 *   { "status": "denied" }                 collection failed that way, nothing captured
 * `status` may also accompany a text (e.g. "truncated"); `name` names a directory id's file.
 * `"replace": ["8086:10d3", "8086:100e"]` changes every occurrence of one value in that text, and
 * only in a configuration file the administrator writes under /etc (a modprobe.d `options` line
 * naming other ids, say): the line's shape stays the real one, and command output and kernel
 * files are never edited. The value must occur, so a recipe cannot silently stop applying.
 */
export function resolveOverride(id, value, source, evidenceById) {
  if (value === null) return null;
  for (const k of Object.keys(value)) if (!SPEC_KEYS.has(k)) throw new Error(`${id}: unknown key ${k}`);
  const fixture = (p) => readFileSync(join(ROOT, 'test', 'fixtures', p), 'utf8');
  let text;
  let name = value.name;
  if (value.fixture !== undefined) text = fixture(value.fixture);
  else if (value.fromSample !== undefined) text = readFileSync(join(ROOT, 'samples', value.fromSample, 'evidence', value.path), 'utf8');
  else if (value.append !== undefined) {
    const spec = evidenceById.get(id);
    const manifest = JSON.parse(Buffer.from(source.get('manifest.json')).toString('utf8'));
    const own = manifest.items.filter((i) => i.id === id && i.path);
    if (own.length !== 1) throw new Error(`${id}: append needs exactly one captured file in the source sample, found ${own.length}`);
    const base = Buffer.from(source.get(own[0].path)).toString('utf8');
    text = `${base}${base === '' || base.endsWith('\n') ? '' : '\n'}${fixture(value.append)}`;
    if (spec?.many) name ??= own[0].path.slice(spec.path.length);
  } else if (value.status === undefined) throw new Error(`${id}: give fixture, fromSample, append, status or null`);
  if (value.replace !== undefined) text = replaceInConfig(id, text, value.replace, evidenceById);
  if (value.status === undefined && name === undefined) return text;
  return { status: value.status ?? 'ok', ...(text !== undefined ? { text } : {}), ...(name !== undefined ? { name } : {}) };
}

function replaceInConfig(id, text, replace, evidenceById) {
  const spec = evidenceById.get(id);
  if (!spec || spec.kind !== 'file' || !spec.source.startsWith('/etc/'))
    throw new Error(`${id}: replace only edits configuration files under /etc`);
  if (!Array.isArray(replace) || replace.length !== 2 || replace.some((x) => typeof x !== 'string' || x === ''))
    throw new Error(`${id}: replace takes [from, to]`);
  if (text === undefined || !text.includes(replace[0])) throw new Error(`${id}: ${replace[0]} does not occur in the text to edit`);
  return text.split(replace[0]).join(replace[1]);
}

/** The evidence tree a derive.json describes: path → bytes, manifest.json included. */
export function deriveTree(spec, evidenceById) {
  const source = readTreeBytes(join(ROOT, 'samples', spec.from, 'evidence'));
  const overrides = {};
  for (const [id, value] of Object.entries(spec.overrides ?? {})) overrides[id] = resolveOverride(id, value, source, evidenceById);
  return applyOverrides(source, overrides, evidenceById);
}

/** Devices a sample is analyzed for (`ptdoctor analyze --device`): derive.json `devices`, else none. */
export function sampleDevices(sampleDir) {
  const file = join(sampleDir, 'derive.json');
  if (!existsSync(file)) return [];
  return JSON.parse(readFileSync(file, 'utf8')).devices ?? [];
}
