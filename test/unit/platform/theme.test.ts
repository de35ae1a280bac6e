import { afterEach, describe, expect, it } from 'vitest';
import { currentTheme, onThemeChanged, themeFromName } from '../../../src/platform/theme.ts';
import type { Theme } from '../../../src/platform/platform.ts';

const global = globalThis as { chrome?: unknown; browser?: unknown };

afterEach(() => {
  delete global.chrome;
  delete global.browser;
});

describe('themeFromName', () => {
  it('maps Chromium and Firefox theme names', () => {
    expect(themeFromName('default')).toBe('light');
    expect(themeFromName('light')).toBe('light');
    expect(themeFromName('dark')).toBe('dark');
    expect(themeFromName(undefined)).toBe('light');
  });
});

describe('onThemeChanged', () => {
  it('follows Chromium’s setThemeChangeHandler and lets go on unsubscribe', () => {
    let handler: ((name: string) => void) | undefined;
    global.chrome = {
      devtools: {
        panels: {
          themeName: 'default',
          setThemeChangeHandler: (cb?: (name: string) => void) => (handler = cb),
        },
      },
    };
    const seen: Theme[] = [];
    expect(currentTheme()).toBe('light');
    const stop = onThemeChanged((theme) => seen.push(theme));
    handler?.('dark');
    handler?.('default');
    expect(seen).toEqual(['dark', 'light']);
    stop();
    expect(handler).toBeUndefined();
  });

  it('follows Firefox’s onThemeChanged event', () => {
    const listeners = new Set<(name: string) => void>();
    global.browser = {
      devtools: {
        panels: {
          themeName: 'dark',
          onThemeChanged: {
            addListener: (cb: (name: string) => void) => listeners.add(cb),
            removeListener: (cb: (name: string) => void) => listeners.delete(cb),
          },
        },
      },
    };
    const seen: Theme[] = [];
    expect(currentTheme()).toBe('dark');
    const stop = onThemeChanged((theme) => seen.push(theme));
    for (const cb of listeners) cb('light');
    expect(seen).toEqual(['light']);
    stop();
    expect(listeners.size).toBe(0);
  });
});
