// Shared, browser-independent pieces of the e2e suites: the demo server (the same one `npm start`
// runs), the expected outcome of each demo scenario, the extension builds, and condition polling.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(import.meta.dirname, '../..');

/** Imports a TypeScript module of the project (the demo server is TypeScript, these tests are not). */
export const importTs = (relative) => tsImport(path.join(root, relative), import.meta.url);

/** dist/chrome or dist/firefox (E2E_DIST overrides `dist`, e.g. to test a build made elsewhere). */
export function extensionDir(target) {
  const dir = path.resolve(root, process.env.E2E_DIST ?? 'dist', target);
  if (!existsSync(path.join(dir, 'manifest.json')))
    throw new Error(`no extension build in ${dir}: run \`npm run build\` first`);
  return dir;
}

/**
 * A missing browser skips its suite with a message on a developer's machine; under
 * E2E_REQUIRED=1 (set by .ci/run) the suite runs and fails on the missing browser instead.
 */
export function skipUnlessPresent(name, executable) {
  if (executable && existsSync(executable)) return false;
  const where = executable ?? '(no candidate path)';
  if (process.env.E2E_REQUIRED) return false;
  const reason = `${name} not found at ${where}: e2e suite skipped (set E2E_REQUIRED=1 to make this fatal)`;
  console.log(`# ${reason}`);
  return reason;
}

export function assertPresent(name, executable) {
  if (!executable || !existsSync(executable))
    throw new Error(`${name} not found at ${executable ?? '(no candidate path)'} and E2E_REQUIRED is set`);
}

/**
 * Re-evaluates `probe` until it returns a truthy value; fails with `what` after `timeout` ms. The
 * default is a hang guard sized for a loaded 2-core machine, not a speed expectation.
 */
export async function pollUntil(probe, what, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what} (last value: ${JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits until the demo page's script has defined `window.demo`. Polls with `page.evaluate` rather
 * than `page.waitForFunction`: the latter builds its predicate with `Function()` inside the page,
 * which the demo page's CSP forbids, and Firefox ESR 140 applies that CSP to WebDriver BiDi
 * evaluation ("call to Function() blocked by CSP").
 */
export function waitForDemo(page) {
  return pollUntil(() => page.evaluate(() => window.demo !== undefined), 'the demo page script');
}

/**
 * Sends the demo scenarios `ids` from the page, one after another, and resolves to the statuses
 * the page saw. The page runs them on its own while the test polls `demo.progress()` in short
 * evaluations: one evaluation held open for the whole run once waited out Marionette's 300 s
 * script guard in CI without a word on which request never finished; now a hang names it.
 * `timeout` is a hang guard for a loaded 2-core machine, not a speed expectation.
 */
export async function runScenarios(page, ids, timeout = 120_000) {
  await page.evaluate((list) => {
    void window.demo.runAll(list);
    return true;
  }, ids);
  let last;
  try {
    await pollUntil(
      async () => {
        last = await page.evaluate(() => window.demo.progress());
        return last.done && last.ids.join() === ids.join();
      },
      `the page's ${ids.length} requests`,
      timeout,
    );
  } catch (error) {
    const where = last?.pending
      ? `still waiting for "${last.pending}" after ${last.statuses.length} of ${ids.length} answered`
      : `progress ${JSON.stringify(last)}`;
    throw new Error(`${error.message}: ${where}`, { cause: error });
  }
  return last.statuses;
}

/** What the inspected page observes for a scenario: its HTTP status, 0 when no response arrived. */
export function statusOf(scenario) {
  return scenario.reply.kind === 'respond' ? scenario.reply.status : 0;
}

/**
 * A scenario the panel must list: an HTTP error, no response at all, or a GraphQL `errors[]`
 * inside a 2xx (DESIGN.md "CLI contract": only failed exchanges are listed).
 */
export function isFailureScenario(scenario) {
  const status = statusOf(scenario);
  if (status === 0 || status >= 400) return true;
  try {
    return Array.isArray(JSON.parse(scenario.reply.body).errors);
  } catch {
    return false;
  }
}

/** A row of the panel matches a scenario when status, method and path agree. */
export function rowMatches(row, scenario) {
  return (
    Number(row.status) === statusOf(scenario) &&
    row.label.startsWith(`${scenario.method} `) &&
    row.label.includes(`${decodeURI(scenario.path)},`)
  );
}

/** Which scenario each row is, asserting a one-to-one match; returns the unmatched of either side. */
export function matchRows(rows, scenarios) {
  const left = [...scenarios];
  const unmatchedRows = [];
  for (const row of rows) {
    const i = left.findIndex((s) => rowMatches(row, s));
    if (i === -1) unmatchedRows.push(row);
    else left.splice(i, 1);
  }
  return { unmatchedRows, unmatchedScenarios: left.map((s) => s.id) };
}

/** Prints how long a suite took, from its first line to its last (node:test also sums all files). */
export function stopwatch(label) {
  const t0 = Date.now();
  return {
    lap: (what) => console.log(`${label} e2e: ${what} after ${Date.now() - t0} ms`),
    elapsed: () => Date.now() - t0,
  };
}

/** Values planted in the demo that must never reach a ticket; long ones also by any 8-char run. */
export function leaksIn(text, planted) {
  const leaks = [];
  for (const value of planted) {
    if (text.includes(value)) leaks.push(value);
    else if (value.length >= 20)
      for (let i = 0; i + 8 <= value.length; i++)
        if (text.includes(value.slice(i, i + 8))) {
          leaks.push(`${value.slice(i, i + 8)}… (from ${value.slice(0, 6)}…)`);
          break;
        }
  }
  return leaks;
}
