import type { Diagnosis } from '../diagnosis.ts';

/** A wait the server asked for before the next attempt, and which field said so. */
export interface ServerWait {
  seconds: number;
  /** `Retry-After`, `RetryInfo`, `RateLimit reset`, or a provider's own (Shopify's query cost). */
  source: string;
}

/**
 * The server-given wait after a failed response: exactly the one its Diagnosis reports (and its
 * headline tells the user to honour), so a finding never contradicts the row it points at.
 */
export function serverWaitOf(diagnosis: Diagnosis | undefined): ServerWait | undefined {
  if (diagnosis?.retryAfterS === undefined) return undefined;
  return { seconds: diagnosis.retryAfterS, source: diagnosis.waitSource ?? 'server-given' };
}
