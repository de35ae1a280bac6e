// Real-browser e2e in Firefox: the built extension (dist/firefox) as a temporary add-on, in the
// real DevTools toolbox, on the demo page served by the same demo server `npm start` uses.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as firefox from './devtools-firefox.mjs';
import {
  assertPresent,
  extensionDir,
  importTs,
  pollUntil,
  skipUnlessPresent,
  waitForDemo,
} from './harness.mjs';
import { definePanelSuite } from './panel-suite.mjs';

const executable = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

definePanelSuite({
  name: 'Firefox',
  skip: skipUnlessPresent('Firefox', executable),
  // network.dns.localDomains maps the providers' hosts, so recognition is asserted here too.
  checksProviders: true,
  async setup(server) {
    assertPresent('Firefox', executable);
    const { providerHostNames } = await importTs('src/demo/demo-hosts.ts');
    const browser = await firefox.launchFirefox({
      executablePath: executable,
      localHosts: providerHostNames(),
    });
    try {
      await browser.installExtension(extensionDir('firefox'));
      const { page, evalChrome } = browser;
      await page.goto(server.pageUrl);
      await waitForDemo(page);
      await firefox.openToolbox(evalChrome);
      const run = (fn, arg) => firefox.evalPanel(evalChrome, String(fn), arg);
      return {
        page,
        showPanel: async () => {
          await firefox.selectPanel(evalChrome);
          await pollUntil(() => run((doc) => doc.querySelector('#app > *') !== null), 'the panel to render');
        },
        run,
        clickFailure: (i) =>
          firefox.trustedClick(
            evalChrome,
            '(doc, i) => doc.querySelectorAll(\'[data-testid="failure"]\')[i]',
            i,
          ),
        clickTrusted: (selector) =>
          firefox.trustedClick(evalChrome, '(doc, s) => doc.querySelector(s)', selector),
        readClipboard: () => firefox.readClipboard(evalChrome),
        importHar: async (file) =>
          firefox.setInputFile(
            evalChrome,
            '[data-testid="import-input"]',
            path.basename(file),
            await readFile(file, 'utf8'),
          ),
        close: () => browser.close(),
      };
    } catch (error) {
      await browser.close();
      throw error;
    }
  },
});
