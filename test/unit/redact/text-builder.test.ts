import { describe, expect, it } from 'vitest';
import { joinPieces, TextBuilder } from '../../../src/core/redact/index.ts';

/** Pieces of varied lengths, some past the length TextBuilder appends as they are. */
function pieces(count: number): string[] {
  return Array.from({ length: count }, (_, i) => (i % 97 === 0 ? `<${'x'.repeat(300 + i)}>` : `${i % 10}`));
}

describe('joinPieces', () => {
  it.each([0, 1, 4095, 4096, 4097, 9000, 40_000])(
    'equals Array.join for %i pieces, with and without a separator',
    (count) => {
      const parts = pieces(count);
      expect(joinPieces(parts)).toBe(parts.join(''));
      expect(joinPieces(parts, '&')).toBe(parts.join('&'));
    },
  );
});

describe('TextBuilder', () => {
  it.each([0, 1, 2, 4096, 4097, 20_000])('writes %i pieces in order, short and long alike', (count) => {
    const parts = pieces(count);
    const out = new TextBuilder();
    for (const part of parts) out.add(part);
    expect(out.text()).toBe(parts.join(''));
  });

  it('goes on after its text was read', () => {
    const out = new TextBuilder();
    out.add('a');
    out.add('b');
    expect(out.text()).toBe('ab');
    out.add('x'.repeat(300));
    out.add('c');
    expect(out.text()).toBe(`ab${'x'.repeat(300)}c`);
  });
});
