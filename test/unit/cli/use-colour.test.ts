import { describe, expect, it } from 'vitest';
import { useColour } from '../../../src/cli/use-colour.ts';

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
