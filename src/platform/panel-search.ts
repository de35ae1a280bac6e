/**
 * DevTools' find bar for the API Errors panel (issue 13: Ctrl+F). In Chromium, Ctrl+F over an
 * extension panel opens DevTools' own search bar and reports what the user does there as the
 * panel object's `onSearch` events (https://developer.chrome.com/docs/extensions/reference/api/devtools/panels#event-ExtensionPanel-onSearch).
 * That object lives in the devtools page, so the devtools page forwards each event to the panel
 * document over a BroadcastChannel per inspected tab (the same reasoning as the capture channel:
 * two same-origin extension documents, no background page). Firefox's panels have no search
 * events; there Ctrl+F is the panel's own key handling.
 */

export type SearchAction = 'performSearch' | 'nextSearchResult' | 'previousSearchResult' | 'cancelSearch';

export interface SearchEvent {
  action: SearchAction;
  /** The search bar's text, with performSearch. */
  query?: string;
}

const ACTIONS: ReadonlySet<string> = new Set([
  'performSearch',
  'nextSearchResult',
  'previousSearchResult',
  'cancelSearch',
]);

export function searchChannelName(tabId: number): string {
  return `api-errors-search:${tabId}`;
}

interface SearchEventSource {
  addListener(cb: (action: string, query?: string) => void): void;
}

/** A message from the channel, checked: anything else on it is ignored. */
export function asSearchEvent(data: unknown): SearchEvent | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { action, query } = data as { action?: unknown; query?: unknown };
  if (typeof action !== 'string' || !ACTIONS.has(action)) return undefined;
  const event: SearchEvent = { action: action as SearchAction };
  if (typeof query === 'string') event.query = query;
  return event;
}

/** In the devtools page: forward the panel object's search events to the panel document. */
export function forwardSearch(panel: unknown, tabId: number): void {
  const onSearch = (panel as { onSearch?: SearchEventSource } | undefined)?.onSearch;
  if (onSearch === undefined) return;
  const channel = new BroadcastChannel(searchChannelName(tabId));
  onSearch.addListener((action, query) => {
    const event = asSearchEvent({ action, query });
    if (event !== undefined) channel.postMessage(event);
  });
}

/** In the panel document: receive the forwarded events. Returns the unsubscribe function. */
export function listenForSearch(tabId: number, listener: (event: SearchEvent) => void): () => void {
  const channel = new BroadcastChannel(searchChannelName(tabId));
  channel.onmessage = (message: MessageEvent) => {
    const event = asSearchEvent(message.data);
    if (event !== undefined) listener(event);
  };
  return () => channel.close();
}
