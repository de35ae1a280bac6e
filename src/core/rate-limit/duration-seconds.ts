const UNIT_S: Readonly<Record<string, number>> = { h: 3600, m: 60, s: 1, ms: 0.001 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:h|ms|m|s))+$/;
const PART = /(\d+(?:\.\d+)?)(h|ms|m|s)/g;

/**
 * A Go-style duration (`6m0s`, `1.5s`, `20ms`) in seconds, as token-metered APIs send in
 * `x-ratelimit-reset-requests`; undefined for anything else.
 */
export function durationSeconds(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DURATION.test(trimmed)) return undefined;
  let seconds = 0;
  for (const [, amount, unit] of trimmed.matchAll(PART))
    seconds += Number(amount) * (UNIT_S[unit ?? 's'] ?? 1);
  return seconds;
}
