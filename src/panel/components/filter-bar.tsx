import { useEffect, useRef } from 'preact/hooks';
import type { RetryVerdict } from '../../core/diagnosis.ts';
import type { Facets } from '../../core/view/facets-of.ts';
import { EMPTY_FILTER, type FailureFilter } from '../../core/view/failure-filter.ts';
import type { FailureSort } from '../../core/view/sort-failures.ts';
import { STATUS_CLASSES, type StatusClass } from '../../core/view/status-class.ts';
import { FilterBarChips, type ChipOption } from './filter-bar-chips.tsx';
import { FilterBarSelect } from './filter-bar-select.tsx';
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

const SORTS: readonly { value: string; label: string; sort: FailureSort }[] = [
  { value: 'time:asc', label: 'Time, oldest first', sort: { by: 'time', dir: 'asc' } },
  { value: 'time:desc', label: 'Time, newest first', sort: { by: 'time', dir: 'desc' } },
  { value: 'status:asc', label: 'Status, low to high', sort: { by: 'status', dir: 'asc' } },
  { value: 'status:desc', label: 'Status, high to low', sort: { by: 'status', dir: 'desc' } },
];

const TOKEN_HELP =
  'Filter: words match method, host, path, status, code, message, provider and category. ' +
  'Tokens: status:429 status:5xx provider:persona category:rate_limited retry:no method:POST ' +
  'host:api.example.com code:… path:… — prefix with - to exclude, /regex/ for a pattern.';

/** The Network panel's filter bar, for failures. Wraps onto several lines in a narrow panel. */
export function FilterBar(p: FilterBarProps) {
  const input = useRef<HTMLInputElement>(null);
  useFindShortcut(input);
  const set = (patch: Partial<FailureFilter>) => p.onChange({ ...p.filter, ...patch });
  const statusOptions = STATUS_CLASSES.filter(
    (c) => c !== 'other' || p.facets.statusClasses.some((f) => f.value === 'other'),
  ).map((value) => ({ value, label: STATUS_LABEL[value], count: countOf(p.facets.statusClasses, value) }));
  const retryOptions = RETRY_OPTIONS.map((o) => ({ ...o, count: countOf(p.facets.retry, o.value) }));
  const active = !isEmpty(p.filter);

  return (
    <div class="fb" role="search" aria-label="Filter failures" data-testid="filter-bar">
      <input
        ref={input}
        class="fb-text"
        type="text"
        role="searchbox"
        spellcheck={false}
        placeholder="Filter (Ctrl+F)"
        aria-label="Filter failures by text or tokens like status:429"
        title={TOKEN_HELP}
        data-testid="filter-text"
        value={p.filter.text}
        onInput={(e) => set({ text: e.currentTarget.value })}
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || p.filter.text === '') return;
          e.preventDefault();
          e.stopPropagation();
          set({ text: '' });
        }}
      />
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
      <select
        class="fb-select"
        aria-label="Sort"
        title="Sort"
        data-testid="sort"
        value={`${p.sort.by}:${p.sort.dir}`}
        onChange={(e) => {
          const chosen = SORTS.find((s) => s.value === e.currentTarget.value);
          if (chosen) p.onSortChange(chosen.sort);
        }}
      >
        {SORTS.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
      <label class="fb-toggle">
        <input
          type="checkbox"
          data-testid="group-identical"
          checked={p.grouped}
          onChange={(e) => p.onGroupedChange(e.currentTarget.checked)}
        />
        Group identical
      </label>
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

/** Ctrl/Cmd+F focuses the filter, as in the Network panel (the panel frame gets the key first). */
function useFindShortcut(input: { current: HTMLInputElement | null }): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 'f') return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [input]);
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
