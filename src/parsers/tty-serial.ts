/**
 * /proc/tty/driver/serial (evidence id `tty-serial`, root only).
 *
 * Sample: test/fixtures/tty-serial/one-uart.txt, lines 1–2 (verbatim):
 *   serinfo:1.0 driver revision:
 *   0: uart:16550A port:000003F8 irq:26 tx:120 rx:0 RTS|CTS|DTR|DSR|CD
 * Output: one record per port line: index, uart type, I/O port (hex string), irq, and the other
 * `key:value` fields; trailing modem-control flags (`RTS|CTS|…`) in `flags`.
 * Quirks: ports without hardware say `uart:unknown`; the header line is not a port.
 */
import { fields, splitLines, type SourceLine, type UnparsedLine } from './lines.js';

export interface SerialPort {
  readonly index: number;
  readonly uart: string;
  readonly port?: string;
  readonly irq?: number;
  readonly fields: Readonly<Record<string, string>>;
  readonly flags: readonly string[];
  readonly line: number;
  readonly text: string;
}

export interface TtySerial {
  readonly header?: SourceLine;
  readonly ports: readonly SerialPort[];
  readonly unparsed: readonly UnparsedLine[];
}

export function parseTtySerial(text: string): TtySerial {
  let header: TtySerial['header'];
  const ports: SerialPort[] = [];
  const unparsed: UnparsedLine[] = [];
  for (const at of splitLines(text)) {
    if (at.text.trim() === '') continue;
    if (at.text.startsWith('serinfo:')) {
      header = at;
      continue;
    }
    const f = fields(at.text);
    const idx = f[0] ?? '';
    if (!/^\d{1,4}:$/.test(idx)) {
      unparsed.push(at);
      continue;
    }
    const named: Record<string, string> = {};
    const flags: string[] = [];
    for (const w of f.slice(1)) {
      const c = w.indexOf(':');
      if (c > 0)
        Object.defineProperty(named, w.slice(0, c), { value: w.slice(c + 1), enumerable: true, writable: true, configurable: true });
      else flags.push(...w.split('|').filter((x) => x !== ''));
    }
    const uart = named['uart'];
    if (uart === undefined) {
      unparsed.push(at);
      continue;
    }
    const port = named['port'];
    const irq = named['irq'];
    ports.push({
      index: Number(idx.slice(0, -1)),
      uart,
      ...(port === undefined ? {} : { port }),
      ...(irq !== undefined && /^\d{1,6}$/.test(irq) ? { irq: Number(irq) } : {}),
      fields: named,
      flags,
      ...at,
    });
  }
  return { ...(header === undefined ? {} : { header }), ports, unparsed };
}
