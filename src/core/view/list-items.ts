import type { FailureRow } from './failure-row.ts';
import type { FailureGroup } from './group-failures.ts';

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
