/**
 * Cloudpods evidence: host.conf and common.conf are collected with every secret-bearing value
 * replaced even without --redact, the host service's pod log is tailed, and the hugepage unit's
 * state is recorded. Secrets are planted by the test; the key lines are host.conf spellings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHELLS, makeBin, makeFakeRoot, readBundle, runCollector, statusOf, tempDir, text, write } from './harness.js';

const SECRETS = ['Pl4nted-Admin-Pass', 'pl4nted-db-pass', 'pl4nted-token-1', 'pl4nted-list-secret', 'pl4nted-common-pass'];
const log = readFileSync(join('test/fixtures/cloudpods/host-log-hugepage-nr0.txt'), 'utf8');

describe.each(SHELLS)('collect.sh Cloudpods evidence under $name', ({ argv }) => {
  it('scrubs secrets in host.conf and common.conf without --redact, keeps the other keys, tails the pod log', async () => {
    const root = makeFakeRoot();
    write(
      root,
      'etc/yunion/host.conf',
      [
        'hugepages_option: native',
        'admin_password: Pl4nted-Admin-Pass',
        'sql_connection: mysql+pymysql://root:pl4nted-db-pass@10.0.0.1:3306/cloud',
        'AuthToken: "pl4nted-token-1"',
        'secret_keys:',
        '- pl4nted-list-secret',
        'disable_passthrough_with_vendor_device_id: true',
        'AMDVgpuPFs:',
        '- 04:00.0',
        '',
      ].join('\n'),
    );
    write(root, 'etc/yunion/common/common.conf', 'region: region0\nadmin_passwd: pl4nted-common-pass\n');
    write(root, 'var/log/pods/onecloud_default-host-x1y2z_0a1b2c3d/host/0.log', log);
    const cwd = tempDir('ptd-cwd-');
    const r = await runCollector({ shell: argv, cwd, env: { PATH: makeBin({ hostname: 'echo labhost' }), PTDOCTOR_ROOT: root } });
    expect(r.code, r.stderr).toBe(0);
    const b = readBundle(join(cwd, r.stdout.toString().trim()));
    for (const [path, bytes] of b.files) for (const s of SECRETS) expect(bytes.toString('utf8'), `${s} in ${path}`).not.toContain(s);
    const conf = text(b, 'etc/yunion/host.conf').split('\n');
    expect(conf).toEqual([
      'hugepages_option: native',
      'admin_password: <redacted by ptdoctor>',
      'sql_connection: <redacted by ptdoctor: URL with credentials>',
      'AuthToken: <redacted by ptdoctor>',
      'secret_keys:',
      '- <redacted by ptdoctor>',
      'disable_passthrough_with_vendor_device_id: true',
      'AMDVgpuPFs:',
      '- 04:00.0',
      '',
    ]);
    expect(text(b, 'etc/yunion/common/common.conf')).toBe('region: region0\nadmin_passwd: <redacted by ptdoctor>\n');
    expect(statusOf(b, 'yunion-host-conf')).toEqual(['ok']);
    expect(text(b, 'var/log/pods/onecloud_default-host-x1y2z_0a1b2c3d/host/0.log')).toBe(log);
    expect(statusOf(b, 'qemu-logs')).toEqual(['absent']);
    expect(text(b, 'commands/hugetlb-service.out')).toContain('absent /usr/lib/systemd/oc-hugetlb-reserve-pages.sh');
    expect(statusOf(b, 'host-service-kubectl')).toEqual([]);
  });
});
