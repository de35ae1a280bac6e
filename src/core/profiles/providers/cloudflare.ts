import { defineProvider } from '../provider.ts';

const docUrl = 'https://developers.cloudflare.com/fundamentals/api/';
// The official SDKs (Stainless-generated, as OpenAI's) resend 408, 409, 429 and 5xx twice after
// 0.5 s doubling to 8 s and obey x-should-retry (https://github.com/cloudflare/cloudflare-typescript#retries).
const SDK = {
  url: 'https://github.com/cloudflare/cloudflare-typescript#retries',
  section: 'Retries',
  title: 'Cloudflare TypeScript SDK README',
};

/**
 * Cloudflare's API (api.cloudflare.com and its `{success, errors, messages, result}` envelope). Not
 * Cloudflare's proxy error pages, which any site behind Cloudflare can return: those stay generic.
 */
export const cloudflare = defineProvider({
  formatVersion: 1,
  id: 'cloudflare',
  name: 'Cloudflare API',
  docUrl,
  recognize: { hosts: ['api.cloudflare.com'] },
  fields: { requestId: ['header:cf-ray'] },
  retryHeaders: ['x-should-retry'],
  backoff: { initialS: 0.5, factor: 2, count: 2, capS: 8, jitter: true },
  rules: [
    {
      id: '429',
      when: { status: [429] },
      then: {
        retry: 'yes',
        // "If you exceed this limit, all API calls for the next five minutes will be blocked."
        backoff: { delaysS: [300] },
        action:
          'The API allows 1,200 requests per five minutes per user (cumulative over dashboard, keys and tokens); calls stay blocked for the rest of that window.',
      },
      doc: {
        url: 'https://developers.cloudflare.com/fundamentals/api/reference/limits/',
        section: 'Rate limits',
      },
    },
    {
      id: '5xx',
      when: { status: ['5xx'] },
      then: {
        retry: 'yes',
        maxAttempts: 3,
        action: 'The official SDKs resend API server errors on their own.',
      },
      doc: SDK,
    },
    {
      id: '409',
      when: { status: [409] },
      then: {
        retry: 'yes',
        maxAttempts: 3,
        idempotencyKey: 'same',
        action: 'A conflicting change held the resource; the official SDKs resend a 409 on their own.',
      },
      doc: SDK,
    },
  ],
});
