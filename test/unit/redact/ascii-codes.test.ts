import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiCodes, PAST_ASCII, scratchCodes } from '../../../src/core/redact/ascii-codes.ts';

/** What asciiCodes promises, unit by unit: the code below 128, PAST_ASCII from 128 on. */
function expected(text: string, start = 0, end = text.length): number[] {
  const codes: number[] = [];
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    codes.push(code < 128 ? code : PAST_ASCII);
  }
  return codes;
}

/**
 * Texts mostly ASCII with units past it here and there (the usual body with a name in it), and
 * texts of any unit, lone surrogates included: UTF-8 spells each past ASCII in 2-4 bytes (a lone
 * surrogate as U+FFFD), so a copy that kept UTF-8's bytes would shift every index after one.
 */
const text = fc.oneof(
  fc
    .array(
      fc.oneof(
        fc.string({ unit: 'binary-ascii', maxLength: 40 }),
        fc.constantFrom('é', 'ß', '€', '😀', '\u0080', '\ud800', '\udfff', '٣'),
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

describe('asciiCodes', () => {
  it('keeps each unit at its index, every unit past ASCII read as PAST_ASCII', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect([...asciiCodes(value)], JSON.stringify(value)).toEqual(expected(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a range into a scratch array from index 0, whatever a longer range left in it', () => {
    fc.assert(
      fc.property(text, text, fc.nat(), fc.nat(), (longer, value, a, b) => {
        scratchCodes(`${longer}${longer}`, 0, longer.length * 2);
        const start = value.length === 0 ? 0 : a % value.length;
        const end = start + (value.length === start ? 0 : b % (value.length - start + 1));
        const codes = scratchCodes(value, start, end);
        expect([...codes.subarray(0, end - start)], JSON.stringify(value)).toEqual(
          expected(value, start, end),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('reads alike a long text whose units past ASCII fall anywhere, across chunk boundaries too', () => {
    // Chunks of 4096 units are encoded natively, and a chunk past ASCII folded back from UTF-8's
    // two, three and four bytes (a surrogate pair, two units) and a lone surrogate's U+FFFD.
    const long = fc
      .array(
        fc.tuple(fc.nat(12_287), fc.constantFrom('é', 'ÿ', '€', '😀', 'x😀', '\ud83d', '\ude00', '\u0080')),
        { maxLength: 8 },
      )
      .map((marks) => {
        const units = [...'x'.repeat(12_288)];
        for (const [at, unit] of marks) units[at] = unit;
        // A surrogate pair split by a chunk boundary, in one text in two.
        if (marks.length % 2 === 0) units.splice(4095, 2, '\ud83d', '\ude00');
        return units.join('');
      });
    fc.assert(
      fc.property(long, (value) => {
        expect([...asciiCodes(value)]).toEqual(expected(value));
      }),
      { numRuns: 100 },
    );
  });

  it('gives a range past the scratch limit an array of its own, read alike', () => {
    const long = `${'a'.repeat(1 << 20)}é${'b'.repeat(10)}`;
    const first = scratchCodes(long, 1, long.length);
    expect(first.length).toBe(long.length - 1);
    expect(first[(1 << 20) - 1]).toBe(PAST_ASCII);
    expect(first[1 << 20]).toBe('b'.charCodeAt(0));
    // A later range does not overwrite it.
    scratchCodes('zzzz', 0, 4);
    expect(first[0]).toBe('a'.charCodeAt(0));
  });
});
