/**
 * `lsusb` (evidence id `lsusb`): `Bus 001 Device 002: ID 1d6b:0002 Linux Foundation 2.0 root hub`.
 *
 * Sample: test/fixtures/lsusb/no-usb-bus.txt (verbatim: empty — this machine has no USB bus and
 * lsusb printed nothing, exit status 1). A non-empty real capture is still to come from the lab.
 * Output: one record per device line: bus, device, vendor, product (lower-case hex), description.
 * Quirks: the description may be empty (lsusb prints the ID and nothing else for unknown IDs).
 */
import { splitLines, type UnparsedLine } from './lines.js';

export interface UsbDevice {
  readonly bus: string;
  readonly device: string;
  readonly vendor: string;
  readonly product: string;
  readonly description: string;
  readonly line: number;
  readonly text: string;
}

export interface Lsusb {
  readonly devices: readonly UsbDevice[];
  readonly unparsed: readonly UnparsedLine[];
}

const LINE = /^Bus (\d{3}) Device (\d{3}): ID ([0-9a-fA-F]{4}):([0-9a-fA-F]{4})(?: (.*))?$/;

export function parseLsusb(text: string): Lsusb {
  const devices: UsbDevice[] = [];
  const unparsed: UnparsedLine[] = [];
  for (const l of splitLines(text)) {
    const t = l.text;
    if (t.trim() === '') continue;
    const m = LINE.exec(t);
    if (m === null) {
      unparsed.push(l);
      continue;
    }
    devices.push({
      bus: m[1] ?? '',
      device: m[2] ?? '',
      vendor: (m[3] ?? '').toLowerCase(),
      product: (m[4] ?? '').toLowerCase(),
      description: (m[5] ?? '').trim(),
      line: l.line,
      text: t,
    });
  }
  return { devices, unparsed };
}
