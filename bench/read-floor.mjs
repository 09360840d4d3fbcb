/**
 * The analysis floor: what any reader of the same archives must pay before it can think.
 *
 * Default (the floor the ratios use): Node start-up, the file read in 1 MiB chunks, gunzip with
 * 1 MiB output chunks, and a walk over the tar headers that only counts entries and bytes — no
 * decoding, no parsing, nothing kept.
 *
 * `--decode` (the heavier floor earlier runs used, shown beside it): every entry read through
 * tar-stream and decoded into a string, which is more than the analyzer does with an entry it
 * does not keep.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';

const CHUNK = 1024 * 1024;
const args = process.argv.slice(2);
const decode = args[0] === '--decode';
const paths = decode ? args.slice(1) : args;

/** Entries and data bytes of a tar stream, from its 512-byte headers (sizes in octal or base-256). */
function tarWalker() {
  const header = Buffer.alloc(512);
  let have = 0;
  let skip = 0;
  let entries = 0;
  let bytes = 0;
  let ended = false;
  const size = (h) => {
    if (h[124] & 0x80) return h.readUIntBE(124 + 12 - 6, 6);
    return parseInt(h.toString('latin1', 124, 136).replace(/\0.*$/, '').trim() || '0', 8);
  };
  return {
    push(chunk) {
      let at = 0;
      while (at < chunk.length && !ended) {
        if (skip > 0) {
          const n = Math.min(skip, chunk.length - at);
          skip -= n;
          at += n;
          continue;
        }
        const n = Math.min(512 - have, chunk.length - at);
        chunk.copy(header, have, at, at + n);
        have += n;
        at += n;
        if (have < 512) continue;
        have = 0;
        if (header.every((b) => b === 0)) {
          ended = true;
          break;
        }
        const s = size(header);
        entries += 1;
        bytes += s;
        skip = Math.ceil(s / 512) * 512;
      }
    },
    get entries() {
      return entries;
    },
    get bytes() {
      return bytes;
    },
  };
}

let total = 0;
for (const path of paths) {
  const inflated = createReadStream(path, { highWaterMark: CHUNK }).pipe(createGunzip({ chunkSize: CHUNK }));
  if (decode) {
    const extract = tar.extract();
    inflated.pipe(extract);
    for await (const entry of extract) {
      const chunks = [];
      for await (const c of entry) chunks.push(c);
      total += Buffer.concat(chunks).toString('utf8').length;
    }
  } else {
    const walker = tarWalker();
    for await (const chunk of inflated) walker.push(chunk);
    total += walker.bytes;
  }
}
process.stdout.write(`${total}\n`);
