import { describe, expect, it } from 'vitest';
import { analyzeFixture } from './analyze-fixture.ts';

// Sessions that do what the docs ask; any finding on them is a false alarm.
const WELL_BEHAVED = [
  [
    'retries that wait out Retry-After (seconds and HTTP-date) and a RateLimit reset',
    'well-behaved-retry-after-wait.har',
  ],
  [
    'backoff that follows the Persona, error-envelope (jittered) and a doubling schedule',
    'well-behaved-exponential-backoff.har',
  ],
  [
    'a key re-sent with the same payload, and a corrected request under a new key',
    'well-behaved-idempotency-key.har',
  ],
  ['rate-limit headroom at or above 15 %', 'well-behaved-headroom.har'],
  ['a 4xx fixed (new body, new credentials), polling, parallel duplicates', 'well-behaved-fixed-request.har'],
] as const;

describe('well-behaved sessions', () => {
  it.each(WELL_BEHAVED)('%s: no findings', (_label, file) => {
    const { findings, updates } = analyzeFixture(file);
    expect(findings).toEqual([]);
    expect(updates.flat()).toEqual([]);
  });
});
