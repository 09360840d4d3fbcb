/**
 * What an xz stream needs that the decoder (xz-stream.ts: XZ Embedded, built with CRC32 and CRC64
 * checks, the LZMA2 filter only, dictionaries up to 64 MiB) cannot give, read from the stream
 * header and the first block header before decoding starts, so the one-line error names it
 * instead of the decoder's bare error number.
 *
 * Layout from the .xz file format specification 1.1.0 (tukaani.org/xz/xz-file-format.txt):
 * stream header = magic (6) + stream flags (2: 0x00, check id) + CRC32 (4); a block header
 * starts with its size byte ((n + 1) * 4 bytes, 0 = the index: no block at all), then block
 * flags (bits 0-1: filters - 1; bit 6, 7: compressed/uncompressed size fields present), the
 * optional sizes, then per filter: id, properties size, properties (each size and id a
 * multibyte integer). The LZMA2 property byte d encodes a dictionary of (2 | (d & 1)) << (d / 2 + 11) bytes.
 */

/** The decoder's dictionary limit (xz_dec_init(XZ_DYNALLOC, 1 << 26) in xz-decompress). */
export const XZ_MAX_DICTIONARY = 64 * 1024 ** 2;
/** Bytes to read to see the stream header and the longest first block header. */
export const XZ_HEAD_BYTES = 12 + 1024;

const CHECKS: Readonly<Record<number, string>> = { 0: 'none', 1: 'CRC32', 4: 'CRC64', 10: 'SHA-256' };
const SUPPORTED_CHECKS = new Set([0, 1, 4]);
const FILTERS: Readonly<Record<number, string>> = {
  3: 'delta',
  4: 'x86 BCJ',
  5: 'PowerPC BCJ',
  6: 'IA-64 BCJ',
  7: 'ARM BCJ',
  8: 'ARM-Thumb BCJ',
  9: 'SPARC BCJ',
  10: 'ARM64 BCJ',
  11: 'RISC-V BCJ',
};
const LZMA2 = 0x21;

/** One line naming what this stream needs and the decoder lacks, or null (decode and see). */
export function xzUnsupported(head: Uint8Array): string | null {
  if (head.length < 12) return null;
  const check = head[7] as number;
  if (head[6] !== 0 || check > 0x0f) return 'xz stream header has flags this reader does not know';
  if (!SUPPORTED_CHECKS.has(check))
    return `xz stream uses the ${CHECKS[check] ?? `reserved (${check})`} integrity check; this reader supports none, CRC32 and CRC64 (recompress with xz --check=crc64, or with gzip)`;
  return blockProblem(head, 12);
}

function blockProblem(head: Uint8Array, at: number): string | null {
  const sizeByte = head[at];
  if (sizeByte === undefined || sizeByte === 0) return null;
  const end = Math.min(head.length, at + (sizeByte + 1) * 4 - 4);
  const flags = head[at + 1];
  if (flags === undefined) return null;
  if (flags & 0x3c) return 'xz block header has flags this reader does not know';
  let pos = at + 2;
  const vli = (): number | null => {
    let value = 0;
    for (let shift = 0; shift < 63 && pos < end; shift += 7) {
      const b = head[pos++] as number;
      value += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return value;
    }
    return null;
  };
  if (flags & 0x40 && vli() === null) return null;
  if (flags & 0x80 && vli() === null) return null;
  const filters = (flags & 0x03) + 1;
  for (let i = 0; i < filters; i += 1) {
    const id = vli();
    const propsSize = vli();
    if (id === null || propsSize === null) return null;
    if (id !== LZMA2)
      return `xz stream uses the ${FILTERS[id] ?? `unknown (0x${id.toString(16)})`} filter; this reader supports only LZMA2 (recompress with plain xz, or with gzip)`;
    const d = head[pos];
    if (d === undefined || pos >= end) return null;
    const dictionary = d > 40 ? Infinity : d === 40 ? 2 ** 32 - 1 : (2 | (d & 1)) * 2 ** (Math.floor(d / 2) + 11);
    if (dictionary > XZ_MAX_DICTIONARY)
      return `xz stream needs a ${formatMiB(dictionary)} dictionary; this reader supports up to 64 MiB (recompress with xz -9 or lower, or with gzip)`;
    pos += propsSize;
  }
  return null;
}

function formatMiB(bytes: number): string {
  return Number.isFinite(bytes) ? `${Math.round(bytes / 1024 ** 2)} MiB` : 'invalid';
}
