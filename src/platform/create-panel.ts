import browser from 'webextension-polyfill';

export const PANEL_TITLE = 'API Errors';

/**
 * Create the DevTools panel. The inspected tab id travels in the page URL so the panel can join
 * its devtools page's capture channel even where panel documents lack devtools.inspectedWindow.
 */
export async function createPanel(tabId: number = browser.devtools.inspectedWindow.tabId): Promise<void> {
  await browser.devtools.panels.create(
    PANEL_TITLE,
    '/icons/icon-32.png',
    `/src/panel/panel.html?tab=${encodeURIComponent(String(tabId))}`,
  );
}
