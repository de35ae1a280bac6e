import { describe, expect, it } from 'vitest';
import { oneLine } from '../../../src/cli/one-line.ts';

describe('oneLine', () => {
  it('turns line breaks and control characters quoted from a binary file into spaces', () => {
    expect(oneLine('Unexpected token \u0000, "\u0089PNG\r\n\u001a\n" is not valid JSON')).toBe(
      'Unexpected token , " PNG " is not valid JSON',
    );
  });

  it('cuts a long message with an ellipsis', () => {
    expect(oneLine('x'.repeat(1000), 20)).toBe(`${'x'.repeat(19)}…`);
  });
});
