export { readRateLimit } from './rate-limit.ts';
export { readRetryAfter, readShouldRetry, type ShouldRetry } from './server-signals.ts';
