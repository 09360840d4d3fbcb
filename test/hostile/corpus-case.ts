/**
 * What a hostile corpus case is (an input built by code, and the outcome `ptdoctor analyze` must
 * give), and the building blocks the case files share: entries, the real lab samples as entries,
 * and gzip. Benign evidence always comes from a real lab sample (samples/<name>/evidence, verbatim
 * collector output), so "the report still works" is checked on real data.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BundleFile } from '../../src/bundle/bundle.js';
import { readTree, ROOT } from '../helpers/bundle-from.js';
import { END_OF_ARCHIVE, paxHeader, tarFile } from './raw-archive.js';

export type Expected =
  | { readonly kind: 'error'; readonly stderr: RegExp }
  | {
      readonly kind: 'report';
      /** Entry name → reason the reader must have recorded in `bundle.skipped`. */
      readonly skipped?: ReadonlyArray<readonly [string, RegExp]>;
      readonly lost?: RegExp;
      readonly manifestProblem?: RegExp;
      /** Evidence id → status the report must show for it. */
      readonly evidence?: Readonly<Record<string, string>>;
      /** Rule id → status of its (first) finding: the analysis really ran on the trusted evidence. */
      readonly findings?: Readonly<Record<string, string>>;
      /** Strings that must not appear anywhere in what ptdoctor printed or wrote. */
      readonly absent?: readonly string[];
    };

export interface CorpusCase {
  readonly id: string;
  /** What the input is, for docs/security.md. */
  readonly what: string;
  readonly file: string;
  readonly build: (path: string) => Promise<void>;
  readonly expect: Expected;
}

/** A lab sample's evidence tree and the top directory its collector named. */
export interface Sample {
  readonly top: string;
  readonly files: ReadonlyMap<string, BundleFile>;
}

export function labSample(name: string): Sample {
  return { top: `ptdoctor-${name}`, files: readTree(join(ROOT, 'samples', name, 'evidence')) };
}

export const GROUP_SHARED = labSample('lab-group-shared');

/** One entry; names longer than the 100-byte ustar field go through a PAX `path` record. */
export function entry(name: string, body: Buffer | string = ''): Buffer {
  if (Buffer.byteLength(name) <= 100) return tarFile(name, body);
  return Buffer.concat([paxHeader([['path', name]]), tarFile('PaxHeaders/long', body)]);
}

/** A sample's files under its collector's top directory (`top: ''`: at the root), with `replace` swapped in. */
export function sampleEntries(replace: Readonly<Record<string, Buffer | string>> = {}, sample = GROUP_SHARED, top = sample.top): Buffer[] {
  return [...sample.files.values()].map((f) => entry(top ? `${top}/${f.path}` : f.path, replace[f.path] ?? f.bytes));
}

export const tgz = (...parts: Buffer[]): Buffer => gzipSync(Buffer.concat([...parts, END_OF_ARCHIVE]));
export const put = (bytes: Buffer) => (path: string) => writeFile(path, bytes);
export const manifestWith = (json: string) => put(tgz(...sampleEntries({ 'manifest.json': json })));
export const validManifest = (sample = GROUP_SHARED): Record<string, unknown> =>
  JSON.parse(sample.files.get('manifest.json')!.bytes.toString('utf8')) as Record<string, unknown>;
