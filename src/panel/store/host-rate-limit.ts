import type { RateLimitInfo } from '../../core/diagnosis.ts';
import type { Exchange } from '../../core/exchange.ts';
import { readRateLimit } from '../../core/rate-limit/index.ts';

/** The latest rate-limit figures one host reported, with when the response arrived. */
export interface HostRateLimit {
  host: string;
  info: RateLimitInfo;
  /** Epoch ms the response finished; `info.resetS` counts from here. */
  atMs: number;
}

export function hostRateLimit(exchange: Exchange): HostRateLimit | undefined {
  const info = readRateLimit(exchange.responseHeaders);
  if (info === undefined) return undefined;
  let host: string;
  try {
    host = new URL(exchange.url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  return { host, info, atMs: exchange.startedMs + exchange.durationMs };
}
