import type { FailureSort } from '../../core/view/sort-failures.ts';

const SORTS: readonly { value: string; label: string; sort: FailureSort }[] = [
  { value: 'time:asc', label: 'Time, oldest first', sort: { by: 'time', dir: 'asc' } },
  { value: 'time:desc', label: 'Time, newest first', sort: { by: 'time', dir: 'desc' } },
  { value: 'status:asc', label: 'Status, low to high', sort: { by: 'status', dir: 'asc' } },
  { value: 'status:desc', label: 'Status, high to low', sort: { by: 'status', dir: 'desc' } },
];

export interface FilterBarSortProps {
  sort: FailureSort;
  onSortChange: (sort: FailureSort) => void;
  grouped: boolean;
  onGroupedChange: (grouped: boolean) => void;
}

/** How the list is ordered, and whether identical failures collapse into one line. */
export function FilterBarSort(p: FilterBarSortProps) {
  return (
    <>
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
    </>
  );
}
