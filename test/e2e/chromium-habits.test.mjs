// Real-browser e2e in Chromium for the DevTools habits of issue 13: keys DevTools also wants
// (Ctrl+F, Escape), its find bar, the row context menu's copies, the live theme switch, and the
// panel docked narrow. Trusted key presses and clicks go through the DevTools page (CDP input),
// as a user's would; DevTools internals are read through src/demo/devtools-chromium.ts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  assertPresent,
  extensionDir,
  importTs,
  leaksIn,
  pollUntil,
  runScenarios,
  skipUnlessPresent,
  statusOf,
  stopwatch,
  waitForDemo,
} from './harness.mjs';

const { findChrome } = await importTs('src/demo/find-chrome.ts');
const chrome = findChrome();

describe(
  'Chromium: DevTools habits in the API Errors panel',
  { skip: skipUnlessPresent('Chromium', chrome) },
  () => {
    let server, browser, page, devtools, panel, devtoolsApi, clock;
    const inPanel = (fn, arg) => panel.evaluate(fn, arg);
    const failureCount = () => inPanel(() => document.querySelectorAll('[data-testid="failure"]').length);
    const filterText = () => inPanel(() => document.querySelector('[data-testid="filter-text"]').value);
    const rowOf = async (id) => {
      const scenario = server.scenarios.find((s) => s.id === id);
      const handles = await panel.$$('[data-testid="failure"]');
      for (const handle of handles) {
        const label = await handle.evaluate((el) => el.getAttribute('aria-label'));
        if (label.startsWith(`${scenario.method} `) && label.includes(`${scenario.path},`)) return handle;
      }
      throw new Error(`no row for ${id}`);
    };
    const detailOpen = () => inPanel(() => document.querySelector('[data-testid="detail"]') !== null);

    before(async () => {
      clock = stopwatch('Chromium habits');
      assertPresent('Chromium', chrome);
      devtoolsApi = await importTs('src/demo/devtools-chromium.ts');
      const { startDemoServer } = await importTs('src/demo/demo-server.ts');
      server = await startDemoServer();
      browser = await devtoolsApi.launchChromium({ executablePath: chrome, headless: true });
      const extensionId = await browser.installExtension(extensionDir('chrome'));
      page = await browser.newPage();
      await page.goto(server.pageUrl);
      await waitForDemo(page);
      devtools = await devtoolsApi.openDevtools(page, extensionId);
      await devtools.setViewport({ width: 1280, height: 900 });
      await browser
        .defaultBrowserContext()
        .overridePermissions(new URL(server.pageUrl).origin, ['clipboard-read']);
      panel = await devtoolsApi.showPanel(devtools, extensionId);
      const ids = [
        'persona-429',
        'persona-401',
        'persly-400',
        'persly-500',
        'ranex-503',
        'envelope-422',
        'envelope-504',
      ];
      await runScenarios(page, ids);
      await pollUntil(async () => (await failureCount()) === ids.length, `${ids.length} failures`);
      clock.lap('panel shown with the failures');
    });

    after(async () => {
      await browser?.close();
      await server?.close();
      clock?.lap('wall time');
    });

    test('Ctrl+F in the panel focuses its filter box, not DevTools’ search bar', async () => {
      await (await rowOf('persly-400')).click();
      await pollUntil(detailOpen, 'the detail');
      await devtools.keyboard.down('Control');
      await devtools.keyboard.press('f');
      await devtools.keyboard.up('Control');
      const focus = await pollUntil(
        () =>
          inPanel(
            () =>
              document.hasFocus() && document.activeElement?.getAttribute('data-testid') === 'filter-text',
          ),
        'the filter box to have the focus',
      );
      assert.equal(focus, true);
      await devtools.keyboard.type('persly');
      await pollUntil(async () => (await failureCount()) === 2, 'the two persly failures');
      // Escape in the box clears it (and is consumed: the drawer stays shut).
      await devtools.keyboard.press('Escape');
      await pollUntil(async () => (await filterText()) === '', 'the cleared filter');
      assert.equal(await devtoolsApi.drawerVisible(devtools), false);
    });

    test('DevTools’ find bar filters the list, steps through it and gives the filter back on close', async () => {
      await devtoolsApi.openFindBar(devtools);
      await devtools.keyboard.type('ranex');
      await pollUntil(async () => (await filterText()) === 'ranex', 'the query in the filter box');
      await pollUntil(async () => (await failureCount()) === 1, 'only the ranex failure');
      await devtools.keyboard.press('Enter');
      const selected = await pollUntil(
        () =>
          inPanel(
            () => document.querySelector('[data-testid="failure"][aria-selected="true"]')?.dataset.provider,
          ),
        'a selected match',
      );
      assert.equal(selected, 'ranex');
      await devtools.keyboard.press('Escape');
      await pollUntil(async () => (await filterText()) === '', 'the filter restored');
      assert.equal(await failureCount(), 7);
    });

    test('Escape closes the open failure and the Console drawer stays shut', async () => {
      await (await rowOf('envelope-422')).click();
      await pollUntil(detailOpen, 'the detail');
      assert.equal(await devtoolsApi.drawerVisible(devtools), false);
      await devtools.keyboard.press('Escape');
      await pollUntil(async () => !(await detailOpen()), 'the detail to close');
      assert.equal(await devtoolsApi.drawerVisible(devtools), false, 'Escape reached DevTools');
      // With nothing left to close, Escape is DevTools’ again: the drawer toggles as on any panel.
      await devtools.keyboard.press('Escape');
      await pollUntil(() => devtoolsApi.drawerVisible(devtools), 'the drawer, Escape with nothing to close');
      await devtools.keyboard.press('Escape');
      await pollUntil(async () => !(await devtoolsApi.drawerVisible(devtools)), 'the drawer to close again');
    });

    test('the row context menu copies the ticket and a redacted cURL', async () => {
      const { plantedValues } = await importTs('src/demo/fake-secrets.ts');
      const readClipboard = async () => {
        await page.bringToFront();
        const text = await page.evaluate(() => navigator.clipboard.readText()).catch(() => '');
        return text;
      };
      const copy = async (action) => {
        await (await rowOf('envelope-422')).click({ button: 'right' });
        const item = await pollUntil(
          () => panel.$(`[data-testid="row-menu"] [data-action="${action}"][aria-disabled="false"]`),
          `the menu item ${action}`,
        );
        await item.click();
        await pollUntil(
          async () => (await panel.$('[data-testid="row-menu"]')) === null,
          'the menu to close',
        );
      };
      await copy('ticket');
      const ticket = await pollUntil(async () => {
        const text = await readClipboard();
        return text.includes('VALIDATION_ERROR') && text;
      }, 'the ticket on the clipboard');
      assert.match(ticket, /req_demo422/);
      assert.match(
        ticket,
        new RegExp(`\\b${statusOf(server.scenarios.find((s) => s.id === 'envelope-422'))}\\b`),
      );
      await copy('curl');
      const curl = await pollUntil(async () => {
        const text = await readClipboard();
        return text.startsWith('curl ') && text;
      }, 'the cURL command on the clipboard');
      assert.match(curl, /payment-methods/);
      assert.deepEqual(leaksIn(ticket + curl, plantedValues()), []);
    });

    test('the panel follows a live DevTools theme switch', async () => {
      const background = () => inPanel(() => getComputedStyle(document.body).backgroundColor);
      const light = await background();
      await devtoolsApi.setDevtoolsTheme(devtools, 'dark');
      await pollUntil(
        () => inPanel(() => document.documentElement.dataset.theme === 'dark'),
        'the dark theme',
      );
      assert.notEqual(await background(), light);
      await devtoolsApi.setDevtoolsTheme(devtools, 'default');
      await pollUntil(
        () => inPanel(() => document.documentElement.dataset.theme === 'light'),
        'the light theme',
      );
      assert.equal(await background(), light);
    });

    test('docked narrow: one toolbar row, Path gets the space, the selected row stays in view', async () => {
      // The panel at 400 px. Undocked DevTools in headless Chromium 150 can keep a strip of its own
      // beside the panel at narrow window sizes (seen: 150 px at a 400 px window), so the window is
      // widened by what the panel lacks.
      let windowWidth = 400;
      for (let tries = 0; tries < 4; tries++) {
        await devtools.setViewport({ width: windowWidth, height: 900 });
        const width = await pollUntil(async () => {
          // Two equal reads a frame apart: the layout has settled.
          const a = await inPanel(() => innerWidth);
          await new Promise((r) => setTimeout(r, 100));
          return a === (await inPanel(() => innerWidth)) && a;
        }, 'a settled panel width');
        if (Math.abs(width - 400) <= 20) break;
        windowWidth += 400 - width;
      }
      await pollUntil(() => inPanel(() => innerWidth >= 380 && innerWidth <= 420), 'the panel at 400 px');
      // Select the last failure with the keyboard (End), then open it (Enter): the list shrinks above
      // the detail, and the selected line must still be visible.
      await inPanel(() => document.querySelector('[data-testid="failure-list"]').focus());
      await devtools.keyboard.press('End');
      await devtools.keyboard.press('Enter');
      await pollUntil(detailOpen, 'the detail');
      const layout = await pollUntil(
        () =>
          inPanel(() => {
            const list = document.querySelector('[data-testid="failure-list"]').getBoundingClientRect();
            const row = document
              .querySelector('[data-testid="failure"][aria-selected="true"]')
              ?.getBoundingClientRect();
            const path = document
              .querySelector('[data-testid="list-header"] .fl-path')
              .getBoundingClientRect();
            const toolbar = document.querySelector('[role="toolbar"]').getBoundingClientRect();
            const visible =
              row !== undefined && row.top >= list.top - 1 && row.bottom <= list.bottom + 1 && row.height > 0;
            return visible && { pathShare: path.width / list.width, toolbarHeight: toolbar.height };
          }),
        'the selected row in view',
      );
      assert.ok(layout.pathShare >= 0.4, `Path has ${(layout.pathShare * 100).toFixed(0)} % of the list`);
      assert.ok(layout.toolbarHeight < 40, `toolbar is ${layout.toolbarHeight}px high (one row)`);
      await devtools.setViewport({ width: 1280, height: 900 });
    });
  },
);
