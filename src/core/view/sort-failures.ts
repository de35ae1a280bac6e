import type { FailureRow } from './failure-row.ts';

/** Every column of the failure list can order it (issue 13: sortable column headers). */
export const SORT_COLUMNS = [
  'status',
  'method',
  'host',
  'path',
  'provider',
  'category',
  'retry',
  'duration',
  'time',
] as const;
export type SortBy = (typeof SORT_COLUMNS)[number];
export type SortDir = 'asc' | 'desc';

/** The list's order as one value, for controls that set both at once. */
export interface FailureSort {
  by: SortBy;
  dir: SortDir;
}

const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Retry verdicts from "go ahead" to "do not": the order a user scanning for retryable calls wants. */
const RETRY_ORDER = { yes: 0, conditional: 1, no: 2 } as const;

const COMPARE: Readonly<Record<SortBy, (a: FailureRow, b: FailureRow) => number>> = {
  status: (a, b) => a.status - b.status,
  method: (a, b) => text(a.method, b.method),
  host: (a, b) => text(a.host, b.host),
  path: (a, b) => text(a.path, b.path),
  provider: (a, b) => text(a.provider, b.provider),
  category: (a, b) => text(a.category, b.category),
  retry: (a, b) => RETRY_ORDER[a.retry] - RETRY_ORDER[b.retry],
  duration: (a, b) => a.durationMs - b.durationMs,
  time: () => 0,
};

/**
 * A sorted copy. Ties fall back to start time, then to the exchange id, so the order is total and
 * a re-sort after new rows arrive never shuffles equal rows.
 */
export function sortFailures(rows: readonly FailureRow[], by: SortBy, dir: SortDir): FailureRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const primary = COMPARE[by];
  return [...rows].sort((a, b) => sign * (primary(a, b) || a.startedMs - b.startedMs || a.id - b.id));
}

/**
 * What a click on a column header does, as in the Network panel: a new column sorts ascending
 * (time and duration: the default reading order), the same column flips direction.
 */
export function nextSort(current: FailureSort, by: SortBy): FailureSort {
  if (current.by !== by) return { by, dir: 'asc' };
  return { by, dir: current.dir === 'asc' ? 'desc' : 'asc' };
}
