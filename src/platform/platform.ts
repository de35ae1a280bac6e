import type { HarWorkerPort } from '../panel/har-transfer/index.ts';
import type { CaptureBatch, CaptureConnection, CaptureLimits } from './capture-channel.ts';
import type { SearchEvent } from './panel-search.ts';

export type { CaptureLimits } from './capture-channel.ts';
export type { SearchEvent } from './panel-search.ts';

export type Theme = 'light' | 'dark';

/** The browser.storage.local key of the user's settings (the panel writes it, the devtools page reads it). */
export const SETTINGS_KEY = 'settings';

/** Which clipboard path worked: the async Clipboard API, the execCommand fallback, or neither. */
export type CopyResult = 'clipboard-api' | 'exec-command' | 'failed';

/**
 * Everything the panel needs from the browser, as one small interface. The real implementation
 * (`browserPlatform`) wraps the extension APIs; component tests pass a fake object instead of
 * mocking `browser.*` chains, so the store and components run unchanged in happy-dom.
 */
export interface Platform {
  /**
   * Subscribe to the devtools page's capture stream. The first batch is the buffer of what was
   * captured before the panel existed (`initial: true`, including what DevTools had recorded
   * before the devtools page listened); later batches carry live events.
   */
  connect(
    limits: CaptureLimits,
    onBatch: (batch: CaptureBatch) => unknown,
    onUnanswered?: () => void,
  ): CaptureConnection;
  /** Settings stored by the user (browser.storage.local); undefined when nothing is stored. */
  readSettings(): Promise<unknown>;
  writeSettings(value: unknown): Promise<void>;
  /** Organisation presets (browser.storage.managed); undefined where the browser has none. */
  readManagedSettings(): Promise<unknown>;
  theme(): Theme;
  /** Calls back when the DevTools theme changes; returns the unsubscribe function. */
  onThemeChanged(listener: (theme: Theme) => void): () => void;
  /** DevTools' find bar over this panel (Chromium only); returns the unsubscribe function. */
  onSearch(listener: (event: SearchEvent) => void): () => void;
  copyText(text: string): Promise<CopyResult>;
  downloadText(fileName: string, text: string, mimeType: string): void;
  /** Save a Blob (a sanitized HAR written as parts by the HAR worker). */
  downloadBlob(fileName: string, blob: Blob): void;
  /**
   * The HAR worker, started on first use: imports and exports read, parse and sanitize there, off
   * the panel's main thread (issue 12).
   */
  harWorker(): HarWorkerPort;
  /** The extension version, for the HAR `creator` of exports. */
  version: string;
}
