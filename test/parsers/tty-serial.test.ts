import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTtySerial } from '../../src/parsers/tty-serial.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/tty-serial/${p}`, import.meta.url), 'utf8');

describe('parseTtySerial', () => {
  it('parses the header sample (one-uart.txt)', () => {
    const r = parseTtySerial(fx('one-uart.txt'));
    expect(r.header).toEqual({ line: 1, text: 'serinfo:1.0 driver revision:' });
    expect(r.ports).toEqual([
      {
        index: 0,
        uart: '16550A',
        port: '000003F8',
        irq: 26,
        fields: { uart: '16550A', port: '000003F8', irq: '26', tx: '120', rx: '0' },
        flags: ['RTS', 'CTS', 'DTR', 'DSR', 'CD'],
        line: 2,
        text: '0: uart:16550A port:000003F8 irq:26 tx:120 rx:0 RTS|CTS|DTR|DSR|CD',
      },
    ]);
    expect(r.unparsed).toEqual([]);
  });

  it('returns nothing for empty input; lines without an index or uart are unparsed', () => {
    expect(parseTtySerial('')).toEqual({ ports: [], unparsed: [] });
    expect(parseTtySerial('x: uart:1\n1: port:2\n').unparsed.map((u) => u.line)).toEqual([1, 2]);
  });

  it('survives hostile long lines', () => {
    for (const s of ['0: ' + 'a:'.repeat(1_000_000), '0: ' + '|'.repeat(3_000_000)]) expect(() => parseTtySerial(s)).not.toThrow();
  });

  it('parses a CRLF copy of one-uart.txt (newlines converted to CRLF in the test) like the LF original', () => {
    const lf = fx('one-uart.txt');
    const r = parseTtySerial(lf.replaceAll('\n', '\r\n'));
    expect(r).toEqual(parseTtySerial(lf));
    expect(r.ports[0]?.flags).toEqual(['RTS', 'CTS', 'DTR', 'DSR', 'CD']);
  });
});
