import { defineProvider } from '../provider.ts';

const docUrl = 'https://learn.microsoft.com/en-us/graph/errors';
const codes = { url: `${docUrl}#http-status-codes`, section: 'HTTP status codes' };
const THROTTLING = {
  url: 'https://learn.microsoft.com/en-us/graph/throttling#best-practices-to-handle-throttling',
  section: 'Best practices to handle throttling',
};

/** Microsoft Graph (learn.microsoft.com "Microsoft Graph error responses" and "throttling guidance"). */
export const microsoftGraph = defineProvider({
  formatVersion: 1,
  id: 'microsoft-graph',
  name: 'Microsoft Graph',
  docUrl,
  recognize: {
    hosts: [
      'graph.microsoft.com',
      'graph.microsoft.us',
      'dod-graph.microsoft.us',
      'microsoftgraph.chinacloudapi.cn',
    ],
    signatures: [{ responseHeaders: ['x-ms-ags-diagnostic'] }],
  },
  fields: { requestId: ['error.innerError.request-id', 'header:request-id'] },
  // The Graph SDKs' RetryHandler: 3 s, then growing waits, 3 retries, Retry-After first
  // (https://github.com/microsoftgraph/msgraph-sdk-javascript, src/middleware/RetryHandler.ts).
  backoff: { delaysS: [3, 5, 7], jitter: true },
  rules: [
    {
      id: '429',
      when: { status: [429] },
      then: {
        retry: 'yes',
        maxAttempts: 4,
        action:
          'Graph is throttling this app or tenant; once the wait is over, lower the request rate (batching does not bypass it).',
      },
      doc: THROTTLING,
    },
    {
      id: '503',
      when: { status: [503] },
      then: {
        retry: 'yes',
        maxAttempts: 4,
        action: 'The service is down for maintenance or overloaded; it may be repeated after a delay.',
      },
      doc: codes,
    },
    { id: '504', when: { status: [504] }, then: { maxAttempts: 4 }, doc: codes },
    {
      id: '507',
      when: { status: [507] },
      then: {
        category: 'quota_exceeded',
        retry: 'no',
        idempotencyKey: 'none',
        action: 'The storage quota (mailbox or drive) is reached; free space or raise the quota.',
      },
      doc: codes,
    },
    {
      id: '509',
      when: { status: [509] },
      then: {
        category: 'rate_limited',
        retry: 'yes',
        action: 'The app or user exceeded its bandwidth cap; slow down.',
      },
      doc: codes,
    },
    {
      id: '412',
      when: { status: [412] },
      then: {
        category: 'conflict',
        retry: 'no',
        action:
          'The If-Match ETag no longer matches: read the item again and apply the change to its current version.',
      },
      doc: codes,
    },
    {
      id: '423',
      when: { status: [423] },
      then: {
        category: 'conflict',
        retry: 'no',
        action: 'The item is locked (for example a file open elsewhere); resend after the lock is released.',
      },
      doc: codes,
    },
    {
      id: '401',
      when: { status: [401] },
      then: { action: 'The access token is missing, expired or not valid for Microsoft Graph.' },
      doc: codes,
    },
    {
      id: '403',
      when: { status: [403] },
      then: {
        action:
          'The token lacks the permission (delegated scope or app role) this call needs, or a policy denied access.',
      },
      doc: codes,
    },
  ],
});
