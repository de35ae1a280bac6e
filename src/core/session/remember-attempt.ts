import type { Attempt } from './attempt.ts';
import type { BoundedMap } from './bounded-map.ts';

/**
 * Keep a signature detector's state only after a failure. Every signature rule looks back at a
 * *failed* previous attempt (a wait it named, a 4xx verdict, a 5xx outcome), so the state a success
 * would leave behind is never read: forgetting the key instead is equivalent, and spares the maps
 * the churn of the ~90 % of a real session that succeeds.
 */
export function rememberAttempt<V>(map: BoundedMap<string, V>, attempt: Attempt, value: V): void {
  if (attempt.failure === undefined) map.delete(attempt.signature);
  else map.set(attempt.signature, value);
}
