import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { RetryVerdict } from '../../core/diagnosis.ts';
import {
  type Facets,
  EMPTY_FILTER,
  type FailureFilter,
  STATUS_CLASSES,
  type StatusClass,
} from '../../core/view/index.ts';
import { FilterBarChips, type ChipOption } from './filter-bar-chips.tsx';
import { FilterBarSelect } from './filter-bar-select.tsx';
import { FilterBarText } from './filter-bar-text.tsx';
import './filter-bar.css';

export interface FilterBarProps {
  filter: FailureFilter;
  onChange: (filter: FailureFilter) => void;
  /** Values present in the session (facetsOf over all rows, not only the visible ones). */
  facets: Facets;
  grouped: boolean;
  onGroupedChange: (grouped: boolean) => void;
  /** See FilterBarText. */
  focusRequest?: number;
  /** More controls that fold away with the filters when the panel is narrow (the toolbar's). */
  children?: ComponentChildren;
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

/**
 * The Network panel's filter bar, for failures. Wide, everything sits in the toolbar's row;
 * docked narrow (issue 13: one compact row at 400 px) only the text box stays, and the chips,
 * selects and the toolbar's extra controls fold behind one "Filters" button.
 */
export function FilterBar(p: FilterBarProps) {
  const [open, setOpen] = useState(false);
  const set = (patch: Partial<FailureFilter>) => p.onChange({ ...p.filter, ...patch });
  const statusOptions = STATUS_CLASSES.filter(
    (c) => c !== 'other' || p.facets.statusClasses.some((f) => f.value === 'other'),
  ).map((value) => ({ value, label: STATUS_LABEL[value], count: countOf(p.facets.statusClasses, value) }));
  const retryOptions = RETRY_OPTIONS.map((o) => ({ ...o, count: countOf(p.facets.retry, o.value) }));
  const active = activeCount(p.filter);

  return (
    <div class="fb" role="search" aria-label="Filter failures" data-testid="filter-bar">
      <FilterBarText
        text={p.filter.text}
        onChange={(text) => set({ text })}
        {...(p.focusRequest === undefined ? {} : { focusRequest: p.focusRequest })}
      />
      <button
        type="button"
        class="fb-more"
        aria-expanded={open}
        aria-controls="fb-extra"
        data-testid="more-controls"
        title="Filters and more"
        onClick={() => setOpen(!open)}
      >
        Filters{active > 0 ? ` (${active})` : ''} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <div
        id="fb-extra"
        class="fb-extra"
        data-open={open}
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || !open) return;
          e.stopPropagation(); // not preventDefault: see app.tsx
          setOpen(false);
        }}
      >
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
        <label class="fb-toggle">
          <input
            type="checkbox"
            data-testid="group-identical"
            checked={p.grouped}
            onChange={(e) => p.onGroupedChange(e.currentTarget.checked)}
          />
          Group identical
        </label>
        {active > 0 ? (
          <button
            type="button"
            class="fb-clear"
            data-testid="clear-filters"
            onClick={() => p.onChange(EMPTY_FILTER)}
          >
            Clear filters
          </button>
        ) : null}
        {p.children}
      </div>
    </div>
  );
}

function countOf<T extends string>(facets: readonly { value: T; count: number }[], value: T): number {
  return facets.find((f) => f.value === value)?.count ?? 0;
}

/** How many filters are on (the text box counts as one). */
export function activeCount(f: FailureFilter): number {
  return (
    (f.text.trim() === '' ? 0 : 1) +
    f.providers.length +
    f.categories.length +
    f.retry.length +
    f.statusClasses.length +
    f.hosts.length
  );
}
