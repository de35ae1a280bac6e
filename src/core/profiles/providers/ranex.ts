import { defineProvider } from '../provider.ts';

const doc = (section: string) => ({ section });
// ranex.txt › "Status codes", 502/503/504 row: ~1, 2, 4, 8 s … capped at ~30 s (5xx and network
// failures; a 429 waits for Retry-After).
const BACKOFF = { initialS: 1, factor: 2, count: 5, capS: 30 };
const UNSAFE = 'it did not already take effect (skip a send whose endpoint + payload hash was already sent)';

/**
 * Ranex (ranex.txt): {message} bodies, credentials in X-Api-Key + X-Api-Secret, no 409,
 * first-problem validation, 1-2-4-8 s backoff capped at 30 s. The doc has no public URL.
 */
export const ranex = defineProvider({
  formatVersion: 1,
  id: 'ranex',
  name: 'Ranex',
  docTitle: 'Ranex API reference › Error handling',
  recognize: {
    // ranex.txt › "Status codes" (401 row): the key pair travels as X-Api-Key plus X-Api-Secret. An
    // X-Api-Key alone with a {message} body is not enough: Amazon API Gateway looks exactly like that.
    signatures: [{ requestHeaders: ['x-api-key', 'x-api-secret'] }],
  },
  idempotency: {
    methods: ['GET', 'PUT', 'DELETE'],
    requests: [
      {
        method: ['POST'],
        path: '^/v1/applicants/?$',
        note: 'POST /v1/applicants is idempotent on externalUserId',
      },
    ],
    advice:
      'Ranex takes no idempotency key: keep a hash of endpoint + payload and skip a second send of the same one.',
  },
  supportIdentifiers: ['externalUserId'],
  rules: [
    {
      id: 'network',
      when: { status: [0] },
      then: {
        condition: UNSAFE,
        backoff: BACKOFF,
        action:
          'No response arrived; Ranex lists GET, PUT, DELETE and POST /v1/applicants as safe to repeat.',
      },
      doc: doc('Idempotency & retries'),
    },
    {
      id: '401',
      when: { status: [401] },
      then: {
        action:
          'Check the X-Api-Key / X-Api-Secret pair; keys that worked before may have been deactivated in the product portal.',
      },
      doc: doc('Status codes'),
    },
    {
      id: '403',
      when: { status: [403] },
      then: {
        action:
          'Your product cannot access this resource; resending will not help, review which product owns it.',
      },
      doc: doc('Status codes'),
    },
    {
      id: '404',
      when: { status: [404] },
      then: {
        action:
          'Check the externalUserId or id in the URL, and create the resource first if it does not exist yet.',
      },
      doc: doc('Status codes'),
    },
    {
      id: '409',
      when: { status: [409] },
      then: {
        category: 'conflict',
        retry: 'no',
        action:
          'Ranex documents that it never sends 409 (a repeated POST /v1/applicants returns the existing applicant), so this response likely comes from a proxy or another service in between.',
      },
      doc: doc('Status codes'),
    },
    {
      id: '400',
      when: { status: [400, 422] },
      then: {
        action:
          'Fix the field the message names; Ranex reports only the first failing field, so expect another error if more are wrong.',
      },
      doc: doc('Validation error example'),
    },
    {
      id: '429',
      when: { status: [429] },
      then: {
        retry: 'yes',
        action: 'Add client-side rate limiting if this recurs (auth endpoints allow 20 requests a minute).',
      },
      doc: doc('Status codes'),
    },
    {
      id: '5xx',
      when: { status: [500, 502, 503, 504] },
      then: {
        condition: UNSAFE,
        backoff: BACKOFF,
        action:
          'A transient server or infrastructure error, often during deploys; reach out to support if it persists.',
      },
      doc: doc('Status codes'),
    },
  ],
});
