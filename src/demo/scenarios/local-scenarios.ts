import type { DemoScenario } from '../demo-scenario.ts';
import { jsonReply } from '../json-reply.ts';

/**
 * A response body written to attack whatever displays it: every classic way HTML runs script.
 * If the panel ever rendered it as markup, `window.__pwned` and the document title would change;
 * the e2e tests check they do not and that the text is shown as text.
 */
export const HOSTILE_HTML = [
  '<!doctype html><title>Bad gateway</title>',
  `<img src=x onerror="window.__pwned='img';document.title='pwned'">`,
  `<script>window.__pwned='script';document.title='pwned'</script>`,
  `<a href="javascript:window.__pwned='link'">retry</a>`,
  `<svg onload="window.__pwned='svg';document.title='pwned'"></svg>`,
  '<iframe srcdoc="&lt;script&gt;parent.__pwned=1&lt;/script&gt;"></iframe>',
].join('\n');

/**
 * Calls to the demo server's own origin, which no profile knows: a GraphQL API (errors inside a
 * 200, per the GraphQL spec's "Response" section), a legacy gateway answering HTML, a server that
 * is not listening, and successes that must never be listed.
 */
export function localScenarios(): DemoScenario[] {
  const gql = { 'Content-Type': 'application/json' };
  return [
    {
      id: 'local-ok',
      label: '200 health check',
      host: 'local',
      method: 'GET',
      path: '/api/health',
      reply: jsonReply(200, { status: 'ok' }),
    },
    {
      id: 'graphql-ok',
      label: 'GraphQL 200 with data',
      host: 'local',
      method: 'POST',
      path: '/graphql/viewer',
      requestHeaders: gql,
      requestBody: JSON.stringify({ query: '{ viewer { id } }' }),
      reply: jsonReply(200, { data: { viewer: { id: 'u_1' } } }),
    },
    {
      id: 'graphql-errors',
      label: 'GraphQL 200 with errors[]',
      host: 'local',
      method: 'POST',
      path: '/graphql',
      requestHeaders: gql,
      requestBody: JSON.stringify({ query: '{ order(id: "ord_404") { id total } }' }),
      reply: jsonReply(200, {
        data: { order: null },
        errors: [
          {
            message: 'Order ord_404 not found',
            path: ['order'],
            locations: [{ line: 1, column: 3 }],
            extensions: { code: 'NOT_FOUND' },
          },
        ],
      }),
    },
    {
      id: 'hostile-html',
      label: '502 HTML body with script in it',
      host: 'local',
      method: 'GET',
      path: '/legacy/report',
      reply: { kind: 'respond', status: 502, headers: { 'Content-Type': 'text/html' }, body: HOSTILE_HTML },
    },
    {
      id: 'refused',
      label: 'connection refused (nothing listening)',
      host: 'local',
      method: 'GET',
      path: '/api/status',
      reply: { kind: 'refused' },
    },
  ];
}
