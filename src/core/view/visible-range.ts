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
