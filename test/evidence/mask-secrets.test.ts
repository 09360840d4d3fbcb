import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSecretKey, maskSecrets, SECRET_MARK } from '../../src/evidence/mask-secrets.js';
import { SECRET_FORMS, SECRET_FORMS_MASKED } from '../collector/secret-forms.js';

describe('maskSecrets', () => {
  it('masks every seeded form and leaves the other lines as they are (the collector gives the same text)', () => {
    const masked = maskSecrets(SECRET_FORMS);
    expect(masked).not.toContain('CANARY');
    expect(masked.split('\n')).toEqual(SECRET_FORMS_MASKED.split('\n'));
  });

  it('leaves text it (or the collector) masked as it is: masking twice changes nothing', () => {
    expect(maskSecrets(SECRET_FORMS_MASKED)).toBe(SECRET_FORMS_MASKED);
  });

  it('keeps a last line without a newline without one; a CR ending a masked value goes with it', () => {
    expect(maskSecrets('a: 1\npassword: x')).toBe(`a: 1\npassword: ${SECRET_MARK}`);
    expect(maskSecrets('password: x\r\nregion: r0\r\n')).toBe(`password: ${SECRET_MARK}\nregion: r0\r\n`);
  });

  it('masks a comment inside the block of a secret key, and a commented-out secret', () => {
    expect(maskSecrets('secret_keys:\n# old ones\n- a\nregion: r0\n# password: old\n')).toBe(
      `secret_keys:\n# ${SECRET_MARK}\n- ${SECRET_MARK}\nregion: r0\n# password: ${SECRET_MARK}\n`,
    );
  });

  it('names secrets by words, misspellings included, and leaves look-alikes', () => {
    for (const k of [
      'admin_password',
      'admin_passwd',
      'ADMIN_PASSWORD',
      'admin_pasword',
      'pwd',
      'db_pw',
      'dbPw',
      'pass',
      'dbPass',
      'passphrase',
    ])
      expect(isSecretKey(k), k).toBe(true);
    for (const k of [
      's3_secret_key',
      'etcd_key',
      'api_key',
      'apiKey',
      'ssh_keys',
      'private',
      'bearer',
      'Authorization',
      'auth_token_cache_size',
    ])
      expect(isSecretKey(k), k).toBe(true);
    for (const k of ['cert_pem', 'certPem', 'telegraf_kafka_output_sasl_password', 'credentials']) expect(isSecretKey(k), k).toBe(true);
    for (const k of [
      'disable_passthrough_with_vendor_device_id',
      'iommu.passthrough',
      'arm-smmu-v3.disable_bypass',
      'chntpw_path',
      'sort-key',
      'keyboard',
      'vconsole.keymap',
      'hugepages_option',
      'listen_interface',
      'auth_url',
      'etcd_cacert',
    ])
      expect(isSecretKey(k), k).toBe(false);
  });

  it('changes no line of the real configuration files in the fixtures (no secret in them)', () => {
    const dirs = [
      'default-grub',
      'grub-cfg',
      'modprobe-d',
      'cmdline',
      'bls-entry',
      'dracut-conf',
      'os-release',
      'kernel-cmdline-file',
      'grubenv',
    ];
    let files = 0;
    for (const d of dirs) {
      for (const f of readdirSync(join('test/fixtures', d))) {
        const p = join('test/fixtures', d, f);
        if (statSync(p).isDirectory() || f.endsWith('.md')) continue;
        const text = readFileSync(p, 'utf8');
        expect(maskSecrets(text), p).toBe(text);
        files++;
      }
    }
    for (const f of ['host-conf-guide-keys.conf', 'host-conf-guide-typos.conf', 'host-conf-native.conf']) {
      const text = readFileSync(join('test/fixtures/cloudpods', f), 'utf8');
      expect(maskSecrets(text), f).toBe(text);
      files++;
    }
    expect(files).toBeGreaterThan(20);
  });

  it('masks the token of a captured request header in a log line', () => {
    const line = readFileSync('test/fixtures/cloudpods/host-log-usb-registed.txt', 'utf8').split('\n')[0] ?? '';
    expect(line).toContain('"X-Auth-Token":"*"');
    expect(maskSecrets(line)).toContain(`"X-Auth-Token":"${SECRET_MARK}"`);
  });

  it('stays linear on hostile lines', () => {
    const lines = [
      'a=password='.repeat(100_000),
      `password: ${'"'.repeat(200_000)}`,
      `x: ${'u:p@'.repeat(100_000)}`,
      `{${'token: "\\"'.repeat(50_000)}`,
      `${'@'.repeat(300_000)}`,
      `-----BEGIN${'-'.repeat(300_000)}`,
    ];
    for (const l of lines) {
      const t0 = performance.now();
      maskSecrets(l);
      expect(performance.now() - t0, l.slice(0, 20)).toBeLessThan(1000);
    }
  });
});
