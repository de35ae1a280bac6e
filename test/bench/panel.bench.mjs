// Panel benchmark (issue 6), not a test: `npm run bench:panel` builds dist/chrome, then this script
// loads it into real Chromium, opens the panel page in a tab, imports generated HAR files of 100
// and 10,000 failures through the real file input, and prints:
//   - time to render the list (re-mounting the session view) and to apply / clear a text filter,
//     for 100 vs 10,000 failures, with the 10,000 / 100 ratio (target <= 1.5);
//   - the panel's JS heap holding 10,000 failures (target <= 100 MB);
//   - the gzipped JavaScript the panel page loads before its first paint (target <= 60 KB), and
//     the lazy chunks it loads on first use;
//   - start-up as in DevTools, 100 vs 5,000 failures buffered: a stand-in for the devtools page
//     answers the panel's hello with its buffer; time from navigation to the first paint and to the
//     frame listing every buffered failure (the first useful paint: the engine's chunk, loaded after
//     the first paint, must have classified them).
// Timings are medians of repeated runs; "script" stops when the render task is done, "frame" also
// waits for the next animation frame, i.e. what the user sees.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
// PANEL_DIST points at another build of the Chrome target (default: what bench:panel just built).
const DIST = path.resolve(process.env.PANEL_DIST ?? 'dist/chrome');
const SIZES = [100, 10_000];
/** Failures in the devtools page's buffer when the panel starts (5,000: the default retention). */
const BUFFERED = [100, 5_000];
const STARTS = 9;
const REPEAT = 15;
const WARMUP = 3;

main().catch((error) => {
  console.error(`bench:panel failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
});

async function main() {
  if (!fs.existsSync(path.join(DIST, 'manifest.json')))
    throw new Error('dist/chrome is missing: npm run build:chrome');
  if (!fs.existsSync(CHROME)) throw new Error(`Chromium not found at ${CHROME} (set CHROME_PATH)`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aei-bench-'));
  const browser = await puppeteer.launch({
    executablePath: CHROME,
    headless: true,
    pipe: true,
    enableExtensions: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
  try {
    const extId = await browser.installExtension(DIST);
    const results = [];
    for (const n of SIZES) {
      const file = path.join(tmp, `failures-${n}.har`);
      fs.writeFileSync(file, JSON.stringify(generateHar(n)));
      results.push(await measure(browser, extId, file, n));
    }
    const startups = [];
    for (const n of BUFFERED) startups.push(await measureStartup(browser, extId, n));
    report(results, panelScriptSizes(), startups);
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** One fresh panel tab per size, so the heap figure holds only that session. */
async function measure(browser, extId, file, n) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 700 });
  // Outside DevTools there is no inspected tab; `tab` names one so the platform does not ask for it.
  const url = `chrome-extension://${extId}/src/panel/panel.html?tab=-1`;
  await page.goto(url);
  // The default retention (5,000) would evict half of a 10,000-failure import; raise it the way a
  // user would in Settings, then start over with it applied.
  await page.evaluate(() => globalThis.chrome.storage.local.set({ settings: { maxExchanges: 50_000 } }));
  await page.reload();
  await page.waitForSelector('[data-testid=import-input]', { timeout: 15_000 });

  const shown = page.evaluate(installImportTimer, n);
  const input = await page.$('[data-testid=import-input]');
  await input.uploadFile(file);
  const importMs = await shown;
  const rendered = await page.$$eval('[data-testid=failure]', (els) => els.length);

  const render = await page.evaluate(timeRender, REPEAT + WARMUP, WARMUP);
  const filter = await page.evaluate(timeFilter, REPEAT + WARMUP, WARMUP);
  const scroll = await page.evaluate(timeScroll, REPEAT + WARMUP, WARMUP);

  const cdp = await page.createCDPSession();
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await page.close();
  return { n, importMs, rendered, render, filter, scroll, heapMb: heap.usedSize / 2 ** 20 };
}

/**
 * Fresh panel documents (a tab, as in measure()) whose hello is answered by a stand-in for the
 * devtools page: another document of the extension on the same BroadcastChannel, replying with `n`
 * buffered failures as CaptureHub does (src/platform/capture-channel.ts: `api-errors:<tab id>`,
 * a `batch` with `initial: true`). Medians of STARTS loads after one warm-up.
 */
async function measureStartup(browser, extId, n) {
  const TAB = -2;
  const hub = await browser.newPage();
  await hub.goto(`chrome-extension://${extId}/manifest.json`);
  const entries = generateHar(n).log.entries;
  await hub.evaluate(
    (name, entries) => {
      const channel = new BroadcastChannel(name);
      const events = entries.map((entry) => ({ type: 'entry', entry, failed: true }));
      channel.onmessage = (event) => {
        if (event.data?.type !== 'hello') return;
        const dropped = { failures: 0, successes: 0, trimmedBodies: 0 };
        channel.postMessage({ type: 'batch', batch: { initial: true, events, dropped } });
      };
      globalThis.benchHub = channel;
    },
    `api-errors:${TAB}`,
    entries,
  );
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 700 });
  await page.evaluateOnNewDocument(watchFirstRows, n);
  const paint = [];
  const rows = [];
  for (let i = 0; i <= STARTS; i++) {
    await page.goto(`chrome-extension://${extId}/src/panel/panel.html?tab=${TAB}`);
    await page.bringToFront();
    const listed = await page.evaluate(() => globalThis.benchFirstRows);
    const fcp = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    );
    if (i === 0) continue;
    paint.push(fcp);
    rows.push(listed);
  }
  await page.close();
  await hub.close();
  const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  return { n, paint: median(paint), rows: median(rows) };
}

