/**
 * The entries of a tar archive held whole in memory, walked in one loop instead of through a
 * stream: what a small bundle (read whole and inflated in one step, read-bundle.ts) costs to take
 * apart. The stream reader (tar-stream) is the authority; this walk reads what it reads the same
 * way — ustar and GNU headers, the ustar name prefix, GNU long names (L, N, K) and per-entry pax
 * records (x) — and returns null for anything else: a bad checksum, an unknown format or entry
 * type, a global pax header, a base-256 or malformed number, a directory with data, a malformed
 * pax record, a cut archive. The caller then reads the same bytes with the stream, which words
 * what is wrong as before. test/bundle/tar-whole.test.ts holds the two readers to one answer on
 * archives made by GNU tar and BusyBox tar in every format they write.
 */
export interface TarEntry {
  readonly name: string;
  /** The stream reader's names for entry types ('file', 'directory', 'symlink', …). */
  readonly type: string;
  readonly linkname: string | null;
  readonly data: Buffer;
}

const BLOCK = 512;
/** A GNU long name or pax header larger than this is refused by the stream reader: not read here either. */
const MAX_META_BYTES = 4 * 1024 * 1024;
const EMPTY = Buffer.alloc(0);

/** Entry types by typeflag byte (POSIX ustar; NUL is the old form of '0'). */
const TYPES: ReadonlyMap<number, string> = new Map([
  [0, 'file'],
  [0x30, 'file'],
  [0x31, 'link'],
  [0x32, 'symlink'],
  [0x33, 'character-device'],
  [0x34, 'block-device'],
  [0x35, 'directory'],
  [0x36, 'fifo'],
  [0x37, 'contiguous-file'],
]);
const LONG_NAME = new Set([0x4c /* L */, 0x4e /* N */]);
const LONG_LINK = 0x4b; /* K */
const PAX = 0x78; /* x */

export function tarEntriesWhole(tar: Buffer): TarEntry[] | null {
  const entries: TarEntry[] = [];
  let longName: string | null = null;
  let longLink: string | null = null;
  let pax: Map<string, string> | null = null;
  let at = 0;
  while (at < tar.length) {
    if (tar.length - at < BLOCK) return null;
    const sum = headerSum(tar, at);
    // a block of zeros (the end-of-archive marker) is passed over, as the stream reader does
    if (sum === 8 * 32) {
      at += BLOCK;
      continue;
    }
    if (octal(tar, at + 148, 8) !== sum || !knownFormat(tar, at)) return null;
    let size = octal(tar, at + 124, 12);
    if (size === null) return null;
    const flag = tar[at + 156] as number;
    const dataAt = at + BLOCK;
    if (flag === PAX || flag === LONG_LINK || LONG_NAME.has(flag)) {
      if (size > MAX_META_BYTES || dataAt + padded(size) > tar.length) return null;
      const meta = tar.subarray(dataAt, dataAt + size);
      if (flag === PAX) {
        pax = paxRecords(meta);
        if (pax === null) return null;
      } else if (flag === LONG_LINK) longLink = cString(meta, 0, meta.length);
      else longName = cString(meta, 0, meta.length);
      at = dataAt + padded(size);
      continue;
    }
    const type = TYPES.get(flag);
    if (type === undefined) return null;
    let name = cString(tar, at, 100);
    if (isUstar(tar, at) && tar[at + 345] !== 0) name = `${cString(tar, at + 345, 155)}/${name}`;
    let linkname = tar[at + 157] === 0 ? null : cString(tar, at + 157, 100);
    // an empty long name is not applied, and waits for the next header (as in the stream reader)
    if (longName) {
      name = longName;
      longName = null;
    }
    if (longLink) {
      linkname = longLink;
      longLink = null;
    }
    if (pax !== null) {
      name = pax.get('path') || name;
      linkname = pax.get('linkpath') || linkname;
      const paxSize = pax.get('size');
      if (paxSize) size = parseInt(paxSize, 10);
      pax = null;
    }
    if (!(size >= 0) || (type === 'directory' && size > 0)) return null;
    if (dataAt + padded(size) > tar.length) return null;
    entries.push({ name, type, linkname, data: size === 0 ? EMPTY : tar.subarray(dataAt, dataAt + size) });
    at = dataAt + padded(size);
  }
  return entries;
}

/** The header checksum as ustar defines it: every byte, the checksum field counted as spaces. */
function headerSum(tar: Buffer, at: number): number {
  let sum = 8 * 32;
  for (let i = at; i < at + 148; i++) sum += tar[i] as number;
  for (let i = at + 156; i < at + BLOCK; i++) sum += tar[i] as number;
  return sum;
}

/** POSIX ustar ("ustar\0") or GNU ("ustar  \0"); v7 and other headers are left to the stream reader. */
function knownFormat(tar: Buffer, at: number): boolean {
  return isUstar(tar, at) || (tar.toString('latin1', at + 257, at + 263) === 'ustar ' && tar[at + 263] === 0x20 && tar[at + 264] === 0);
}

function isUstar(tar: Buffer, at: number): boolean {
  return tar.toString('latin1', at + 257, at + 263) === 'ustar\0';
}

/**
 * A numeric field in its plain form — spaces, octal digits, then a NUL, a space or the field's
 * end — or null (base-256, no digits, anything else).
 */
function octal(tar: Buffer, at: number, length: number): number | null {
  const end = at + length;
  let i = at;
  while (i < end && tar[i] === 0x20) i++;
  let value = 0;
  const first = i;
  for (; i < end; i++) {
    const c = tar[i] as number;
    if (c < 0x30 || c > 0x37) break;
    value = value * 8 + (c - 0x30);
  }
  if (i === first) return null;
  return i === end || tar[i] === 0 || tar[i] === 0x20 ? value : null;
}

/** The text of a NUL-terminated field. */
function cString(buf: Buffer, at: number, length: number): string {
  let end = at;
  while (end < at + length && buf[end] !== 0) end++;
  return buf.toString('utf8', at, end);
}

/** Records "LEN key=value\n", each LEN bytes long; null when any record is not of that form. */
function paxRecords(meta: Buffer): Map<string, string> | null {
  const records = new Map<string, string>();
  let at = 0;
  while (at < meta.length) {
    const space = meta.indexOf(0x20, at);
    if (space === -1) return null;
    const lenText = meta.toString('latin1', at, space);
    const len = Number(lenText);
    if (!/^[1-9]\d*$/.test(lenText) || at + len > meta.length || meta[at + len - 1] !== 0x0a) return null;
    const record = meta.toString('utf8', space + 1, at + len - 1);
    const eq = record.indexOf('=');
    if (eq === -1) return null;
    records.set(record.slice(0, eq), record.slice(eq + 1));
    at += len;
  }
  return records;
}

function padded(size: number): number {
  return Math.ceil(size / BLOCK) * BLOCK;
}
