import { describe, expect, it } from 'vitest';
import { gaugeReading } from '../../../src/core/view/index.ts';

const at = Date.parse('2026-05-04T10:00:00Z');
const rate = (remaining: number, resetS?: number) => ({
  host: 'api.withpersona.com',
  atMs: at,
  info: { dialect: 'ratelimit-*', limit: 300, remaining, ...(resetS === undefined ? {} : { resetS }) },
});

describe('gaugeReading', () => {
  it('counts the reset down as time passes', () => {
    expect(gaugeReading(rate(12, 30), at).resetsInS).toBe(30);
    expect(gaugeReading(rate(12, 30), at + 1_000).resetsInS).toBe(29);
    expect(gaugeReading(rate(12, 30), at + 29_500).text).toBe('12 of 300 left, resets in 1 s (10:00:30 UTC)');
  });

  it('says the figures are history once the window has reset', () => {
    const done = gaugeReading(rate(0, 30), at + 30_000);
    expect(done).toMatchObject({ stale: true, low: false, resetAt: '10:00:30' });
    expect(done.resetsInS).toBeUndefined();
    expect(done.text).toBe('reset at 10:00:30 UTC (last response: 0 of 300 left)');
  });

  it('marks low headroom under 15 % and an empty window as share 0', () => {
    expect(gaugeReading(rate(44), at)).toMatchObject({ low: true, share: 44 / 300 });
    expect(gaugeReading(rate(45), at).low).toBe(false);
    expect(gaugeReading(rate(0), at)).toMatchObject({ share: 0, text: '0 of 300 left' });
  });

  it('counts the full reset for a response from the clock’s future', () => {
    expect(gaugeReading(rate(5, 60), at - 10_000).resetsInS).toBe(60);
  });
});
