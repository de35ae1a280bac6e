import type { FailureRow } from './failure-row.ts';
import type { FailureGroup } from './group-failures.ts';
import { activeIndex } from './active-index.ts';
import { groupItems, rowItemKey, type ListItem } from './list-items.ts';

/**
 * The failure list's lines, addressed by index. The flat model builds a line only when asked
 * (the list asks for the visible ones), so a 10,000-row list allocates nothing per row on render.
 */
export interface ListModel {
  readonly count: number;
  at(index: number): ListItem | undefined;
  indexOfKey(key: string): number;
  /** The highlighted line for the caller's selection (see active-index.ts). */
  activeIndex(activeKey: string | undefined, selectedId: number | undefined): number;
}

export function flatModel(rows: readonly FailureRow[]): ListModel {
  const indexOfId = (id: number | undefined) => (id === undefined ? -1 : rows.findIndex((r) => r.id === id));
  return {
    count: rows.length,
    at(index) {
      const row = rows[index];
      return row && { kind: 'row', key: rowItemKey(row.id), row, pos: index + 1, size: rows.length };
    },
    indexOfKey: (key) => (key.startsWith('r') ? indexOfId(Number(key.slice(1))) : -1),
    activeIndex: (_key, selectedId) => indexOfId(selectedId),
  };
}

export function groupedModel(groups: readonly FailureGroup[], expanded: ReadonlySet<string>): ListModel {
  const items: ListItem[] = groupItems(groups, expanded);
  return {
    count: items.length,
    at: (index) => items[index],
    indexOfKey: (key) => items.findIndex((item) => item.key === key),
    activeIndex: (key, selectedId) => activeIndex(items, key, selectedId),
  };
}
