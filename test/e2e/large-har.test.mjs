// Real-browser e2e in Chromium (issue 12): the panel imports a HAR larger than V8's longest string
// (~512 MiB, generated here as a stream, never held) and exports it sanitized, every entry kept.
// Reading, parsing and sanitizing happen in the panel's HAR worker; the main thread only feeds the
// engine in slices. The panel's main-thread tasks are observed (the Long Tasks API, in the panel's
// own document) and printed for the notes: the bar is 200 ms. That bar is asserted only
// with E2E_STRICT_TIMING=1, on a quiet machine: a task's duration is wall-clock time, and on a
// loaded 2-core machine the neighbours stretch it (measured here: 265 ms for import and 559 ms for
// export while two other test suites ran; under 200 ms alone), and the suite must not fail for
// that (house rule: no wall-clock limit in a test). What bounds the work of one task is held by
// unit tests that count it (batch sizes in test/unit/panel).
import assert from 'node:assert/strict';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assertPresent, extensionDir, importTs, pollUntil, skipUnlessPresent } from './harness.mjs';

const { findChrome } = await importTs('src/demo/find-chrome.ts');
const chrome = findChrome();

const MiB = 1024 * 1024;
/** E2E_LARGE_HAR_MIB makes a smaller file for a quick local run; CI uses the default. */
const TARGET_MIB = Number(process.env.E2E_LARGE_HAR_MIB ?? 600);
const HUGE_BODY_MIB = 40;
const LONG_TASK_LIMIT_MS = 200;
const STRICT_TIMING = process.env.E2E_STRICT_TIMING === '1';
// Generous: a loaded 2-core CI machine reads and sanitizes 600 MB twice in the worker.
const TRANSFER_TIMEOUT = 30 * 60_000;

function startServer() {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><meta charset="utf-8"><title>Large HAR</title><p>large HAR test page</p>');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** In the panel: record every long task from now on (the Long Tasks API reports tasks over 50 ms). */
function observeLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
}

const noticeText = (doc) => doc.querySelector('[data-testid="notice"]')?.textContent ?? '';

