/**
 * A real lab sample (samples/<name>/evidence, verbatim collector output) as a .tgz under the
 * collector's top directory, with some files replaced, for CLI tests that need a bundle on disk.
 */
import { join } from 'node:path';
import { readTree, ROOT } from '../helpers/bundle-from.js';
import { makeTgz } from '../helpers/make-archive.js';

export async function sampleBundleTgz(name: string, replace: Readonly<Record<string, string>> = {}): Promise<Buffer> {
  const files = readTree(join(ROOT, 'samples', name, 'evidence'));
  return makeTgz([...files.values()].map((f) => ({ name: `ptdoctor-${name}/${f.path}`, body: replace[f.path] ?? f.bytes })));
}
