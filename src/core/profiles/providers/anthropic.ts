import { defineProvider } from '../provider.ts';
import { SDK_MAX_ATTEMPTS, SDK_RETRIES, sdkReadme } from './sdk-retries.ts';

const docUrl = 'https://docs.claude.com/en/api/errors';
const doc = (section: string) => ({ url: docUrl, section });
// The official SDKs resend 529 too (it is a 5xx).
const SDK = sdkReadme('anthropics/anthropic-sdk-typescript', 'Anthropic TypeScript SDK README');

/** Anthropic's Claude API (docs.claude.com "Errors" and the official SDK's retry policy). */
export const anthropic = defineProvider({
  formatVersion: 1,
  id: 'anthropic',
  name: 'Anthropic',
  docUrl,
  recognize: {
    hosts: ['api.anthropic.com'],
    // Only clients of Anthropic's API send its version header.
    signatures: [{ requestHeaders: ['anthropic-version'] }],
  },
  fields: { requestId: ['request_id', 'header:request-id'] },
  ...SDK_RETRIES,
  rules: [
    {
      id: 'overloaded',
      when: { type: ['overloaded_error'] },
      then: {
        category: 'service_unavailable',
        retry: 'yes',
        maxAttempts: SDK_MAX_ATTEMPTS,
        action:
          'The API is overloaded across all customers; this is not your rate limit, and the official SDKs resend it on their own.',
      },
      doc: doc('HTTP errors'),
    },
    {
      id: '429',
      when: { status: [429] },
      then: {
        retry: 'yes',
        maxAttempts: SDK_MAX_ATTEMPTS,
        action:
          'Your organization hit a rate or acceleration limit; ramp traffic up gradually and keep it steady.',
      },
      doc: doc('HTTP errors'),
    },
    {
      id: '413',
      when: { status: [413] },
      then: {
        retry: 'no',
        action:
          'The request exceeds the size limit for its endpoint (32 MB for the Messages API); shrink it, as it was refused before reaching the API.',
      },
      doc: doc('Request size limits'),
    },
    {
      id: '401',
      when: { status: [401] },
      then: { action: 'There is an issue with the API key in x-api-key.' },
      doc: doc('HTTP errors'),
    },
    {
      id: '403',
      when: { status: [403] },
      then: { action: 'The API key has no permission for this resource.' },
      doc: doc('HTTP errors'),
    },
    {
      id: '400',
      when: { status: [400] },
      then: {
        action:
          'The format or content of the request is invalid; read the message, fix it, then send it again.',
      },
      doc: doc('HTTP errors'),
    },
    {
      id: '5xx',
      when: { status: ['5xx'] },
      then: {
        retry: 'yes',
        maxAttempts: SDK_MAX_ATTEMPTS,
        action: 'An unexpected error inside Anthropic; the official SDKs resend it on their own.',
      },
      doc: SDK,
    },
    {
      id: 'stream',
      when: { status: ['2xx'], bodyFormat: ['event-stream'] },
      then: {
        category: 'server_error',
        retry: 'yes',
        maxAttempts: SDK_MAX_ATTEMPTS,
        action: 'An error event arrived after the 200 response began streaming, so the output is incomplete.',
      },
      doc: doc('HTTP errors'),
    },
  ],
});
