/**
 * The listbox keyboard model (WAI-ARIA APG "Listbox"): where the active item goes for a key, or
 * undefined when the key does not move it. From "nothing active" (-1) any move lands on an end.
 */
export function moveIndex(current: number, key: string, count: number, pageSize: number): number | undefined {
  if (count === 0) return undefined;
  const last = count - 1;
  const page = Math.max(1, pageSize);
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : Math.min(current + 1, last);
    case 'ArrowUp':
      return current < 0 ? last : Math.max(current - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return current < 0 ? Math.min(page - 1, last) : Math.min(current + page, last);
    case 'PageUp':
      return current < 0 ? 0 : Math.max(current - page, 0);
    default:
      return undefined;
  }
}
