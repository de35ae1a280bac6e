import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PanelStore } from '../store/panel-store.ts';
import { loadRowCopy } from './lazy-view.tsx';

export interface RowMenuState {
  id: number;
  x: number;
  y: number;
}

type RowCopy = Awaited<ReturnType<typeof loadRowCopy>>;

/**
 * The failure list's context menu (issue 13), the Network panel's "Copy" submenu for failures:
 * the ticket, the ticket as Markdown, and the request's cURL, URL and response body, all redacted
 * by the core's ticket and redaction functions. Their code is fetched when the menu opens, so a
 * click on an item copies synchronously within the click's user activation (clipboard writes need
 * it). Arrow keys move, Enter picks, Escape or a click elsewhere closes; focus returns to the list.
 */
export function RowMenu({
  store,
  menu,
  onClose,
}: {
  store: PanelStore;
  menu: RowMenuState;
  onClose: () => void;
}) {
  const [copy, setCopy] = useState<RowCopy | undefined>(undefined);
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: menu.x, top: menu.y });
  const record = store.record(menu.id);

  useEffect(() => {
    let live = true;
    loadRowCopy().then(
      (module) => live && setCopy(module),
      (error: unknown) => store.reportError(`The copy menu could not load (${String(error)}).`),
    );
    return () => {
      live = false;
    };
  }, []);

  // Keep the menu inside the panel: flip it left/up when it would overflow the window.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const box = el.getBoundingClientRect();
    const left = Math.max(0, Math.min(menu.x, innerWidth - box.width - 2));
    const top = menu.y + box.height > innerHeight ? Math.max(0, menu.y - box.height) : menu.y;
    setPosition({ left, top });
    el.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
  }, [menu, copy]);

  useEffect(() => {
    const onPointer = (e: MouseEvent) => {
      if (!(e.target instanceof Node) || !ref.current?.contains(e.target)) onClose();
    };
    const onBlur = () => onClose();
    document.addEventListener('mousedown', onPointer, true);
    addEventListener('blur', onBlur);
    return () => {
      document.removeEventListener('mousedown', onPointer, true);
      removeEventListener('blur', onBlur);
    };
  }, [onClose]);

  if (record?.diagnosis === undefined) return null;
  const { exchange, diagnosis } = record;
  const close = () => {
    onClose();
    document.querySelector<HTMLElement>('[data-testid="failure-list"]')?.focus();
  };
  const run = (action: RowCopy['ROW_COPY_ACTIONS'][number]) => {
    if (copy === undefined || !copy.canCopy(action.id, exchange)) return;
    const text = copy.rowCopyText(action.id, exchange, diagnosis);
    close();
    void store.platform
      .copyText(text)
      .then((via) =>
        via === 'failed'
          ? store.reportError(
              'Copy failed: the browser refused the clipboard. Use the detail’s Copy buttons.',
            )
          : store.say(`${action.label.replace(/^Copy /, 'Copied ')}.`),
      );
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.stopPropagation(); // not preventDefault: see app.tsx
      close();
    } else if (e.key === 'Tab') {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      (e.key === 'Home' ? items[0] : items[items.length - 1])?.focus();
    }
  };
  return (
    <div
      ref={ref}
      class="row-menu"
      role="menu"
      aria-label={`Copy ${exchange.method} ${exchange.status === 0 ? '(failed)' : exchange.status}`}
      data-testid="row-menu"
      style={{ left: `${position.left}px`, top: `${position.top}px` }}
      onKeyDown={onKeyDown}
    >
      {(copy?.ROW_COPY_ACTIONS ?? []).map((action) => {
        const enabled = copy?.canCopy(action.id, exchange) ?? false;
        return (
          <button
            key={action.id}
            type="button"
            role="menuitem"
            tabIndex={-1}
            aria-disabled={!enabled}
            data-testid="row-copy"
            data-action={action.id}
            onClick={() => run(action)}
          >
            {action.label}
          </button>
        );
      })}
      {copy === undefined && <span class="muted">Loading…</span>}
    </div>
  );
}
