/**
 * A piece's lines as the evidence text its parser reads, each with the input line it came from
 * (so the report can quote the user's own line). Most kinds pass through with only the
 * typography of web pages undone (curly quotes, non-breaking spaces: `BAR 1: can’t reserve` in
 * test/real-cases/cases/github-harvester-pcidevices-81-p5000-bar1-efifb/dmesg-T-bar1.txt); a few
 * are put into the shape their parser reads:
 * - `dmidecode` and `cat /sys/class/dmi/id/<name>` → the collector's `name=value` DMI lines;
 * - `ls [-l] /sys/kernel/iommu_groups/<n>/devices` → under a `…/<n>/devices:` header (the group is
 *   in the command, not in the output), the header citing the command line;
 * - an lspci listing a filter cut (`lspci -nnk | grep -A 2 NVIDIA`) starts with a `--` marker, the
 *   way grep itself separates cut contexts, so its last blocks read as "driver unknown".
 */
import type { SourceLine } from '../parsers/lines.js';
import type { Piece } from './read-pieces.js';

export interface LineOrigin {
  readonly input: string;
  readonly line: number;
  /** The input line, verbatim. */
  readonly text: string;
}

export interface RenderedLine {
  readonly text: string;
  readonly origin: LineOrigin | null;
}

export function plainText(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u200B\u200C\uFEFF]/g, '')
    .replaceAll('\u200D', '');
}

const DMI_KEYS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'System Information': { Manufacturer: 'sys_vendor', 'Product Name': 'product_name', Version: 'product_version' },
  'Base Board Information': { Manufacturer: 'board_vendor', 'Product Name': 'board_name' },
  'BIOS Information': { Vendor: 'bios_vendor', Version: 'bios_version', 'Release Date': 'bios_date' },
};

function fromDmidecode(piece: Piece, origin: (l: SourceLine) => LineOrigin): RenderedLine[] {
  const out: RenderedLine[] = [];
  let keys: Readonly<Record<string, string>> | undefined;
  for (const l of piece.lines) {
    const t = plainText(l.text).trim();
    if (t.endsWith('Information') || t.startsWith('Handle ')) {
      keys = DMI_KEYS[t];
      continue;
    }
    const colon = t.indexOf(': ');
    const name = keys && colon > 0 ? keys[t.slice(0, colon)] : undefined;
    if (name) out.push({ text: `${name}=${t.slice(colon + 2)}`, origin: origin(l) });
  }
  return out;
}

export function renderPiece(piece: Piece): RenderedLine[] {
  const origin = (l: SourceLine): LineOrigin => ({ input: piece.input, line: l.line, text: l.text });
  const commandOrigin: LineOrigin | null = piece.command
    ? { input: piece.input, line: piece.command.first, text: piece.command.line }
    : null;
  if (piece.kind === 'dmidecode') return fromDmidecode(piece, origin);
  const lines = piece.lines.map((l) => ({ text: plainText(l.text), origin: origin(l) }));
  if (piece.kind === 'dmi-sysfs') {
    const name = piece.hint.path?.slice(piece.hint.path.lastIndexOf('/') + 1) ?? '';
    return lines.slice(0, 1).map((l) => ({ text: `${name}=${l.text.trim()}`, origin: l.origin }));
  }
  if (
    piece.kind === 'iommu-groups' &&
    piece.hint.group !== null &&
    !lines.some((l) => l.text.trim().startsWith('/sys/kernel/iommu_groups/'))
  )
    return [{ text: `/sys/kernel/iommu_groups/${piece.hint.group}/devices:`, origin: commandOrigin }, ...lines];
  if ((piece.kind === 'lspci' || piece.kind === 'lspci-verbose') && piece.hint.filtered)
    return [{ text: '--', origin: commandOrigin }, ...lines];
  return lines;
}
