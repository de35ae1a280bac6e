import type { Diagnosis } from '../../core/diagnosis.ts';

/** What the retry must do with the idempotency key: reuse it (network failure) or mint a new one. */
export function describeIdempotency(d: Diagnosis): string {
  const sent =
    d.idempotency.keySent === undefined
      ? 'The request carried no idempotency key.'
      : 'The request carried an idempotency key.';
  if (d.idempotency.retryKey === 'same') return `${sent} Retry with the same key and the same parameters.`;
  if (d.idempotency.retryKey === 'new') return `${sent} After fixing the request, send it with a new key.`;
  return sent;
}
