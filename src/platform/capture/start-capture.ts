import browser from 'webextension-polyfill';
import { CaptureHub } from './capture-hub.ts';
import { captureEntry } from './capture-entry.ts';
import { captureChannelName } from './capture-message.ts';
import { readRequestContent, type ContentSource } from './read-request-content.ts';

/**
 * Runs in the devtools page from the moment DevTools opens, so requests that finish before the
 * panel is first shown are not missed (the panel's own code only runs once it is shown).
 *
 * Why a BroadcastChannel: the devtools page and the panel are two same-origin extension documents
 * with no background page between them, and the extension has none (runtime messaging would need
 * one to relay). A BroadcastChannel connects same-origin documents directly; verified in
 * Chromium 156 and Firefox ESR 153 DevTools, where both documents share the extension's storage
 * partition. Naming it after the inspected tab keeps two DevTools windows apart.
 */
export function startCapture(tabId: number = browser.devtools.inspectedWindow.tabId): void {
  const hub = new CaptureHub(new BroadcastChannel(captureChannelName(tabId)));
  // Bodies arrive asynchronously and out of order; chaining emission keeps events in the order
  // the browser reported them (a navigation never overtakes the requests before it).
  let tail: Promise<unknown> = Promise.resolve();

  browser.devtools.network.onRequestFinished.addListener((request) => {
    const source = request as unknown as ContentSource;
    const pending = captureEntry(request, () => readRequestContent(source), hub.buffer.limits().maxBodyChars);
    tail = tail.then(() => pending).then((entry) => hub.emit({ type: 'entry', entry }), console.error);
  });
  browser.devtools.network.onNavigated.addListener((url) => {
    tail = tail.then(() => hub.emit({ type: 'navigated', url }));
  });
}
