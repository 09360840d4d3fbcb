// The analysis floor: Node startup plus inflating and reading every entry of the same archive
// with tar-stream, with no parsing — what any analyzer must pay before it can think.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';

let bytes = 0;
for (const path of process.argv.slice(2)) {
  const extract = tar.extract();
  createReadStream(path).pipe(createGunzip()).pipe(extract);
  for await (const entry of extract) {
    const chunks = [];
    for await (const c of entry) chunks.push(c);
    bytes += Buffer.concat(chunks).toString('utf8').length;
  }
}
process.stdout.write(`${bytes}\n`);
