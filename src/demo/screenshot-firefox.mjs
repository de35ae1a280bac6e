// The Firefox half of `npm run screenshot` (see screenshot.ts for Chromium): the real panel in
// Firefox's real toolbox on the demo page, wide and at 400 px, light and dark. Firefox is driven
// with the e2e suite's Marionette helpers (test/e2e/devtools-firefox.mjs), the one place that
// knows Firefox's internals; the picture is the browser window as drawn by Firefox itself
// (WindowGlobalParent.drawSnapshot, which includes the out-of-process page and panel).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';
import * as firefox from '../../test/e2e/devtools-firefox.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const load = (relative) => tsImport(path.join(root, relative), import.meta.url);
const { startDemoServer } = await load('src/demo/demo-server.ts');
const { providerHostNames, demoSettings } = await load('src/demo/demo-hosts.ts');
const SHOTS_DIR = path.join(root, 'docs/screenshots');
const SELECTED_PATH = '/payment-methods';
/** Wide: the toolbox docked at the bottom of a 1280 px window. Narrow: docked to the right, 400 px. */
const WINDOW = [1280, 1200];
const NARROW_PX = 400;

async function until(probe, what) {
  const deadline = Date.now() + 20_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const executable = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
mkdirSync(SHOTS_DIR, { recursive: true });
const server = await startDemoServer();
const browser = await firefox.launchFirefox({ executablePath: executable, localHosts: providerHostNames() });
const { evalChrome } = browser;
const run = (fn, arg) => firefox.evalPanel(evalChrome, String(fn), arg);
const resize = ([width, height]) =>
  evalChrome(`(async () => {
    window.resizeTo(${width}, ${height});
    const frame = window.__apiErrorsE2e?.toolbox?.win?.frameElement;
    if (frame) frame.style.height = '${height - 110}px';
    return [window.outerWidth, window.outerHeight];
  })()`);
/** Docks the toolbox at the bottom, or to the right at NARROW_PX (Firefox's own host switch). */
const dock = (side) =>
  evalChrome(`(async () => {
    const toolbox = window.__apiErrorsE2e.toolbox;
    Services.prefs.setIntPref('devtools.toolbox.sidebar.width', ${NARROW_PX});
    if (toolbox.hostType !== '${side}') await toolbox.switchHost('${side}');
    return toolbox.hostType;
  })()`);
const shoot = async (name) => {
  const dataUrl = await evalChrome(`(async () => {
    const rect = new DOMRect(0, 0, window.innerWidth, window.innerHeight);
    const bitmap = await window.browsingContext.currentWindowGlobal.drawSnapshot(rect, 1, 'white');
    const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d').drawImage(bitmap, 0, 0);
    return canvas.toDataURL('image/png');
  })()`);
  const file = path.join(SHOTS_DIR, `${name}.png`);
  writeFileSync(file, Buffer.from(dataUrl.split(',')[1], 'base64'));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
};

/** The demo's failures and retries, the payment-methods 422 selected, the timeline open. */
async function fill() {
  await browser.page.evaluate(() => window.demo.runAll().then(() => window.demo.retryStory()));
  await until(
    () => run((doc) => doc.querySelectorAll('[data-testid="failure"]').length >= 12),
    'the failures',
  );
  await firefox.trustedClick(
    evalChrome,
    `(doc, p) => [...doc.querySelectorAll('[data-testid="failure"]')].find((el) => el.getAttribute('aria-label').includes(p))`,
    SELECTED_PATH,
  );
  await until(() => run((doc) => doc.querySelector('[data-testid="ticket"]') !== null), 'the ticket');
  if (!(await run((doc) => doc.querySelector('[data-testid="timeline"]') !== null)))
    await firefox.trustedClick(evalChrome, `(doc) => doc.querySelector('[data-testid="timeline-toggle"]')`);
  await until(
    () => run((doc) => doc.querySelector('[data-testid="timeline-lane"]') !== null),
    'the timeline',
  );
}

async function setTheme(theme) {
  await firefox.setTheme(evalChrome, theme);
  await until(
    () => run((doc, win, t) => doc.documentElement.dataset.theme === t, theme),
    `the ${theme} theme`,
  );
}

try {
  await browser.installExtension(path.join(root, 'dist/firefox'));
  await browser.page.goto(server.pageUrl);
  await resize(WINDOW);
  await firefox.openToolbox(evalChrome);
  await firefox.selectPanel(evalChrome);
  await until(() => run((doc) => doc.querySelector('#app > *') !== null), 'the panel');
  // The demo's host mappings, stored the way Settings stores them, then the panel starts over.
  await run(
    (doc, win, settings) => win.wrappedJSObject.browser.storage.local.set({ settings: JSON.parse(settings) }),
    JSON.stringify(demoSettings()),
  );
  await evalChrome(`window.__apiErrorsE2e.panelBrowser.reload(), true`);
  await until(() => run((doc) => doc.querySelector('#app > *') !== null), 'the reloaded panel');
  await fill();
  for (const theme of ['light', 'dark']) {
    await setTheme(theme);
    await shoot(`firefox-wide-${theme}`);
  }
  // Docked to the right, 400 px wide. Firefox loads the panel anew when the toolbox changes host
  // (what it had shown is gone), so the demo runs again for this picture.
  await dock('right');
  await firefox.selectPanel(evalChrome);
  await until(
    () => run((doc, win) => doc.querySelector('#app > *') !== null && win.innerWidth <= 420),
    'the narrow panel',
  );
  await fill();
  for (const theme of ['dark', 'light']) {
    await setTheme(theme);
    await shoot(`firefox-narrow-${theme}`);
  }
} finally {
  await browser.close();
  await server.close();
}
