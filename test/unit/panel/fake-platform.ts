import type { HarEntry } from '../../../src/core/har.ts';
import { HarJobs, type FromWorker, type HarWorkerPort } from '../../../src/panel/har-transfer/index.ts';
import {
  NOTHING_DROPPED,
  type CaptureBatch,
  type CaptureConnection,
} from '../../../src/platform/capture-channel.ts';
import type {
  CaptureLimits,
  CopyResult,
  Platform,
  SearchEvent,
  Theme,
} from '../../../src/platform/platform.ts';

/**
 * The panel's Platform seam, played by a plain object: it records what the panel asked of the
 * browser (copies, downloads, stored settings) and lets a test push capture batches.
 */
export class FakePlatform implements Platform {
  version = '0.0.0-test';
  stored: unknown = undefined;
  managed: unknown = undefined;
  writes: unknown[] = [];
  copies: string[] = [];
  copyResult: CopyResult = 'clipboard-api';
  downloads: { fileName: string; text: string; mimeType: string }[] = [];
  /** Blobs the panel saved (the sanitized HAR export). */
  blobDownloads: { fileName: string; blob: Blob }[] = [];
  #worker: HarWorkerPort | undefined;
  limits: CaptureLimits | undefined;
  #theme: Theme = 'light';
  #themeListener: ((theme: Theme) => void) | undefined;
  #searchListener: ((event: SearchEvent) => void) | undefined;
  #onBatch: ((batch: CaptureBatch) => unknown) | undefined;

  unanswered: (() => void) | undefined;

  connect(
    limits: CaptureLimits,
    onBatch: (batch: CaptureBatch) => unknown,
    onUnanswered?: () => void,
  ): CaptureConnection {
    this.limits = limits;
    this.#onBatch = onBatch;
    this.unanswered = onUnanswered;
    return {
      setLimits: (next) => (this.limits = next),
      close: () => (this.#onBatch = undefined),
    };
  }

  /**
   * What the devtools page would send: the buffered start, then live entries and navigations.
   * Resolves when the panel has taken the batch in (a large one is fed in time slices).
   */
  send(batch: CaptureBatch): Promise<void> {
    if (!this.#onBatch) throw new Error('the panel is not connected');
    return Promise.resolve(this.#onBatch(batch)).then(() => undefined);
  }

  entries(entries: HarEntry[], initial = false): Promise<void> {
    return this.send({
      initial,
      dropped: NOTHING_DROPPED,
      events: entries.map((entry) => ({ type: 'entry', entry })),
    });
  }

  navigate(url = 'https://shop.example/'): Promise<void> {
    return this.send({ initial: false, dropped: NOTHING_DROPPED, events: [{ type: 'navigated', url }] });
  }

  readSettings = async (): Promise<unknown> => this.stored;
  writeSettings = async (value: unknown): Promise<void> => {
    this.writes.push(value);
    this.stored = value;
  };
  readManagedSettings = async (): Promise<unknown> => this.managed;

  theme(): Theme {
    return this.#theme;
  }

  onThemeChanged(listener: (theme: Theme) => void): () => void {
    this.#themeListener = listener;
    return () => (this.#themeListener = undefined);
  }

  onSearch(listener: (event: SearchEvent) => void): () => void {
    this.#searchListener = listener;
    return () => (this.#searchListener = undefined);
  }

  /** What DevTools' find bar would report (the devtools page forwards it in Chromium). */
  search(event: SearchEvent): void {
    this.#searchListener?.(event);
  }

  setTheme(theme: Theme): void {
    this.#theme = theme;
    this.#themeListener?.(theme);
  }

  copyText = async (text: string): Promise<CopyResult> => {
    this.copies.push(text);
    return this.copyResult;
  };

  downloadText(fileName: string, text: string, mimeType: string): void {
    this.downloads.push({ fileName, text, mimeType });
  }

  downloadBlob(fileName: string, blob: Blob): void {
    this.blobDownloads.push({ fileName, blob });
  }

  /**
   * The HAR worker's real jobs, run in this thread: messages are delivered on a later task, as
   * postMessage does, so the store meets the same asynchrony as with a Worker.
   */
  harWorker(): HarWorkerPort {
    if (this.#worker) return this.#worker;
    const listeners = new Set<(message: FromWorker) => void>();
    const jobs = new HarJobs((message) =>
      setTimeout(() => listeners.forEach((listener) => listener(message)), 0),
    );
    this.#worker = {
      post: (message) => setTimeout(() => jobs.receive(message), 0),
      listen(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    return this.#worker;
  }
}
