// The failure list's window on a long session (issue 6): which lines exist (flat or grouped,
// with their ARIA positions), which of them are rendered for a scroll position, and where the
// keyboard moves the active one.
import type { FailureRow } from './failure-row.ts';
import type { FailureGroup } from './group-failures.ts';

export interface VisibleRange {
  /** First item index to render (inclusive). */
  start: number;
  /** One past the last item index to render. */
  end: number;
}

export interface WindowGeometry {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  /** Extra items rendered above and below the viewport so fast scrolling shows no blank rows. */
  overscan: number;
}

/**
 * Which items a fixed-row-height list must render. The result depends on the viewport, never on
 * `count` beyond clamping, which is what keeps the list's render cost flat at 10,000 rows.
 */
export function visibleRange({
  scrollTop,
  viewportHeight,
  rowHeight,
  count,
  overscan,
}: WindowGeometry): VisibleRange {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const shown = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(first, count) - overscan);
  const end = Math.min(count, first + shown + overscan);
  return { start, end: Math.max(start, end) };
}

/**
 * The scrollTop that brings item `index` fully into view while moving as little as possible (the
 * keyboard scrolls one row at a time, as in the Network panel), or the current one if it is visible.
 */
export function scrollToReveal(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

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

/**
 * One line of the failure list: a failure, or a group header (members follow when expanded).
 * `pos`/`size` place the line among its siblings (1-based), for aria-posinset/aria-setsize: the
 * DOM holds only a window of lines, so assistive technology learns the real extent from these.
 */
export type ListItem =
  | { kind: 'row'; key: string; row: FailureRow; groupKey?: string; pos: number; size: number }
  | { kind: 'group'; key: string; group: FailureGroup; expanded: boolean; pos: number; size: number };

/** The item key of a group's header line (member lines use `rowItemKey`). */
export function groupItemKey(groupKey: string): string {
  return `g${groupKey}`;
}

export function rowItemKey(id: number): string {
  return `r${id}`;
}

/** Grouped mode: a header per group, followed by its members when the group is expanded. */
export function groupItems(groups: readonly FailureGroup[], expanded: ReadonlySet<string>): ListItem[] {
  const items: ListItem[] = [];
  groups.forEach((group, g) => {
    const open = expanded.has(group.key);
    items.push({
      kind: 'group',
      key: groupItemKey(group.key),
      group,
      expanded: open,
      pos: g + 1,
      size: groups.length,
    });
    if (!open) return;
    group.members.forEach((row, m) => {
      items.push({
        kind: 'row',
        key: rowItemKey(row.id),
        row,
        groupKey: group.key,
        pos: m + 1,
        size: group.count,
      });
    });
  });
  return items;
}

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
