/**
 * The first `count` waits of an exponential schedule starting at `firstS` and doubling, each wait
 * capped at `capS` (Ranex: 1, 2, 4, 8, 16 capped at 30; Persona: 5, 10, 20, 40).
 */
export function backoffSchedule(firstS: number, count: number, capS = Number.POSITIVE_INFINITY): number[] {
  const waits: number[] = [];
  for (let i = 0; i < count; i++) waits.push(Math.min(firstS * 2 ** i, capS));
  return waits;
}
