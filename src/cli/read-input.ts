/**
 * Turn what the user named into a Bundle: an archive file, a directory in bundle layout, or this
 * host collected on the spot (--live: the shell collector writes its archive to a pipe, nothing
 * touches the disk).
 */
import { stat } from 'node:fs/promises';
import type { Bundle } from '../bundle/bundle.js';
import { readArchiveStream, readBundleFile } from '../bundle/read-bundle.js';
import { readBundleDirectory } from '../bundle/read-directory.js';
import { collectorScriptPath } from '../collector/collector-path.js';
import { BundleError } from '../bundle/bundle-error.js';

export async function readInput(path: string): Promise<Bundle> {
  const info = await stat(path).catch((e: NodeJS.ErrnoException) => {
    throw new BundleError(`cannot read ${path}: ${e.code === 'ENOENT' ? 'no such file or directory' : (e.code ?? e.message)}`);
  });
  return info.isDirectory() ? readBundleDirectory(path) : readBundleFile(path);
}

export async function collectLive(stderr: (t: string) => void): Promise<Bundle> {
  const { spawn } = await import('node:child_process'); // loaded only for --live
  const child = spawn('sh', [collectorScriptPath(), '-o', '-'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr.on('data', (c: Buffer) => stderr(c.toString()));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (e) => reject(new BundleError(`cannot run the collector: ${e.message}`)));
    child.on('close', (code) => resolve(code));
  });
  // The collector's archive streams straight into the reader, under the same limits as a file.
  const bundle = await readArchiveStream(child.stdout, 'tgz', 'this host (--live)').catch(async (e: unknown) => {
    child.kill('SIGKILL');
    await exited.catch(() => null);
    throw e;
  });
  const code = await exited;
  if (code !== 0) throw new BundleError(`the collector exited with status ${code ?? 'killed'}`);
  return bundle;
}
