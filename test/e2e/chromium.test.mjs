// Real-browser e2e in Chromium: the built extension (dist/chrome) in the real DevTools, on the
// demo page served by the same demo server `npm start` uses.
import { assertPresent, extensionDir, importTs, skipUnlessPresent, waitForDemo } from './harness.mjs';
import { definePanelSuite } from './panel-suite.mjs';

const { findChrome } = await importTs('src/demo/find-chrome.ts');
const chrome = findChrome();

definePanelSuite({
  name: 'Chromium',
  skip: skipUnlessPresent('Chromium', chrome),
  // Host mapping (--host-resolver-rules) is exact here, so provider recognition is asserted.
  checksProviders: true,
  async setup(server) {
    assertPresent('Chromium', chrome);
    // All DevTools internals live in this one module (shared with `npm start`).
    const devtoolsApi = await importTs('src/demo/devtools-chromium.ts');
    const browser = await devtoolsApi.launchChromium({ executablePath: chrome, headless: true });
    try {
      const extensionId = await browser.installExtension(extensionDir('chrome'));
      const page = await browser.newPage();
      await page.goto(server.pageUrl);
      await waitForDemo(page);
      const devtools = await devtoolsApi.openDevtools(page, extensionId);
      // Tall enough that the virtualized list renders every demo failure at once.
      await devtools.setViewport({ width: 1400, height: 2600 });
      const origin = new URL(server.pageUrl).origin;
      await browser
        .defaultBrowserContext()
        .overridePermissions(origin, ['clipboard-read', 'clipboard-write']);
      let panel;
      const rowHandle = async (selector, i) => {
        const all = await panel.$$(selector);
        if (!all[i]) throw new Error(`no element ${i} for ${selector}`);
        return all[i];
      };
      return {
        page,
        async showPanel() {
          panel = await devtoolsApi.showPanel(devtools, extensionId);
        },
        run: (fn, arg) => panel.evaluate(`(${fn})(document, window, ${JSON.stringify(arg ?? null)})`),
        clickFailure: async (i) => (await rowHandle('[data-testid="failure"]', i)).click(),
        clickTrusted: async (selector) => (await rowHandle(selector, 0)).click(),
        // Read back from the inspected page, whose origin was granted clipboard-read (TESTING.md);
        // reading needs a focused document, so the page comes to the front first.
        async readClipboard() {
          await page.bringToFront();
          return page.evaluate(() => navigator.clipboard.readText()).catch(() => '');
        },
        importHar: async (file) => (await rowHandle('[data-testid="import-input"]', 0)).uploadFile(file),
        close: () => browser.close(),
      };
    } catch (error) {
      await browser.close();
      throw error;
    }
  },
});
