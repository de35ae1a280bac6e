import { describe, expect, it } from 'vitest';
import { sanitizeHar } from '../../../src/core/redact/index.ts';
import {
  fastestCpuMs,
  harWithBody,
  HOSTILE_JSON_SHAPES,
  HOSTILE_SHAPES,
} from '../../fixtures/redact/hostile-shapes.ts';

/**
 * Cost must grow linearly with the input on shapes built to make a careless detector backtrack or
 * rescan. No wall-clock limit (a loaded 2-core machine must not fail the suite): the test compares
 * the CPU time of the same shape at two sizes, 8x apart, each the fastest of five runs (with
 * three, one busy moment of a shared 2-core machine during the whole suite was enough to fail a
 * shape). Linear work grows ~8x; quadratic work grows ~64x; the bound (24x) leaves room for noise
 * and caches.
 */
const SMALL = 32 * 1024;
const LARGE = 8 * SMALL;
const BOUND = 24;

function growth(make: (size: number) => string, mimeType: string): number {
  const small = harWithBody(make(SMALL), mimeType);
  const large = harWithBody(make(LARGE), mimeType);
  sanitizeHar(small); // warm up the code paths this shape takes
  const smallMs = fastestCpuMs(() => sanitizeHar(small));
  const largeMs = fastestCpuMs(() => sanitizeHar(large));
  return largeMs / smallMs;
}

describe('redaction cost grows linearly (CPU time at two sizes, 8x apart)', () => {
  it.each(Object.entries(HOSTILE_SHAPES))('text body: %s', (_name, make) => {
    expect(growth(make, 'text/plain')).toBeLessThan(BOUND);
  });

  it.each(Object.entries(HOSTILE_JSON_SHAPES))('JSON body: %s', (_name, make) => {
    expect(growth(make, 'application/json')).toBeLessThan(BOUND);
  });

  it('can tell: a quadratic piece of work fails the same bound', () => {
    const work = (n: number): void => {
      let x = 0;
      for (let i = 0; i < n; i++) for (let j = 0; j < n / 64; j++) x += (i ^ j) & 1;
      if (x < 0) throw new Error('unreachable');
    };
    const small = fastestCpuMs(() => work(SMALL / 4));
    const large = fastestCpuMs(() => work(LARGE / 4));
    expect(large / small).toBeGreaterThan(BOUND);
  });
});
