import { describe, expect, it } from 'vitest';
import { EditList } from '../../../src/core/redact/index.ts';

/** The edits made the obvious way, to compare EditList against. */
function naive(text: string, edits: readonly (readonly [number, number, string])[]): string {
  let out = '';
  let copied = 0;
  for (const [from, to, piece] of edits) {
    out += text.slice(copied, from) + piece;
    copied = to;
  }
  return out + text.slice(copied);
}

function applied(text: string, edits: readonly (readonly [number, number, string])[]): string {
  const list = new EditList();
  for (const [from, to, piece] of edits) list.add(from, to, piece);
  return list.apply(text);
}

/** Every 97th character range of 5 replaced, with an occasional non-ASCII piece. */
function spreadEdits(length: number): [number, number, string][] {
  const edits: [number, number, string][] = [];
  for (let at = 3, n = 1; at + 5 < length; at += 97, n++)
    edits.push([at, at + 5, n % 50 === 0 ? `[naïve-€-${n}]` : `[name-${n}]`]);
  return edits;
}

describe('EditList', () => {
  it('returns the text itself when nothing was edited', () => {
    const text = 'x'.repeat(100_000);
    expect(new EditList().apply(text)).toBe(text);
  });

  it('applies edits to a short text, including at both ends and with empty ranges', () => {
    const edits = [
      [0, 2, 'A'],
      [5, 5, '+'],
      [8, 10, 'Z'],
    ] as const;
    expect(applied('0123456789', edits)).toBe('A234+567Z');
  });

  it('applies thousands of edits to a large text exactly as slicing would', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `{"k":"é${i}"}`).join(',');
    const edits = spreadEdits(text.length);
    expect(edits.length).toBeGreaterThan(2_000);
    expect(applied(text, edits)).toBe(naive(text, edits));
  });
});
