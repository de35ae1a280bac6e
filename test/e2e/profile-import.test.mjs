// Real-browser e2e in Chromium (issue 10): a profile file imported through the panel's Settings
// classifies a failure the inspected page makes afterwards, live. The failing API is a tiny local
// server that answers like the example team API of test/fixtures/profiles/acme.json, recognised by
// the profile's response-header signature (x-acme-trace), since 127.0.0.1 is nobody's known host.
// Then a second profile whose contract fails some 200 answers (`failureWhen`): once it is imported,
// the devtools page reads such a 200's body (it learns of the import through storage.onChanged) and
// the failure is listed; judged by the built-in profiles alone the body was never read.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assertPresent, extensionDir, importTs, pollUntil, skipUnlessPresent } from './harness.mjs';

const PROFILE = path.resolve(import.meta.dirname, '../fixtures/profiles/acme.json');
// A team API that answers some failures with 200 and `{"status": "error"}` (the profile's `failureWhen`).
const HOOKS_PROFILE = path.resolve(import.meta.dirname, '../fixtures/profiles/hooks-local.json');
const { findChrome } = await importTs('src/demo/find-chrome.ts');
const chrome = findChrome();

const PAGE = '<!doctype html><meta charset="utf-8"><title>Orders</title><p>Acme orders test page</p>';

function startServer() {
  const server = createServer((request, response) => {
    if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return response.end(PAGE);
    }
    if (request.url?.startsWith('/hooks/send')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end(JSON.stringify({ status: 'error', reason: 'quota exhausted' }));
    }
    // POST /v2/orders/o_1 → Acme's documented "order busy" (a lock that clears, not a real conflict).
    response.writeHead(409, {
      'content-type': 'application/json',
      'x-acme-trace': 'tr-e2e-1',
      'access-control-allow-origin': '*',
    });
    response.end(JSON.stringify({ fault: { code: 'ORDER_BUSY', text: 'order o_1 is being changed' } }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const readRows = (doc) =>
  [...doc.querySelectorAll('[data-testid="failure"]')].map((el) => ({
    provider: el.getAttribute('data-provider'),
    category: el.getAttribute('data-category'),
    retry: el.getAttribute('data-retry'),
  }));

describe(
  'Chromium: an imported profile classifies a live failure',
  { skip: skipUnlessPresent('Chromium', chrome) },
  () => {
    let server;
    let browser;
    let page;
    let panel;
    const run = (fn, arg) => panel.evaluate(`(${fn})(document, ${JSON.stringify(arg ?? null)})`);
    const click = async (selector) => {
      const handle = await panel.$(selector);
      assert.ok(handle, `no ${selector} in the panel`);
      await handle.click();
    };

    before(async () => {
      assertPresent('Chromium', chrome);
      server = await startServer();
      const devtoolsApi = await importTs('src/demo/devtools-chromium.ts');
      browser = await devtoolsApi.launchChromium({ executablePath: chrome, headless: true });
      const extensionId = await browser.installExtension(extensionDir('chrome'));
      page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      const devtools = await devtoolsApi.openDevtools(page, extensionId);
      panel = await devtoolsApi.showPanel(devtools, extensionId);
    });

    after(async () => {
      await browser?.close();
      await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
    });

    const order = () =>
      page.evaluate(
        async () => (await fetch('/v2/orders/o_1', { method: 'POST', body: '{"qty":2}' })).status,
      );

    test("before the import the failure is the generic baseline's 409", async () => {
      assert.equal(await order(), 409);
      const rows = await pollUntil(async () => {
        const found = await run(readRows);
        return found.length === 1 ? found : undefined;
      }, 'the first 409 in the list');
      assert.deepEqual(rows[0], { provider: 'generic', category: 'conflict', retry: 'no' });
    });

    test('importing the profile file lists it in Settings', async () => {
      await click('[data-testid="open-settings"]');
      const input = await panel.waitForSelector('[data-testid="profile-import"]');
      await input.uploadFile(PROFILE);
      const listed = await pollUntil(
        () =>
          run((doc) => doc.querySelector('[data-testid="profile-row"]')?.getAttribute('data-profile') ?? ''),
        'the imported profile in the list',
      );
      assert.equal(listed, 'acme');
    });

    test('a failure made after the import is classified by the profile, and the earlier one re-classified', async () => {
      await run((doc) =>
        [...doc.querySelectorAll('button')].find((b) => b.textContent === 'Back to failures')?.click(),
      );
      assert.equal(await order(), 409);
      const rows = await pollUntil(async () => {
        const found = await run(readRows);
        return found.length === 2 ? found : undefined;
      }, 'the second 409 in the list');
      for (const row of rows)
        assert.deepEqual(row, { provider: 'acme', category: 'rate_limited', retry: 'yes' });
      await click('[data-testid="failure"]');
      const action = await pollUntil(
        () => run((doc) => doc.querySelector('[data-testid="action"]')?.textContent ?? ''),
        'the diagnosis of the selected failure',
      );
      assert.match(action, /^Resend with backoff of 2, 4, 8 s\. Another change to order ORDER_BUSY/);
    });

    // A GET: nothing about it says a failure may hide in its 200 (no GraphQL shape, no known host),
    // so only the imported profile makes capture read its body.
    const hook = () => page.evaluate(async () => (await fetch('/hooks/send?event=deploy')).status);
    // The profile names 127.0.0.1 as its host, so once imported it also claims the 409s above:
    // a 200 row is what only reading the body could list.
    const statuses = () =>
      run((doc) =>
        [...doc.querySelectorAll('[data-testid="failure"]')].map((el) => ({
          status: el.getAttribute('data-status'),
          provider: el.getAttribute('data-provider'),
        })),
      );

    test("a 200 is no failure before its team's profile is imported", async () => {
      assert.equal(await hook(), 200);
      // Capture keeps the page's order: once the 409 made after it is listed, the 200 would be too.
      assert.equal(await order(), 409);
      const rows = await pollUntil(async () => {
        const found = await statuses();
        return found.length === 3 ? found : undefined;
      }, 'the third 409 in the list');
      assert.deepEqual(
        rows.map((row) => row.status),
        ['409', '409', '409'],
      );
    });

    test("once the profile is imported, the devtools page reads such a 200's body and it is listed", async () => {
      await click('[data-testid="open-settings"]');
      const input = await panel.waitForSelector('[data-testid="profile-import"]');
      await input.uploadFile(HOOKS_PROFILE);
      await pollUntil(
        () =>
          run((doc) =>
            [...doc.querySelectorAll('[data-testid="profile-row"]')].some(
              (row) => row.getAttribute('data-profile') === 'hooks-local',
            )
              ? true
              : undefined,
          ),
        'the imported hooks profile in the list',
      );
      await run((doc) =>
        [...doc.querySelectorAll('button')].find((b) => b.textContent === 'Back to failures')?.click(),
      );
      // The devtools page learns of the import from storage.onChanged; each round sends one more
      // call until one is judged by the new profile (the condition, not a sleep, ends the wait).
      const rows = await pollUntil(async () => {
        assert.equal(await hook(), 200);
        const found = (await statuses()).filter((row) => row.status === '200');
        return found.length > 0 ? found : undefined;
      }, 'a 200 {status: error} listed under the imported profile');
      assert.equal(rows[0]?.provider, 'hooks-local');
    });
  },
);
