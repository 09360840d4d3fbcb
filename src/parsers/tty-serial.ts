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
  readonly header?: { readonly line: number; readonly text: string };
  readonly ports: readonly SerialPort[];
  readonly unparsed: readonly { readonly line: number; readonly text: string }[];
}

export function parseTtySerial(text: string): TtySerial {
  let header: TtySerial['header'];
  const ports: SerialPort[] = [];
  const unparsed: { line: number; text: string }[] = [];
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const t = rows[i] ?? '';
    if (t.trim() === '') continue;
    const at = { line: i + 1, text: t };
    if (t.startsWith('serinfo:')) {
      header = at;
      continue;
    }
    const f = t.trim().split(/[ \t]+/);
    const idx = f[0] ?? '';
    if (!/^\d{1,4}:$/.test(idx)) {
      unparsed.push(at);
      continue;
    }
    const fields: Record<string, string> = {};
    const flags: string[] = [];
    for (const w of f.slice(1)) {
      const c = w.indexOf(':');
      if (c > 0) Object.defineProperty(fields, w.slice(0, c), { value: w.slice(c + 1), enumerable: true, writable: true, configurable: true });
      else flags.push(...w.split('|').filter((x) => x !== ''));
    }
    const uart = fields['uart'];
    if (uart === undefined) {
      unparsed.push(at);
      continue;
    }
    const port = fields['port'];
    const irq = fields['irq'];
    ports.push({
      index: Number(idx.slice(0, -1)),
      uart,
      ...(port === undefined ? {} : { port }),
      ...(irq !== undefined && /^\d{1,6}$/.test(irq) ? { irq: Number(irq) } : {}),
      fields,
      flags,
      ...at,
    });
  }
  return { ...(header === undefined ? {} : { header }), ports, unparsed };
}
