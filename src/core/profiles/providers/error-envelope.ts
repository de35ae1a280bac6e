import { defineProvider } from '../provider.ts';

const doc = (section: string) => ({ section });

/** The error-envelope API (error-envelope.txt): 3 jittered attempts, circuit breaker, request_id. */
export const errorEnvelope = defineProvider({
  formatVersion: 1,
  id: 'error-envelope',
  name: 'Error-envelope API',
  docTitle: 'Error-envelope API reference › Error handling',
  recognize: { signatures: [{ bodyFormat: ['error-envelope'] }] },
  rules: [
    {
      id: 'retryable',
      when: { status: [429, 500, 502, 503, 504] },
      then: {
        retry: 'yes',
        // error-envelope.txt › "Retry Guidelines": 1, 2, 4 s with jitter, at most 3 attempts.
        backoff: { delaysS: [1, 2, 4], jitter: true },
        maxAttempts: 3,
        idempotencyKey: 'same',
        action:
          'Pause 30 s after 5 consecutive failures (circuit breaker)[; quote request_id {requestId} to support].',
      },
      doc: doc('Error Code Categories'),
    },
    // The 422 paragraph sits at the end of the Circuit Breaker section; name it, so a validation
    // error does not look as if it were documented under circuit breaking.
    {
      id: '422',
      when: { status: [422] },
      then: {
        retry: 'no',
        action:
          'Correct the rejected values; this message is written for end users and may be shown to them as is[; quote request_id {requestId} to support].',
      },
      doc: doc('Circuit Breaker Pattern › 422 errors contain user-friendly messages'),
    },
    {
      id: '4xx',
      when: { status: ['4xx'] },
      then: { retry: 'no', action: '{baseline}.[ Quote request_id {requestId} to support.]' },
      doc: doc('Retry Guidelines'),
    },
  ],
});
