import { groupItemKey, type ListItem } from '../../core/view/list-items.ts';

export interface KeyActions {
  onOpen?: (id: number) => void;
  onClose?: () => void;
  toggle: (groupKey: string) => void;
  pickKey: (itemKey: string) => void;
}

/**
 * Enter opens a failure (or toggles a group), Escape closes, and Right/Left expand and collapse
 * groups the way tree views in DevTools do. Returns whether the key was used.
 */
export function actOn(item: ListItem | undefined, key: string, actions: KeyActions): boolean {
  if (key === 'Escape') {
    actions.onClose?.();
    return actions.onClose !== undefined;
  }
  if (item === undefined) return false;
  if (item.kind === 'row') {
    if (key === 'Enter') actions.onOpen?.(item.row.id);
    if (key === 'ArrowLeft' && item.groupKey !== undefined) actions.pickKey(groupItemKey(item.groupKey));
    return key === 'Enter' || (key === 'ArrowLeft' && item.groupKey !== undefined);
  }
  const wants =
    key === 'Enter' || (key === 'ArrowRight' && !item.expanded) || (key === 'ArrowLeft' && item.expanded);
  if (wants) actions.toggle(item.group.key);
  return wants;
}
