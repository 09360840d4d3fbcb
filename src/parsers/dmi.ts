/**
 * Collector output `dmi`: `name=value` lines, one per readable /sys/class/dmi/id file
 * (sys_vendor, product_name, product_version, board_vendor, board_name, bios_vendor, bios_version,
 * bios_date).
 *
 * Sample: none yet — this machine has no /sys/class/dmi (a container); the lab's QEMU bundles
 * will supply test/fixtures/dmi/. Tests cover the format on empty and malformed input only.
 * Output: `fields` (name → value, line, text) and the well-known names as properties.
 * The collector (src/collector/collect.sh gen_dmi) writes `# unreadable: <name>` for a file it
 * could not read (bios files need root on some kernels); those names are in `unreadable`.
 * Quirks: values may contain `=` (only the first `=` splits); firmware strings are often padded
 * with spaces, kept verbatim in `text` and trimmed in `value`.
 */
import { splitLines, type UnparsedLine } from './lines.js';

export interface DmiField {
  readonly name: string;
  readonly value: string;
  readonly line: number;
  readonly text: string;
}

export interface Dmi {
  readonly fields: Readonly<Record<string, DmiField>>;
  readonly unreadable: readonly { readonly name: string; readonly line: number; readonly text: string }[];
  readonly unparsed: readonly UnparsedLine[];
}

const UNREADABLE = '# unreadable: ';

export function parseDmi(text: string): Dmi {
  const fields: Record<string, DmiField> = {};
  const unparsed: UnparsedLine[] = [];
  const unreadable: { name: string; line: number; text: string }[] = [];
  for (const l of splitLines(text)) {
    const t = l.text;
    if (t.trim() === '') continue;
    if (t.startsWith(UNREADABLE)) {
      unreadable.push({ name: t.slice(UNREADABLE.length).trim(), ...l });
      continue;
    }
    const eq = t.indexOf('=');
    const name = t.slice(0, eq);
    if (eq <= 0 || !/^[a-z_]{1,40}$/.test(name)) {
      unparsed.push(l);
      continue;
    }
    Object.defineProperty(fields, name, {
      value: { name, value: t.slice(eq + 1).trim(), ...l },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { fields, unreadable, unparsed };
}
