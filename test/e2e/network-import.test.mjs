// Real-browser e2e: a HAR sanitized by this project imports back into the browsers' own Network
// panels, Chromium's through its "Import HAR file…" button and file chooser, Firefox's through the
// importer its "HAR ▸ Import…" menu item calls once the file is read (issue 9 "Valid output").
// Every entry must arrive, with its URL and status, and no planted secret may be in what they show.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as firefox from './devtools-firefox.mjs';
import { assertPresent, importTs, pollUntil, skipUnlessPresent } from './harness.mjs';

const { sanitizeHar } = await importTs('src/core/redact/index.ts');
const { corpusHar, leakCorpus } = await importTs('test/fixtures/redact/leak-corpus.ts');
const { findChrome } = await importTs('src/demo/find-chrome.ts');

/** One entry per planted value (every class of the labelled corpus), written in its structured form. */
const corpus = leakCorpus().filter((item) => item.location === 'structured' || item.location === 'query');
const sanitized = sanitizeHar(corpusHar(corpus));
const expected = sanitized.log.entries.map((entry) => `${entry.response.status} ${entry.request.url}`).sort();
const secrets = corpus.map((item) => item.planted.secret).filter((secret) => secret.length >= 8);

let dir;
let file;
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'api-errors-har-import-'));
  file = path.join(dir, 'support-case.sanitized.har');
  await writeFile(file, JSON.stringify(sanitized, null, 2));
});
after(() => rm(dir, { recursive: true, force: true }));

function assertImported(rows) {
  assert.deepEqual(rows.map((row) => `${row.status} ${row.url}`).sort(), expected);
  const shown = JSON.stringify(rows);
  for (const secret of secrets)
    assert.ok(!shown.includes(secret), `a planted value reached the Network panel`);
}

const chrome = findChrome();
describe(
  'Chromium: the sanitized HAR imports into the Network panel',
  { skip: skipUnlessPresent('Chromium', chrome) },
  () => {
    test('every entry is listed with its URL and status', async () => {
      assertPresent('Chromium', chrome);
      const devtoolsApi = await importTs('src/demo/devtools-chromium.ts');
      const browser = await devtoolsApi.launchChromium({ executablePath: chrome, headless: true });
      try {
        const page = await browser.newPage();
        await page.goto('about:blank');
        const devtools = await page.openDevTools();
        await pollUntil(
          () => devtools.evaluate(() => globalThis.UI?.panels !== undefined),
          'DevTools to start',
        );
        await devtools.evaluate(async () => {
          // DevTools' own modules, resolved relative to the front-end's URL (TESTING.md).
          const legacy = './ui/legacy/legacy.js';
          const { InspectorView } = await import(legacy);
          await InspectorView.InspectorView.instance().showPanel('network');
        });
        // The toolbar button a user clicks; its label carries an ellipsis in Chromium 150.
        const button = await devtools.waitForSelector('pierce/button[aria-label^="Import HAR file"]', {
          timeout: 60_000,
        });
        const [chooser] = await Promise.all([
          devtools.waitForFileChooser({ timeout: 60_000 }),
          button.click(),
        ]);
        await chooser.accept([file]);
        const rows = await pollUntil(
          () =>
            devtools.evaluate(async (count) => {
              const logs = './models/logs/logs.js';
              const { NetworkLog } = await import(logs);
              const requests = NetworkLog.NetworkLog.instance().requests();
              if (requests.length < count) return false;
              return requests.map((r) => ({
                url: r.url(),
                status: r.statusCode,
                headers: r.requestHeaders().map((h) => `${h.name}: ${h.value}`),
              }));
            }, expected.length),
          'the imported requests in the Network log',
          30_000,
        );
        assertImported(rows);
      } finally {
        await browser.close();
      }
    });
  },
);

const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
describe(
  'Firefox: the sanitized HAR imports into the Network panel',
  { skip: skipUnlessPresent('Firefox', firefoxPath) },
  () => {
    test('every entry is listed with its URL and status', async () => {
      assertPresent('Firefox', firefoxPath);
      const browser = await firefox.launchFirefox({ executablePath: firefoxPath, localHosts: [] });
      try {
        await browser.page.goto('about:blank');
        const { readFile } = await import('node:fs/promises');
        await firefox.importHarIntoNetworkPanel(browser.evalChrome, await readFile(file, 'utf8'));
        const rows = await pollUntil(
          async () => {
            const requests = await firefox.networkPanelRequests(browser.evalChrome);
            return requests.length >= expected.length ? requests : false;
          },
          'the imported requests in the Network panel',
          30_000,
        );
        assertImported(rows);
      } finally {
        await browser.close();
      }
    });
  },
);
