import type { Header } from '../exchange.ts';
import type { RateLimitInfo } from '../diagnosis.ts';
import { headerLookup } from './header-lookup.ts';
import { readLegacyRateLimit } from './read-legacy-rate-limit.ts';
import type { RateLimitNames } from './read-legacy-rate-limit.ts';
import { readStructuredRateLimit } from './read-structured-rate-limit.ts';
import { responseDateMs } from './response-date-ms.ts';

// draft-ietf-httpapi-ratelimit-headers-00..06 (Persona sends these, persona.txt › "429 Too Many
// Requests"), then the X- family; the `-requests` names are the per-request counters of APIs that
// also meter tokens, and `X-Rate-Limit-*` is the older Twitter spelling.
const LEGACY: readonly RateLimitNames[] = [
  {
    dialect: 'ratelimit-*',
    limit: ['ratelimit-limit'],
    remaining: ['ratelimit-remaining'],
    reset: ['ratelimit-reset'],
  },
  {
    dialect: 'x-ratelimit-*',
    limit: ['x-ratelimit-limit', 'x-ratelimit-limit-requests', 'x-rate-limit-limit'],
    remaining: ['x-ratelimit-remaining', 'x-ratelimit-remaining-requests', 'x-rate-limit-remaining'],
    reset: [
      'x-ratelimit-reset',
      'x-ratelimit-reset-requests',
      'x-rate-limit-reset',
      'x-ratelimit-reset-after',
    ],
  },
];

/**
 * Rate-limit figures from whichever dialect the response uses, the standard structured fields
 * first. Seconds are relative to the response (see `resetSeconds` for how units are told apart).
 */
export function readRateLimit(headers: readonly Header[]): RateLimitInfo | undefined {
  // Every dialect's names contain "ratelimit" or "rate-limit"; most responses carry none, and the
  // panel and triage run this on every exchange.
  if (!headers.some((header) => /rate-?limit/i.test(header.name))) return undefined;
  const get = headerLookup(headers);
  const structured = readStructuredRateLimit(get);
  if (structured !== undefined) return structured;
  const dateMs = responseDateMs(headers);
  for (const names of LEGACY) {
    const info = readLegacyRateLimit(get, names, dateMs);
    if (info !== undefined) return info;
  }
  return undefined;
}
