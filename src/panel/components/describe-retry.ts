import type { Diagnosis } from '../../core/diagnosis.ts';

const VERDICT: Readonly<Record<Diagnosis['retry'], string>> = {
  yes: 'Retry',
  no: 'Do not retry unchanged',
  conditional: 'Retry only if the operation is idempotent',
};

export function verdictLabel(retry: Diagnosis['retry']): string {
  return VERDICT[retry];
}

/** "wait 30 s, then back off 5, 10, 20, 40 s (with jitter, at most 3 attempts, each wait ≤ 30 s)". */
export function describeSchedule(d: Diagnosis): string | undefined {
  const parts: string[] = [];
  if (d.retryAfterS !== undefined) parts.push(`wait ${d.retryAfterS} s (server-given)`);
  if (d.backoffS.length > 0) parts.push(`back off ${d.backoffS.join(', ')} s`);
  const notes: string[] = [];
  if (d.jitter) notes.push('with jitter');
  if (d.maxAttempts !== undefined) notes.push(`at most ${d.maxAttempts} attempts`);
  if (d.backoffCapS !== undefined) notes.push(`each wait ≤ ${d.backoffCapS} s`);
  if (parts.length === 0) return undefined;
  return parts.join(', then ') + (notes.length > 0 ? ` (${notes.join(', ')})` : '');
}

/** What the retry must do with the idempotency key. */
export function describeIdempotency(d: Diagnosis): string {
  const key = d.idempotency.keySent;
  const sent =
    key === undefined ? 'The request carried no idempotency key.' : 'The request carried an idempotency key.';
  if (d.idempotency.retryKey === 'same') return `${sent} Retry with the same key and the same parameters.`;
  if (d.idempotency.retryKey === 'new') return `${sent} After fixing the request, send it with a new key.`;
  return sent;
}
