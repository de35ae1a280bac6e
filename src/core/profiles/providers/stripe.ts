import { defineProvider } from '../provider.ts';

const docUrl = 'https://docs.stripe.com/error-low-level';
const doc = (anchor: string, section: string) => ({ url: `${docUrl}#${anchor}`, section });

/** Stripe (docs.stripe.com "Advanced error handling", error codes, rate limits, stripe-node retries). */
export const stripe = defineProvider({
  formatVersion: 1,
  id: 'stripe',
  name: 'Stripe',
  docUrl,
  recognize: {
    hosts: ['api.stripe.com', 'files.stripe.com'],
    signatures: [{ responseHeaders: ['request-id', 'stripe-version'] }],
  },
  fields: { requestId: ['header:request-id'] },
  retryHeaders: ['Stripe-Should-Retry'],
  // https://docs.stripe.com/api/idempotent_requests: POSTs take an Idempotency-Key; GET and DELETE
  // are idempotent by definition.
  idempotency: { header: 'Idempotency-Key', methods: ['GET', 'HEAD', 'DELETE'] },
  // stripe-node's network retries: 0.5 s doubling, at most 5 s per wait, with jitter
  // (https://github.com/stripe/stripe-node#network-retries).
  backoff: { initialS: 0.5, factor: 2, count: 4, capS: 5, jitter: true },
  rules: [
    {
      id: 'idempotency-key-in-use',
      when: { code: ['idempotency_key_in_use'] },
      then: {
        category: 'conflict',
        retry: 'yes',
        idempotencyKey: 'same',
        action:
          'Another request with this idempotency key is still running; send it again later with the same key and parameters to get its result.',
      },
      doc: {
        url: 'https://docs.stripe.com/error-codes#idempotency-key-in-use',
        section: 'idempotency_key_in_use',
      },
    },
    {
      id: 'idempotency-error',
      when: { type: ['idempotency_error'] },
      then: {
        retry: 'no',
        idempotencyKey: 'new',
        action:
          'This idempotency key was first used with other parameters or another endpoint; a different request needs a new key.',
      },
      doc: { url: 'https://docs.stripe.com/api/errors', section: 'Errors › idempotency_error' },
    },
    {
      id: 'lock-timeout',
      when: { code: ['lock_timeout'] },
      then: {
        category: 'rate_limited',
        retry: 'yes',
        idempotencyKey: 'same',
        action: 'Another request or Stripe process was using this object; the lock clears by itself.',
      },
      doc: {
        url: 'https://docs.stripe.com/rate-limits#object-lock-timeouts',
        section: 'Object lock timeouts',
      },
    },
    {
      id: '429',
      when: { status: [429] },
      then: {
        retry: 'yes',
        idempotencyKey: 'same',
        action: 'Stripe is limiting the request rate; pace requests and add jitter to retries.',
      },
      doc: { url: 'https://docs.stripe.com/rate-limits', section: 'Rate limits' },
    },
    {
      id: 'card-error',
      when: { type: ['card_error'] },
      then: {
        category: 'client_error',
        retry: 'no',
        action:
          'The card was declined or could not be charged; ask the customer for another payment method, since resending will not change the outcome.',
      },
      doc: doc('content-errors', 'Content errors'),
    },
    {
      id: '4xx-key',
      when: { status: ['4xx'], idempotencyKey: true },
      then: {
        idempotencyKey: 'new',
        action:
          'Correct the request and send it under a new idempotency key: once an endpoint starts executing, Stripe replays its first result for the old one.',
      },
      doc: doc('content-errors', 'Content errors'),
    },
    { id: '4xx', when: { status: ['4xx'] }, then: {}, doc: doc('content-errors', 'Content errors') },
    {
      id: 'network',
      when: { status: [0] },
      then: {
        idempotencyKey: 'same',
        condition: 'it carries an idempotency key, or a duplicate is harmless',
        action:
          'The request may have reached Stripe; repeat it under the same idempotency key and parameters, which returns the first result instead of acting twice.',
      },
      doc: doc('network-errors', 'Network errors'),
    },
    {
      id: '5xx',
      when: { status: ['5xx'] },
      then: {
        idempotencyKey: 'same',
        condition: 'it carries an idempotency key, or a duplicate is harmless',
        action:
          'The result is indeterminate; under the same idempotency key Stripe returns the saved result instead of acting twice.',
      },
      doc: doc('server-errors', 'Server errors'),
    },
  ],
});
