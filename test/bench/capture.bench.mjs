// Capture benchmark (issue 11), not a test: `npm run bench:capture` builds dist/chrome, then this
// script opens a page in real Chromium that makes a call every 20 ms, opens DevTools while it does
// and shows the API Errors panel, then makes the rest of 30,000 calls at 200 a second with the
// panel open (a third of them failing, every body 2–50 KB; a tenth of the successes are GraphQL
// POSTs answered 200, a third of those carrying `errors[]`), and prints:
//   - failures listed vs. expected within retention (the failing calls DevTools' NetworkLog
//     recorded, GraphQL 200s with errors included, capped at the failure limit);
//   - failing calls made while DevTools was starting that the Network panel has and the panel
//     lacks (must be 0; the panel lists failures, so failing calls are what it can be checked on;
//     the e2e in test/e2e/capture.test.mjs checks every call);
//   - the panel's JS heap after a forced GC;
//   - the longest main-thread task of the panel during capture (Long Tasks API: tasks of 50 ms and
//     more are reported), early (< 1,000 failures kept) vs. late (> 9,000 kept), as a ratio;
//   - time to select a failure until its ticket is on screen, with ~100 vs. 10,000 failures kept,
//     and while capture runs, as a ratio.
// Environment: BENCH_REQUESTS (default 30000), BENCH_RATE (requests/s, default 200), CHROME_PATH;
// exploration: BENCH_TRACE=1 (long tasks from a trace), BENCH_TRACE_OUT=file (that trace's
// events), BENCH_TRACE_CATEGORIES=a,b (more trace categories), BENCH_PROFILE=1 (CPU profile), BENCH_HEAP=1 (heap by kind), BENCH_DIST=dir (a build).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(import.meta.dirname, '../..');
const TOTAL = Number(process.env.BENCH_REQUESTS ?? 30_000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
// BENCH_DIST points at another build of the Chrome target (e.g. an unminified one for BENCH_PROFILE).
const DIST = path.resolve(process.env.BENCH_DIST ?? path.join(root, 'dist/chrome'));
/** Hang guard for waits on a loaded machine, not a speed expectation. */
const LONG = 1_800_000;
const MAX_FAILURES = 10_000;

main().catch((error) => {
  console.error(`bench:capture failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
});

/** Every third call fails; sizes and statuses vary deterministically with the call's number. */
const fails = (n) => n % 3 === 0;
/**
 * A tenth of the successes are GraphQL calls (a POST of a JSON request object to the same
 * `/api/<n>` URL, so only the request's shape says GraphQL, and answered `application/json` as
 * legacy servers do: the hard case for capture's "could this 2xx be a failure" gate), and a third
 * of those answer 200 with `errors[]` (GraphQL over HTTP §"Status Codes"), which are failures.
 */
const graphql = (n) => n % 15 === 1;
const graphqlFails = (n) => n % 45 === 1;
/** The statuses the failing calls get, in turn. */
const sizeOf = (n) => 2048 + ((n * 7919) % 49) * 1024;
const STATUSES = [429, 500, 503, 404, 422, 502];

/** A JSON document of about `size` characters, shaped like a real API's (several short fields). */
function body(n) {
  const size = sizeOf(n);
  const item = (i) => ({ path: `items[${i}].sku`, issue: 'not in the catalogue', value: `SKU-${n}-${i}` });
  const items = [];
  for (let i = 0, length = 0; length < size; i++) {
    items.push(item(i));
    length += 64;
  }
  if (graphqlFails(n))
    return JSON.stringify({
      errors: [{ message: `call ${n} failed`, path: ['item'], extensions: { code: 'BENCH_FAILURE', items } }],
      data: { item: null },
    });
  if (graphql(n)) return JSON.stringify({ data: { item: { id: n, items } } });
  if (!fails(n)) return JSON.stringify({ data: { id: n, items } });
  return JSON.stringify({
    error: {
      code: 'bench_failure',
      message: `call ${n} failed`,
      request_id: `req_bench_${n}`,
      details: items,
    },
  });
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>capture bench</title><p>capture bench
<script>
// Calls are numbered in the order they are made. At most MAX_IN_FLIGHT wait for an answer at once:
// past a few thousand pending fetches Chromium refuses new ones (net::ERR_INSUFFICIENT_RESOURCES),
// which a real page never asks for; the rate achieved is reported.
const MAX_IN_FLIGHT = 100;
window.bench = { fired: 0, done: 0, networkErrors: 0, firstAt: 0, lastAt: 0, timer: 0 };
const QUERY = 'query Item($id: ID!) { item(id: $id) { id items { path issue value } } }';
const init = (n) =>
  n % 15 === 1 // the bench's graphql(n)
    ? {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: QUERY, variables: { id: n }, operationName: 'Item' }),
      }
    : undefined;
const call = () => {
  const n = bench.fired++;
  fetch('/api/' + n, init(n))
    .then((r) => r.text())
    .catch(() => bench.networkErrors++)
    .finally(() => bench.done++);
};
/** One call every 20 ms until stopped (what a busy page does while DevTools opens). */
window.startTicking = () => {
  bench.timer = setInterval(() => {
    if (bench.fired - bench.done < MAX_IN_FLIGHT) call();
  }, 20);
};
/** Stops ticking, then makes calls until \`total\` are made, at \`perSecond\`. */
window.startFiring = (total, perSecond) => {
  clearInterval(bench.timer);
  const t0 = performance.now();
  const start = bench.fired;
  bench.firstAt = Date.now();
  const tick = () => {
    const due = Math.min(total, start + Math.floor(((performance.now() - t0) * perSecond) / 1000) + 1);
    while (bench.fired < due && bench.fired - bench.done < MAX_IN_FLIGHT) call();
    if (bench.fired < total) setTimeout(tick, 5);
    else bench.lastAt = Date.now();
  };
  tick();
};
</script>`;

function startServer() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench.invalid');
    const api = /^\/api\/(\d+)$/.exec(url.pathname);
    if (url.pathname === '/') return res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE);
    if (!api) return res.writeHead(404).end();
    const n = Number(api[1]);
    const status = fails(n) ? STATUSES[(n / 3) % STATUSES.length] : 200;
    const headers = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
    if (status === 429) headers['Retry-After'] = '2';
    res.writeHead(status, headers).end(body(n));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main() {
  if (!fs.existsSync(path.join(DIST, 'manifest.json')))
    throw new Error('dist/chrome is missing: npm run build:chrome');
  if (!fs.existsSync(CHROME)) throw new Error(`Chromium not found at ${CHROME} (set CHROME_PATH)`);
  const devtoolsApi = await tsImport(path.join(root, 'src/demo/devtools-chromium.ts'), import.meta.url);
  const server = await startServer();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await devtoolsApi.launchChromium({ executablePath: CHROME, headless: true });
  try {
    const extensionId = await browser.installExtension(DIST);
    const page = await browser.newPage();
    await page.goto(origin + '/');
    const fired = () => page.evaluate(() => window.bench.fired);
    await page.evaluate(() => window.startTicking());
    await until(async () => (await fired()) >= 25, 'the first half second of calls');

    // DevTools opens while the page keeps calling; the panel is shown as soon as it exists.
    const openedAt = Date.now();
    const firedAtOpen = await fired();
    const devtools = await devtoolsApi.openDevtools(page, extensionId, LONG);
    const panel = await devtoolsApi.showPanel(devtools, extensionId, LONG);
    const firedAtPanel = await fired();
    const startupMs = Date.now() - openedAt;
    await panel.evaluate(installLongTaskLog);
    const profiler = process.env.BENCH_PROFILE ? await startProfile(browser) : undefined;
    const tracer = process.env.BENCH_TRACE ? await startTrace(browser) : undefined;
    // The bulk of the calls, with the panel open.
    await page.evaluate((total, rate) => window.startFiring(total, rate), TOTAL, RATE);
    const progress = setInterval(() => {
      Promise.all([fired(), failureCount(panel)]).then(
        ([calls, listedNow]) => console.error(`  … ${calls} calls fired, ${listedNow} failures listed`),
        () => undefined,
      );
    }, 10_000);

    // The calls made while DevTools was starting: what the Network panel has that the panel lacks,
    // once the panel has taken in what the devtools page handed over (a hang guard, no deadline).
    await until(async () => (await failureCount(panel)) > 0, 'the first failures listed', LONG);
    const startupFailing = (await recordedCalls(devtoolsApi, devtools))
      .filter((r) => r.n < firedAtPanel && r.failing)
      .map((r) => r.n);
    let startupMissing = startupFailing;
    const catchUp = Date.now();
    await until(
      async () => {
        const listedNow = new Set(await panel.evaluate(readListedCalls));
        startupMissing = startupFailing.filter((n) => !listedNow.has(n));
        return startupMissing.length === 0;
      },
      'the calls made while DevTools was starting',
      120_000,
    ).catch(() => undefined);
    const startupCatchUpMs = Date.now() - catchUp;

    // The easiest selection this run allows: as soon as the panel lists what DevTools' start held.
    const selectEasy = await panel.evaluate(timeSelections, 7);
    await until(async () => (await failureCount(panel)) >= 1_000, '1,000 failures', LONG);
    const earlyWindowEnd = await panel.evaluate(() => performance.now());
    const lateAt = Math.min(9_000, Math.floor(TOTAL / 3) - 500);
    await until(async () => (await failureCount(panel)) >= lateAt, `${lateAt} failures`, LONG);
    const lateWindowStart = await panel.evaluate(() => performance.now());
    const selectBusy = await panel.evaluate(timeSelections, 7);
    await until(() => page.evaluate((t) => window.bench.done >= t, TOTAL), 'every call answered', LONG);
    const firing = await page.evaluate(() => ({ ...window.bench }));
    await settle(panel);
    const captureEnd = await panel.evaluate(() => performance.now());
    const selectHard = await panel.evaluate(timeSelections, 7);

    const listed = await failureCount(panel);
    const recorded = await recordedCalls(devtoolsApi, devtools);
    const recordedFailing = recorded.filter((r) => r.failing).length;
    const tasks = await panel.evaluate(() => window.__benchLongTasks);
    // Selections are timed during capture too: their tasks (the detail pane rendering a body) are
    // reported apart from capture's own.
    const selecting = await panel.evaluate(() => window.__benchSelecting ?? []);
    const inSelection = (t) =>
      selecting.some(
        (start, i) => i % 2 === 0 && t.start + t.duration >= start && t.start <= (selecting[i + 1] ?? start),
      );
    const during = tasks.filter((t) => t.start <= captureEnd && !inSelection(t));
    const selectionTasks = tasks.filter(inSelection);
    const longest = (list) => list.reduce((max, t) => Math.max(max, t.duration), 0);
    clearInterval(progress);
    const profile = profiler ? await printProfile(profiler) : undefined;
    if (tracer) await printTrace(tracer, profile);
    const heapMb = await panelHeapMb(browser);
    if (process.env.BENCH_HEAP) await printHeapSummary(browser);
    report({
      startupMs,
      firedAtOpen,
      firedAtPanel,
      startupFailing: startupFailing.length,
      startupMissing,
      startupCatchUpMs,
      listed,
      recordedTotal: recorded.length,
      recordedFailing,
      expected: Math.min(recordedFailing, MAX_FAILURES),
      heapMb,
      longestAll: longest(during),
      over100: during.filter((t) => t.duration > 100).length,
      longTasks: during.length,
      longestEarly: longest(during.filter((t) => t.start < earlyWindowEnd)),
      longestLate: longest(during.filter((t) => t.start >= lateWindowStart)),
      longestSelecting: longest(selectionTasks),
      selectEasy,
      selectBusy,
      selectHard,
      rate: ((TOTAL - firedAtPanel) * 1000) / Math.max(1, firing.lastAt - firing.firstAt),
      networkErrors: firing.networkErrors,
    });
  } finally {
    await browser.close();
    server.close();
  }
}

async function until(probe, what, timeout = 120_000) {
  const deadline = Date.now() + timeout;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const failureCount = (panel) =>
  panel.evaluate(() => Number(document.querySelector('[data-testid=failure-count]')?.textContent ?? 0));

/** Waits until the failure count has not changed for two seconds (the backlog is drained). */
async function settle(panel) {
  let last = -1;
  let since = Date.now();
  await until(
    async () => {
      const now = await failureCount(panel);
      if (now !== last) [last, since] = [now, Date.now()];
      return Date.now() - since >= 2000;
    },
    'the panel to settle',
    LONG,
  );
}

/**
 * The calls DevTools' NetworkLog recorded, in its order: `{ n, failing }`, failing as the browser
 * saw it (an error status, or no response: on a loaded machine Chromium refuses some calls with
 * net::ERR_INSUFFICIENT_RESOURCES, and the panel rightly lists those too).
 */
async function recordedCalls(devtoolsApi, devtools) {
  const requests = await devtoolsApi.networkLogRequests(devtools);
  return requests.flatMap((r) => {
    const m = /\/api\/(\d+)$/.exec(r.url);
    if (!m) return [];
    const n = Number(m[1]);
    const graphqlFailed = r.status >= 200 && r.status < 300 && graphqlFails(n);
    return [{ n, failing: r.finished && (r.failed || r.status >= 400 || graphqlFailed) }];
  });
}

/** The panel's JS heap after a forced GC, through its own target (an out-of-process iframe). */
async function panelHeapMb(browser) {
  const target = browser.targets().find((t) => t.url().includes('/src/panel/panel.html'));
  if (!target) return Number.NaN;
  const cdp = await target.createCDPSession();
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return heap.usedSize / 2 ** 20;
}

/**
 * BENCH_HEAP=1 (exploration): what the panel's heap holds after GC, by kind and constructor (self
 * sizes from a heap snapshot; where the memory budget goes).
 */
async function printHeapSummary(browser) {
  const target = browser.targets().find((t) => t.url().includes('/src/panel/panel.html'));
  if (!target) return;
  const cdp = await target.createCDPSession();
  const chunks = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  const snapshot = JSON.parse(chunks.join(''));
  const meta = snapshot.snapshot.meta;
  const fields = meta.node_fields;
  const edgeFields = meta.edge_fields;
  const types = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const [typeAt, nameAt, sizeAt, edgesAt] = ['type', 'name', 'self_size', 'edge_count'].map((f) =>
    fields.indexOf(f),
  );
  const [edgeTypeAt, edgeNameAt] = ['type', 'name_or_index'].map((f) => edgeFields.indexOf(f));
  const add = (map, key, size) => {
    const slot = map.get(key) ?? { size: 0, count: 0 };
    slot.size += size;
    slot.count++;
    map.set(key, slot);
  };
  const byKind = new Map();
  // Plain objects by their first property names (what record part they are), strings by length
  // and by their first characters (what repeats).
  const objects = new Map();
  const strings = new Map();
  const lengths = new Map();
  let total = 0;
  let edge = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = types[snapshot.nodes[i + typeAt]];
    const rawName = snapshot.strings[snapshot.nodes[i + nameAt]];
    const size = snapshot.nodes[i + sizeAt];
    const edges = snapshot.nodes[i + edgesAt];
    total += size;
    add(byKind, `${type} ${type === 'object' || type === 'native' ? rawName : ''}`.trim(), size);
    if (type === 'object' && rawName === 'Object') {
      const names = [];
      for (let e = 0; e < edges && names.length < 5; e++) {
        const at = (edge + e) * edgeFields.length;
        if (edgeTypes[snapshot.edges[at + edgeTypeAt]] === 'property')
          names.push(snapshot.strings[snapshot.edges[at + edgeNameAt]]);
      }
      add(objects, `{${names.join(',')}}`, size);
    }
    if (type === 'string' || type === 'concatenated string' || type === 'sliced string') {
      add(
        strings,
        `${type === 'string' ? '' : type + ' '}${JSON.stringify(String(rawName).slice(0, 24))}`,
        size,
      );
      const bucket = size < 64 ? '< 64 B' : size < 1024 ? '64 B–1 KB' : size < 4096 ? '1–4 KB' : '>= 4 KB';
      add(lengths, bucket, size);
    }
    edge += edges;
  }
  const print = (title, map, n) => {
    console.error(`  ${title}`);
    for (const [key, { size, count }] of [...map].sort((a, b) => b[1].size - a[1].size).slice(0, n))
      console.error(
        `    ${(size / 2 ** 20).toFixed(1).padStart(7)} MB  ${String(count).padStart(8)}  ${key}`,
      );
  };
  console.error(`  heap snapshot: ${(total / 2 ** 20).toFixed(1)} MB self size in all`);
  print('by kind:', byKind, 12);
  print('plain objects by first properties:', objects, 20);
  print('strings by size:', lengths, 4);
  print('strings by first characters:', strings, 25);
}

/** BENCH_PROFILE=1: a CPU profile of the panel during capture, to see where its time goes. */
async function startProfile(browser) {
  const target = browser.targets().find((t) => t.url().includes('/src/panel/panel.html'));
  const cdp = await target.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return cdp;
}

async function printProfile(cdp) {
  const { profile } = await cdp.send('Profiler.stop');
  printSelfTimes(profile);
  return profile;
}

function printSelfTimes(profile) {
  const self = new Map();
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0));
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.error('  panel CPU profile, self time:');
  for (const [key, us] of top) console.error(`    ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
}

/** BENCH_TRACE=1 (exploration): the panel process's tasks over 100 ms and what ran in them. */
async function startTrace(browser) {
  const cdp = await browser.target().createCDPSession();
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'v8',
        'disabled-by-default-devtools.timeline',
        // BENCH_TRACE_CATEGORIES=a,b (exploration): more, to name tasks the default ones leave bare
        // (e.g. toplevel gives where a task was posted from, blink_gc / cppgc the DOM's collector).
        ...(process.env.BENCH_TRACE_CATEGORIES?.split(',').filter(Boolean) ?? []),
      ],
    },
    transferMode: 'ReportEvents',
  });
  return { cdp, events, done };
}

async function printTrace({ cdp, events, done }, profile) {
  await cdp.send('Tracing.end');
  await done;
  // The extension's main thread: the thread that runs scripts from chrome-extension:// URLs (the
  // devtools page and the panel share it). Other threads of that process, and DevTools' own
  // front-end, which also logs the extension's URLs, are left out.
  const threads = new Set(
    events
      .filter(
        (e) => e.name === 'FunctionCall' && String(e.args?.data?.url ?? '').startsWith('chrome-extension://'),
      )
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onThread = (e) => threads.has(`${e.pid}:${e.tid}`);
  // Selections mark themselves (console.timeStamp in timeSelections): their tasks are listed apart.
  const marks = events
    .filter((e) => e.name === 'TimeStamp' && String(e.args?.data?.message ?? '').startsWith('bench:'))
    .sort((a, b) => a.ts - b.ts);
  const windows = [];
  for (const mark of marks) {
    if (mark.args.data.message === 'bench:select') windows.push([mark.ts, Infinity]);
    else if (windows.length > 0) windows[windows.length - 1][1] = mark.ts;
  }
  const selecting = (task) => windows.some(([a, b]) => task.ts + task.dur >= a && task.ts <= b);
  // Each selection's CPU time on the extension's thread (the part of every task inside its window),
  // next to its wall time: under load most of a selection's wall time is that thread waiting for a
  // core inside its own tasks, and the CPU time is what the panel's code and rendering cost.
  const threadTasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && onThread(e));
  const perSelection = windows.map(([a, b]) => {
    let cpu = 0;
    for (const e of threadTasks)
      if (e.ts + e.dur > a && e.ts < b && e.dur > 0)
        cpu += ((e.tdur ?? 0) * (Math.min(b, e.ts + e.dur) - Math.max(a, e.ts))) / e.dur;
    return { wall: (b - a) / 1000, cpu: cpu / 1000 };
  });
  const median = (xs) => xs.slice().sort((x, y) => x - y)[xs.length >> 1] ?? 0;
  ['soon after the panel showed', 'late, capture running', 'after capture, idle'].forEach((name, i) => {
    const group = perSelection.slice(i * 7, i * 7 + 7);
    // A long run's trace can end before the later selections (at 30,000 requests only the first
    // group's marks were in it): say so rather than print nothing.
    if (group.length === 0)
      return console.error(`  trace, select ${name}: not in the trace (it ended before)`);
    console.error(
      `  trace, select ${name}: wall median ${median(group.map((s) => s.wall)).toFixed(0)} ms, ` +
        `CPU median ${median(group.map((s) => s.cpu)).toFixed(1)} ms, max ${Math.max(...group.map((s) => s.cpu)).toFixed(1)} ms`,
    );
  });
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur > 100_000 && onThread(e));
  // Listed below by the thread's CPU time (tdur) where the trace has it, else by wall time.
  const capture = tasks.filter((t) => !selecting(t)).sort((a, b) => (b.tdur ?? b.dur) - (a.tdur ?? a.dur));
  console.error(
    `  trace: ${tasks.length} tasks over 100 ms, ${tasks.length - capture.length} of them while selecting`,
  );
  // Wall time is what the Long Tasks API reports; on a loaded machine most of it is the thread
  // waiting for a core. The thread's own CPU time per task (tdur) is the panel's work.
  const cpu = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && onThread(e) && !selecting(e))
    .map((e) => e.tdur ?? 0);
  const longestCpu = cpu.reduce((max, t) => Math.max(max, t), 0);
  console.error(
    `  trace, CPU time of the extension's tasks outside selections: longest ${(longestCpu / 1000).toFixed(0)} ms, ` +
      `${cpu.filter((t) => t > 100_000).length} over 100 ms, ${cpu.filter((t) => t > 50_000).length} over 50 ms ` +
      `(of ${cpu.length} tasks)`,
  );
  // Chromium stops recording once its trace buffer is full (a 30,000-request run at ~35 requests/s
  // filled it about halfway through capture): every trace figure covers this span only.
  const first = threadTasks.reduce((min, e) => Math.min(min, e.ts), Infinity);
  const last = threadTasks.reduce((max, e) => Math.max(max, e.ts + e.dur), 0);
  console.error(
    `  trace span on the extension thread: ${((last - first) / 1e6).toFixed(0)} s ` +
      `(the trace figures below cover only this span)`,
  );
  printTraceTotals(events, onThread, selecting);
  const samples = profile ? profileSamples(profile) : [];
  // BENCH_TRACE_OUT=file (exploration): the thread's events of 1 ms and more, the selection marks
  // and the profile's samples, as JSON, to look at a window (a selection) after the run.
  if (process.env.BENCH_TRACE_OUT)
    fs.writeFileSync(
      process.env.BENCH_TRACE_OUT,
      JSON.stringify({
        events: events.filter((e) => onThread(e) && e.ph === 'X' && (e.dur ?? 0) >= 1000),
        marks,
        samples,
      }),
    );
  for (const task of capture.slice(0, 15)) {
    const inside = events.filter(
      (e) =>
        e.ph === 'X' &&
        e.pid === task.pid &&
        e.tid === task.tid &&
        e.ts >= task.ts &&
        e.ts + (e.dur ?? 0) <= task.ts + task.dur &&
        e !== task,
    );
    const byName = new Map();
    for (const e of inside) {
      const key =
        e.name +
        (e.args?.data?.url ? ` ${String(e.args.data.url).split('/').pop()}` : '') +
        (e.args?.data?.functionName ? ` ${e.args.data.functionName}` : '');
      byName.set(key, (byName.get(key) ?? 0) + e.dur);
    }
    const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 5);
    console.error(
      `    ${(task.dur / 1000).toFixed(0)} ms (CPU ${((task.tdur ?? 0) / 1000).toFixed(0)} ms): ` +
        top.map(([k, d]) => `${k} ${(d / 1000).toFixed(0)}`).join(' | '),
    );
    // What the panel's CPU profile sampled inside this task: self time with the caller.
    const bySample = new Map();
    for (const { ts, key } of samples)
      if (ts >= task.ts && ts <= task.ts + task.dur) bySample.set(key, (bySample.get(key) ?? 0) + 1);
    const hot = [...bySample].sort((a, b) => b[1] - a[1]).slice(0, 6);
    if (hot.length > 0) console.error(`      samples: ${hot.map(([k, n]) => `${k} ×${n}`).join(' | ')}`);
  }
}

