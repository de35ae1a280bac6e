import { defineProvider } from '../provider.ts';
import { SDK_MAX_ATTEMPTS, SDK_RETRIES, sdkReadme } from './sdk-retries.ts';

const docUrl = 'https://platform.openai.com/docs/guides/error-codes';
const api = (section: string) => ({ url: `${docUrl}#api-errors`, section });
const SDK = sdkReadme('openai/openai-node', 'OpenAI Node SDK README');

/** OpenAI API (platform.openai.com error codes, rate limits and the official SDK's retry policy). */
export const openai = defineProvider({
  formatVersion: 1,
  id: 'openai',
  name: 'OpenAI',
  docUrl,
  recognize: {
    hosts: ['api.openai.com'],
    signatures: [{ responseHeaders: ['openai-processing-ms'] }],
  },
  fields: { requestId: ['header:x-request-id'] },
  ...SDK_RETRIES,
  rules: [
    {
      id: 'quota',
      when: { code: ['insufficient_quota'] },
      then: {
        category: 'quota_exceeded',
        retry: 'no',
        idempotencyKey: 'none',
        action:
          'The credits or the monthly budget are used up; add credits or raise the limit in the billing settings, since waiting will not help.',
      },
      doc: api('429 - You exceeded your current quota, please check your plan and billing details'),
    },
    {
      id: '429',
      when: { status: [429] },
      then: {
        retry: 'yes',
        maxAttempts: SDK_MAX_ATTEMPTS,
        action:
          'A requests- or tokens-per-minute limit was hit; pace requests (the x-ratelimit-remaining-requests and -tokens headers show the headroom).',
      },
      doc: api('429 - Rate limit reached for requests'),
    },
    {
      id: '401',
      when: { status: [401] },
      then: {
        action: 'Check the API key and, for a key in several organizations, the OpenAI-Organization header.',
      },
      doc: api('401 - Invalid Authentication'),
    },
    {
      id: '403',
      when: { status: [403] },
      then: {
        action:
          'Access was refused: the API is not offered in this country, region or territory, or the key lacks access to this model or project.',
      },
      doc: api('403 - Country, region, or territory not supported'),
    },
    {
      id: '409',
      when: { status: [409] },
      then: {
        retry: 'yes',
        maxAttempts: SDK_MAX_ATTEMPTS,
        idempotencyKey: 'same',
        action: 'A conflicting operation held the resource; the official SDKs resend a 409 on their own.',
      },
      doc: SDK,
    },
    {
      id: 'slow-down',
      when: { status: [503], message: 'slow down' },
      then: {
        retry: 'yes',
        maxAttempts: SDK_MAX_ATTEMPTS,
        action:
          'Your request rate rose too fast: go back to the earlier rate, hold it for 15 minutes, then raise it gradually.',
      },
      doc: api('503 - Slow Down'),
    },
    {
      id: '503',
      when: { status: [503] },
      then: {
        retry: 'yes',
        maxAttempts: SDK_MAX_ATTEMPTS,
        action: 'The servers are overloaded; the request can be sent again after a short wait.',
      },
      doc: api('503 - The engine is currently overloaded, please try again later'),
    },
    {
      id: '500',
      when: { status: [500] },
      then: {
        retry: 'yes',
        maxAttempts: SDK_MAX_ATTEMPTS,
        action:
          'The server failed while processing the request; contact support with the request ID if it keeps happening.',
      },
      doc: api('500 - The server had an error while processing your request'),
    },
    { id: '5xx', when: { status: ['5xx'] }, then: { retry: 'yes', maxAttempts: SDK_MAX_ATTEMPTS }, doc: SDK },
    {
      id: 'stream',
      when: { status: ['2xx'], bodyFormat: ['event-stream'] },
      then: {
        category: 'server_error',
        retry: 'yes',
        maxAttempts: SDK_MAX_ATTEMPTS,
        action:
          'An error event arrived inside the 200 stream, so the output is incomplete; the SDKs raise it as an API error.',
      },
      doc: SDK,
    },
  ],
});
