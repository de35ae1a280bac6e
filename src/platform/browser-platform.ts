import browser from 'webextension-polyfill';
import { captureChannelName, connectCapture, type CaptureConnection } from './capture-channel.ts';
import { copyText } from './copy-text.ts';
import type { HarWorkerPort } from '../panel/har-transfer/index.ts';
import { downloadBlob, downloadText } from './download.ts';
import { listenForSearch } from './panel-search.ts';
import { SETTINGS_KEY, type CaptureLimits, type Platform } from './platform.ts';
import { currentTheme, onThemeChanged } from './theme.ts';

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

/**
 * The panel's HAR worker, one per panel document. A worker that fails to start (or dies) is
 * reported to every listener as a job-0 error, so no import or export waits forever.
 */
function startHarWorker(): HarWorkerPort {
  const worker = new Worker(new URL('../panel/har-transfer/har-worker.ts', import.meta.url), {
    type: 'module',
  });
  return {
    post: (message) => worker.postMessage(message),
    listen(listener) {
      const onMessage = (event: MessageEvent): void => listener(event.data);
      const onError = (event: ErrorEvent): void =>
        listener({ job: 0, type: 'error', items: 0, message: event.message || 'the HAR worker stopped' });
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      return () => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
      };
    },
  };
}

/** The real browser behind the panel's Platform seam. */
export function browserPlatform(): Platform {
  let worker: HarWorkerPort | undefined;
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
    theme: currentTheme,
    onThemeChanged,
    onSearch: (listener) => listenForSearch(inspectedTabId(), listener),
    copyText: (text) => copyText(text),
    downloadText: (fileName, text, mimeType) => downloadText(fileName, text, mimeType),
    downloadBlob: (fileName, blob) => downloadBlob(fileName, blob),
    harWorker: () => (worker ??= startHarWorker()),
    version: browser.runtime.getManifest().version,
  };
}
