import { describe, expect, it } from 'vitest';
import { oneLine, ProgressLine, useColour } from '../../../src/cli/cli-io.ts';
import { captureIo } from './capture-io.ts';

const MB = 1024 * 1024;

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

describe('ProgressLine', () => {
  const lines = (options: { stderrIsTTY: boolean }, total: number | undefined, steps: number[]): string => {
    const run = captureIo(options);
    const progress = new ProgressLine(run.io, 'triage: reading big.har', total);
    for (const bytes of steps) progress.update(bytes, Math.floor(bytes / 1000));
    progress.clear();
    return run.stderr();
  };

  it('draws one line in place on a terminal for a large file, and erases it', () => {
    const text = lines({ stderrIsTTY: true }, 200 * MB, [50 * MB]);
    expect(text).toBe(`\r\u001b[2Ktriage: reading big.har: 50 MB of 200 MB (25 %), 52428 entries\r\u001b[2K`);
  });

  it('says nothing into a log file, nor for a small file', () => {
    expect(lines({ stderrIsTTY: false }, 200 * MB, [50 * MB])).toBe('');
    expect(lines({ stderrIsTTY: true }, 1 * MB, [MB / 2])).toBe('');
  });

  it('starts for standard input once a large amount was read', () => {
    expect(lines({ stderrIsTTY: true }, undefined, [MB])).toBe('');
    expect(lines({ stderrIsTTY: true }, undefined, [100 * MB])).toMatch(/reading big\.har: 100 MB, /);
  });
});
