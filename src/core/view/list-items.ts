import type { FailureRow } from './failure-row.ts';
import type { FailureGroup } from './group-failures.ts';

/** One line of the failure list: a failure, or a group header (members follow when expanded). */
export type ListItem =
  | { kind: 'row'; key: string; row: FailureRow; groupKey?: string }
  | { kind: 'group'; key: string; group: FailureGroup; expanded: boolean };

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
  for (const group of groups) {
    const open = expanded.has(group.key);
    items.push({ kind: 'group', key: groupItemKey(group.key), group, expanded: open });
    if (!open) continue;
    for (const row of group.members)
      items.push({ kind: 'row', key: rowItemKey(row.id), row, groupKey: group.key });
  }
  return items;
}
