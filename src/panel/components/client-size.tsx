import { useLayoutEffect, useState } from 'preact/hooks';
import type { RefObject } from 'preact';

/**
 * An element's clientWidth or clientHeight in CSS pixels, kept current with a ResizeObserver
 * (DevTools panels are resized by docking and by the drawer). Before layout, or in a DOM without
 * layout (tests), it reports `fallback`, so what depends on it (the list's window, the timeline's
 * scale) still has a sensible, bounded size.
 */
export function useClientSize(
  ref: RefObject<HTMLElement | null>,
  axis: 'width' | 'height',
  fallback: number,
): number {
  const [size, setSize] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return undefined;
    const read = (): void => setSize(axis === 'width' ? el.clientWidth : el.clientHeight);
    read();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, axis]);
  return size > 0 ? size : fallback;
}
