// `npm run screenshot`: regenerates src/demo/panel-screenshot.png (the README's picture) from the
// real panel in Chromium: the demo's failures listed, one selected, its redacted ticket shown.
import path from 'node:path';
import { startDemoServer } from './demo-server.ts';
import { launchChromium, openDevtools, showPanel, undockDevtools } from './devtools-chromium.ts';
import { findChrome } from './find-chrome.ts';

const OUT = path.resolve('src/demo/panel-screenshot.png');
/** The failure whose ticket the picture shows: the one with planted secrets, so redaction is visible. */
const SELECTED_PATH = '/payment-methods';

const chrome = findChrome();
if (!chrome) throw new Error('no Chromium found (set CHROME_PATH)');
const server = await startDemoServer();
const browser = await launchChromium({ executablePath: chrome, headless: true });
try {
  const extensionId = await browser.installExtension(path.resolve('dist/chrome'));
  const page = await browser.newPage();
  await page.goto(server.pageUrl);
  const devtools = await openDevtools(page, extensionId);
  await undockDevtools(devtools);
  await devtools.setViewport({ width: 1280, height: 1000 });
  const panel = await showPanel(devtools, extensionId);
  await page.evaluate(() => (window as unknown as { demo: { runAll(): Promise<number[]> } }).demo.runAll());
  const expected = server.scenarios.length - server.scenarios.filter((s) => s.id.endsWith('-ok')).length;
  await panel.waitForFunction(
    (n: number) => document.querySelectorAll('[data-testid="failure"]').length >= Math.min(n, 12),
    {},
    expected,
  );
  const rows = await panel.$$('[data-testid="failure"]');
  for (const row of rows) {
    const label = await row.evaluate((el) => el.getAttribute('aria-label') ?? '');
    if (label.includes(SELECTED_PATH)) {
      await row.click();
      break;
    }
  }
  const ticket = await panel.waitForSelector('[data-testid="ticket"]');
  await ticket?.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await devtools.screenshot({ path: OUT });
  console.log(`wrote ${OUT}`);
} finally {
  await browser.close();
  await server.close();
}
