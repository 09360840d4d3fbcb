import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLsusb } from '../../src/parsers/lsusb.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/lsusb/${p}`, import.meta.url), 'utf8');

describe('parseLsusb', () => {
  it('parses the header sample (no-usb-bus.txt: lsusb printed nothing)', () => {
    expect(parseLsusb(fx('no-usb-bus.txt'))).toEqual({ devices: [], unparsed: [] });
  });

  it('sends lines that are not device lines to unparsed', () => {
    expect(parseLsusb('unable to initialize libusb: -99\n').unparsed).toEqual([{ line: 1, text: 'unable to initialize libusb: -99' }]);
  });

  it('reads a device line padded to 3 MB as the device it names', () => {
    const r = parseLsusb('Bus 001 Device 002: ID 1d6b:0002' + ' '.repeat(3_000_000));
    expect(r.devices.map((d) => [d.bus, d.device, d.vendor, d.product, d.description])).toEqual([['001', '002', '1d6b', '0002', '']]);
  });

  it('parses a CRLF copy of debian-laptop-t500.txt (newlines converted to CRLF in the test) like the LF original', () => {
    const lf = fx('debian-laptop-t500.txt');
    const r = parseLsusb(lf.replaceAll('\n', '\r\n'));
    expect(r).toEqual(parseLsusb(lf));
    expect(r.unparsed).toEqual([]);
    expect(r.devices.find((d) => d.line === 5)).toMatchObject({ bus: '004', device: '003', vendor: '0a5c', product: '2145' });
  });
});
