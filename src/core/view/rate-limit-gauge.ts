import type { HostRateLimit } from '../engine/index.ts';

/** Persona advises slowing down below 15 % of the limit (persona.txt › "429 Too Many Requests"). */
export const LOW_SHARE = 0.15;

/** What a rate-limit gauge shows at one instant. */
export interface GaugeReading {
  host: string;
  limit: number;
  remaining: number;
  /** remaining / limit, clamped to [0, 1]; 0 when the limit is 0. */
  share: number;
  low: boolean;
  /** Whole seconds until the window resets, while it is still ahead; undefined otherwise. */
  resetsInS?: number;
  /** `HH:MM:SS` UTC of the reset, when the response said when. */
  resetAt?: string;
  /** The reset has passed: the figures are those of the last response, not the current window. */
  stale: boolean;
  text: string;
}

/**
 * A host's latest rate-limit figures as of `nowMs`. The reset counts down from the response's
 * arrival (RateLimit reset is relative to the response: RFC draft "RateLimit header fields" §3.3),
 * so the gauge ticks while the panel is open; once the window has reset, the remaining count is
 * history and the text says so instead of showing a number that no longer holds. A response from
 * the clock's future (an imported HAR from a skewed machine) counts the full reset.
 */
export function gaugeReading(rate: HostRateLimit, nowMs: number): GaugeReading {
  const limit = rate.info.limit ?? 0;
  const remaining = rate.info.remaining ?? 0;
  const share = limit > 0 ? Math.min(1, Math.max(0, remaining / limit)) : 0;
  const reading: GaugeReading = {
    host: rate.host,
    limit,
    remaining,
    share,
    low: limit > 0 && remaining < limit * LOW_SHARE,
    stale: false,
    text: `${remaining} of ${limit} left`,
  };
  const resetS = rate.info.resetS;
  if (resetS === undefined) return reading;
  const resetAtMs = rate.atMs + resetS * 1000;
  reading.resetAt = new Date(resetAtMs).toISOString().slice(11, 19);
  const left = Math.ceil((resetAtMs - Math.max(nowMs, rate.atMs)) / 1000);
  if (left > 0) {
    reading.resetsInS = left;
    reading.text += `, resets in ${left} s (${reading.resetAt} UTC)`;
  } else {
    reading.stale = true;
    reading.low = false;
    reading.text = `reset at ${reading.resetAt} UTC (last response: ${remaining} of ${limit} left)`;
  }
  return reading;
}
