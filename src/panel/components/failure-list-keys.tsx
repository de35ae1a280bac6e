import { groupItemKey, type ListItem } from '../../core/view/list-items.ts';

export interface KeyActions {
  onOpen?: (id: number) => void;
  /** Escape: close what the list opened; false when nothing was open (the key is then not used). */
  onClose?: () => boolean;
  toggle: (groupKey: string) => void;
  pickKey: (itemKey: string) => void;
}

/**
 * Enter opens a failure (or toggles a group), Escape closes, and Right/Left expand and collapse
 * groups the way tree views in DevTools do. Returns whether the key was used.
 */
export function actOn(item: ListItem | undefined, key: string, actions: KeyActions): boolean {
  if (key === 'Escape') {
    // Only a key that closed something is used: otherwise DevTools gets it (its drawer toggles).
    return actions.onClose?.() ?? false;
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
