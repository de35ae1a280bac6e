export interface ChipOption<T extends string> {
  value: T;
  label: string;
  /** How many failures carry this value; shown in the tooltip. */
  count?: number;
}

export interface FilterBarChipsProps<T extends string> {
  /** Accessible name of the group, e.g. "Status class". */
  label: string;
  options: readonly ChipOption<T>[];
  chosen: readonly T[];
  onChange: (chosen: T[]) => void;
}

/**
 * Toggle chips with the Network panel's habit: a click shows only that value (or everything again
 * when it was the only one shown); Ctrl/Cmd+click adds or removes it from the set.
 */
export function FilterBarChips<T extends string>({
  label,
  options,
  chosen,
  onChange,
}: FilterBarChipsProps<T>) {
  const click = (value: T, additive: boolean) => {
    const on = chosen.includes(value);
    if (additive) onChange(on ? chosen.filter((v) => v !== value) : [...chosen, value]);
    else onChange(on && chosen.length === 1 ? [] : [value]);
  };
  return (
    <div class="fb-chips" role="group" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          class="fb-chip"
          aria-pressed={chosen.includes(o.value)}
          title={o.count === undefined ? o.label : `${o.label}: ${o.count}`}
          data-value={o.value}
          onClick={(e) => click(o.value, e.ctrlKey || e.metaKey)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
