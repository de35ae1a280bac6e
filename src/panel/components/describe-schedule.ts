import type { Diagnosis } from '../../core/diagnosis.ts';

/** "wait 30 s (server-given), then back off 5, 10, 20, 40 s (with jitter, at most 3 attempts…)". */
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
