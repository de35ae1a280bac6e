import browser from 'webextension-polyfill';
import { captureChannelName, connectCapture, type CaptureConnection } from './capture-channel.ts';
import { copyText } from './copy-text.ts';
import { downloadText } from './download-text.ts';
import type { CaptureLimits, Platform, Theme } from './platform.ts';
import { themeFromName } from './theme-from-name.ts';

const SETTINGS_KEY = 'settings';

function inspectedTabId(): number {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromUrl) && location.search.includes('tab=')) return fromUrl;
  return browser.devtools.inspectedWindow.tabId;
}

function connect(
  limits: CaptureLimits,
  onBatch: Parameters<Platform['connect']>[1],
  onUnanswered?: () => void,
): CaptureConnection {
  const channel = new BroadcastChannel(captureChannelName(inspectedTabId()));
  const connection = connectCapture(channel, limits, onBatch, onUnanswered ? { onUnanswered } : {});
  // The devtools page must know when this document goes away, to buffer again for the next one.
  addEventListener('pagehide', () => connection.close(), { once: true });
  return connection;
}

function onThemeChanged(listener: (theme: Theme) => void): () => void {
  // Firefox fires onThemeChanged; Chromium has no such event (its theme is fixed until DevTools
  // reloads the panel), so the absence is fine.
  const event = (browser.devtools as typeof browser.devtools | undefined)?.panels?.onThemeChanged as
    | { addListener(cb: (name: string) => void): void; removeListener(cb: (name: string) => void): void }
    | undefined;
  if (!event) return () => undefined;
  const handler = (name: string): void => listener(themeFromName(name));
  event.addListener(handler);
  return () => event.removeListener(handler);
}

/** The real browser behind the panel's Platform seam. */
export function browserPlatform(): Platform {
  return {
    connect,
    async readSettings() {
      const stored = await browser.storage.local.get(SETTINGS_KEY);
      return stored[SETTINGS_KEY];
    },
    async writeSettings(value) {
      await browser.storage.local.set({ [SETTINGS_KEY]: value });
    },
    async readManagedSettings() {
      // Managed storage needs an enterprise policy (Chromium) or a managed-storage manifest
      // (Firefox); without one the call rejects, which simply means "no presets".
      try {
        return await browser.storage.managed.get(null);
      } catch {
        return undefined;
      }
    },
    theme: () => {
      // Panel documents get devtools.panels in Chromium; if a browser withholds it, follow the OS.
      const name: unknown = (browser.devtools as typeof browser.devtools | undefined)?.panels?.themeName;
      if (name !== undefined) return themeFromName(name);
      return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    },
    onThemeChanged,
    copyText: (text) => copyText(text),
    downloadText: (fileName, text, mimeType) => downloadText(fileName, text, mimeType),
    version: browser.runtime.getManifest().version,
  };
}
