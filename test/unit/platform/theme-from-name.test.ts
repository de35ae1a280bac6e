import { describe, expect, it } from 'vitest';
import { themeFromName } from '../../../src/platform/theme-from-name.ts';

describe('themeFromName', () => {
  it('maps Chromium and Firefox theme names', () => {
    expect(themeFromName('default')).toBe('light');
    expect(themeFromName('light')).toBe('light');
    expect(themeFromName('dark')).toBe('dark');
    expect(themeFromName(undefined)).toBe('light');
  });
});
