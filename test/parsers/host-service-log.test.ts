/**
 * The Cloudpods host service log, in the three forms it reaches a bundle: `kubectl logs` output, the
 * kubelet's CRI file (test/fixtures/cloudpods, user reports; sources in test/fixtures/SOURCES.md), and
 * docker's json-file lines.
 */
import { describe, expect, it } from 'vitest';
import { parseHostServiceLog } from '../../src/parsers/host-service-log.js';
import { fx } from '../helpers/bundle-from.js';

const fatal = fx('cloudpods/host-log-hugepage-nr0.txt').split('\n')[2]!;

describe('parseHostServiceLog', () => {
  it('reads level, time, caller and message of a host service line', () => {
    const [r] = parseHostServiceLog(fatal);
    expect(r).toMatchObject({
      level: 'fatal',
      time: '2023-07-13 22:10:02',
      caller: 'hostman.(*SHostService).RunService(host_services.go:79)',
      message: 'Host instance init error: Prepare environment: hugepage 1024 nr 0',
    });
  });

  it('reads the short date of the first lines of a start', () => {
    const lines = parseHostServiceLog(fx('cloudpods/host-log-unknown-keys.txt'));
    expect(lines[2]?.level).toBe('warning');
    expect(lines[2]?.time).toMatch(/^\d{6} \d\d:\d\d:\d\d$/);
  });

  it('takes the line out of the CRI prefix of the kubelet file', () => {
    const [r] = parseHostServiceLog(`2023-07-20T07:43:02.123456789Z stderr F ${fatal}`);
    expect(r?.level).toBe('fatal');
    expect(r?.message).toBe('Host instance init error: Prepare environment: hugepage 1024 nr 0');
  });

  it("takes the line out of docker's json-file record (the form docker documents for its json-file driver)", () => {
    const record = JSON.stringify({ log: `${fatal}\n`, stream: 'stderr', time: '2023-07-20T07:43:02.123456789Z' });
    const [r] = parseHostServiceLog(record);
    expect(r?.level).toBe('fatal');
    expect(r?.text).toBe(record);
    expect(r?.message).toBe('Host instance init error: Prepare environment: hugepage 1024 nr 0');
  });

  it('keeps a line of another form whole, without a level', () => {
    expect(parseHostServiceLog('2023/09/19 02:00:01 Allow hosts []')[0]).toMatchObject({
      level: null,
      message: '2023/09/19 02:00:01 Allow hosts []',
    });
    expect(parseHostServiceLog('{"log":broken')[0]?.level).toBeNull();
  });
});
