import { defineRule } from '../src/engine/define-rule.js';
import type { BootConfigFacts } from '../src/facts/model.js';
import { missingPassthrough } from '../src/facts/passthrough-params.js';
import { regenerateBootConfig } from '../src/fixes/regenerate-boot-config.js';

type GrubCfgCopy = BootConfigFacts['grubCfgs'][number];

/** The full (non-stub) grub.cfg of the other boot mode: a RHEL-like BIOS host reads /boot/grub2, a UEFI host the ESP copy. */
const otherModeCopy = (copies: readonly GrubCfgCopy[], active: string): GrubCfgCopy | undefined =>
  copies.find(
    (c) =>
      !c.stub &&
      c.file !== active &&
      (active.startsWith('/boot/efi/EFI/') ? c.file === '/boot/grub2/grub.cfg' : c.file.startsWith('/boot/efi/EFI/')),
  );

export default defineRule({
  id: 'grub-wrong-config-path',
  title: 'grub.cfg was regenerated at the path of the other boot mode',
  severity: 'error',
  tags: ['boot', 'grub', 'uefi'],
  source: 'Guide "Edit GRUB": grub2-mkconfig -o /boot/grub2/grub.cfg (BIOS) versus -o /boot/efi/EFI/<id>/grub.cfg (UEFI)',
  needs: ['bootConfig', 'host'],
  messages: {
    rightCopy: 'The grub.cfg this {{mode}} host boots from, {{active}}, carries the passthrough parameters of {{sources}}.',
    wrongCopy:
      "This host boots in {{mode}} mode from {{active}}, which lacks {{params}}; {{other}} carries them — it was regenerated instead, with the guide's command for the other boot mode, and the firmware never reads it.",
    notGrubMkconfig:
      'The host boots with {{bootloader}}: kernel options are not taken from a regenerated grub.cfg, so the grub.cfg path does not matter.',
    noOtherCopy:
      'No grub.cfg of the other boot mode carries the parameters; {{active}} lacks {{params}} only because it was not regenerated (see grub-not-regenerated).',
    bootMode: 'The boot mode (BIOS or UEFI) is not in the bundle, so the grub.cfg the host reads is unknown.',
  },
  check({ bootConfig, host }, r) {
    const b = bootConfig.value;
    // Debian-like grub reads /boot/grub/grub.cfg in both modes; BLS and systemd-boot carry options elsewhere.
    if (b.bootloader !== 'grub' || host.value.distro === 'debian-like' || host.value.distro === 'proxmox')
      return r.skip('notGrubMkconfig', {
        bootloader: b.bootloader === 'grub' ? `${host.value.distroName ?? 'Debian'} grub (update-grub)` : b.bootloader,
      });
    if (b.bootMode === null) return r.unknown('bootMode', {}, ['ls /sys/firmware/efi']);
    const generated = b.sources.find((s) => s.role === 'generated');
    const sources = b.sources.filter((s) => s.role === 'source');
    if (!generated || b.activeGrubCfg === null)
      return r.unknown(
        'bootMode',
        {},
        b.unreadable.map((u) => u.collect).concat(['sudo ls -l /boot/grub2/grub.cfg /boot/efi/EFI/*/grub.cfg']),
      );
    const missing = missingPassthrough(
      sources.flatMap((s) => s.params),
      generated.params,
    );
    const copy = otherModeCopy(b.grubCfgs, b.activeGrubCfg);
    const other = copy && missingPassthrough(missing, copy.params ?? []).length < missing.length ? copy.file : undefined;
    const mode = b.bootMode === 'uefi' ? 'UEFI' : 'BIOS';
    const names = [...new Set(sources.map((s) => s.file))].join(', ');
    if (missing.length > 0 && other === undefined)
      return r.skip('noOtherCopy', { active: b.activeGrubCfg, params: missing.map((p) => p.raw).join(' ') });
    if (missing.length === 0 || other === undefined)
      return r.pass('rightCopy', { mode, active: b.activeGrubCfg, sources: names }, [generated.ref, ...sources.map((s) => s.ref)]);
    const raws = missing.map((p) => p.raw);
    const fix = regenerateBootConfig(host.value, raws, `Regenerate ${b.activeGrubCfg}, the file this ${mode} host reads`);
    const caveats = [
      `${other} is not read in ${mode} mode; remove it or leave it, but do not regenerate it instead of ${b.activeGrubCfg}.`,
      'RHEL 9.3+/Fedora 34+ UEFI hosts keep a stub at /boot/efi/EFI/<id>/grub.cfg that loads /boot/grub2/grub.cfg: on those, regenerate /boot/grub2/grub.cfg and never write the stub path.',
    ];
    return r.fail(
      'wrongCopy',
      { mode, active: b.activeGrubCfg, other, params: raws.join(' ') },
      [...sources.filter((s) => s.params.some((p) => missing.includes(p))).map((s) => s.ref), generated.ref, ...(copy ? [copy.ref] : [])],
      { ...fix, caveats: [...(fix.caveats ?? []), ...caveats] },
    );
  },
});
