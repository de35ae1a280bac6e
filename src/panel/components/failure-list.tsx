import type { ComponentChildren } from 'preact';
import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  type FailureRow,
  groupFailures,
  flatModel,
  groupedModel,
  moveIndex,
  scrollToReveal,
  visibleRange,
  type FailureSort,
  groupItemKey,
  type ListItem,
} from '../../core/view/index.ts';
import { FailureListHeader } from './failure-list-header.tsx';
import { FailureListGroupRow, FailureListRow, type LineProps } from './failure-list-row.tsx';
import { useClientSize } from './client-size.tsx';
import './failure-list.css';

export interface FailureListProps {
  /** The failures to show, already filtered and sorted; the list never reorders them. */
  rows: readonly FailureRow[];
  /**
   * Group identical failures (method + path template + status + code) into one line each, in
   * the order of their first member. Clicking a group selects its latest member and expands it.
   * Grouped, the list is an ARIA tree (groups expand); flat, it is a listbox.
   */
  grouped?: boolean;
  /** The selected failure's id (`FailureRow.id`), or undefined for none. */
  selectedId: number | undefined;
  /** A line was picked by mouse or keyboard (for a group: its latest member). */
  onSelect: (id: number) => void;
  /** Enter on a failure: open its details. */
  onOpen?: (id: number) => void;
  /** Escape in the list: close the details; returns false when nothing was open. */
  onClose?: () => boolean;
  /** The order the rows come in, shown on the column headers, which change it when clicked. */
  sort?: FailureSort;
  onSortChange?: (sort: FailureSort) => void;
  /**
   * A context menu was asked for on a failure (right-click, the Menu key or Shift+F10): its id and
   * where to show the menu, in client coordinates.
   */
  onContextMenu?: (id: number, x: number, y: number) => void;
  /** Accessible name of the listbox. */
  label?: string;
  /** Shown instead of lines when `rows` is empty (the caller's empty state). */
  empty?: ComponentChildren;
  /** Fixed line height in CSS px; must match the stylesheet (default 22). */
  rowHeight?: number;
  /** Lines rendered beyond each edge of the viewport (default 8). */
  overscan?: number;
  /**
   * Up to this many lines, render them all: small sessions are then fully in the DOM for tests
   * and find-in-page, and windowing only starts where it pays off (default 50).
   */
  renderAllBelow?: number;
}

