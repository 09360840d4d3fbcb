/**
 * The running kernel's release, from `uname -srvm` or else the manifest's `kernel` field.
 */
import type { Manifest } from '../bundle/manifest.js';
import { hasText } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { kernelMajorMinor, parseUname } from '../parsers/uname.js';
import { known, ref, type Fact } from './fact.js';
import { refTo, unknownFrom } from './evidence-ref.js';
import type { KernelFacts } from './model.js';

export function buildKernel(ev: EvidenceSource, manifest: Manifest | null): Fact<KernelFacts> {
  const e = ev.one('uname');
  if (hasText(e)) {
    const u = parseUname(e.text);
    if (u.release && u.major !== undefined && u.minor !== undefined)
      return known({ release: u.release, major: u.major, minor: u.minor }, [refTo(e, { line: u.line ?? 1, text: u.text ?? u.release })]);
  }
  const fromManifest = manifest?.kernel ? kernelMajorMinor(manifest.kernel) : undefined;
  if (manifest?.kernel && fromManifest)
    return known({ release: manifest.kernel, ...fromManifest }, [ref('manifest', 'manifest.json kernel', manifest.kernel)]);
  return unknownFrom(e);
}

export function atLeast(k: KernelFacts, major: number, minor: number): boolean {
  return k.major > major || (k.major === major && k.minor >= minor);
}
