import browser from 'webextension-polyfill';
import { CaptureBuffer } from './capture-buffer.ts';
import { captureEntry } from './capture-entry.ts';
import {
  captureChannelName,
  type CaptureEvent,
  type CaptureMessage,
  type PanelMessage,
} from './capture-message.ts';
import { readRequestContent, type ContentSource } from './read-request-content.ts';

/**
 * Runs in the devtools page from the moment DevTools opens, so requests that finish before the
 * panel is first shown are not missed.
 *
 * Why a BroadcastChannel: the devtools page and the panel are two same-origin extension documents
 * with no background page between them. runtime messaging would need a background script (and in
 * Chromium does not deliver a devtools page's messages to the panel without one); a BroadcastChannel
 * connects same-origin documents directly in both Chromium and Firefox, and naming it after the
 * inspected tab keeps two DevTools windows apart.
 */
export function startCapture(tabId: number = browser.devtools.inspectedWindow.tabId): void {
  const channel = new BroadcastChannel(captureChannelName(tabId));
  const buffer = new CaptureBuffer();
  const post = (message: CaptureMessage): void => channel.postMessage(message);
  // Bodies arrive asynchronously and out of order; chaining emission keeps events in the order
  // the browser reported them (a navigation never overtakes the requests before it).
  let tail: Promise<unknown> = Promise.resolve();
  const emit = (event: CaptureEvent): void => {
    const live = buffer.push(event);
    if (live) post({ type: 'batch', batch: { initial: false, events: [live], dropped: 0 } });
  };

  channel.onmessage = (message: MessageEvent<PanelMessage>) => {
    const data = message.data;
    if (data.type === 'hello') post({ type: 'batch', batch: buffer.attach(data.limits) });
    else if (data.type === 'bye') buffer.detach();
  };

  browser.devtools.network.onRequestFinished.addListener((request) => {
    const source = request as unknown as ContentSource;
    const pending = captureEntry(request, () => readRequestContent(source), buffer.limits().maxBodyChars);
    tail = tail.then(() => pending).then((entry) => emit({ type: 'entry', entry }), console.error);
  });
  browser.devtools.network.onNavigated.addListener((url) => {
    tail = tail.then(() => emit({ type: 'navigated', url }));
  });
}
