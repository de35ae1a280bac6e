import { describe, expect, it } from 'vitest';
import { oneLine, useColour } from '../../../src/cli/cli-io.ts';

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

describe('useColour', () => {
  it('colours a terminal unless NO_COLOR is set to something (no-color.org)', () => {
    expect(useColour(true, {})).toBe(true);
    expect(useColour(true, { NO_COLOR: '' })).toBe(true);
    expect(useColour(true, { NO_COLOR: '1' })).toBe(false);
  });

  it('never colours a pipe or a file', () => {
    expect(useColour(false, {})).toBe(false);
  });
});