/**
 * What the extension's thread spent its time on outside selections, by trace event name (nested
 * events are counted in their own name too, so the rows overlap): how often, wall and CPU. The
 * rendering steps (Layout, UpdateLayoutTree, Paint, ...) and Blink's collector (CppGC.*) are printed
 * whatever their rank. Script entry points are counted by script and function: DevTools' injected
 * extension API (`_onMessage`, no URL: its port messages, one per finished request and one per body
 * read) against the extension's own (the panel's BroadcastChannel `onmessage`). Each major GC's
 * start says how much of V8's global limit was not V8's old generation: Blink's heap and the
 * external memory messages report (a MessageEvent holds its serialised data until Blink's heap is
 * swept, and that sweep frees it: the CppGC.SweepFinalizeSweptPages steps).
 */
function printTraceTotals(events, onThread, selecting) {
  const byName = new Map();
  const entryPoints = new Map();
  const sweeps = [];
  const outsideOldGen = [];
  for (const e of events) {
    if (e.ph !== 'X' || !onThread(e) || selecting(e)) continue;
    const slot = byName.get(e.name) ?? { count: 0, dur: 0, tdur: 0, max: 0 };
    slot.count++;
    slot.dur += e.dur ?? 0;
    slot.tdur += e.tdur ?? 0;
    slot.max = Math.max(slot.max, e.tdur ?? 0);
    byName.set(e.name, slot);
    if (e.name === 'FunctionCall') {
      const data = e.args?.data ?? {};
      const script =
        String(data.url ?? '')
          .split('/')
          .pop() || '(no URL)';
      const key = `${script} ${data.functionName || '(anonymous)'}`.slice(0, 100);
      const entry = entryPoints.get(key) ?? { count: 0, tdur: 0 };
      entry.count++;
      entry.tdur += e.tdur ?? 0;
      entryPoints.set(key, entry);
    }
    const start = e.name === 'V8.GCIncrementalMarkingStart' ? e.args?.value : undefined;
    if (start?.global_consumed_bytes !== undefined)
      outsideOldGen.push((start.global_consumed_bytes - start.old_gen_consumed_bytes) / 2 ** 20);
    if (e.name.startsWith('CppGC.Sweep') && (e.tdur ?? 0) > 50_000) sweeps.push(e);
  }
  const row = (name, { count, dur, tdur, max }) =>
    `    ${String(count).padStart(8)}  wall ${(dur / 1000).toFixed(0).padStart(7)} ms  CPU ${(tdur / 1000).toFixed(0).padStart(6)} ms  (longest ${(max / 1000).toFixed(0)} ms)  ${name}`;
  const rendering =
    /^(Layout|UpdateLayoutTree|RecalculateStyles|Paint|PrePaint|Layerize|Commit|HitTest|ScheduleStyleRecalculation|IntersectionObserverController::computeIntersections)$/;
  console.error('  trace, the extension thread outside selections, by event (count, wall, CPU):');
  const top = [...byName].sort((a, b) => b[1].tdur - a[1].tdur);
  const shown = new Set();
  for (const [name, slot] of top.slice(0, 25)) {
    shown.add(name);
    console.error(row(name, slot));
  }
  for (const [name, slot] of top)
    if (!shown.has(name) && (rendering.test(name) || name.startsWith('CppGC.') || name.startsWith('BlinkGC')))
      console.error(row(name, slot));
  console.error('  trace, script entry points (count, CPU):');
  for (const [key, { count, tdur }] of [...entryPoints].sort((a, b) => b[1].tdur - a[1].tdur).slice(0, 6))
    console.error(`    ${String(count).padStart(8)}  CPU ${(tdur / 1000).toFixed(0).padStart(6)} ms  ${key}`);
  const sorted = outsideOldGen.sort((a, b) => a - b);
  if (sorted.length > 0)
    console.error(
      `  trace, ${sorted.length} major GCs started; V8's global limit use outside the old generation ` +
        `(Blink's heap, external memory): median ${(sorted[sorted.length >> 1] ?? 0).toFixed(1)} MB, ` +
        `max ${(sorted.at(-1) ?? 0).toFixed(1)} MB`,
    );
  for (const e of sweeps.sort((a, b) => b.tdur - a.tdur).slice(0, 8))
    console.error(`    sweep ${e.name} CPU ${(e.tdur / 1000).toFixed(0)} ms: ${JSON.stringify(e.args)}`);
}

