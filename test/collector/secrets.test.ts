/**
 * Secrets never reach a bundle: every configuration file the collector copies (/etc, /boot,
 * /proc/cmdline) is masked by the same rules as src/evidence/mask-secrets.ts, under each shell —
 * on the seeded forms, on real configuration shapes (a GRUB superuser password, an iSCSI CHAP
 * password on the kernel command line), and on a deterministic random corpus whose masked text
 * must equal the analyzer's byte for byte.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskSecrets } from '../../src/evidence/mask-secrets.js';
import { SHELLS, makeBin, makeFakeRoot, readBundle, runCollector, tempDir, text, write } from './harness.js';
import { SECRET_FORMS } from './secret-forms.js';

/** Lines built from the pieces the masking rules react to, from a fixed seed (a linear congruential generator). */
function randomConfig(seed: number, lines: number): string {
  const pieces = [
    'password',
    'Pass',
    'key',
    'sort-key',
    'apiKey',
    'db_pw',
    'token',
    'region',
    'bypass',
    'iommu.passthrough',
    ':',
    ': ',
    '=',
    ' = ',
    ' ',
    '  ',
    '\t',
    '"',
    "'",
    '\\"',
    '{',
    '}',
    '[',
    ']',
    ',',
    '-',
    '- ',
    '#',
    '@',
    '://',
    'user',
    'x',
    'mysql',
    '/',
    '(',
    ')',
    ';',
    '-----BEGIN X-----',
    '-----END X-----',
    '|',
    '>-',
    'CANARY',
    'a.b',
    'cert_pem',
    'secret',
  ];
  let s = seed;
  const next = (n: number): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor((s / 2147483648) * n);
  };
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    let l = ' '.repeat(next(3) * 2);
    for (let j = next(10); j > 0; j--) l += pieces[next(pieces.length)] ?? '';
    out.push(l);
  }
  return `${out.join('\n')}\n`;
}

describe.each(SHELLS)('collect.sh masks secrets under $name', ({ argv }) => {
  it('in every copied configuration file, by the rules of the analyzer', async () => {
    const root = makeFakeRoot();
    const grubCfg = [
      '### BEGIN /etc/grub.d/01_users ###',
      'set superusers="root"',
      'password_pbkdf2 root grub.pbkdf2.sha512.10000.CANARY9A8B7C6D5E4F',
      '### END /etc/grub.d/01_users ###',
      "menuentry 'Debian GNU/Linux' --class debian {",
      '\tlinux /boot/vmlinuz-6.1.0-57-amd64 root=UUID=4f1c2e0a ro quiet rd.iscsi.password=CANARY-chap intel_iommu=on',
      '}',
      '',
    ].join('\n');
    write(root, 'boot/grub/grub.cfg', grubCfg);
    write(root, 'proc/cmdline', 'BOOT_IMAGE=/boot/vmlinuz ro rd.iscsi.username=iqn.2024-01.lab rd.iscsi.password=CANARY-chap2 iommu=pt\n');
    write(root, 'etc/modprobe.d/forms.conf', SECRET_FORMS);
    const random = randomConfig(20261204, 1500);
    write(root, 'etc/dracut.conf.d/random.conf', random);
    const cwd = tempDir('ptd-cwd-');
    const r = await runCollector({ shell: argv, cwd, env: { PATH: makeBin({}), PTDOCTOR_ROOT: root } });
    expect(r.code, r.stderr).toBe(0);
    const b = readBundle(join(cwd, r.stdout.toString().trim()));
    expect(text(b, 'boot/grub/grub.cfg')).toBe(maskSecrets(grubCfg));
    expect(text(b, 'boot/grub/grub.cfg').split('\n').slice(2, 6)).toEqual([
      'password_pbkdf2 redacted-by-ptdoctor',
      // a comment below a secret key is taken for part of its value (a commented-out list item can be a secret)
      '# redacted-by-ptdoctor',
      "menuentry 'Debian GNU/Linux' --class debian {",
      '\tlinux /boot/vmlinuz-6.1.0-57-amd64 root=UUID=4f1c2e0a ro quiet rd.iscsi.password=redacted-by-ptdoctor intel_iommu=on',
    ]);
    expect(text(b, 'proc/cmdline')).toBe(
      'BOOT_IMAGE=/boot/vmlinuz ro rd.iscsi.username=iqn.2024-01.lab rd.iscsi.password=redacted-by-ptdoctor iommu=pt\n',
    );
    expect(text(b, 'etc/modprobe.d/forms.conf')).toBe(maskSecrets(SECRET_FORMS));
    expect(text(b, 'etc/dracut.conf.d/random.conf')).toBe(maskSecrets(random));
    for (const [path, bytes] of b.files) {
      if (path === 'etc/dracut.conf.d/random.conf') continue;
      expect(bytes.toString('utf8'), path).not.toContain('CANARY');
    }
  });
});
