/**
 * Everything that depends on Chromium's DevTools internals, in one file, so a browser update is a
 * one-file fix. Used by `npm start` and by the Chromium e2e tests.
 *
 * Internals relied on (verified on Chromium 156, see ../shared/TESTING.md):
 * - an extension panel registers in the DevTools front-end as `UI.panels['chrome-extension://<id><title
 *   without spaces>']` once the devtools page has called panels.create;
 * - `InspectorView.instance().showPanel(id)` from `ui/legacy/legacy.js` switches to it;
 * - the panel document is an out-of-process iframe of the DevTools page;
 * - `NetworkLog.instance().requests()` from `models/logs/logs.js` is what the Network panel lists.
 */
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { hostResolverRules } from './host-resolver-rules.ts';

export const PANEL_TITLE = 'API Errors';
const PANEL_PATH = '/src/panel/panel.html';

export interface ChromiumOptions {
  executablePath: string;
  headless: boolean;
  /** Extra command-line switches (e.g. a window size). */
  args?: readonly string[];
}

/**
 * Chromium with extension loading over CDP (`pipe` + `enableExtensions`, which
 * `browser.installExtension` needs) and the providers' hosts mapped to the loopback address.
 */
export function launchChromium(options: ChromiumOptions): Promise<Browser> {
  return puppeteer.launch({
    executablePath: options.executablePath,
    headless: options.headless,
    pipe: true,
    enableExtensions: true,
    defaultViewport: null,
    args: [
      // Chromium refuses to sandbox as root, and CI containers often lack the user namespaces it
      // needs; elsewhere keep the sandbox and spare the user the "unsupported flag" warning bar.
      ...(process.getuid?.() === 0 || process.env['CI'] ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-dev-shm-usage',
      `--host-resolver-rules=${hostResolverRules()}`,
      ...(options.args ?? []),
    ],
  });
}

const panelId = (extensionId: string): string =>
  `chrome-extension://${extensionId}${PANEL_TITLE.replace(/\s/g, '')}`;

/** Opens DevTools for `page` and waits until our devtools page has registered the panel. */
export async function openDevtools(page: Page, extensionId: string, timeout = 60_000): Promise<Page> {
  const devtools = await page.openDevTools();
  await devtools.waitForFunction(
    (id: string) => {
      const ui = (globalThis as { UI?: { panels?: Record<string, unknown> } }).UI;
      return ui?.panels?.[id] !== undefined;
    },
    { timeout, polling: 50 },
    panelId(extensionId),
  );
  return devtools;
}

/** Switches DevTools to the API Errors panel and returns the panel's frame once it has rendered. */
export async function showPanel(devtools: Page, extensionId: string, timeout = 60_000): Promise<Frame> {
  await devtools.evaluate(async (id: string) => {
    // DevTools' own module, resolved relative to the front-end's URL; not a file of this project.
    const legacy = './ui/legacy/legacy.js';
    const { InspectorView } = await import(legacy);
    await InspectorView.InspectorView.instance().showPanel(id);
  }, panelId(extensionId));
  const prefix = `chrome-extension://${extensionId}${PANEL_PATH}`;
  const frame = await devtools.waitForFrame((f) => f.url().startsWith(prefix), { timeout });
  await frame.waitForSelector('#app > *', { timeout });
  return frame;
}

/** Undocks DevTools into its own window so the panel gets the whole viewport (screenshots). */
export async function undockDevtools(devtools: Page): Promise<void> {
  await devtools.evaluate(async () => {
    const legacy = './ui/legacy/legacy.js';
    const { DockController } = await import(legacy);
    DockController.DockController.instance().setDockSide('undocked');
  });
}

/**
 * Switches DevTools' theme the way its Settings › Appearance does (`ui-theme`: 'default' light,
 * 'dark', 'systemPreferred'), live: extension panels learn of it through setThemeChangeHandler.
 */
export async function setDevtoolsTheme(devtools: Page, theme: 'default' | 'dark'): Promise<void> {
  await devtools.evaluate(async (value: string) => {
    const common = './core/common/common.js';
    const { Settings } = await import(common);
    Settings.Settings.instance().moduleSetting('ui-theme').set(value);
  }, theme);
}

/** Whether DevTools' drawer (Console, …) is open. */
export function drawerVisible(devtools: Page): Promise<boolean> {
  return devtools.evaluate(async () => {
    const legacy = './ui/legacy/legacy.js';
    const { InspectorView } = await import(legacy);
    return Boolean(InspectorView.InspectorView.instance().drawerVisible());
  });
}

/** Opens DevTools' find bar over the shown panel, as Ctrl+F does when DevTools has the focus. */
export async function openFindBar(devtools: Page): Promise<void> {
  await devtools.evaluate(async () => {
    const legacy = './ui/legacy/legacy.js';
    const { ActionRegistry } = await import(legacy);
    await ActionRegistry.ActionRegistry.instance().getAction('main.search-in-panel.find').execute();
  });
}

/**
 * Stores settings in the extension before DevTools opens, through the extension's own storage (the
 * panel page opened in a tab, as any extension page can), so the panel starts with them: the
 * demo's host mappings, exactly as a user would have added them in Settings.
 */
export async function presetSettings(
  browser: Browser,
  extensionId: string,
  settings: unknown,
): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}${PANEL_PATH}?tab=-1`);
    await page.evaluate(async (value: unknown) => {
      const chrome = (
        globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome;
      await chrome.storage.local.set({ settings: value });
    }, settings);
  } finally {
    await page.close();
  }
}

/**
 * What DevTools' own Network panel recorded (its NetworkLog), oldest first; `failed` is a request
 * that got no response (net::ERR_…), `finished` one that is over; `startedMs` is the
 * epoch milliseconds its HAR export gives as `startedDateTime` (HAR.Log: pseudoWallTime of the
 * issue time).
 */
export function networkLogRequests(
  devtools: Page,
): Promise<
  { url: string; method: string; status: number; failed: boolean; finished: boolean; startedMs: number }[]
> {
  return devtools.evaluate(async () => {
    const logs = './models/logs/logs.js';
    const { NetworkLog } = await import(logs);
    return (
      NetworkLog.NetworkLog.instance().requests() as {
        url(): string;
        requestMethod: string;
        statusCode: number;
        failed: boolean;
        finished: boolean;
        issueTime(): number;
        pseudoWallTime(time: number): number;
      }[]
    ).map((r) => ({
      url: r.url(),
      method: r.requestMethod,
      status: r.statusCode,
      failed: r.failed,
      finished: r.finished,
      startedMs: Math.floor(r.pseudoWallTime(r.issueTime()) * 1000),
    }));
  });
}
