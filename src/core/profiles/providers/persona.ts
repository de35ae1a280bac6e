import { defineProvider } from '../provider.ts';

const docUrl = 'https://docs.withpersona.com/reference/errors';
const doc = (section: string) => ({ url: docUrl, section });
// persona.txt › "429 Too Many Requests" and › "Server errors": 5, 10, 20, 40 seconds "and so forth".
const BACKOFF = { delaysS: [5, 10, 20, 40] };
const SERVER = [500, 502, 503, 504];
const HEADROOM = 'Throttle once RateLimit-Remaining drops under 15% of RateLimit-Limit.';

/** Persona (persona.txt): replaying idempotency cache, 5-10-20-40 s backoff, 15 % headroom. */
export const persona = defineProvider({
  formatVersion: 1,
  id: 'persona',
  name: 'Persona',
  docUrl,
  recognize: {
    hosts: ['api.withpersona.com'],
    signatures: [{ bodyFormat: ['persona-errors'] }],
  },
  idempotency: { header: 'Idempotency-Key' },
  supportIdentifiers: ['reference-id', 'referenceId', 'reference_id'],
  rules: [
    {
      id: 'network-key',
      when: { status: [0], idempotencyKey: true },
      then: {
        idempotencyKey: 'same',
        action:
          'Send it again with the same idempotency key and exactly the same parameters until a response arrives; changed parameters under that key are rejected.',
      },
      doc: doc('Network errors'),
    },
    {
      id: 'network',
      when: { status: [0] },
      then: {
        condition: 'a duplicate is harmless',
        action:
          'The server may or may not have acted; send an Idempotency-Key on POSTs so that such repeats are safe.',
      },
      doc: doc('Network errors'),
    },
    {
      id: '429-key',
      when: { status: [429], idempotencyKey: true },
      then: {
        retry: 'yes',
        backoff: BACKOFF,
        idempotencyKey: 'same',
        action: `${HEADROOM} The same idempotency key is fine: rate limiting runs before the idempotency cache.`,
      },
      doc: doc('429 Too Many Requests'),
    },
    {
      id: '429',
      when: { status: [429] },
      then: { retry: 'yes', backoff: BACKOFF, action: HEADROOM },
      doc: doc('429 Too Many Requests'),
    },
    {
      id: '401-key',
      when: { status: [401], idempotencyKey: true },
      then: {
        idempotencyKey: 'same',
        action:
          'Fix the API key before resending; a 401 is not stored in the idempotency cache, so the same key may be reused.',
      },
      doc: doc('4xx and Idempotency'),
    },
    {
      id: '401',
      when: { status: [401] },
      then: { action: 'Fix the API key before resending.' },
      doc: doc('4xx and Idempotency'),
    },
    {
      id: '409',
      when: { status: [409] },
      then: {
        idempotencyKey: 'new',
        action:
          'Look up the resource first (a duplicate reference id, a concurrent update or an incompatible state), then send a request that fits its current state, under a new idempotency key if one was used.',
      },
      doc: doc('409 Conflict'),
    },
    {
      id: '4xx-key',
      when: { status: ['4xx'], idempotencyKey: true },
      then: {
        idempotencyKey: 'new',
        action:
          'Correct the request, then send it under a new idempotency key: Persona replays this {status} for the old one.',
      },
      doc: doc('4xx and Idempotency'),
    },
    { id: '4xx', when: { status: ['4xx'] }, then: {}, doc: doc('Client errors') },
    {
      id: '5xx-key',
      when: { status: SERVER, idempotencyKey: true },
      then: {
        backoff: BACKOFF,
        idempotencyKey: 'new',
        action:
          'The outcome is indeterminate; use a new idempotency key, since the old one may replay this error.',
      },
      doc: doc('Server errors'),
    },
    {
      id: '5xx',
      when: { status: SERVER },
      then: {
        backoff: BACKOFF,
        condition: 'a repeat is harmless (group requests by Account reference id to spot re-creations)',
        action: 'The outcome is indeterminate: Persona may have acted before failing.',
      },
      doc: doc('Server errors'),
    },
  ],
});
