/**
 * Pack a bundle tree (samples/<name>/evidence) into a deterministic .tgz: one top directory,
 * entries sorted, fixed mode/owner/mtime, so the committed samples/<name>.tgz can be checked
 * byte for byte against its tree (test/samples.test.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';

const MTIME = new Date('2024-01-01T00:00:00Z');

function listFiles(dir, prefix = '') {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(abs).isDirectory()) out.push({ rel, dir: true }, ...listFiles(abs, rel));
    else out.push({ rel, dir: false, abs });
  }
  return out;
}

export async function packTree(dir, top) {
  const pack = tar.pack();
  const chunks = [];
  pack.on('data', (c) => chunks.push(c));
  const done = new Promise((resolve, reject) => {
    pack.on('end', resolve);
    pack.on('error', reject);
  });
  const common = { mtime: MTIME, uid: 0, gid: 0, uname: 'root', gname: 'root' };
  pack.entry({ name: `${top}/`, type: 'directory', mode: 0o755, ...common });
  for (const f of listFiles(dir)) {
    if (f.dir) pack.entry({ name: `${top}/${f.rel}/`, type: 'directory', mode: 0o755, ...common });
    else pack.entry({ name: `${top}/${f.rel}`, mode: 0o644, ...common }, readFileSync(f.abs));
  }
  pack.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks), { level: 9 });
}

// `node scripts/pack-tree.mjs samples/<name>`: writes samples/<name>.tgz from samples/<name>/evidence.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync } = await import('node:fs');
  const { basename } = await import('node:path');
  for (const sample of process.argv.slice(2)) {
    const name = basename(sample);
    writeFileSync(`${sample}.tgz`, await packTree(join(sample, 'evidence'), `ptdoctor-${name}`));
    console.log(`${sample}.tgz`);
  }
}
