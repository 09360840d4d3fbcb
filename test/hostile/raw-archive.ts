/**
 * Byte-level archive writers for the hostile corpus. tar-stream's packer (test/helpers/make-archive.ts)
 * only writes well-formed headers from UTF-8 strings; a hostile bundle can carry raw bytes in a
 * name, a NUL inside a PAX path, a base-256 negative size or a zip behind a .tgz name, so these
 * headers are assembled by hand after POSIX.1-2001 ustar/pax (IEEE Std 1003.1, "pax" format) and
 * PKWARE APPNOTE (zip). Everything big is streamed to disk, never held in memory.
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, crc32, gzipSync } from 'node:zlib';

export const BLOCK = 512;

export type TypeFlag = '0' | '1' | '2' | '3' | '4' | '5' | '6' | 'x' | 'g' | 'L';

export interface RawHeader {
  /** Raw name bytes (≤ 100), written as is: may be non-UTF-8 or hold a NUL. */
  readonly name: Buffer | string;
  readonly type?: TypeFlag;
  readonly size?: number;
  /** Write the size field as base-256 with this (possibly negative) value instead of octal. */
  readonly base256Size?: bigint;
  readonly linkname?: string;
}

function octal(buf: Buffer, offset: number, width: number, value: number): void {
  buf.write(`${value.toString(8).padStart(width - 1, '0')}\0`, offset, width, 'latin1');
}

export function tarHeader(h: RawHeader): Buffer {
  const b = Buffer.alloc(BLOCK);
  (typeof h.name === 'string' ? Buffer.from(h.name) : h.name).copy(b, 0, 0, 100);
  octal(b, 100, 8, 0o644);
  octal(b, 108, 8, 0);
  octal(b, 116, 8, 0);
  if (h.base256Size !== undefined) {
    // 12-byte field, first byte 0x80 (positive) or 0xff (negative), big-endian two's complement.
    let v = BigInt.asUintN(88, h.base256Size);
    for (let i = 135; i > 124; i--) {
      b[i] = Number(v & 0xffn);
      v >>= 8n;
    }
    b[124] = h.base256Size < 0n ? 0xff : 0x80;
  } else octal(b, 124, 12, h.size ?? 0);
  octal(b, 136, 12, 0);
  b.write(h.type ?? '0', 156, 1, 'latin1');
  if (h.linkname) b.write(h.linkname, 157, 100, 'utf8');
  b.write('ustar\u000000', 257, 8, 'latin1');
  b.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of b) sum += byte;
  b.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'latin1');
  return b;
}

/** Body padded to a whole number of blocks. */
export function padded(body: Buffer): Buffer {
  const rest = body.length % BLOCK;
  return rest === 0 ? body : Buffer.concat([body, Buffer.alloc(BLOCK - rest)]);
}

/** A regular file entry: header + padded body. */
export function tarFile(name: Buffer | string, body: Buffer | string = ''): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return Buffer.concat([tarHeader({ name, size: bytes.length }), padded(bytes)]);
}

/** A PAX extended header ('x') whose records are raw key=value pairs (value bytes as given). */
export function paxHeader(records: ReadonlyArray<readonly [string, Buffer | string]>): Buffer {
  const parts = records.map(([k, v]) => {
    const kv = Buffer.concat([Buffer.from(` ${k}=`), typeof v === 'string' ? Buffer.from(v) : v, Buffer.from('\n')]);
    let len = kv.length + 1;
    while (String(len).length + kv.length !== len) len += 1;
    return Buffer.concat([Buffer.from(String(len)), kv]);
  });
  const body = Buffer.concat(parts);
  return Buffer.concat([tarHeader({ name: 'PaxHeaders/x', type: 'x', size: body.length }), padded(body)]);
}

export const END_OF_ARCHIVE = Buffer.alloc(2 * BLOCK);

/** A zip with stored (uncompressed) entries: local headers, central directory, end record. */
export function makeZip(entries: ReadonlyArray<readonly [string, string]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const n = Buffer.from(name);
    const data = Buffer.from(text);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += local.length + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * A gzip bomb: one tar header declaring `bytes` of content, then that many zeros, as concatenated
 * gzip members (RFC 1952 §2.2 allows several members; gunzip reads them as one stream). Only one
 * 64 MiB member is ever compressed; it is written again and again, so building costs a few MB.
 */
export async function writeGzipBomb(path: string, bytes: number, name = 'ptdoctor-bomb/commands/dmesg.out'): Promise<void> {
  const unit = 64 * 1024 ** 2;
  const member = gzipSync(Buffer.alloc(unit), { level: 9 });
  const head = gzipSync(tarHeader({ name, size: bytes }));
  const count = Math.ceil(bytes / unit);
  async function* chunks(): AsyncGenerator<Buffer> {
    yield head;
    for (let i = 0; i < count; i++) yield member;
  }
  await pipeline(Readable.from(chunks()), createWriteStream(path));
}

/** Stream generated tar bytes through gzip into a file. */
export async function writeTgzStream(path: string, tarChunks: () => Iterable<Buffer> | AsyncIterable<Buffer>, level = 1): Promise<void> {
  await pipeline(Readable.from(tarChunks()), createGzip({ level }), createWriteStream(path));
}
