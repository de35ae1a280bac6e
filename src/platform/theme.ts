import type { Theme } from './platform.ts';

/**
 * devtools.panels.themeName is `default` or `dark` in Chromium and `light`/`dark` (or a custom
 * name) in Firefox; anything that is not dark renders light.
 */
export function themeFromName(name: unknown): Theme {
  return typeof name === 'string' && name.toLowerCase().includes('dark') ? 'dark' : 'light';
}

type NameListener = (name: string) => void;
interface ThemeEvent {
  addListener(cb: NameListener): void;
  removeListener(cb: NameListener): void;
}
interface Panels {
  themeName?: unknown;
  onThemeChanged?: ThemeEvent;
  setThemeChangeHandler?: (cb?: NameListener) => void;
}

interface Namespace {
  devtools?: { panels?: Panels };
}

/**
 * devtools.panels as this document has it, read from the browser's own namespace (no polyfill
 * needed for two properties and an event): Firefox's native `browser`, else Chromium's `chrome`
 * (Chromium 150 has no native `browser`). Extension panel documents get it in both browsers.
 */
function panels(): Panels | undefined {
  const global = globalThis as { browser?: Namespace; chrome?: Namespace };
  return global.browser?.devtools?.panels ?? global.chrome?.devtools?.panels;
}

/** The DevTools theme now; a browser that withholds it gets the OS preference. */
export function currentTheme(): Theme {
  const name = panels()?.themeName;
  if (name !== undefined) return themeFromName(name);
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * Follow live theme switches (issue 13: the panel kept the theme DevTools had when it opened).
 * Firefox fires `devtools.panels.onThemeChanged`; Chromium calls the one handler set with
 * `devtools.panels.setThemeChangeHandler` (https://developer.chrome.com/docs/extensions/reference/api/devtools/panels#method-setThemeChangeHandler).
 * Without either, the OS preference is followed. Returns the unsubscribe function.
 */
export function onThemeChanged(listener: (theme: Theme) => void): () => void {
  const handler = (name: string): void => listener(themeFromName(name));
  const event = panels()?.onThemeChanged;
  if (event !== undefined) {
    event.addListener(handler);
    return () => event.removeListener(handler);
  }
  const chromium = panels();
  if (typeof chromium?.setThemeChangeHandler === 'function') {
    chromium.setThemeChangeHandler(handler);
    return () => chromium.setThemeChangeHandler?.();
  }
  const query = matchMedia('(prefers-color-scheme: dark)');
  const onMedia = (): void => listener(query.matches ? 'dark' : 'light');
  query.addEventListener('change', onMedia);
  return () => query.removeEventListener('change', onMedia);
}
