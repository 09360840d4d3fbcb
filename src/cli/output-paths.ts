/**
 * Where each report format goes. One format: stdout, or exactly -o PATH. Several formats with
 * -o PATH: PATH without its report extension is the stem (report → report.html, report.md).
 * Several formats without -o: a usage error, since they cannot share stdout.
 */
import { UsageError } from './errors.js';

export const FORMATS = { text: true, md: true, html: true, json: true } as const satisfies Record<string, true>;
export type Format = keyof typeof FORMATS;
const EXT: Record<Format, string> = { text: 'txt', md: 'md', html: 'html', json: 'json' };

export function outputTargets(formats: readonly Format[], out: string | undefined): { format: Format; path: string | null }[] {
  const unique = [...new Set(formats)];
  if (unique.length === 1) return [{ format: unique[0] as Format, path: out ?? null }];
  if (out === undefined) throw new UsageError('several --format values need -o PATH (files PATH.html, PATH.md, …)');
  const stem = out.replace(/\.(txt|md|html|json)$/i, '');
  return unique.map((format) => ({ format, path: `${stem}.${EXT[format]}` }));
}
