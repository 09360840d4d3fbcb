/**
 * The bounded edit distance behind "did you mean" (src/facts/edit-distance.ts), on keys as the
 * Cloudpods guides misspell them and the classic pairs of the Levenshtein literature.
 */
import { describe, expect, it } from 'vitest';
import { withinEdits } from '../../src/facts/edit-distance.js';

describe('withinEdits', () => {
  it('one insertion, one deletion, one substitution', () => {
    expect(withinEdits('hugepages_option', 'hugepages_options', 1)).toBe(true);
    expect(withinEdits('hugepages_options', 'hugepages_option', 1)).toBe(true);
    expect(withinEdits('disable_usb', 'disable_usr', 1)).toBe(true);
  });

  it('kitten → sitting is three edits', () => {
    expect(withinEdits('kitten', 'sitting', 3)).toBe(true);
    expect(withinEdits('kitten', 'sitting', 2)).toBe(false);
  });

  it('identical keys are zero edits apart; empty against a key is its length', () => {
    expect(withinEdits('disable_gpu', 'disable_gpu', 0)).toBe(true);
    expect(withinEdits('', 'abc', 3)).toBe(true);
    expect(withinEdits('', 'abc', 2)).toBe(false);
  });

  it('disable_gpu and disable_usb are three edits apart, not one', () => {
    expect(withinEdits('disable_gpu', 'disable_usb', 1)).toBe(false);
    expect(withinEdits('disable_gpu', 'disable_usb', 3)).toBe(true);
  });

  it('a key far longer than the other is rejected (a 300 KB key from a hostile host.conf)', () => {
    expect(withinEdits('x'.repeat(300_000), 'disable_gpu', 1)).toBe(false);
  });

  it('keys of equal length whose every row exceeds the bound end early with false', () => {
    expect(withinEdits('a'.repeat(5000), 'b'.repeat(5000), 1)).toBe(false);
  });
});
