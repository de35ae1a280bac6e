import type { ListItem } from './list-items.ts';

/**
 * Which list item is the active (highlighted) one. The caller's `selectedId` is the truth; the
 * list's own `activeKey` only disambiguates when the same failure appears twice (a collapsed
 * group's header and, once expanded, the member row). Returns -1 when nothing is selected or the
 * selection is filtered out.
 */
export function activeIndex(
  items: readonly ListItem[],
  activeKey: string | undefined,
  selectedId: number | undefined,
): number {
  if (selectedId === undefined) return -1;
  if (activeKey !== undefined) {
    const i = items.findIndex((item) => item.key === activeKey);
    const item = items[i];
    if (item !== undefined && holds(item, selectedId)) return i;
  }
  const row = items.findIndex((item) => item.kind === 'row' && item.row.id === selectedId);
  if (row >= 0) return row;
  return items.findIndex((item) => holds(item, selectedId));
}

function holds(item: ListItem, id: number): boolean {
  return item.kind === 'row' ? item.row.id === id : item.group.ids.includes(id);
}
