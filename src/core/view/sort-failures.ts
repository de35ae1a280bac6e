import type { FailureRow } from './failure-row.ts';

export type SortBy = 'time' | 'status';
export type SortDir = 'asc' | 'desc';

/**
 * A sorted copy. Ties fall back to start time, then to the exchange id, so the order is total and
 * a re-sort after new rows arrive never shuffles equal rows.
 */
export function sortFailures(rows: readonly FailureRow[], by: SortBy, dir: SortDir): FailureRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const primary = by === 'status' ? a.status - b.status : 0;
    return sign * (primary || a.startedMs - b.startedMs || a.id - b.id);
  });
}

/** The list's order as one value, for controls that set both at once. */
export interface FailureSort {
  by: SortBy;
  dir: SortDir;
}
