import type { Category, ProviderId, RetryVerdict } from '../diagnosis.ts';
import { type FailureRow, statusClass, type StatusClass } from './failure-row.ts';

export interface FacetCount<T extends string> {
  value: T;
  count: number;
}

/** The values present in a session, with how many rows carry each: the filter bar's options. */
export interface Facets {
  hosts: FacetCount<string>[];
  providers: FacetCount<ProviderId>[];
  categories: FacetCount<Category>[];
  retry: FacetCount<RetryVerdict>[];
  statusClasses: FacetCount<StatusClass>[];
}

/** Counts in one pass; each list is ordered by count (most first), then alphabetically. */
export function facetsOf(rows: readonly FailureRow[]): Facets {
  const hosts = new Map<string, number>();
  const providers = new Map<ProviderId, number>();
  const categories = new Map<Category, number>();
  const retry = new Map<RetryVerdict, number>();
  const classes = new Map<StatusClass, number>();
  for (const row of rows) {
    bump(hosts, row.host);
    bump(providers, row.provider);
    bump(categories, row.category);
    bump(retry, row.retry);
    bump(classes, statusClass(row.status));
  }
  return {
    hosts: ordered(hosts),
    providers: ordered(providers),
    categories: ordered(categories),
    retry: ordered(retry),
    statusClasses: ordered(classes),
  };
}

function bump<T>(counts: Map<T, number>, value: T): void {
  counts.set(value, (counts.get(value) ?? 0) + 1);
}

function ordered<T extends string>(counts: Map<T, number>): FacetCount<T>[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
