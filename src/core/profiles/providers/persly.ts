import { defineProvider } from '../provider.ts';

const docUrl = 'https://developers.persly.ai/docs/errors';
const doc = (section: string) => ({ url: docUrl, section });
// persly.txt › "Retry Strategy": waits of 2**attempt seconds over max_retries = 3 attempts.
const BACKOFF = { delaysS: [1, 2, 4] };

/** Persly (persly.txt): `param` on 400s, quota vs spending limit on 429, 1-2-4 s on 5xx. */
export const persly = defineProvider({
  formatVersion: 1,
  id: 'persly',
  name: 'Persly',
  docUrl,
  // Persly's {error:{message,type,code,param}} is OpenAI's shape too: only the host identifies it.
  recognize: { hosts: ['api.persly.ai'] },
  rules: [
    {
      id: '400-param',
      when: { status: [400], has: ['param', 'code'] },
      then: { action: 'Fix the `{param}` parameter ({code}) and send the corrected request.' },
      doc: doc('400 — Bad Request'),
    },
    {
      id: '400',
      when: { status: [400], has: ['param'] },
      then: { action: 'Fix the `{param}` parameter and send the corrected request.' },
      doc: doc('400 — Bad Request'),
    },
    {
      id: '401',
      when: { status: [401] },
      then: { action: 'Check the API key: it is missing, invalid or revoked.' },
      doc: doc('401 — Unauthorized'),
    },
    {
      id: '403',
      when: { status: [403] },
      then: { action: 'The organization is suspended; contact Persly support, as resending will not help.' },
      doc: doc('403 — Forbidden'),
    },
    {
      id: 'quota',
      when: { status: [429], code: ['quota_exceeded'] },
      then: {
        category: 'quota_exceeded',
        retry: 'no',
        idempotencyKey: 'none',
        action: 'The free-tier credits are used up; upgrade the plan or wait for the quota reset.',
      },
      doc: doc('429 — Too Many Requests'),
    },
    {
      id: 'spending-limit',
      when: { status: [429], code: ['spending_limit_exceeded'] },
      then: {
        category: 'quota_exceeded',
        retry: 'no',
        idempotencyKey: 'none',
        action:
          'The monthly spending limit is reached; raise it in the dashboard, as waiting will not clear it.',
      },
      doc: doc('429 — Too Many Requests'),
    },
    {
      id: '500',
      when: { status: [500] },
      then: {
        retry: 'yes',
        backoff: BACKOFF,
        maxAttempts: 3,
        idempotencyKey: 'same',
        action: 'Persly documents server errors as safe to retry.',
      },
      doc: doc('Retry Strategy'),
    },
    {
      id: '5xx',
      when: { status: [502, 503, 504] },
      then: { backoff: BACKOFF, maxAttempts: 3 },
      doc: doc('Retry Strategy'),
    },
  ],
});
