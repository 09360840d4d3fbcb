/**
 * Decide whether an archive entry name may be used as a bundle path, and normalise it.
 *
 * Names are attacker-controlled (tar-stream returns them exactly as stored). Nothing is ever
 * written to disk, but names become lookup keys and display strings, so anything that could
 * spoof another entry or escape a tree is refused rather than repaired (docs/security.md §1.9):
 * absolute names, `..`, backslashes, NUL and control characters, names that were not UTF-8.
 */
import type { Limits } from './limits.js';

export type NameVerdict = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

// C0, DEL and C1 controls; bidi overrides and isolates (Trojan Source, CVE-2021-42574).
const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export function normaliseEntryName(raw: string, limits: Pick<Limits, 'maxPathBytes' | 'maxPathDepth'>): NameVerdict {
  if (Buffer.byteLength(raw) > limits.maxPathBytes) return { ok: false, reason: `name longer than ${limits.maxPathBytes} bytes` };
  if (raw.includes('\uFFFD')) return { ok: false, reason: 'name is not valid UTF-8' };
  if (FORBIDDEN_CHARS.test(raw)) return { ok: false, reason: 'name contains control or bidi characters' };
  if (raw.includes('\\')) return { ok: false, reason: 'name contains a backslash' };
  if (raw.startsWith('/')) return { ok: false, reason: 'absolute name' };
  if (/^[A-Z]:/i.test(raw)) return { ok: false, reason: 'drive-letter name' };
  const parts = raw.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) return { ok: false, reason: 'name contains ..' };
  if (parts.length === 0) return { ok: false, reason: 'empty name' };
  if (parts.length > limits.maxPathDepth) return { ok: false, reason: `deeper than ${limits.maxPathDepth} components` };
  return { ok: true, path: parts.join('/').normalize('NFC') };
}