describe(
  'Chromium: a HAR beyond 512 MiB imported and exported by the panel',
  { skip: skipUnlessPresent('Chromium', chrome), timeout: 2 * TRANSFER_TIMEOUT },
  () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'api-error-inspector-e2e-large-'));
    const downloads = path.join(dir, 'downloads');
    mkdirSync(downloads);
    let server;
    let browser;
    let panel;
    let plan;
    let harFile;
    const run = (fn, arg) => panel.evaluate(`(${fn})(document, ${JSON.stringify(arg ?? null)})`);
    const longTasks = () => panel.evaluate(() => window.__longTasks);

    before(async () => {
      assertPresent('Chromium', chrome);
      const { writeLargeHar } = await importTs('test/unit/cli/large-har.ts');
      harFile = path.join(dir, 'large.har');
      plan = writeLargeHar(harFile, TARGET_MIB * MiB, HUGE_BODY_MIB);
      server = await startServer();
      const devtoolsApi = await importTs('src/demo/devtools-chromium.ts');
      browser = await devtoolsApi.launchChromium({ executablePath: chrome, headless: true });
      const session = await browser.target().createCDPSession();
      await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
      const extensionId = await browser.installExtension(extensionDir('chrome'));
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      const devtools = await devtoolsApi.openDevtools(page, extensionId);
      panel = await devtoolsApi.showPanel(devtools, extensionId);
      await panel.evaluate(observeLongTasks);
    });

    after(async () => {
      await browser?.close();
      await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
      rmSync(dir, { recursive: true, force: true });
    });

    test('the long-task measurement sees a blocked main thread (so its silence means something)', async () => {
      // From a task of the panel's own event loop (a CDP evaluation is not one).
      await panel.evaluate(() => {
        setTimeout(() => {
          const end = performance.now() + 250;
          while (performance.now() < end);
        }, 0);
      });
      const seen = await pollUntil(async () => (await longTasks()).find((d) => d >= 250), 'the 250 ms task');
      assert.ok(seen >= 250);
      await panel.evaluate(() => (window.__longTasks = []));
    });

    test('imports it: every entry read, the failures listed, main-thread tasks measured', async () => {
      if (process.env.E2E_LARGE_HAR_MIB === undefined)
        assert.ok(statSync(harFile).size > 512 * MiB, 'the file is larger than V8 can hold in a string');
      const started = Date.now();
      await (await panel.$('[data-testid="import-input"]')).uploadFile(harFile);
      const notice = await pollUntil(
        async () => {
          const text = await run(noticeText);
          return /^Imported /.test(text) || /not a HAR|failed|cut short/.test(text) ? text : undefined;
        },
        'the end of the import',
        TRANSFER_TIMEOUT,
      );
      const seconds = (Date.now() - started) / 1000;
      assert.match(notice, new RegExp(`^Imported ${plan.entries} entries from large\\.har\\.`));
      assert.match(notice, /1 value was too large to hold and replaced by a placeholder saying so/);
      const failures = await run((doc) => doc.querySelectorAll('[data-testid="failure"]').length);
      assert.ok(failures > 0, 'failures are listed');
      const tasks = await longTasks();
      const longest = Math.max(0, ...tasks);
      console.log(
        `import of ${(statSync(harFile).size / MiB).toFixed(0)} MiB (${plan.entries} entries): ${seconds.toFixed(1)} s, ` +
          `${tasks.length} main-thread tasks over 50 ms, longest ${longest.toFixed(0)} ms`,
      );
      if (STRICT_TIMING) assert.ok(longest < LONG_TASK_LIMIT_MS, `longest main-thread task ${longest} ms`);
      await panel.evaluate(() => (window.__longTasks = []));
    });

    test('exports it sanitized: the whole file, valid JSON, every entry in place, main-thread tasks measured', async () => {
      const started = Date.now();
      // A narrow panel folds Export behind the toolbar's "Filters" button: open it first then.
      const more = await panel.$('[data-testid="more-controls"]');
      if (await more.evaluate((el) => el.offsetParent !== null)) await more.click();
      await (await panel.waitForSelector('[data-testid="export-har"]', { visible: true })).click();
      const saved = path.join(downloads, 'large.sanitized.har');
      await pollUntil(
        () => readdirSync(downloads, { withFileTypes: true }).some((f) => f.name === 'large.sanitized.har'),
        'the downloaded file',
        TRANSFER_TIMEOUT,
      );
      const notice = await pollUntil(
        async () => {
          const text = await run(noticeText);
          return /^Saved /.test(text) ? text : undefined;
        },
        'the end of the export',
        TRANSFER_TIMEOUT,
      );
      const seconds = (Date.now() - started) / 1000;
      assert.match(notice, new RegExp(`every entry of large\\.har \\(${plan.entries}\\)`));
      // Read the download back with the streaming reader: it is as large as the input.
      const { HarReader } = await importTs('src/core/har-stream/index.ts');
      const reader = new HarReader();
      const statuses = [];
      let hugeText = '';
      const take = (item) => {
        statuses[item.index] = item.value?.response?.status;
        if (item.index === plan.hugeIndex) hugeText = item.value?.response?.content?.text ?? '';
      };
      const fd = openSync(saved, 'r');
      try {
        for (;;) {
          const chunk = new Uint8Array(4 * MiB);
          const read = readSync(fd, chunk, 0, chunk.length, null);
          if (read === 0) break;
          reader.push(chunk.subarray(0, read)).forEach(take);
        }
      } finally {
        closeSync(fd);
      }
      reader.end().items.forEach(take);
      assert.equal(statuses.length, plan.entries);
      for (const index of plan.failures) assert.equal(statuses[index], 429);
      assert.match(hugeText, /^\[api-error-inspector removed a \d+-byte string: too long to hold\]$/);
      const tasks = await longTasks();
      const longest = Math.max(0, ...tasks);
      console.log(
        `export of ${(statSync(saved).size / MiB).toFixed(0)} MiB: ${seconds.toFixed(1)} s, ` +
          `${tasks.length} main-thread tasks over 50 ms, longest ${longest.toFixed(0)} ms`,
      );
      if (STRICT_TIMING) assert.ok(longest < LONG_TASK_LIMIT_MS, `longest main-thread task ${longest} ms`);
    });
  },
);
