import { describe, expect, it } from 'vitest';
import { nextSort, sortFailures } from '../../../src/core/view/index.ts';
import { row } from './rows.ts';

const rows = [
  row({ id: 1, status: 503, startedMs: 30 }),
  row({ id: 2, status: 429, startedMs: 10 }),
  row({ id: 3, status: 503, startedMs: 20 }),
  row({ id: 4, status: 429, startedMs: 10 }),
];

describe('sortFailures', () => {
  it('sorts by time with the id breaking ties', () => {
    expect(sortFailures(rows, 'time', 'asc').map((r) => r.id)).toEqual([2, 4, 3, 1]);
    expect(sortFailures(rows, 'time', 'desc').map((r) => r.id)).toEqual([1, 3, 4, 2]);
  });

  it('sorts by status, then time', () => {
    expect(sortFailures(rows, 'status', 'asc').map((r) => r.id)).toEqual([2, 4, 3, 1]);
    expect(sortFailures(rows, 'status', 'desc').map((r) => r.id)).toEqual([1, 3, 4, 2]);
  });

  it('returns a copy', () => {
    const sorted = sortFailures(rows, 'time', 'asc');
    expect(sorted).not.toBe(rows);
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4]);
  });
});

describe('sortFailures by any column', () => {
  const mixed = [
    row({ id: 1, method: 'POST', path: '/b', durationMs: 300, retry: 'no', provider: 'persona' }),
    row({ id: 2, method: 'GET', path: '/a', durationMs: 20, retry: 'yes', provider: 'ranex' }),
    row({ id: 3, method: 'DELETE', path: '/c', durationMs: 1200, retry: 'conditional', provider: 'generic' }),
  ];
  const ids = (by: Parameters<typeof sortFailures>[1], dir: 'asc' | 'desc' = 'asc') =>
    sortFailures(mixed, by, dir).map((r) => r.id);

  it('orders text columns alphabetically and numbers numerically', () => {
    expect(ids('method')).toEqual([3, 2, 1]);
    expect(ids('path')).toEqual([2, 1, 3]);
    expect(ids('provider')).toEqual([3, 1, 2]);
    expect(ids('duration')).toEqual([2, 1, 3]);
    expect(ids('duration', 'desc')).toEqual([3, 1, 2]);
  });

  it('orders retry verdicts from retry to do-not-retry', () => {
    expect(ids('retry')).toEqual([2, 3, 1]);
  });

  it('a header click sorts a new column ascending and flips the current one', () => {
    expect(nextSort({ by: 'time', dir: 'asc' }, 'status')).toEqual({ by: 'status', dir: 'asc' });
    expect(nextSort({ by: 'status', dir: 'asc' }, 'status')).toEqual({ by: 'status', dir: 'desc' });
    expect(nextSort({ by: 'status', dir: 'desc' }, 'status')).toEqual({ by: 'status', dir: 'asc' });
  });
});
