import { defineRule } from '../src/engine/define-rule.js';
import { keepBootLog } from '../src/fixes/recollect.js';

/** A first line stamped earlier than this (seconds) is from boot time: the excerpt was cut from a log that held it. */
const BOOT_SECONDS = 5;

export default defineRule({
  id: 'dmesg-truncated',
  title: 'The kernel log no longer holds the boot messages',
  severity: 'info',
  tags: ['evidence', 'dmesg'],
  source: 'Issue catalog: the ring buffer no longer holds the boot messages',
  needs: ['kernelLog'],
  messages: {
    complete: 'The kernel log ({{source}}) starts at boot.',
    rotated:
      'The kernel log ({{source}}) starts at {{first}} s, after boot: the IOMMU, interrupt remapping and firmware table messages have rotated out, so firmware checks rely on the ACPI table list and their absence from the log proves nothing.',
    capped: "The kernel log ({{source}}) was cut at the collector's size limit: later device messages may be missing.",
    part: 'The kernel log ({{source}}) starts at {{first}} s but without the "Linux version" line every boot log opens with: it is a part of the log (a grep, a copied excerpt), so the absence of a message from it proves nothing.',
  },
  check({ kernelLog }, r) {
    const k = kernelLog.value;
    // Boot-time stamps without the banner: an excerpt, not a ring buffer that wrapped.
    if (!k.hasBootMessages && k.firstTime !== null && k.firstTime < BOOT_SECONDS)
      return r.fail('part', { source: k.source, first: k.firstTime }, kernelLog.evidence, keepBootLog());
    if (!k.hasBootMessages)
      return r.fail('rotated', { source: k.source, first: k.firstTime ?? 'an unknown time' }, kernelLog.evidence, keepBootLog());
    if (k.truncated) return r.fail('capped', { source: k.source }, kernelLog.evidence, keepBootLog());
    return r.pass('complete', { source: k.source }, kernelLog.evidence);
  },
});
