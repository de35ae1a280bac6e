import browser from 'webextension-polyfill';
import { forwardSearch } from './panel-search.ts';

export const PANEL_TITLE = 'API Errors';

/**
 * Create the DevTools panel. The inspected tab id travels in the page URL so the panel can join
 * its devtools page's capture channel even where panel documents lack devtools.inspectedWindow.
 * DevTools' find bar reports to the panel object, which only this page holds: its events are
 * forwarded to the panel document (see panel-search.ts).
 */
export async function createPanel(tabId: number = browser.devtools.inspectedWindow.tabId): Promise<void> {
  const panel: unknown = await browser.devtools.panels.create(
    PANEL_TITLE,
    '/icons/icon-32.png',
    `/src/panel/panel.html?tab=${encodeURIComponent(String(tabId))}`,
  );
  forwardSearch(panel, tabId);
}
