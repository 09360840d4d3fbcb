/**
 * Cloudpods evidence: host.conf is collected with every secret-bearing value masked even without
 * --redact (every form of test/collector/secret-forms.ts, the same text src/evidence/mask-secrets.ts
 * gives), common.conf is not collected (no rule reads it), the host service's pod log is tailed —
 * also under the docker runtime, where the kubelet's file is a link into /var/lib/docker/containers —
 * and the log is asked from the Kubernetes API server only with --kubectl.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskSecrets } from '../../src/evidence/mask-secrets.js';
import { SHELLS, link, makeBin, makeFakeRoot, readBundle, runCollector, statusOf, tempDir, text, write } from './harness.js';
import { SECRET_FORMS, SECRET_FORMS_MASKED } from './secret-forms.js';

const log = readFileSync(join('test/fixtures/cloudpods/host-log-hugepage-nr0.txt'), 'utf8');
// the docker runtime's json-file format of the same lines
const dockerLog = log
  .split('\n')
  .filter((l) => l !== '')
  .map((l, i) => `${JSON.stringify({ log: `${l}\n`, stream: 'stderr', time: `2023-07-20T07:43:0${i}.000000000Z` })}\n`)
  .join('');

describe.each(SHELLS)('collect.sh Cloudpods evidence under $name', ({ argv }) => {
  it('masks every secret form in host.conf without --redact, as the analyzer would; leaves common.conf out; tails the pod log', async () => {
    const root = makeFakeRoot();
    write(root, 'etc/yunion/host.conf', SECRET_FORMS);
    write(root, 'etc/yunion/common/common.conf', 'region: region0\nadmin_passwd: CANARY-common\n');
    write(root, 'var/log/pods/onecloud_default-host-x1y2z_0a1b2c3d/host/0.log', log);
    const cwd = tempDir('ptd-cwd-');
    const r = await runCollector({ shell: argv, cwd, env: { PATH: makeBin({ hostname: 'echo labhost' }), PTDOCTOR_ROOT: root } });
    expect(r.code, r.stderr).toBe(0);
    const b = readBundle(join(cwd, r.stdout.toString().trim()));
    for (const [path, bytes] of b.files) expect(bytes.toString('utf8'), path).not.toContain('CANARY');
    expect(text(b, 'etc/yunion/host.conf')).toBe(SECRET_FORMS_MASKED);
    expect(text(b, 'etc/yunion/host.conf')).toBe(maskSecrets(SECRET_FORMS));
    expect(statusOf(b, 'yunion-host-conf')).toEqual(['ok']);
    expect(b.manifest.items.some((i) => i.source.includes('common.conf'))).toBe(false);
    expect(text(b, 'var/log/pods/onecloud_default-host-x1y2z_0a1b2c3d/host/0.log')).toBe(log);
    expect(statusOf(b, 'qemu-logs')).toEqual(['absent']);
    expect(text(b, 'commands/hugetlb-service.out')).toContain('absent /usr/lib/systemd/oc-hugetlb-reserve-pages.sh');
    expect(statusOf(b, 'host-service-kubectl')).toEqual([]);
  });

  it('reads the pod log under the docker runtime (a link into /var/lib/docker/containers), and no other link target', async () => {
    const root = makeFakeRoot();
    write(root, 'etc/yunion/host.conf', 'hugepages_option: native\n');
    const id = '3f1e9c2d4b5a6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8';
    write(root, `var/lib/docker/containers/${id}/${id}-json.log`, dockerLog);
    link(root, 'var/log/pods/onecloud_default-host-x1y2z_0a1b2c3d/host/0.log', `../../../../lib/docker/containers/${id}/${id}-json.log`);
    write(root, 'etc/passwd', 'root:x:0:0:CANARY-passwd:/root:/bin/bash\n');
    link(root, 'var/log/pods/onecloud_default-host-x1y2z_0a1b2c3d/host/1.log', '../../../../../etc/passwd');
    const cwd = tempDir('ptd-cwd-');
    const r = await runCollector({ shell: argv, cwd, env: { PATH: makeBin({}), PTDOCTOR_ROOT: root } });
    expect(r.code, r.stderr).toBe(0);
    const b = readBundle(join(cwd, r.stdout.toString().trim()));
    const items = b.manifest.items.filter((i) => i.id === 'host-service-log');
    expect(items.map((i) => [i.source, i.status])).toEqual([
      ['/var/log/pods/onecloud_default-host-x1y2z_0a1b2c3d/host/0.log', 'ok'],
      ['/var/log/pods/onecloud_default-host-x1y2z_0a1b2c3d/host/1.log', 'error'],
    ]);
    expect(text(b, 'var/log/pods/onecloud_default-host-x1y2z_0a1b2c3d/host/0.log')).toBe(dockerLog);
    for (const [path, bytes] of b.files) expect(bytes.toString('utf8'), path).not.toContain('CANARY');
  });

  it('asks kubectl for the log only with --kubectl, when no log file exists', async () => {
    const root = makeFakeRoot();
    write(root, 'etc/yunion/host.conf', 'hugepages_option: native\n');
    const marks = tempDir('ptd-marks-');
    const kubectl = [
      `echo "$*" >> ${marks}/calls`,
      'case "$*" in *"get pods"*) echo pod/default-host-x1y2z ;; *logs*) echo "[info 2026-04-03 03:47:09 main.go:1] started" ;; esac',
    ].join('\n');
    const cwd = tempDir('ptd-cwd-');
    const env = { PATH: makeBin({ kubectl, hostname: 'echo labhost' }), PTDOCTOR_ROOT: root };
    const without = await runCollector({ shell: argv, cwd, env });
    expect(without.code, without.stderr).toBe(0);
    expect(existsSync(join(marks, 'calls'))).toBe(false);
    expect(statusOf(readBundle(join(cwd, without.stdout.toString().trim())), 'host-service-kubectl')).toEqual([]);

    const cwd2 = tempDir('ptd-cwd-');
    const withIt = await runCollector({ shell: argv, cwd: cwd2, args: ['--kubectl'], env });
    expect(withIt.code, withIt.stderr).toBe(0);
    const b = readBundle(join(cwd2, withIt.stdout.toString().trim()));
    expect(statusOf(b, 'host-service-kubectl')).toEqual(['ok']);
    expect(text(b, 'commands/host-service-kubectl.out')).toBe('[info 2026-04-03 03:47:09 main.go:1] started\n');
    expect(readFileSync(join(marks, 'calls'), 'utf8')).toContain('-n onecloud logs default-host-x1y2z -c host --tail=20000');
  });
});
