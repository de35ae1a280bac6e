import { useLayoutEffect, useState } from 'preact/hooks';
import type { RefObject } from 'preact';

/**
 * The scroll container's height in CSS pixels, kept current with a ResizeObserver (DevTools
 * panels are resized by docking and by the drawer). Before layout, or in a DOM without layout
 * (tests), it reports `fallback` so the window still has a sensible, bounded size.
 */
export function useViewportHeight(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [height, setHeight] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return undefined;
    setHeight(el.clientHeight);
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return height > 0 ? height : fallback;
}
