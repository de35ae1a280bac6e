import type { RetryVerdict } from '../../core/diagnosis.ts';
import type { Facets } from '../../core/view/facets-of.ts';
import { EMPTY_FILTER, type FailureFilter } from '../../core/view/failure-filter.ts';
import type { FailureSort } from '../../core/view/sort-failures.ts';
import { STATUS_CLASSES, type StatusClass } from '../../core/view/status-class.ts';
import { FilterBarChips, type ChipOption } from './filter-bar-chips.tsx';
import { FilterBarSelect } from './filter-bar-select.tsx';
import { FilterBarSort } from './filter-bar-sort.tsx';
import { FilterBarText } from './filter-bar-text.tsx';
import './filter-bar.css';

export interface FilterBarProps {
  filter: FailureFilter;
  onChange: (filter: FailureFilter) => void;
  /** Values present in the session (facetsOf over all rows, not only the visible ones). */
  facets: Facets;
  sort: FailureSort;
  onSortChange: (sort: FailureSort) => void;
  grouped: boolean;
  onGroupedChange: (grouped: boolean) => void;
  /** "shown of total", displayed at the end of the bar when given. */
  counts?: { shown: number; total: number };
}

const STATUS_LABEL: Readonly<Record<StatusClass, string>> = {
  '4xx': '4xx',
  '5xx': '5xx',
  network: 'Network',
  other: 'Other',
};

const RETRY_OPTIONS: readonly ChipOption<RetryVerdict>[] = [
  { value: 'yes', label: 'Retry' },
  { value: 'conditional', label: 'If idempotent' },
  { value: 'no', label: 'No retry' },
];

/** The Network panel's filter bar, for failures. Wraps onto several lines in a narrow panel. */
export function FilterBar(p: FilterBarProps) {
  const set = (patch: Partial<FailureFilter>) => p.onChange({ ...p.filter, ...patch });
  const statusOptions = STATUS_CLASSES.filter(
    (c) => c !== 'other' || p.facets.statusClasses.some((f) => f.value === 'other'),
  ).map((value) => ({ value, label: STATUS_LABEL[value], count: countOf(p.facets.statusClasses, value) }));
  const retryOptions = RETRY_OPTIONS.map((o) => ({ ...o, count: countOf(p.facets.retry, o.value) }));
  const active = !isEmpty(p.filter);

  return (
    <div class="fb" role="search" aria-label="Filter failures" data-testid="filter-bar">
      <FilterBarText text={p.filter.text} onChange={(text) => set({ text })} />
      <FilterBarChips
        label="Status class"
        options={statusOptions}
        chosen={p.filter.statusClasses}
        onChange={(statusClasses) => set({ statusClasses })}
      />
      <FilterBarChips
        label="Retry verdict"
        options={retryOptions}
        chosen={p.filter.retry}
        onChange={(retry) => set({ retry })}
      />
      <FilterBarSelect
        label="Provider"
        allLabel="All providers"
        testId="filter-provider"
        facets={p.facets.providers}
        chosen={p.filter.providers}
        onChange={(providers) => set({ providers })}
      />
      <FilterBarSelect
        label="Category"
        allLabel="All categories"
        testId="filter-category"
        facets={p.facets.categories}
        chosen={p.filter.categories}
        onChange={(categories) => set({ categories })}
      />
      <FilterBarSelect
        label="Host"
        allLabel="All hosts"
        testId="filter-host"
        facets={p.facets.hosts}
        chosen={p.filter.hosts}
        onChange={(hosts) => set({ hosts })}
      />
      <FilterBarSort
        sort={p.sort}
        onSortChange={p.onSortChange}
        grouped={p.grouped}
        onGroupedChange={p.onGroupedChange}
      />
      {active ? (
        <button
          type="button"
          class="fb-clear"
          data-testid="clear-filters"
          onClick={() => p.onChange(EMPTY_FILTER)}
        >
          Clear filters
        </button>
      ) : null}
      {p.counts ? (
        <span class="fb-counts" aria-live="polite" data-testid="filter-counts">
          {active ? `${p.counts.shown} of ${p.counts.total}` : `${p.counts.total}`} failures
        </span>
      ) : null}
    </div>
  );
}

function countOf<T extends string>(facets: readonly { value: T; count: number }[], value: T): number {
  return facets.find((f) => f.value === value)?.count ?? 0;
}

function isEmpty(f: FailureFilter): boolean {
  return (
    f.text.trim() === '' &&
    f.providers.length + f.categories.length + f.retry.length + f.statusClasses.length + f.hosts.length === 0
  );
}
