/**
 * Build tar and tar.gz archives in memory for reader tests, with tar-stream's own packer, so
 * entries can carry any name, type or size a hostile bundle could.
 */
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';

export interface ArchiveEntry {
  readonly name: string;
  readonly body?: string | Buffer;
  readonly type?: 'file' | 'directory' | 'symlink' | 'link' | 'character-device' | 'block-device' | 'fifo';
  readonly linkname?: string;
}

export async function makeTar(entries: readonly ArchiveEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c: unknown) => chunks.push(c as Buffer));
  const done = new Promise<void>((resolve, reject) => {
    pack.on('end', () => resolve());
    pack.on('error', reject);
  });
  for (const e of entries) {
    const type = e.type ?? 'file';
    const header = { name: e.name, type, mode: 0o644, mtime: new Date(0), ...(e.linkname ? { linkname: e.linkname } : {}) };
    if (type === 'file') pack.entry(header, typeof e.body === 'string' ? Buffer.from(e.body) : (e.body ?? Buffer.alloc(0)));
    else pack.entry(header);
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

export async function makeTgz(entries: readonly ArchiveEntry[]): Promise<Buffer> {
  return gzipSync(await makeTar(entries));
}
