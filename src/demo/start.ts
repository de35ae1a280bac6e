// `npm start`: the demo API, then Chromium with the extension loaded and DevTools open on the
// API Errors panel over the demo page. Without a display or a browser, the demo server keeps
// running and the steps to load the build by hand are printed instead.
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { DemoServer } from './demo-server.ts';
import { demoSettings } from './demo-hosts.ts';
import { launchChromium, openDevtools, presetSettings, showPanel } from './devtools-chromium.ts';
import { findChrome } from './find-chrome.ts';
import { printManualSteps } from './print-manual-steps.ts';
import { startDemoServerPreferred } from './start-demo-server-preferred.ts';

/** Linux needs an X11 or Wayland display for a visible browser; macOS and Windows always have one. */
function hasDisplay(): boolean {
  return process.platform !== 'linux' || Boolean(process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']);
}

async function openBrowser(chrome: string, server: DemoServer): Promise<Browser> {
  const browser = await launchChromium({
    executablePath: chrome,
    headless: false,
    args: ['--window-size=1500,950'],
  });
  const extensionId = await browser.installExtension(path.resolve('dist/chrome'));
  await presetSettings(browser, extensionId, demoSettings());
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  await page.goto(server.pageUrl);
  const devtools = await openDevtools(page, extensionId);
  await showPanel(devtools, extensionId);
  return browser;
}

const server = await startDemoServerPreferred();
let browser: Browser | undefined;
let stopping = false;
const stop = async (code: number): Promise<void> => {
  if (stopping) return;
  stopping = true;
  await browser?.close().catch(() => undefined);
  await server.close();
  process.exit(code);
};
process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));

const chrome = findChrome();
if (!chrome) {
  console.log('No Chromium or Chrome found (set CHROME_PATH to one). The demo server keeps running.');
  printManualSteps(server);
} else if (!hasDisplay()) {
  console.log('No display (neither DISPLAY nor WAYLAND_DISPLAY is set), so no browser window can open.');
  console.log(
    'The demo server keeps running; load the extension by hand in a browser on a machine with a display.',
  );
  printManualSteps(server);
} else {
  try {
    browser = await openBrowser(chrome, server);
    console.log(`Chromium is open on ${server.pageUrl} with DevTools on the "API Errors" panel.`);
    console.log('Press the buttons on the demo page. Close the browser or press Ctrl+C to stop.');
    browser.once('disconnected', () => void stop(0));
  } catch (error) {
    console.error(`Could not open ${chrome}: ${String(error)}`);
    printManualSteps(server);
  }
}
