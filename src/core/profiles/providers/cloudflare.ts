import { defineProvider } from '../provider.ts';
import { SDK_MAX_ATTEMPTS, SDK_RETRIES, sdkReadme } from './sdk-retries.ts';

const docUrl = 'https://developers.cloudflare.com/fundamentals/api/';
const SDK = sdkReadme('cloudflare/cloudflare-typescript', 'Cloudflare TypeScript SDK README');

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
  ...SDK_RETRIES,
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
        maxAttempts: SDK_MAX_ATTEMPTS,
        action: 'The official SDKs resend API server errors on their own.',
      },
      doc: SDK,
    },
    {
      id: '409',
      when: { status: [409] },
      then: {
        retry: 'yes',
        maxAttempts: SDK_MAX_ATTEMPTS,
        idempotencyKey: 'same',
        action: 'A conflicting change held the resource; the official SDKs resend a 409 on their own.',
      },
      doc: SDK,
    },
  ],
});
