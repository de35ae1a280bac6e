import { describe, expect, it } from 'vitest';
import { sortFailures } from '../../../src/core/view/sort-failures.ts';
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
