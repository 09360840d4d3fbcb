/** A bundle as plain data, for comparing what two readers made of the same archive. */
import type { Bundle } from '../../src/bundle/bundle.js';

export function bundleShape(b: Bundle) {
  return {
    format: b.format,
    root: b.root,
    lost: b.lost,
    skipped: b.skipped,
    files: [...b.files].map(([p, f]) => [p, f.truncated, f.bytes.toString('base64')]),
  };
}
