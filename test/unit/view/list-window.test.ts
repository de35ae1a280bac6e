import { describe, expect, it } from 'vitest';
import {
  activeIndex,
  groupItems,
  flatModel,
  groupedModel,
  moveIndex,
  scrollToReveal,
  visibleRange,
  groupFailures,
} from '../../../src/core/view/index.ts';
import { row } from './rows.ts';

describe('visibleRange', () => {
  const geometry = { viewportHeight: 220, rowHeight: 22, overscan: 5 };

  it('renders the viewport plus overscan, independent of the total count', () => {
    expect(visibleRange({ ...geometry, scrollTop: 0, count: 100 })).toEqual({ start: 0, end: 16 });
    expect(visibleRange({ ...geometry, scrollTop: 0, count: 1_000_000 })).toEqual({ start: 0, end: 16 });
    expect(visibleRange({ ...geometry, scrollTop: 2200, count: 1_000_000 })).toEqual({ start: 95, end: 116 });
  });

  it('clamps at the end and for short lists', () => {
    expect(visibleRange({ ...geometry, scrollTop: 99_999, count: 30 })).toEqual({ start: 25, end: 30 });
    expect(visibleRange({ ...geometry, scrollTop: 0, count: 3 })).toEqual({ start: 0, end: 3 });
    expect(visibleRange({ ...geometry, scrollTop: 0, count: 0 })).toEqual({ start: 0, end: 0 });
  });
});

describe('moveIndex', () => {
  it.each([
    [-1, 'ArrowDown', 0],
    [-1, 'ArrowUp', 9],
    [3, 'ArrowDown', 4],
    [9, 'ArrowDown', 9],
    [0, 'ArrowUp', 0],
    [5, 'Home', 0],
    [5, 'End', 9],
    [2, 'PageDown', 6],
    [8, 'PageDown', 9],
    [5, 'PageUp', 1],
    [2, 'PageUp', 0],
  ])('from %i, %s goes to %i', (from, key, to) => {
    expect(moveIndex(from, key, 10, 4)).toBe(to);
  });

  it('ignores other keys and empty lists', () => {
    expect(moveIndex(1, 'a', 10, 4)).toBeUndefined();
    expect(moveIndex(-1, 'ArrowDown', 0, 4)).toBeUndefined();
  });
});

describe('scrollToReveal', () => {
  it('scrolls only as far as needed', () => {
    expect(scrollToReveal(5, 0, 220, 22)).toBe(0);
    expect(scrollToReveal(10, 0, 220, 22)).toBe(22);
    expect(scrollToReveal(2, 220, 220, 22)).toBe(44);
  });
});

describe('list items and the active index', () => {
  const rows = [
    row({ id: 1, path: '/a/1', startedMs: 1 }),
    row({ id: 2, path: '/a/2', startedMs: 2 }),
    row({ id: 3, path: '/b', startedMs: 3 }),
  ];
  const groups = groupFailures(rows);
  const key = groups[0]?.key ?? '';

  it('lists members after an expanded group header only', () => {
    expect(groupItems(groups, new Set()).map((i) => i.kind)).toEqual(['group', 'group']);
    expect(groupItems(groups, new Set([key])).map((i) => i.key)).toEqual([
      `g${key}`,
      'r1',
      'r2',
      `g${groups[1]?.key}`,
    ]);
  });

  it('follows the selected id, using the active key only to tell a header from its member', () => {
    const flat = flatModel(rows);
    expect(flat.activeIndex(undefined, 3)).toBe(2);
    expect(flat.activeIndex(undefined, undefined)).toBe(-1);
    expect(flat.activeIndex(undefined, 42)).toBe(-1);
    expect(flat.at(1)).toEqual({ kind: 'row', key: 'r2', row: rows[1], pos: 2, size: 3 });
    expect(flat.indexOfKey('r3')).toBe(2);
    const open = groupItems(groups, new Set([key]));
    expect(activeIndex(open, undefined, 2)).toBe(2);
    expect(activeIndex(open, `g${key}`, 2)).toBe(0);
    expect(activeIndex(open, 'r1', 2)).toBe(2); // a stale key loses to the selection
    expect(activeIndex(groupItems(groups, new Set()), undefined, 1)).toBe(0);
    const model = groupedModel(groups, new Set([key]));
    expect(model.count).toBe(4);
    expect(model.indexOfKey('r2')).toBe(2);
    expect(model.activeIndex(`g${key}`, 2)).toBe(0);
  });
});
