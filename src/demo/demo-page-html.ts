import type { DemoHost } from './demo-scenario.ts';

/** What the page script needs to send one scenario's request. */
export interface PageScenario {
  id: string;
  label: string;
  group: DemoHost;
  method: string;
  url: string;
  headers: Readonly<Record<string, string>>;
  body?: string;
}

const GROUP_TITLES: Readonly<Record<DemoHost, string>> = {
  persona: 'Persona',
  ranex: 'Ranex',
  'error-envelope': 'Error-envelope API',
  persly: 'Persly',
  privo: 'PRIVO',
  local: 'Other APIs (GraphQL, HTML gateway, network)',
};

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function groupSection(group: DemoHost, scenarios: readonly PageScenario[], hostLabel: string): string {
  const buttons = scenarios
    .map((s) => {
      const kind = s.id.endsWith('-ok') ? ' class="ok"' : '';
      return `<button type="button" data-scenario="${escapeHtml(s.id)}"${kind}>${escapeHtml(s.label)}</button>`;
    })
    .join('\n      ');
  return `<section>
    <h2>${escapeHtml(GROUP_TITLES[group])} <small>${escapeHtml(hostLabel)}</small></h2>
    <div class="buttons">
      ${buttons}
    </div>
  </section>`;
}

/**
 * The demo page. The scenario list travels as a JSON data block (never executed), and the only
 * script is the external /demo.js, so the page runs under a strict CSP with no inline script.
 */
export function demoPageHtml(
  scenarios: readonly PageScenario[],
  hostLabels: Readonly<Record<DemoHost, string>>,
): string {
  const groups = [...new Set(scenarios.map((s) => s.group))];
  const sections = groups.map((g) =>
    groupSection(
      g,
      scenarios.filter((s) => s.group === g),
      hostLabels[g],
    ),
  );
  // `<` is escaped inside the data block so no value can close the <script> element early.
  const data = JSON.stringify(scenarios).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>API Error Inspector demo</title>
  <link rel="stylesheet" href="/demo.css">
  <script id="demo-scenarios" type="application/json">${data}</script>
  <script src="/demo.js" defer></script>
</head>
<body>
  <header>
    <h1>API Error Inspector demo</h1>
    <p>Open DevTools → <b>API Errors</b>, then press buttons. Green buttons succeed and must not be listed.
      <button type="button" id="run-all">Run every scenario</button>
      <button type="button" id="retry-story" title="Retries too early, without backoff and into a circuit breaker, then with growing backoff (about 7 s)">Retry badly, then well</button></p>
  </header>
  ${sections.join('\n  ')}
  <h2>Log</h2>
  <ol id="log" aria-live="polite"></ol>
</body>
</html>
`;
}
