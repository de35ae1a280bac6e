import type { Theme } from './platform.ts';

/**
 * devtools.panels.themeName is `default` or `dark` in Chromium and `light`/`dark` (or a custom
 * name) in Firefox; anything that is not dark renders light.
 */
export function themeFromName(name: unknown): Theme {
  return typeof name === 'string' && name.toLowerCase().includes('dark') ? 'dark' : 'light';
}
