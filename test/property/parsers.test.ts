/**
 * Parsers take evidence a customer's host (or an attacker) wrote. For every parser entry point:
 * arbitrary text and bytes, and real outputs mutated at random, never make it throw; long
 * adversarial lines (the shapes that make backtracking regexes go quadratic or exponential) finish
 * in bounded time. Bounds are generous on purpose: a linear parser takes milliseconds on these
 * inputs, a catastrophic one takes minutes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARSERS, realTexts } from './parser-table.js';

/** Arbitrary input: unicode text, raw bytes decoded as UTF-8 (as the bundle reader does), or line-shaped noise. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('utf8')),
  fc
    .array(fc.string({ unit: fc.constantFrom(...' \t:=[]().,"\'#\\$`{}-_/0123456789abcdefx\r'.split('')), maxLength: 60 }), {
      maxLength: 20,
    })
    .map((ls) => ls.join('\n')),
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 40 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.nat({ max: 200 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('dup-line' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('swap-char' as const),
    at: fc.nat(),
    ch: fc.constantFrom('\0', '\r', '\n', ' ', '=', '"', ':', '[', '\u001b', '\u202e', '\ufffd'),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, ops: readonly Mutation[]): string {
  let t = text;
  for (const op of ops) {
    const at = t.length === 0 ? 0 : op.at % (t.length + 1);
    switch (op.kind) {
      case 'insert':
        t = t.slice(0, at) + op.text + t.slice(at);
        break;
      case 'delete':
        t = t.slice(0, at) + t.slice(at + op.len);
        break;
      case 'truncate':
        t = t.slice(0, at);
        break;
      case 'dup-line': {
        const lines = t.split('\n');
        const i = lines.length === 0 ? 0 : op.at % lines.length;
        lines.splice(i, 0, lines[i] ?? '');
        t = lines.join('\n');
        break;
      }
      case 'swap-char':
        t = t.slice(0, at) + op.ch + t.slice(at + 1);
        break;
      default: {
        const never: never = op;
        throw new Error(`unknown mutation ${String(never)}`);
      }
    }
  }
  return t;
}

const N = 256 * 1024;
const rep = (unit: string, tail = ''): string => unit.repeat(Math.ceil(N / unit.length)) + tail;
/** Long lines shaped like the parsers' own syntax, each with a twist at the end that fails a match late. */
const ADVERSARIAL: ReadonlyArray<readonly [string, string]> = [
  ['a×N!', rep('a', '!')],
  ['spaces then x', rep(' ', 'x')],
  ['tabs', rep('\t', 'x')],
  ['equals', rep('=')],
  ['key=value chain', rep('a=b ', '"')],
  ['open quotes', rep('"')],
  ['single quotes', rep("'")],
  ['backslashes', rep('\\')],
  ['brackets', rep('[')],
  ['parens', rep('(')],
  ['colons', rep(':')],
  ['digits', rep('0')],
  ['pci domain prefix', rep('0000:')],
  ['pci slots', rep('00:00.0 ')],
  ['dotted numbers', `1${rep('.1')}`],
  ['dmesg timestamp prefix', rep('[    1.000000] ')],
  ['dmesg open timestamp', `[${rep(' ')}`],
  ['shell expansions', rep('${')],
  ['command substitution', rep('$(')],
  ['comment marks', rep('# ')],
  ['carriage returns', rep('\r')],
  ['bare newlines', rep('\n')],
  ['short lines', rep('a\n')],
  ['ids in brackets', rep('[8086:1234] ', '[')],
  ['driver lines', rep('\tKernel driver in use: ')],
  ['iommu group paths', rep('/sys/kernel/iommu_groups/')],
  ['unicode', rep('é\u202e\u0000')],
];

describe.each(PARSERS.map((p) => [p.name, p] as const))('%s', (_name, p) => {
  const real = realTexts(p);

  it('has real outputs to mutate', () => {
    expect(real.length).toBeGreaterThan(0);
  });

  it('never throws on arbitrary text or bytes', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        p.parse(t);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on mutated real output', () => {
    fc.assert(
      fc.property(fc.constantFrom(...real), fc.array(mutation, { minLength: 1, maxLength: 6 }), (text, ops) => {
        p.parse(mutate(text, ops));
      }),
      { numRuns: 150 },
    );
  });

  it.each(ADVERSARIAL)('a 256 KiB adversarial line (%s) finishes in bounded time', (_label, text) => {
    const started = performance.now();
    p.parse(text);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