interface KeyActions {
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
function actOn(item: ListItem | undefined, key: string, actions: KeyActions): boolean {
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

/** Viewport height assumed before layout (or without one, as in happy-dom). */
const FALLBACK_VIEWPORT_PX = 600;

/**
 * The virtualized failure list: a listbox whose DOM holds only the lines in view (plus overscan),
 * so its render cost depends on the panel's height, not on the session's length (issue 6).
 */
export function FailureList(props: FailureListProps) {
  const { rows, grouped = false, selectedId, rowHeight = 22, overscan = 8, renderAllBelow = 50 } = props;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [activeKey, setActiveKey] = useState<string | undefined>(undefined);
  const [scrollTop, setScrollTop] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  const viewport = useClientSize(scroller, 'height', FALLBACK_VIEWPORT_PX);
  const domPrefix = useId();
  const clicked = useRef<(index: number) => void>(() => undefined);
  const onPick = useCallback((index: number) => clicked.current(index), []);

  const groups = useMemo(() => (grouped ? groupFailures(rows) : undefined), [rows, grouped]);
  const model = useMemo(
    () => (groups ? groupedModel(groups, expanded) : flatModel(rows)),
    [groups, rows, expanded],
  );
  const active = model.activeIndex(activeKey, selectedId);
  const lineId = (i: number) => `${domPrefix}-l${i}`;

  const toggle = (groupKey: string) => {
    const next = new Set(expanded);
    if (!next.delete(groupKey)) next.add(groupKey);
    setExpanded(next);
  };
  const pick = (index: number) => {
    const item = model.at(index);
    if (item === undefined) return;
    setActiveKey(item.key);
    props.onSelect(item.kind === 'row' ? item.row.id : item.group.latest.id);
  };
  const reveal = (index: number) => {
    const el = scroller.current;
    if (el === null) return;
    const top = scrollToReveal(index, el.scrollTop, viewport, rowHeight);
    if (top === el.scrollTop) return;
    el.scrollTop = top;
    setScrollTop(top);
  };
  // A selection made elsewhere (a finding, the detail's navigation) may be far down a long list:
  // bring it into view once when it changes (hence only selectedId as a dependency), never while
  // the user scrolls on their own.
  // The list's height changes when the detail opens below it (docked narrow) or the findings
  // strip unfolds: keep the selected line in view then too (issue 13).
  useLayoutEffect(() => {
    if (active >= 0) reveal(active);
  }, [selectedId, viewport]);
  const menuAt = (id: number, line: Element | null) => {
    const box = line?.getBoundingClientRect();
    props.onContextMenu?.(id, box ? box.left + 24 : 0, box ? box.bottom : 0);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      const item = model.at(active);
      if (item?.kind !== 'row' || props.onContextMenu === undefined) return;
      e.preventDefault();
      menuAt(item.row.id, document.getElementById(lineId(active)));
      return;
    }
    const pageSize = Math.floor(viewport / rowHeight) - 1;
    const next = moveIndex(active, e.key, model.count, pageSize);
    if (next !== undefined) {
      e.preventDefault();
      pick(next);
      reveal(next);
      return;
    }
    const actions = { ...props, toggle, pickKey: (key: string) => pick(model.indexOfKey(key)) };
    if (!actOn(model.at(active), e.key, actions)) return;
    // A used Escape only stops propagating (app.tsx explains why it is never default-prevented).
    if (e.key === 'Escape') e.stopPropagation();
    else e.preventDefault();
  };
  const onContextMenu = (e: MouseEvent) => {
    const line =
      e.target instanceof Element ? e.target.closest<HTMLElement>('[data-testid="failure"]') : null;
    const id = Number(line?.dataset['index']);
    if (line === null || !Number.isInteger(id) || props.onContextMenu === undefined) return;
    e.preventDefault();
    props.onSelect(id);
    props.onContextMenu(id, e.clientX, e.clientY);
  };
  const onClick = (index: number) => {
    const item = model.at(index);
    if (item?.kind === 'group') toggle(item.group.key);
    pick(index);
  };
  // One callback for every line, whatever this render's model: a line re-renders only when its
  // own props change (see FailureListRow).
  clicked.current = onClick;

  const count = model.count;
  const { start, end } =
    count <= renderAllBelow
      ? { start: 0, end: count }
      : visibleRange({
          // A shrinking list (a new filter) can leave a stale scrollTop until the browser clamps it.
          scrollTop: Math.min(scrollTop, Math.max(0, count * rowHeight - viewport)),
          viewportHeight: viewport,
          rowHeight,
          count,
          overscan,
        });

  return (
    <div class="fl" data-grouped={grouped}>
      <FailureListHeader
        {...(props.sort === undefined ? {} : { sort: props.sort })}
        {...(props.onSortChange === undefined ? {} : { onSort: props.onSortChange })}
      />
      <div
        ref={scroller}
        class="fl-scroller"
        role={grouped ? 'tree' : 'listbox'}
        tabIndex={0}
        aria-label={props.label ?? 'Failed requests'}
        aria-activedescendant={active >= start && active < end ? lineId(active) : undefined}
        data-testid="failure-list"
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
        onContextMenu={onContextMenu}
      >
        {count === 0 && props.empty !== undefined ? <div class="fl-empty">{props.empty}</div> : null}
        <div class="fl-canvas" style={{ height: `${count * rowHeight}px` }}>
          {range(start, end).map((index) => {
            const item = model.at(index);
            if (item === undefined) return null;
            const line: LineProps = {
              domId: lineId(index),
              index,
              pos: item.pos,
              size: item.size,
              tree: grouped,
              top: index * rowHeight,
              height: rowHeight,
              selected: index === active,
              onPick,
            };
            return item.kind === 'row' ? (
              <FailureListRow key={item.key} {...line} row={item.row} nested={item.groupKey !== undefined} />
            ) : (
              <FailureListGroupRow key={item.key} {...line} group={item.group} expanded={item.expanded} />
            );
          })}
        </div>
      </div>
    </div>
  );
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, k) => start + k);
}
