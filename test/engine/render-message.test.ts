/**
 * Rule messages filled from their data (src/engine/render-message.ts): the templates are the
 * rules' own (rules/*.ts), rendered as plain text.
 */
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/engine/render-message.js';

describe('renderMessage', () => {
  it('fills every placeholder, at the start, the end and side by side', () => {
    expect(renderMessage('{{device}} is in group {{group}}', { device: '0000:01:00.0', group: 12 })).toBe('0000:01:00.0 is in group 12');
    expect(renderMessage('group {{group}}{{suffix}}', { group: 3, suffix: '.' })).toBe('group 3.');
    expect(renderMessage('no placeholder', { device: 'x' })).toBe('no placeholder');
    expect(renderMessage('', {})).toBe('');
  });

  it('leaves a placeholder its data lacks as written, and never expands what a value holds', () => {
    expect(renderMessage('{{device}} on {{driver}}', { device: '0000:01:00.0' })).toBe('0000:01:00.0 on {{driver}}');
    expect(renderMessage('{{a}} {{b}}', { a: '{{b}}', b: '$& $1' })).toBe('{{b}} $& $1');
  });

  it('the same template with other data gives the other text (the split template is reused, not the result)', () => {
    const t = 'IOMMU group {{group}} of {{device}}';
    expect(renderMessage(t, { group: 1, device: 'a' })).toBe('IOMMU group 1 of a');
    expect(renderMessage(t, { group: 2, device: 'b' })).toBe('IOMMU group 2 of b');
  });
});
