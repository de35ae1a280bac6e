import browser from 'webextension-polyfill';
import {
  readJudgingOptions,
  startCapture,
  type DevtoolsNetwork,
  type JudgingOptions,
} from './capture/index.ts';
import { captureChannelName } from './capture-channel.ts';
import { SETTINGS_KEY } from './platform.ts';
import { forwardSearch } from './panel-search.ts';

export const PANEL_TITLE = 'API Errors';

/**
 * Create the DevTools panel. The inspected tab id travels in the page URL so the panel can join
 * its devtools page's capture channel even where panel documents lack devtools.inspectedWindow.
 * DevTools' find bar reports to the panel object, which only this page holds: its events are
 * forwarded to the panel document (see panel-search.ts).
 */
async function createPanel(tabId: number): Promise<void> {
  const panel: unknown = await browser.devtools.panels.create(
    PANEL_TITLE,
    '/icons/icon-32.png',
    `/src/panel/panel.html?tab=${encodeURIComponent(String(tabId))}`,
  );
  forwardSearch(panel, tabId);
}

/**
 * Everything the devtools page does: capture starts first, so nothing finishing while the panel is
 * being created is missed, then the panel is created.
 */
export function startDevtoolsPage(): void {
  const tabId = browser.devtools.inspectedWindow.tabId;
  // The polyfill's typings describe the same three members with narrower listener types.
  const network = browser.devtools.network as unknown as DevtoolsNetwork;
  // Capture starts at once, judging by the built-in profiles until the user's and organisation's
  // settings are read (a few milliseconds), then by the profiles the panel classifies with.
  let judging: JudgingOptions = {};
  // Reads can overlap when settings change twice in a row: only the latest one is taken.
  let latestRead = 0;
  const readSettings = (): void => {
    const read = ++latestRead;
    readJudgingOptions(
      async () => (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY],
      () => browser.storage.managed.get(null),
    ).then(
      (options) => {
        if (read === latestRead) judging = options;
      },
      (error: unknown) => console.error('[api-errors] settings could not be read for capture', error),
    );
  };
  readSettings();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (area === 'local' && SETTINGS_KEY in changes)) readSettings();
  });
  startCapture(network, new BroadcastChannel(captureChannelName(tabId)), { judging: () => judging });
  createPanel(tabId).catch((error: unknown) =>
    console.error('[api-errors] could not create the panel', error),
  );
}
