import { useCallback, useEffect, useState } from 'preact/hooks';
import { EmptyState } from './components/empty-state.tsx';
import { FailureList } from './components/failure-list.tsx';
import { FindingsStrip } from './components/findings-strip.tsx';
import { HarDropZone, HarImportButton, HarTransferBar } from './components/har-import.tsx';
import { LazyFailureDetail, LazyRetryTimeline, LazySettingsView } from './components/lazy-view.tsx';
import { NoticeBar } from './components/notice-bar.tsx';
import { RateLimitGauges } from './components/rate-limit-gauges.tsx';
import { RowMenu, type RowMenuState } from './components/row-menu.tsx';
import { Toolbar } from './components/toolbar.tsx';
import type { PanelStore } from './store/panel-store.ts';

/** Below this width the panel is "docked narrow": one toolbar row, findings folded. */
const NARROW = '(max-width: 640px)';

function useMedia(query: string): boolean {
  const [matches, setMatches] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const list = matchMedia(query);
    const onChange = (): void => setMatches(list.matches);
    list.addEventListener('change', onChange);
    onChange();
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

const isFind = (e: KeyboardEvent): boolean =>
  (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f';

/**
 * The panel's keys that DevTools also wants, handled once on <html>, bubbling.
 *
 * Chromium: the extension API DevTools injects into extension pages forwards Escape and modified
 * keys from a bubbling `keydown` listener on `document` (TESTING.md "Escape"; verified in
 * Chromium 150), where Escape toggles the Console drawer and Ctrl+F opens DevTools' find bar.
 * <html> is the last stop before `document`: stopping propagation here keeps DevTools out.
 *
 * Firefox ESR 140: the toolbox toggles its split console on an Escape before the panel sees it,
 * and again on the reply the parent process gets for a key the panel did not preventDefault (see
 * test/e2e/devtools-firefox.mjs "Key presses"). An Escape the panel uses must therefore NOT be
 * default-prevented there, or the split console stays open. Hence the rule for Escape, in every
 * component: a component that uses it calls stopPropagation (never preventDefault), so it never
 * reaches this handler, and this handler does the same when it closes something. Ctrl+F is the
 * opposite: preventDefault keeps Firefox's reply (its own find handling) from acting on it.
 *
 * - Ctrl+F / Cmd+F focuses the panel's filter box (Firefox has no find bar for extension panels;
 *   in Chromium, DevTools' find bar still drives the filter when opened from DevTools itself);
 * - Escape closes the innermost open thing here (Settings, the detail, a finding's focus). With
 *   nothing to close, it reaches DevTools and toggles the drawer as on any other panel.
 */
function usePanelKeys(store: PanelStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (isFind(e)) {
        e.preventDefault();
        e.stopPropagation();
        store.focusFilter();
        return;
      }
      if (e.key !== 'Escape' || !closeOne(store)) return;
      e.stopPropagation();
    };
    const root = document.documentElement;
    root.addEventListener('keydown', onKey);
    return () => root.removeEventListener('keydown', onKey);
  }, [store]);
}

/** Close the innermost open thing; false when nothing was open. */
function closeOne(store: PanelStore): boolean {
  if (store.view.value === 'settings') {
    store.view.value = 'list';
    return true;
  }
  if (store.detailOpen.value) {
    store.closeDetail();
    // Focus may have been inside the detail, which is gone: hand it back to the list.
    document.querySelector<HTMLElement>('[data-testid="failure-list"]')?.focus();
    return true;
  }
  if (store.focus.value !== undefined) {
    store.clearFocus();
    return true;
  }
  return false;
}

/** The panel: one toolbar row, findings and gauges above the failure list, the detail beside it. */
export function App({ store }: { store: PanelStore }) {
  const theme = store.theme.value;
  const narrow = useMedia(NARROW);
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
  usePanelKeys(store);
  const onImport = (file: File): void => void store.importFile(file);
  const onImportError = (message: string): void => store.reportError(message);
  return (
    <HarDropZone onImport={onImport} onError={onImportError}>
      <div class="app" data-narrow={narrow}>
        <Toolbar store={store} importSlot={<HarImportButton onImport={onImport} onError={onImportError} />} />
        <HarTransferBar store={store} />
        <NoticeBar store={store} />
        {store.view.value === 'settings' ? (
          <LazySettingsView store={store} />
        ) : (
          <Session store={store} narrow={narrow} />
        )}
      </div>
    </HarDropZone>
  );
}

function Session({ store, narrow }: { store: PanelStore; narrow: boolean }) {
  const [menu, setMenu] = useState<RowMenuState | undefined>(undefined);
  const closeMenu = useCallback(() => setMenu(undefined), []);
  const open = store.detailOpen.value && store.selected.value !== undefined;
  return (
    <>
      <FindingsStrip store={store} narrow={narrow} />
      {store.timelineOpen.value && <LazyRetryTimeline store={store} />}
      <RateLimitGauges store={store} />
      <main class="split" data-detail={open ? 'open' : 'closed'}>
        <ListPane store={store} onMenu={setMenu} />
        {open && <LazyFailureDetail store={store} />}
      </main>
      {menu && <RowMenu store={store} menu={menu} onClose={closeMenu} />}
    </>
  );
}

/**
 * The failure list, a component of its own: it is what changes while capture flows (every update
 * of the views), and reading the rows here keeps those updates from re-rendering the findings, the
 * gauges and an open detail with its ticket and body (Preact's DOM diff was the panel's largest
 * script cost in bench:capture's profile).
 */
function ListPane({ store, onMenu }: { store: PanelStore; onMenu: (menu: RowMenuState) => void }) {
  const rows = store.visibleRows.value;
  // A click on a failure line opens its detail; arrow keys only move the selection (Enter opens),
  // the way the Network panel's request list behaves. FailureList reports both as onSelect, so the
  // click is recognised here, after the list has selected the line.
  const onClick = (event: MouseEvent): void => {
    if (event.target instanceof Element && event.target.closest('[data-testid="failure"]'))
      store.openDetail();
  };
  return (
    <section class="list-pane" aria-label="Failures" onClick={onClick}>
      <FailureList
        rows={rows}
        grouped={store.grouped.value}
        selectedId={store.selectedId.value}
        onSelect={(id) => store.select(id, store.detailOpen.value)}
        onOpen={(id) => store.select(id, true)}
        onClose={() => {
          if (!store.detailOpen.value) return false;
          store.closeDetail();
          return true;
        }}
        sort={store.sort.value}
        onSortChange={(sort) => store.setSort(sort)}
        onContextMenu={(id, x, y) => onMenu({ id, x, y })}
        label="Failed API calls"
        empty={<EmptyState store={store} />}
      />
    </section>
  );
}
