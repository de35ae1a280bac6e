import { describe, expect, it } from 'vitest';
import { facetsOf, formatClock } from '../../../src/core/view/index.ts';
import { row } from './rows.ts';

describe('facetsOf', () => {
  it('counts each value, most frequent first, then by name', () => {
    const facets = facetsOf([
      row({ id: 1, host: 'b.example', provider: 'persona', status: 429, category: 'rate_limited' }),
      row({ id: 2, host: 'a.example', provider: 'persona', status: 0, category: 'network_error' }),
      row({ id: 3, host: 'b.example', provider: 'ranex', status: 502, category: 'bad_gateway', retry: 'no' }),
      row({ id: 4, host: 'c.example', provider: 'ranex', status: 503, category: 'bad_gateway' }),
    ]);
    expect(facets.hosts).toEqual([
      { value: 'b.example', count: 2 },
      { value: 'a.example', count: 1 },
      { value: 'c.example', count: 1 },
    ]);
    expect(facets.providers).toEqual([
      { value: 'persona', count: 2 },
      { value: 'ranex', count: 2 },
    ]);
    expect(facets.categories[0]).toEqual({ value: 'bad_gateway', count: 2 });
    expect(facets.retry).toEqual([
      { value: 'yes', count: 3 },
      { value: 'no', count: 1 },
    ]);
    expect(facets.statusClasses).toEqual([
      { value: '5xx', count: 2 },
      { value: '4xx', count: 1 },
      { value: 'network', count: 1 },
    ]);
  });

  it('is empty for no rows', () => {
    expect(facetsOf([]).hosts).toEqual([]);
  });
});

describe('formatClock', () => {
  it('shows UTC wall-clock time with milliseconds, or a dash when unknown', () => {
    expect(formatClock(Date.parse('2026-01-02T03:04:05.678Z'))).toBe('03:04:05.678');
    expect(formatClock(0)).toBe('—');
  });
});
