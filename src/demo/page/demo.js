// The demo page's only script (served as /demo.js; the page's CSP allows no inline script).
// Each button sends one scenario's request exactly as a real integration would. The page never
// renders a response body, so the hostile one stays a string here too.
const scenarios = JSON.parse(document.getElementById('demo-scenarios').textContent);
const byId = new Map(scenarios.map((s) => [s.id, s]));
const log = document.getElementById('log');

function note(text) {
  const item = document.createElement('li');
  item.textContent = text;
  log.prepend(item);
}

/** Sends one scenario; resolves to the status (0 for a network error), never rejects. */
async function run(id) {
  const s = byId.get(id);
  if (!s) throw new Error(`unknown demo scenario ${id}`);
  const init = { method: s.method, headers: s.headers };
  if (s.body !== undefined) init.body = s.body;
  try {
    const response = await fetch(s.url, init);
    await response.text();
    note(`${s.method} ${s.url} → ${response.status}`);
    return response.status;
  } catch (error) {
    note(`${s.method} ${s.url} → network error (${error.message})`);
    return 0;
  }
}

/** The latest runAll as it goes: which scenarios, the statuses so far, the one awaiting its answer. */
let lastRun = { ids: [], statuses: [], pending: null };

/** Sends scenarios one after another so the panel lists them in page order. */
async function runAll(ids = scenarios.map((s) => s.id)) {
  const state = { ids: [...ids], statuses: [], pending: null };
  lastRun = state;
  for (const id of ids) {
    state.pending = id;
    state.statuses.push(await run(id));
  }
  state.pending = null;
  return state.statuses;
}

/**
 * A copy of the latest runAll's state, for a script that starts a run and polls rather than holding
 * one evaluation open until every answer is in; `done` once each scenario has its status.
 */
function progress() {
  return {
    ids: [...lastRun.ids],
    statuses: [...lastRun.statuses],
    pending: lastRun.pending,
    done: lastRun.statuses.length === lastRun.ids.length,
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Retries the way hurried integrations do, for the panel's findings and its retry timeline: a 429
 * that asked for 30 s re-sent after 1 s twice (retried too early), a timing-out DELETE re-sent
 * every 0.3 s until five failures in a row would have tripped a circuit breaker, and a 500 retried
 * after 1 s then 2 s (backoff that grows, as the docs ask).
 */
async function retryStory() {
  const statuses = [];
  for (let i = 0; i < 3; i++) {
    if (i > 0) await sleep(1000);
    statuses.push(await run('persona-429'));
  }
  for (let i = 0; i < 5; i++) {
    if (i > 0) await sleep(300);
    statuses.push(await run('envelope-504'));
  }
  for (const wait of [0, 1000, 2000]) {
    await sleep(wait);
    statuses.push(await run('persly-500'));
  }
  return statuses;
}

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button') : null;
  if (!button) return;
  if (button.id === 'run-all') void runAll();
  else if (button.id === 'retry-story') void retryStory();
  else if (button.dataset.scenario) void run(button.dataset.scenario);
});

// For the e2e tests and for anyone scripting the demo from the console.
window.demo = { run, runAll, progress, retryStory, ids: scenarios.map((s) => s.id) };
