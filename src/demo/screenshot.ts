// `npm run screenshot`: the README's pictures, taken from the real panel in real DevTools on the
// demo page, in Chromium (and in Firefox with `--firefox`, see screenshot-firefox.ts): wide and
// docked-narrow (400 px), light and dark. Wide shows a selected failure's redacted ticket and the
// retry timeline; narrow shows the one-row toolbar, the folded findings and the selected row kept
// in view above its detail.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { demoSettings } from './demo-hosts.ts';
import { startDemoServer } from './demo-server.ts';
import {
  launchChromium,
  openDevtools,
  presetSettings,
  setDevtoolsTheme,
  showPanel,
  undockDevtools,
} from './devtools-chromium.ts';
import { findChrome } from './find-chrome.ts';

export const SHOTS_DIR = path.resolve('docs/screenshots');
/** The failure whose ticket the pictures show: the one with planted secrets, so redaction is visible. */
export const SELECTED_PATH = '/payment-methods';
export const SIZES = { wide: { width: 1280, height: 1100 }, narrow: { width: 400, height: 900 } } as const;

/** Waits until `probe` (evaluated in the panel) is truthy. */
async function until(panel: Frame, probe: string, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await panel.evaluate(probe))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function selectFailure(panel: Frame): Promise<void> {
  for (const row of await panel.$$('[data-testid="failure"]')) {
    const label = await row.evaluate((el) => el.getAttribute('aria-label') ?? '');
    if (label.includes(SELECTED_PATH)) {
      await row.click();
      break;
    }
  }
  await until(panel, `!!document.querySelector('[data-testid="ticket"]')`, 'the ticket');
}

async function shoot(devtools: Page, name: string): Promise<void> {
  const file = path.join(SHOTS_DIR, `${name}.png`);
  await devtools.screenshot({ path: file });
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

async function chromium(): Promise<void> {
  const chrome = findChrome();
  if (!chrome) throw new Error('no Chromium found (set CHROME_PATH)');
  const server = await startDemoServer();
  const browser = await launchChromium({ executablePath: chrome, headless: true });
  try {
    const extensionId = await browser.installExtension(path.resolve('dist/chrome'));
    await presetSettings(browser, extensionId, demoSettings());
    const page = await browser.newPage();
    await page.goto(server.pageUrl);
    const devtools = await openDevtools(page, extensionId);
    await undockDevtools(devtools);
    await devtools.setViewport(SIZES.wide);
    const panel = await showPanel(devtools, extensionId);
    await page.evaluate(async () => {
      const demo = (
        window as unknown as { demo: { runAll(): Promise<number[]>; retryStory(): Promise<number[]> } }
      ).demo;
      await demo.runAll();
      await demo.retryStory();
    });
    await until(panel, `document.querySelectorAll('[data-testid="failure"]').length >= 12`, 'the failures');
    await selectFailure(panel);
    await (await panel.$('[data-testid="timeline-toggle"]'))?.click();
    await until(panel, `!!document.querySelector('[data-testid="timeline-lane"]')`, 'the timeline');
    for (const theme of ['default', 'dark'] as const) {
      await setDevtoolsTheme(devtools, theme);
      const want = theme === 'dark' ? 'dark' : 'light';
      await until(panel, `document.documentElement.dataset.theme === '${want}'`, `the ${want} theme`);
      await devtools.setViewport(SIZES.wide);
      await shoot(devtools, `chromium-wide-${want}`);
      await devtools.setViewport(SIZES.narrow);
      await until(panel, `innerWidth <= 420`, 'the narrow panel');
      await shoot(devtools, `chromium-narrow-${want}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

mkdirSync(SHOTS_DIR, { recursive: true });
await chromium();
