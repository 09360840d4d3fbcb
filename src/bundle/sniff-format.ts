/**
 * Tell an archive's format from its first bytes, never from its file name (a zip renamed .tgz is
 * common in tickets). Magic numbers: gzip 1f 8b (RFC 1952), ustar at offset 257 (POSIX tar),
 * zip "PK\x03\x04", xz fd 37 7a 58 5a 00 (sosreports: .tar.xz), bzip2 "BZh", zstd 28 b5 2f fd.
 */
export type SniffedFormat =
  { readonly kind: 'tgz' } | { readonly kind: 'tar' } | { readonly kind: 'txz' } | { readonly kind: 'other'; readonly problem: string };

export function sniffFormat(head: Buffer): SniffedFormat {
  if (head.length === 0) return { kind: 'other', problem: 'file is empty' };
  if (head[0] === 0x1f && head[1] === 0x8b) return { kind: 'tgz' };
  if (head.length >= 262 && head.toString('latin1', 257, 262) === 'ustar') return { kind: 'tar' };
  if (head.toString('latin1', 0, 4) === 'PK\u0003\u0004') return { kind: 'other', problem: 'is a zip archive, not a tar.gz bundle' };
  if (head.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))) return { kind: 'txz' };
  if (head.toString('latin1', 0, 3) === 'BZh') return { kind: 'other', problem: 'is bzip2-compressed; recompress it with gzip' };
  if (head.subarray(0, 4).equals(Buffer.from([0x28, 0xb5, 0x2f, 0xfd])))
    return { kind: 'other', problem: 'is zstd-compressed; recompress it with gzip' };
  return { kind: 'other', problem: 'is not a gzip or tar archive' };
}

export function formatProblem(format: SniffedFormat): string {
  if (format.kind === 'other') return format.problem;
  return `is a ${format.kind} archive`;
}