// ---- functions below run inside the panel page (serialised by puppeteer: keep them self-contained)

/**
 * Installed before the panel's own scripts: `benchFirstRows` resolves with the ms from navigation
 * to the frame that shows `n` failures, counted and listed.
 */
function watchFirstRows(n) {
  globalThis.benchFirstRows = new Promise((resolve, reject) => {
    const check = () => {
      const count = document.querySelector('[data-testid=failure-count]')?.textContent;
      if (count === String(n) && document.querySelector('[data-testid=failure]'))
        requestAnimationFrame(() => resolve(performance.now()));
      else if (performance.now() > 120_000) reject(new Error(`panel shows ${count} failures, expected ${n}`));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** Resolves with the ms from the file input's change event to the frame showing `n` failures. */
function installImportTimer(n) {
  return new Promise((resolve, reject) => {
    let t0;
    document.addEventListener('change', () => (t0 = performance.now()), { capture: true, once: true });
    const deadline = performance.now() + 120_000;
    const check = () => {
      const count = document.querySelector('[data-testid=failure-count]')?.textContent;
      if (t0 !== undefined && count === String(n)) {
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
      } else if (performance.now() > deadline) {
        reject(new Error(`panel shows ${count} failures, expected ${n}`));
      } else requestAnimationFrame(check);
    };
    check();
  });
}

/** Leave the list for Settings and come back: the session view (filter bar + list) mounts anew. */
async function timeRender(runs, warmup) {
  const toggle = document.querySelector('[data-testid=open-settings]');
  const task = () => new Promise((r) => setTimeout(r));
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
  const script = [];
  const total = [];
  for (let i = 0; i < runs; i++) {
    toggle.click();
    await frame();
    if (document.querySelector('[data-testid=failure-list]'))
      throw new Error('settings view did not replace the list');
    const t0 = performance.now();
    toggle.click();
    await task();
    const t1 = performance.now();
    await frame();
    const t2 = performance.now();
    if (!document.querySelector('[data-testid=failure]')) throw new Error('list did not render');
    if (i < warmup) continue;
    script.push(t1 - t0);
    total.push(t2 - t0);
  }
  const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  return { script: median(script), frame: median(total) };
}

/** Type a token filter into the filter box and clear it again, timing each until it shows. */
async function timeFilter(runs, warmup) {
  const box = document.querySelector('[data-testid=filter-text]');
  const task = () => new Promise((r) => setTimeout(r));
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
  const firstStatus = () => document.querySelector('[data-testid=failure]')?.dataset.status;
  const type = async (text) => {
    const t0 = performance.now();
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await task();
    const t1 = performance.now();
    await frame();
    return [t1 - t0, performance.now() - t0];
  };
  const apply = { script: [], frame: [] };
  const clear = { script: [], frame: [] };
  for (let i = 0; i < runs; i++) {
    const [a1, a2] = await type('status:429');
    if (firstStatus() !== '429') throw new Error(`filter not applied (first row status ${firstStatus()})`);
    const [c1, c2] = await type('');
    if (i < warmup) continue;
    apply.script.push(a1);
    apply.frame.push(a2);
    clear.script.push(c1);
    clear.frame.push(c2);
  }
  const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  return {
    apply: { script: median(apply.script), frame: median(apply.frame) },
    clear: { script: median(clear.script), frame: median(clear.frame) },
  };
}

/** Jump the list between two far-apart positions, timing until the new lines are on screen. */
async function timeScroll(runs, warmup) {
  const list = document.querySelector('[data-testid=failure-list]');
  const line = Number.parseFloat(getComputedStyle(list.querySelector('[role=option]')).height);
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
  const times = [];
  for (let i = 0; i < runs; i++) {
    const top = Math.round((i % 2 ? 0.25 : 0.75) * (list.scrollHeight - list.clientHeight));
    const first = Math.floor(top / line) + 1;
    const t0 = performance.now();
    list.scrollTop = top;
    while (!list.querySelector(`[role=option][aria-posinset="${first}"]`)) await frame();
    if (i >= warmup) times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[times.length >> 1];
}

// ---- node side: data and reporting

/**
 * The JavaScript the panel page loads, in two parts: the first load (panel.html's scripts and
 * everything they import statically: what runs before the first paint) and the lazy chunks
 * (reached only through dynamic import(): the detail, Settings, the timeline, export, the copy
 * menu's texts), each counted once.
 */
function panelScriptSizes() {
  const html = fs.readFileSync(path.join(DIST, 'src/panel/panel.html'), 'utf8');
  const resolve = (from, spec) =>
    spec.startsWith('/') ? path.join(DIST, spec) : path.resolve(path.dirname(from), spec);
  const STATIC = /(?:from|import)\s*["'`]([^"'`]+\.js)["'`]/g;
  const DYNAMIC = /import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;
  const closure = (roots, seen) => {
    const dynamic = [];
    const queue = [...roots];
    while (queue.length > 0) {
      const file = queue.pop();
      if (seen.has(file) || !fs.existsSync(file)) continue;
      seen.add(file);
      const code = fs.readFileSync(file, 'utf8');
      for (const m of code.matchAll(STATIC)) queue.push(resolve(file, m[1]));
      for (const m of code.matchAll(DYNAMIC)) dynamic.push(resolve(file, m[1]));
    }
    return dynamic;
  };
  const first = new Set();
  let pending = closure(
    [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => path.join(DIST, m[1])),
    first,
  );
  const lazy = new Set(first);
  while (pending.length > 0) pending = closure(pending, lazy);
  const size = (file, part) => {
    const code = fs.readFileSync(file);
    return {
      file: path.relative(DIST, file),
      part,
      raw: code.length,
      gzip: gzipSync(code, { level: 9 }).length,
    };
  };
  return [
    ...[...first].map((f) => size(f, 'first')),
    ...[...lazy].filter((f) => !first.has(f)).map((f) => size(f, 'lazy')),
  ];
}

function report(results, scripts, startups) {
  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log(
    '\nAPI Errors panel benchmark (Chromium, panel page in a tab, HAR import through the file input)',
  );
  for (const r of results) {
    console.log(
      `  ${String(r.n).padStart(6)} failures: import ${ms(r.importMs)}, ${r.rendered} rows in the DOM, ` +
        `render ${ms(r.render.script)} script / ${ms(r.render.frame)} to frame, ` +
        `filter ${ms(r.filter.apply.script)} / ${ms(r.filter.apply.frame)}, ` +
        `clear filter ${ms(r.filter.clear.script)} / ${ms(r.filter.clear.frame)}, ` +
        `scroll ${ms(r.scroll)} to frame, heap ${r.heapMb.toFixed(1)} MB`,
    );
  }
  const [small, large] = results;
  const ratio = (f) => (f(large) / f(small)).toFixed(2);
  console.log(
    `  ratio 10,000/100: render ${ratio((r) => r.render.frame)} (script ${ratio((r) => r.render.script)}), ` +
      `filter ${ratio((r) => r.filter.apply.frame)} (script ${ratio((r) => r.filter.apply.script)}), ` +
      `clear ${ratio((r) => r.filter.clear.frame)} (script ${ratio((r) => r.filter.clear.script)}), ` +
      `scroll ${ratio((r) => r.scroll)}  [target <= 1.5]`,
  );
  console.log(`  heap with 10,000 failures: ${large.heapMb.toFixed(1)} MB  [target <= 100 MB]`);
  for (const s of startups)
    console.log(
      `  start-up with ${String(s.n).padStart(5)} failures buffered: first paint ${ms(s.paint)}, ` +
        `every failure listed ${ms(s.rows)} (from navigation)`,
    );
  const [few, many] = startups;
  console.log(`  ratio 5,000/100 buffered: first rows ${(many.rows / few.rows).toFixed(2)}`);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  for (const part of ['first', 'lazy']) {
    const files = scripts.filter((s) => s.part === part);
    console.log(
      part === 'first' ? '  first load (before the first paint):' : '  lazy chunks (on first use):',
    );
    for (const s of files) console.log(`    ${s.file}: ${kb(s.raw)}, gzip ${kb(s.gzip)}`);
  }
  const sum = (part) => scripts.filter((s) => s.part === part).reduce((total, s) => total + s.gzip, 0);
  console.log(`  panel JavaScript gzipped, first load: ${kb(sum('first'))}  [target <= 60 KB]`);
  console.log(
    `  panel JavaScript gzipped, lazy chunks: ${kb(sum('lazy'))} (all: ${kb(sum('first') + sum('lazy'))})`,
  );
}

const PROVIDERS = [
  // [method, url(i), status, headers, body]
  (i) => [
    'POST',
    `https://api.withpersona.com/api/v1/inquiries/inq_${id(i, 24)}/resume`,
    429,
    [
      ['RateLimit-Limit', '300'],
      ['RateLimit-Remaining', '0'],
      ['Retry-After', '20'],
    ],
    { errors: [{ title: 'Rate limit exceeded', details: 'Too many requests for this API key.' }] },
  ],
  (i) => [
    'GET',
    `https://api.withpersona.com/api/v1/accounts/act_${id(i, 24)}`,
    404,
    [],
    { errors: [{ title: 'Record not found' }] },
  ],
  (i) => ['POST', 'https://api.persly.ai/v1/chat/completions', 429, [], quota(i)],
  (i) => ['POST', 'https://api.persly.ai/v1/embeddings', 400, [], badParam(i)],
  (i) => [
    'GET',
    `https://kyc.ranex.example/resources/applicants/${hex(i)}/one`,
    503,
    [],
    { message: 'Service unavailable' },
  ],
  (i) => [
    'GET',
    `https://payments.example.net/v2/orders/${i}`,
    500,
    [['X-Request-Id', `req_${id(i, 16)}`]],
    envelope(i),
  ],
  (i) => ['DELETE', `https://app.example.org/api/sessions/${uuid(i)}`, 0, [], undefined],
];

function generateHar(n) {
  const start = Date.parse('2026-05-04T10:00:00Z');
  const entries = Array.from({ length: n }, (_, i) => {
    const [method, url, status, headers, body] = PROVIDERS[i % PROVIDERS.length](i);
    return entry(new Date(start + i * 250).toISOString(), method, url, status, headers, body);
  });
  return { log: { version: '1.2', creator: { name: 'panel.bench', version: '1' }, entries } };
}

function entry(startedDateTime, method, url, status, headers, body) {
  const text = body === undefined ? '' : JSON.stringify(body);
  const response = {
    status,
    statusText: status === 0 ? '' : 'Error',
    httpVersion: 'HTTP/1.1',
    headers:
      status === 0
        ? []
        : [['Content-Type', 'application/json'], ...headers].map(([name, value]) => ({ name, value })),
    cookies: [],
    content: { size: text.length, mimeType: status === 0 ? '' : 'application/json', text },
    redirectURL: '',
    headersSize: -1,
    bodySize: text.length,
  };
  if (status === 0) response._error = 'net::ERR_CONNECTION_REFUSED';
  const request = {
    method,
    url,
    httpVersion: 'HTTP/1.1',
    headers: [{ name: 'Accept', value: 'application/json' }],
    queryString: [],
    cookies: [],
    headersSize: -1,
    bodySize: method === 'POST' ? 2 : 0,
  };
  if (method === 'POST') request.postData = { mimeType: 'application/json', text: '{}' };
  const timings = { send: 1, wait: 40, receive: 2 };
  return { startedDateTime, time: 43, request, response, cache: {}, timings };
}

function quota(i) {
  return {
    error: {
      message: 'You exceeded your current quota.',
      type: 'insufficient_quota',
      code: i % 2 ? 'quota_exceeded' : 'spending_limit_exceeded',
      param: null,
    },
  };
}
function badParam(i) {
  return {
    error: {
      message: `Invalid value for 'input' at item ${i}.`,
      type: 'invalid_request_error',
      code: 'parameter_invalid',
      param: 'input',
    },
  };
}
function envelope(i) {
  return {
    error: {
      code: 'internal_error',
      message: 'Unexpected failure',
      details: [],
      request_id: `req_${id(i, 16)}`,
      timestamp: '2026-05-04T10:00:00Z',
    },
  };
}
function id(i, length) {
  return (i.toString(36) + 'x7Kq2mZ9pLw4vR8tN3bY6cJ5hD1fG0sA').slice(0, length).padEnd(length, 'Q');
}
function hex(i) {
  return i.toString(16).padStart(24, 'a');
}
function uuid(i) {
  const h = i.toString(16).padStart(12, '0');
  return `3f2b8c1e-9d4a-4b7e-8f00-${h}`;
}
