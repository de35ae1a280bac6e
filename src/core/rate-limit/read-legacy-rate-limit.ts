import type { RateLimitInfo } from '../diagnosis.ts';
import type { HeaderLookup } from './header-lookup.ts';
import { firstNumber } from './first-number.ts';
import { resetSeconds } from './reset-seconds.ts';

/** Header names of one dialect: the limit, the remaining count and the reset time. */
export interface RateLimitNames {
  dialect: string;
  limit: readonly string[];
  remaining: readonly string[];
  reset: readonly string[];
}

function firstPresent(get: HeaderLookup, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = get(name);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * Separate limit/remaining/reset headers of one naming dialect (`RateLimit-Limit` of the early
 * drafts, `X-RateLimit-*` of GitHub, Twitter and most gateways). The reset value's unit is guessed
 * by `resetSeconds` against the response `Date` (`dateMs`).
 */
export function readLegacyRateLimit(
  get: HeaderLookup,
  names: RateLimitNames,
  dateMs: number | undefined,
): RateLimitInfo | undefined {
  const limit = firstNumber(firstPresent(get, names.limit));
  const remaining = firstNumber(firstPresent(get, names.remaining));
  const resetS = resetSeconds(firstPresent(get, names.reset), dateMs);
  if (limit === undefined && remaining === undefined && resetS === undefined) return undefined;
  const info: RateLimitInfo = { dialect: names.dialect };
  if (limit !== undefined) info.limit = limit;
  if (remaining !== undefined) info.remaining = remaining;
  if (resetS !== undefined) info.resetS = resetS;
  const policy = get('ratelimit-policy');
  if (policy !== undefined) info.policy = policy.trim();
  return info;
}
