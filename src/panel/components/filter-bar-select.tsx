import type { FacetCount } from '../../core/view/index.ts';

export interface FilterBarSelectProps<T extends string> {
  /** Accessible name, e.g. "Provider". */
  label: string;
  /** The option meaning "no restriction", e.g. "All providers". */
  allLabel: string;
  facets: readonly FacetCount<T>[];
  chosen: readonly T[];
  onChange: (chosen: T[]) => void;
  testId: string;
}

/**
 * A single-choice select over the values present in the session, each with its count. A chosen
 * value that is no longer present stays listed, so the control never silently drops a filter.
 */
export function FilterBarSelect<T extends string>(p: FilterBarSelectProps<T>) {
  // An empty value (a HAR entry with a relative URL has no host) cannot be told from "all".
  const facets = p.facets.filter((f) => f.value !== '');
  const present = new Set(facets.map((f) => f.value));
  const missing = p.chosen.filter((v) => !present.has(v)).map((value) => ({ value, count: 0 }));
  return (
    <select
      class="fb-select"
      aria-label={p.label}
      title={p.label}
      data-testid={p.testId}
      value={p.chosen[0] ?? ''}
      onChange={(e) => {
        const value = e.currentTarget.value as T | '';
        p.onChange(value === '' ? [] : [value]);
      }}
    >
      <option value="">{p.allLabel}</option>
      {[...facets, ...missing].map((f) => (
        <option key={f.value} value={f.value}>
          {`${f.value} (${f.count})`}
        </option>
      ))}
    </select>
  );
}