/** Each sample of a CPU profile with its time (trace clock, µs) and `function ← caller`. */
function profileSamples(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) =>
    n
      ? `${n.callFrame.functionName || '(anon)'}@${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`
      : '';
  const out = [];
  let ts = profile.startTime;
  profile.samples.forEach((id, i) => {
    ts += profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') return;
    out.push({ ts, key: `${name(node)} ← ${name(byId.get(parent.get(id)))}` });
  });
  return out;
}

// ---- functions below run inside the panel (serialised by puppeteer: keep them self-contained)

function installLongTaskLog() {
  window.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** Every listed call's number, read by scrolling the virtualized list from top to bottom. */
async function readListedCalls() {
  const scroller = document.querySelector('[data-testid=failure-list]');
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const seen = new Set();
  scroller.scrollTop = 0;
  await frame();
  for (;;) {
    for (const el of document.querySelectorAll('[data-testid=failure]')) {
      // The row says `POST host/api/<n> <GraphQL operation>, …` for a GraphQL call.
      const m = /\/api\/(\d+)[ ,]/.exec(el.getAttribute('aria-label') ?? '');
      if (m) seen.add(Number(m[1]));
    }
    if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
    scroller.scrollTop += Math.max(1, scroller.clientHeight - 40);
    await frame();
  }
  scroller.scrollTop = 0;
  return [...seen];
}

/**
 * Selects `count` failures one after another (a click on the row), each timed from the click to
 * the first frame that shows its ticket (naming that call). Returns the median and max.
 */
async function timeSelections(count) {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const times = [];
  for (let i = 0; i < count; i++) {
    const rows = [...document.querySelectorAll('[data-testid=failure]')];
    const row = rows[(i * 3 + 1) % rows.length];
    const n = /\/api\/(\d+)[ ,]/.exec(row.getAttribute('aria-label') ?? '')?.[1];
    const t0 = performance.now();
    (window.__benchSelecting ??= []).push(t0);
    console.timeStamp('bench:select');
    row.click();
    for (;;) {
      await frame();
      // The request line names the call (a call Chromium could not even send has no request id).
      if (document.querySelector('[data-testid=ticket]')?.textContent?.includes(`/api/${n} `)) break;
      if (performance.now() - t0 > 30_000)
        throw new Error(
          `the ticket of call ${n} never showed: ${document.querySelector('[data-testid=ticket]')?.textContent?.slice(0, 300)} | selected ${document.querySelector('[aria-selected=true]')?.getAttribute('aria-label')}`,
        );
    }
    times.push(performance.now() - t0);
    window.__benchSelecting.push(performance.now());
    console.timeStamp('bench:selected');
  }
  times.sort((a, b) => a - b);
  const kept = Number(document.querySelector('[data-testid=failure-count]')?.textContent ?? 0);
  return { median: times[times.length >> 1], max: times.at(-1), kept };
}

function report(r) {
  const ms = (x) => `${x.toFixed(0)} ms`;
  const lt = (x) => (x === 0 ? '< 50 ms (no long task)' : ms(x));
  console.log(
    `\nAPI Errors capture benchmark (Chromium, ${TOTAL} requests, a third failing, 2–50 KB bodies, ` +
      `a tenth of successes GraphQL POSTs of which a third 200 with errors[])`,
  );
  console.log(
    `  page rate achieved: ${r.rate.toFixed(0)} requests/s (asked ${RATE}); calls the browser could not ` +
      `send or finish (fetch rejected, listed as network errors): ${r.networkErrors}`,
  );
  console.log(
    `  DevTools opened after ${r.firedAtOpen} calls; ${ms(r.startupMs)} until the panel showed ` +
      `(${r.firedAtPanel - r.firedAtOpen} calls made meanwhile)`,
  );
  console.log(
    `  failing calls made while DevTools was starting that the Network panel has and the panel lacks: ` +
      `${r.startupMissing.length} of ${r.startupFailing}  [must be 0] (all listed ` +
      `${ms(r.startupCatchUpMs)} after the panel's first failure)`,
  );
  console.log(
    `  failures listed: ${r.listed}, expected within retention: ${r.expected} ` +
      `(NetworkLog recorded ${r.recordedTotal} calls, ${r.recordedFailing} failing; limit ${MAX_FAILURES})`,
  );
  console.log(`  panel JS heap after GC: ${r.heapMb.toFixed(1)} MB  [budget 120 MB, DEFAULT_RETENTION]`);
  console.log(
    `  longest panel task during capture: ${lt(r.longestAll)} (${r.longTasks} tasks of 50 ms or more, ` +
      `${r.over100} over 100 ms; selections apart)  [target <= 100 ms]`,
  );
  console.log(
    `    early (until 1,000 failures kept): ${lt(r.longestEarly)}; late (the last ~500 failures): ${lt(r.longestLate)}` +
      (r.longestEarly > 0 ? `; ratio ${(r.longestLate / r.longestEarly).toFixed(2)}` : ''),
  );
  const sel = (s) => `${s.kept} failures kept: median ${ms(s.median)}, max ${ms(s.max)}`;
  console.log(
    `  select a failure until its ticket shows (7 selections each; longest task while selecting ` +
      `${lt(r.longestSelecting)})  [target <= 100 ms]`,
  );
  console.log(`    soon after the panel showed, capture running: ${sel(r.selectEasy)}`);
  console.log(`    late, capture running: ${sel(r.selectBusy)}`);
  console.log(
    `    after capture, idle: ${sel(r.selectHard)}; median ratio to the first: ` +
      `${(r.selectHard.median / r.selectEasy.median).toFixed(2)}`,
  );
}
