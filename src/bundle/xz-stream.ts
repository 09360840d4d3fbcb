/**
 * xz decompression for sosreports (`sosreport-*.tar.xz`), as a Node stream. The decoder is
 * xz-decompress (XZ Embedded compiled to WebAssembly: no native code, no download at install).
 */
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import xz from 'xz-decompress';

export function xzDecompress(source: Readable): Readable {
  const web = Readable.toWeb(source) as unknown as ReadableStream<Uint8Array>;
  return Readable.fromWeb(new xz.XzReadableStream(web) as unknown as WebReadableStream<Uint8Array>);
}
