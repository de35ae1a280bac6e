import { describe, expect, it } from 'vitest';
import { readRetryAfter } from '../../../src/core/rate-limit/index.ts';

const date = 'Sun, 22 Nov 2026 05:00:00 GMT';

describe('readRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(readRetryAfter([{ name: 'Retry-After', value: '30' }])).toBe(30);
    expect(readRetryAfter([{ name: 'retry-after', value: ' 0 ' }])).toBe(0);
  });

  it('rounds a fractional delay up rather than ignoring it', () => {
    expect(readRetryAfter([{ name: 'Retry-After', value: '1.2' }])).toBe(2);
  });

  it('reads an HTTP-date relative to the response Date header', () => {
    const headers = [
      { name: 'Date', value: date },
      { name: 'Retry-After', value: 'Sun, 22 Nov 2026 05:02:00 GMT' },
    ];
    expect(readRetryAfter(headers)).toBe(120);
  });

  it('gives 0 for an HTTP-date already past', () => {
    const headers = [
      { name: 'Date', value: date },
      { name: 'Retry-After', value: 'Sun, 22 Nov 2026 04:59:00 GMT' },
    ];
    expect(readRetryAfter(headers)).toBe(0);
  });

  it('does not guess the clock when an HTTP-date comes without a Date header', () => {
    expect(readRetryAfter([{ name: 'Retry-After', value: 'Sun, 22 Nov 2026 05:02:00 GMT' }])).toBeUndefined();
  });

  it('ignores absent, negative and garbage values', () => {
    expect(readRetryAfter([])).toBeUndefined();
    expect(readRetryAfter([{ name: 'Retry-After', value: '-5' }])).toBeUndefined();
    expect(
      readRetryAfter([
        { name: 'Date', value: date },
        { name: 'Retry-After', value: 'soon' },
      ]),
    ).toBeUndefined();
  });
});
