import { nextSort, type FailureSort, type SortBy } from '../../core/view/index.ts';

const COLUMNS: readonly { by: SortBy; label: string; title?: string }[] = [
  { by: 'status', label: 'Status' },
  { by: 'method', label: 'Method' },
  { by: 'host', label: 'Host' },
  { by: 'path', label: 'Path' },
  { by: 'provider', label: 'Provider' },
  { by: 'category', label: 'Category' },
  { by: 'retry', label: 'Retry' },
  { by: 'duration', label: 'Duration', title: 'How long the request took' },
  { by: 'time', label: 'Time (UTC)' },
];

/**
 * Column titles that sort the list, as in the Network panel: a click (or Enter/Space, they are
 * buttons in the Tab order) sorts by that column, a second click reverses it. The header is its
 * own one-row ARIA table so each title can carry aria-sort; the failures below stay a listbox.
 */
export function FailureListHeader({
  sort,
  onSort,
}: {
  sort?: FailureSort;
  onSort?: (sort: FailureSort) => void;
}) {
  return (
    <div role="table" aria-label="Sort failures by column">
      <div role="row" class="fl-header fl-columns" data-testid="list-header">
        {COLUMNS.map((c) => {
          const active = sort?.by === c.by;
          const order = active ? (sort?.dir === 'asc' ? 'ascending' : 'descending') : 'none';
          return (
            <span key={c.by} role="columnheader" class={`fl-${c.by}`} aria-sort={order}>
              {onSort && sort ? (
                <button
                  type="button"
                  class="fl-sort"
                  data-testid="sort-by"
                  data-column={c.by}
                  title={c.title ?? `Sort by ${c.label.toLowerCase()}`}
                  onClick={() => onSort(nextSort(sort, c.by))}
                >
                  <span class="fl-sort-label">{c.label}</span>
                  <span class="fl-sort-mark" aria-hidden="true">
                    {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              ) : (
                c.label
              )}
            </span>
          );
        })}
      </div>
    </div>
  );
}
